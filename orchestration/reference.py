"""The reference CSVs in seeds/ that tell ingestion what to fetch (dbt loads the same files)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

PROVIDERS = ("yahoo", "coinbase", "fred")
FEED_FORMATS = ("rss", "atom")


class ReferenceError(ValueError):
    """A row of a reference CSV that cannot be used; the message names file, row and field."""


@dataclass(frozen=True)
class Asset:
    symbol: str
    asset_class: str
    calendar: str
    provider: str
    provider_symbol: str


@dataclass(frozen=True)
class Feed:
    feed_id: str
    name: str
    url: str
    format: str


def _rows(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    if not path.is_file():
        raise ReferenceError(f"{path}: file not found")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise ReferenceError(f"{path}: missing column(s) {', '.join(missing)}")
        rows = list(reader)
    for line, row in enumerate(rows, start=2):
        for column in required:
            if not (row.get(column) or "").strip():
                raise ReferenceError(f"{path}:{line}: empty {column}")
    return rows


def _check_choice(path: Path, line: int, field: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ReferenceError(
            f"{path}:{line}: {field}={value!r} is not one of {', '.join(choices)}"
        )


def load_assets(seeds_dir: Path) -> list[Asset]:
    path = seeds_dir / "assets.csv"
    fields = ("symbol", "asset_class", "calendar", "provider", "provider_symbol")
    assets = []
    for line, row in enumerate(_rows(path, fields), start=2):
        _check_choice(path, line, "provider", row["provider"], PROVIDERS)
        assets.append(Asset(**{f: row[f].strip() for f in fields}))
    return assets


def load_feeds(seeds_dir: Path) -> list[Feed]:
    path = seeds_dir / "feeds.csv"
    fields = ("feed_id", "name", "url", "format")
    feeds = []
    for line, row in enumerate(_rows(path, fields), start=2):
        _check_choice(path, line, "format", row["format"], FEED_FORMATS)
        if not row["url"].startswith(("http://", "https://")):
            raise ReferenceError(f"{path}:{line}: url {row['url']!r} is not http(s)")
        feeds.append(Feed(**{f: row[f].strip() for f in fields}))
    return feeds

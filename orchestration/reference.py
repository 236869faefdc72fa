"""The reference CSVs in seeds/ that tell ingestion what to fetch (dbt loads the same files)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .sources.providers import get_provider

PROVIDERS = ("yahoo", "coinbase", "fred", "csv")
FEED_FORMATS = ("rss", "atom")


class ReferenceError(ValueError):
    """A row of a reference CSV that cannot be used; the message names file, row and field."""


@dataclass(frozen=True)
class Asset:
    symbol: str
    asset_class: str
    calendar: str
    provider: str  # one provider, or several in fallback order: "yahoo|csv"
    provider_symbol: str  # the symbol at each provider, in the same order

    def price_sources(self, seeds_dir: Path) -> list[tuple[str, str]]:
        """(provider, provider_symbol) pairs in the order to try them; a local file's path,
        written relative to the seeds folder, comes back absolute."""
        pairs = zip(self.provider.split("|"), self.provider_symbol.split("|"), strict=True)
        return [(provider, _resolve(provider, symbol, seeds_dir)) for provider, symbol in pairs]


def _resolve(provider: str, symbol: str, seeds_dir: Path) -> str:
    if not get_provider(provider).LOCAL_FILE:
        return symbol
    path, _, ticker = symbol.partition("#")
    full = (seeds_dir / path).resolve()
    return f"{full}#{ticker}" if ticker else str(full)


@dataclass(frozen=True)
class Feed:
    feed_id: str
    name: str
    url: str
    format: str


def _rows(path: Path, required: tuple[str, ...],
          optional: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """The rows of a reference CSV: `required` columns present and filled in every row,
    `optional` ones present (dbt's seed reads every column) but possibly empty."""
    if not path.is_file():
        raise ReferenceError(f"{path}: file not found")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required + optional if c not in (reader.fieldnames or [])]
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
    for line, row in enumerate(_rows(path, fields, optional=("sector",)), start=2):
        providers, symbols = row["provider"].split("|"), row["provider_symbol"].split("|")
        if len(providers) != len(symbols):
            raise ReferenceError(f"{path}:{line}: {len(providers)} provider(s) but "
                                 f"{len(symbols)} provider_symbol(s); give one symbol each")
        for provider in providers:
            _check_choice(path, line, "provider", provider, PROVIDERS)
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

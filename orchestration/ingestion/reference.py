"""The reference CSVs in seeds/ that tell ingestion what to fetch (dbt loads the same files)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from orchestration.sources.providers import PROVIDERS, get_provider

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
        for provider, symbol in zip(providers, symbols, strict=True):
            _check_choice(path, line, "provider", provider, tuple(PROVIDERS))
            _check_source(path, line, provider, symbol.strip(), seeds_dir)
        _check_name(path, line, "symbol", row["symbol"].strip())
        assets.append(Asset(**{f: row[f].strip() for f in fields}))
    return assets


# Names that become part of a file path (snapshots/, landing/): no separator, not "." or "..".
NAME = re.compile(r"[A-Za-z0-9^=_-][A-Za-z0-9^=._-]*")


def _check_name(path: Path, line: int, field: str, value: str) -> None:
    if not NAME.fullmatch(value):
        raise ReferenceError(f"{path}:{line}: {field}={value!r}: use letters, digits and "
                             "^ = . _ - only (not starting with a dot)")


def _check_source(path: Path, line: int, provider: str, symbol: str, seeds_dir: Path) -> None:
    """A provider's symbol is a name; a local file's path stays inside the seeds folder."""
    if not get_provider(provider).LOCAL_FILE:
        _check_name(path, line, "provider_symbol", symbol)
        return
    file = Path(_resolve(provider, symbol, seeds_dir).partition("#")[0])
    if not file.is_relative_to(seeds_dir.resolve()):
        raise ReferenceError(f"{path}:{line}: provider_symbol {symbol!r} is outside the seeds "
                             f"folder {seeds_dir}: local price files live under it")


def load_feeds(seeds_dir: Path) -> list[Feed]:
    path = seeds_dir / "feeds.csv"
    fields = ("feed_id", "name", "url", "format")
    feeds = []
    for line, row in enumerate(_rows(path, fields), start=2):
        _check_choice(path, line, "format", row["format"], FEED_FORMATS)
        _check_name(path, line, "feed_id", row["feed_id"].strip())
        if not row["url"].startswith(("http://", "https://")):
            raise ReferenceError(f"{path}:{line}: url {row['url']!r} is not http(s)")
        feeds.append(Feed(**{f: row[f].strip() for f in fields}))
    return feeds

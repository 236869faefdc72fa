"""FRED graph CSV (index levels: one value per weekday, empty on market holidays)."""

from __future__ import annotations

import csv
import io
from datetime import date

from orchestration.sources.providers import Bar, PriceResponseError

BASE_URL = "https://fred.stlouisfed.org/graph/fredgraph.csv"
EXTENSION = "csv"
LOCAL_FILE = False
RESTATES_HISTORY = False


def request_urls(provider_symbol: str, start: date, end: date) -> list[str]:
    return [f"{BASE_URL}?id={provider_symbol}&cosd={start.isoformat()}&coed={end.isoformat()}"]


def parse(body: bytes, provider_symbol: str) -> list[Bar]:
    try:
        text = body.decode("utf-8-sig", errors="strict")
    except UnicodeDecodeError as exc:
        raise PriceResponseError(f"not a FRED CSV: not UTF-8 ({exc.reason} at byte "
                                 f"{exc.start})") from None
    try:
        return _bars(csv.reader(io.StringIO(text)), provider_symbol)
    except csv.Error as exc:
        raise PriceResponseError(f"not a readable FRED CSV: {exc}") from None


def _bars(reader, provider_symbol: str) -> list[Bar]:
    header = next(reader, None)
    if not header or len(header) < 2 or header[1].strip() != provider_symbol:
        raise PriceResponseError(f"not a FRED CSV for {provider_symbol}: header {header!r}")
    bars = []
    for row in reader:
        if len(row) < 2 or row[1].strip() in ("", "."):  # FRED leaves holidays empty (or ".")
            continue
        try:
            day, value = date.fromisoformat(row[0]), float(row[1])
        except ValueError as exc:
            raise PriceResponseError(f"bad FRED row {row!r}: {exc}") from exc
        bars.append(Bar(price_date=day, open=None, high=None, low=None,
                        close=value, adj_close=value, volume=None))
    return bars

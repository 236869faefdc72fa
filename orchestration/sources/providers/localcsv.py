"""Daily bars from a CSV file the user already has (provider "csv"; its symbol is the file's
path, relative to the seeds folder, optionally with "#TICKER" to pick one ticker from a file that
holds several). Reads the layouts common tools write:

- Date,Open,High,Low,Close,Adj Close,Volume (any order, any case, extra columns ignored);
- yfinance's three-row header (Price,Close,... / Ticker,NVDA,... / Date,,,...);
- an empty first header cell for the date (a pandas index written out);
- long files with a Symbol/Ticker column;
- two columns, date and level (as FRED writes them).
"""

from __future__ import annotations

import csv
import io
from datetime import date

from orchestration.sources.providers import Bar, PriceResponseError

EXTENSION = "csv"
LOCAL_FILE = True
RESTATES_HISTORY = False
ALIASES = {"date": "date", "datetime": "date", "observation_date": "date", "open": "open",
           "high": "high", "low": "low", "close": "close", "adj close": "adj_close",
           "adj_close": "adj_close", "adjclose": "adj_close", "volume": "volume",
           "symbol": "symbol", "ticker": "symbol"}


def request_urls(provider_symbol: str, start: date, end: date) -> list[str]:
    return []  # read from disk by the transport, never requested


def split_symbol(provider_symbol: str) -> tuple[str, str | None]:
    path, _, ticker = provider_symbol.partition("#")
    return path, ticker or None


def _header(rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """Column names and data rows, undoing yfinance's three-row header."""
    if len(rows) > 2 and rows[0] and rows[0][0] == "Price" and rows[1][:1] == ["Ticker"]:
        start = 3 if rows[2][:1] == ["Date"] else 2
        return ["date", *rows[0][1:]], rows[start:]
    return rows[0], rows[1:]


def _columns(header: list[str]) -> dict[str, int]:
    names = [h.strip().lower() for h in header]
    if names and names[0] == "":
        names[0] = "date"  # a pandas index written without its name
    if len(names) == 2 and names[0] in ("date", "observation_date"):
        names[1] = "close"  # date and one series, as FRED writes it
    doubled = sorted({n for n in names if n and names.count(n) > 1})
    if doubled:
        raise PriceResponseError(f"ambiguous CSV: columns named twice: {', '.join(doubled)}")
    columns = {ALIASES[n]: i for i, n in enumerate(names) if n in ALIASES}
    missing = [c for c in ("date", "close") if c not in columns]
    if missing:
        raise PriceResponseError(f"CSV has no {' or '.join(missing)} column: header {header!r}")
    return columns


def _number(row: list[str], columns: dict[str, int], name: str) -> float | None:
    if name not in columns or columns[name] >= len(row) or row[columns[name]].strip() in ("", "."):
        return None
    return float(row[columns[name]])


def parse(body: bytes, provider_symbol: str) -> list[Bar]:
    try:
        rows = [row for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) if row]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise PriceResponseError(f"not a readable CSV: {exc}") from exc
    if not rows:
        raise PriceResponseError("empty CSV")
    header, data = _header(rows)
    columns = _columns(header)
    _, ticker = split_symbol(provider_symbol)
    if "symbol" in columns and ticker is None:
        tickers = {row[columns["symbol"]] for row in data}
        if len(tickers) > 1:
            raise PriceResponseError(f"CSV holds {len(tickers)} tickers: name one with #TICKER")
    bars = []
    for line, row in enumerate(data, start=len(rows) - len(data) + 1):
        if ticker and row[columns["symbol"]] != ticker:
            continue
        try:
            close = _number(row, columns, "close")
            if close is None:
                continue  # a holiday left empty
            adjusted = _number(row, columns, "adj_close")
            bars.append(Bar(price_date=date.fromisoformat(row[columns["date"]].strip()[:10]),
                            open=_number(row, columns, "open"), high=_number(row, columns, "high"),
                            low=_number(row, columns, "low"), close=close,
                            adj_close=close if adjusted is None else adjusted,
                            volume=_number(row, columns, "volume")))
        except (ValueError, IndexError) as exc:
            raise PriceResponseError(f"line {line}: {exc}: {row!r}") from exc
    return sorted(bars, key=lambda bar: bar.price_date)

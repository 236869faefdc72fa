"""Price providers: each module turns a date range into request URLs and a response into bars.

Every provider module exposes the same two functions:

- ``request_urls(provider_symbol, start, end) -> list[str]``: the URLs covering [start, end]
  (inclusive dates), chunked to the provider's paging limit;
- ``parse(body, provider_symbol) -> list[Bar]``: the daily bars in one response body;

``EXTENSION``: the file extension its responses are archived under in landing/;
``RESTATES_HISTORY``: whether its adjusted closes of past days change after a dividend or a
split (then every fetch also refreshes a trailing year, so returns never mix two bases), and
``LOCAL_FILE``: whether its symbol is a file on disk rather than something to request.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date
from types import ModuleType

# The price providers a reference file may name, and the module of each: the one list.
PROVIDERS = {"yahoo": "yahoo", "coinbase": "coinbase", "fred": "fred", "csv": "localcsv"}


class PriceResponseError(ValueError):
    """A provider response that cannot be read as daily bars; the message says why."""


@dataclass(frozen=True)
class Bar:
    price_date: date  # the session date in the market's own time zone (UTC day for crypto)
    open: float | None
    high: float | None
    low: float | None
    close: float
    adj_close: float  # split- and dividend-adjusted where the provider gives it, else close
    volume: float | None


def get_provider(name: str) -> ModuleType:
    if name not in PROVIDERS:
        raise PriceResponseError(f"unknown price provider {name!r}; known: {', '.join(PROVIDERS)}")
    return importlib.import_module(f"{__name__}.{PROVIDERS[name]}")

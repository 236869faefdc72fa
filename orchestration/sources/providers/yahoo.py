"""Yahoo Finance v8 chart JSON (equities, ETFs, indices; adjusted closes included)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

from orchestration.sources.providers import Bar, PriceResponseError

BASE_URL = "https://query2.finance.yahoo.com/v8/finance/chart/"
# Adjusted closes are restated backwards after every dividend and split: a fetch must refresh
# the history that returns are computed on, not just the days asked for.
EXTENSION = "json"
LOCAL_FILE = False
RESTATES_HISTORY = True


def request_urls(provider_symbol: str, start: date, end: date) -> list[str]:
    # One request covers any range of daily bars; period2 is exclusive, so end + 1 day.
    period1 = int(datetime.combine(start, time(), UTC).timestamp())
    period2 = int(datetime.combine(end + timedelta(days=1), time(), UTC).timestamp())
    return [f"{BASE_URL}{quote(provider_symbol)}?period1={period1}&period2={period2}"
            "&interval=1d&events=div%2Csplits&includeAdjustedClose=true"]


def parse(body: bytes, provider_symbol: str) -> list[Bar]:
    try:
        chart = json.loads(body)["chart"]
    except (ValueError, KeyError, TypeError) as exc:
        raise PriceResponseError(f"not a Yahoo chart response: {exc}") from exc
    if not isinstance(chart, dict):
        raise PriceResponseError("not a Yahoo chart response: 'chart' is not an object")
    if chart.get("error"):
        raise PriceResponseError(f"Yahoo error: {chart['error']}")
    if not chart.get("result"):
        raise PriceResponseError("Yahoo chart response has no result")
    try:
        return _bars(chart["result"][0])
    # any shape a hostile or broken response can take: a missing or mistyped field, a
    # timestamp no clock holds, an unknown time zone
    except (KeyError, IndexError, TypeError, ValueError, AttributeError, OverflowError,
            OSError) as exc:
        raise PriceResponseError(f"malformed Yahoo chart result: {type(exc).__name__}: {exc}") \
            from exc


def _bars(result: dict) -> list[Bar]:
    zone = ZoneInfo(result["meta"].get("exchangeTimezoneName") or "UTC")
    quote_ = result["indicators"]["quote"][0]
    adjusted = (result["indicators"].get("adjclose") or [{}])[0].get("adjclose")
    bars = []
    for i, stamp in enumerate(result.get("timestamp") or []):
        close = quote_["close"][i]
        if close is None:  # Yahoo leaves holes as nulls; a missing bar, not a zero price
            continue
        bars.append(Bar(
            price_date=datetime.fromtimestamp(stamp, tz=zone).date(),
            open=quote_["open"][i], high=quote_["high"][i], low=quote_["low"][i], close=close,
            adj_close=adjusted[i] if adjusted and adjusted[i] is not None else close,
            volume=quote_["volume"][i],
        ))
    return bars

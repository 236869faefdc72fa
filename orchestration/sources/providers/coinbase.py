"""Coinbase Exchange daily candles (crypto, every UTC day, at most 300 candles per request)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from orchestration.sources.providers import Bar, PriceResponseError

BASE_URL = "https://api.exchange.coinbase.com/products/"
MAX_CANDLES = 300
EXTENSION = "json"
LOCAL_FILE = False
RESTATES_HISTORY = False


def request_urls(provider_symbol: str, start: date, end: date) -> list[str]:
    urls = []
    chunk_start = start
    while chunk_start <= end:
        chunk_end = min(end, chunk_start + timedelta(days=MAX_CANDLES - 1))
        urls.append(f"{BASE_URL}{provider_symbol}/candles?granularity=86400"
                    f"&start={chunk_start.isoformat()}T00:00:00Z"
                    f"&end={chunk_end.isoformat()}T00:00:00Z")
        chunk_start = chunk_end + timedelta(days=1)
    return urls


def parse(body: bytes, provider_symbol: str) -> list[Bar]:
    try:
        candles = json.loads(body)
    except ValueError as exc:
        raise PriceResponseError(f"not JSON: {exc}") from exc
    if isinstance(candles, dict):  # errors come back as {"message": "..."}
        raise PriceResponseError(f"Coinbase error: {candles.get('message', candles)}")
    if not isinstance(candles, list):
        raise PriceResponseError(f"expected a list of candles, got {type(candles).__name__}")
    bars = []
    for candle in candles:
        try:
            stamp, low, high, open_, close, volume = candle
            bars.append(Bar(
                price_date=datetime.fromtimestamp(stamp, tz=UTC).date(),
                open=float(open_), high=float(high), low=float(low), close=float(close),
                adj_close=float(close), volume=float(volume),
            ))
        except (TypeError, ValueError, OverflowError, OSError) as exc:
            raise PriceResponseError(f"malformed candle {candle!r}") from exc
    return sorted(bars, key=lambda bar: bar.price_date)  # Coinbase sends newest first

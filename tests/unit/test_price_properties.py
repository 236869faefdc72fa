"""Generated price responses and local CSV files, valid and broken, through each provider's
real parser (hypothesis, 500 examples each): a response is read as bars or refused with
PriceResponseError (one clear line for the fetch log), never anything else, and a valid one
keeps every bar."""

import contextlib
import json
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orchestration.sources.providers import PriceResponseError, get_provider

EXAMPLES = settings(max_examples=500, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
PRICE = st.floats(min_value=0.01, max_value=1e6, allow_nan=False)
DAYS = st.lists(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
                min_size=1, max_size=30, unique=True).map(sorted)
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=20)


def read(provider: str, body: bytes, symbol: str = "X"):
    try:
        return get_provider(provider).parse(body, symbol)
    except PriceResponseError as refused:
        assert str(refused) and "\n" not in str(refused).strip()
        return None


@EXAMPLES
@given(st.sampled_from(["yahoo", "coinbase", "fred", "csv"]), st.binary(max_size=2_000))
def test_any_bytes_are_bars_or_refused(provider, body):
    read(provider, body)


def yahoo_chart(days, closes) -> dict:
    stamps = [int(datetime(d.year, d.month, d.day, 14, 30, tzinfo=UTC).timestamp()) for d in days]
    return {"chart": {"error": None, "result": [{
        "meta": {"exchangeTimezoneName": "America/New_York"}, "timestamp": stamps,
        "indicators": {"quote": [{"open": closes, "high": closes, "low": closes,
                                  "close": closes, "volume": [1000] * len(closes)}],
                       "adjclose": [{"adjclose": closes}]}}]}}


@EXAMPLES
@given(DAYS.flatmap(lambda days: st.tuples(st.just(days),
                                           st.lists(PRICE, min_size=len(days),
                                                    max_size=len(days)))))
def test_a_valid_yahoo_chart_keeps_every_bar(days_and_closes):
    days, closes = days_and_closes
    bars = read("yahoo", json.dumps(yahoo_chart(days, closes)).encode())
    assert [(b.price_date, b.close) for b in bars] == list(zip(days, closes, strict=True))


@EXAMPLES
@given(DAYS, st.data())
def test_a_yahoo_chart_with_any_field_replaced_is_bars_or_refused(days, data):
    chart = yahoo_chart(days, [100.0] * len(days))
    result = chart["chart"]["result"][0]
    path = data.draw(st.sampled_from([("timestamp",), ("meta",), ("indicators",),
                                      ("indicators", "quote"), ("indicators", "adjclose"),
                                      ("meta", "exchangeTimezoneName")]))
    target = result
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = data.draw(JSON)
    if data.draw(st.booleans()):  # or one value of the series
        with contextlib.suppress(KeyError, IndexError, TypeError):  # replaced above
            result["indicators"]["quote"][0]["close"][0] = data.draw(JSON)
    stamps = result.get("timestamp")
    if isinstance(stamps, list) and stamps and data.draw(st.booleans()):
        stamps[0] = data.draw(st.integers(min_value=-10**20, max_value=10**20))
    read("yahoo", json.dumps(chart).encode())


@EXAMPLES
@given(DAYS.flatmap(lambda days: st.tuples(st.just(days),
                                           st.lists(PRICE, min_size=len(days),
                                                    max_size=len(days)))),
       st.sampled_from(["Date,Open,High,Low,Close,Adj Close,Volume", "date,close",
                        "DATE,CLOSE,VOLUME"]))
def test_a_valid_local_csv_keeps_every_bar(days_and_closes, header):
    days, closes = days_and_closes
    columns = header.split(",")
    lines = [header] + [",".join(d.isoformat() if c.lower() == "date" else
                                 ("1000" if c.lower() == "volume" else repr(p))
                                 for c in columns) for d, p in zip(days, closes, strict=True)]
    bars = read("csv", ("\n".join(lines) + "\n").encode(), "file.csv")
    assert [(b.price_date, b.close) for b in bars] == list(zip(days, closes, strict=True))


@EXAMPLES
@given(st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=8), max_size=20),
       st.sampled_from(["Date,Close", "Date,Open,High,Low,Close,Adj Close,Volume", ""]))
def test_any_local_csv_cells_are_bars_or_refused(rows, header):
    text = "\n".join([header, *(",".join(row) for row in rows)])
    bars = read("csv", text.encode(), "file.csv")
    for bar in bars or []:
        assert isinstance(bar.price_date, date) and bar.close == bar.close  # not NaN


@EXAMPLES
@given(st.lists(st.tuples(st.integers(min_value=-10**12, max_value=10**12), PRICE, PRICE,
                          PRICE, PRICE, PRICE), max_size=30))
def test_coinbase_candles_are_bars_or_refused(candles):
    read("coinbase", json.dumps([list(c) for c in candles]).encode())


def test_a_far_timestamp_is_refused_not_a_crash():
    chart = yahoo_chart([date(2025, 1, 27)], [118.42])
    chart["chart"]["result"][0]["timestamp"] = [10**18]
    assert read("yahoo", json.dumps(chart).encode()) is None
    assert datetime(2025, 1, 27) - timedelta(days=1) < datetime(2025, 1, 27)

"""The local-file provider on the layouts users have, authored here and (when present) real."""

from datetime import date

import pytest

from orchestration.sources.providers import PriceResponseError, localcsv
from tests.conftest import SHARED_DATA


def parse(text: str, symbol: str = "file.csv"):
    return localcsv.parse(text.encode(), symbol)


def test_yfinance_three_row_header():
    bars = parse("Price,Close,High,Low,Open,Volume\nTicker,NVDA,NVDA,NVDA,NVDA,NVDA\n"
                 "Date,,,,,\n2025-01-24,142.62,146.41,141.85,145.93,234657600\n"
                 "2025-01-27,118.42,128.40,116.70,124.80,818830900\n")
    assert [(b.price_date, b.close, b.open, b.volume) for b in bars] == [
        (date(2025, 1, 24), 142.62, 145.93, 234657600.0),
        (date(2025, 1, 27), 118.42, 124.80, 818830900.0)]
    assert bars[1].adj_close == 118.42  # no Adj Close column: the close stands in


def test_yfinance_header_with_adjusted_close_and_timestamps():
    bars = parse("Price,Adj Close,Close,High,Low,Open,Volume\n"
                 "Ticker,SPY,SPY,SPY,SPY,SPY,SPY\nDate,,,,,,\n"
                 "2025-01-27 00:00:00-05:00,591.1,599.37,599.7,594.64,594.81,70361100\n")
    assert (bars[0].price_date, bars[0].close, bars[0].adj_close) == (date(2025, 1, 27), 599.37,
                                                                      591.1)


def test_empty_first_header_cell_is_the_date():
    bars = parse(",open,high,low,close,volume,Log_Return\n"
                 "2025-01-27,594.8,599.7,594.6,599.37,7e7,\n")
    assert bars[0].price_date == date(2025, 1, 27) and bars[0].close == 599.37


def test_long_file_needs_a_ticker_and_filters_on_it():
    text = ("Date,Symbol,Open,High,Low,Close,Adj Close,Volume\n"
            "2025-01-27,NVDA,124.8,128.4,116.7,118.42,118.40,818830900\n"
            "2025-01-27,AVGO,210.0,214.9,199.3,202.13,201.5,50000000\n")
    with pytest.raises(PriceResponseError, match="holds 2 tickers: name one with #TICKER"):
        parse(text)
    [bar] = parse(text, "file.csv#AVGO")
    assert (bar.close, bar.adj_close) == (202.13, 201.5)


def test_two_columns_are_date_and_level_and_holidays_are_skipped():
    bars = parse("observation_date,NASDAQCOM\n2025-01-08,19478.88\n2025-01-09,\n"
                 "2025-01-10,19161.63\n")
    assert [b.price_date.day for b in bars] == [8, 10]


@pytest.mark.parametrize(("text", "message"), [
    ("Date,Open,Open,Close,Close\n2025-01-02,1,2,3,4\n", "columns named twice: close, open"),
    ("Day,Price\n2025-01-02,1\n", "no date or close column"),
    ("Date,Close\n2025-01-02,1\n2025-01-03,n/a\n", "line 3"),
    ("Date,Close\n02/01/2025,1\n", "line 2"),
    ("", "empty CSV"),
])
def test_bad_files_are_refused_with_the_reason(text, message):
    with pytest.raises(PriceResponseError, match=message):
        parse(text)


REAL_FILES = sorted((SHARED_DATA / "prices").glob("*/*.csv")) if SHARED_DATA.exists() else []


@pytest.mark.skipif(not REAL_FILES, reason="../shared/data is absent")
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_price_files(path):
    body = path.read_bytes()
    if path.name in ("AAPL.csv", "ASML.csv"):  # a real export bug: every column twice
        with pytest.raises(PriceResponseError, match="columns named twice"):
            localcsv.parse(body, str(path))
        return
    bars = localcsv.parse(body, str(path))
    days = [bar.price_date for bar in bars]
    assert len(bars) >= 100 and days == sorted(set(days))
    assert all(bar.close > 0 for bar in bars)
    by_day = {bar.price_date: bar for bar in bars}
    if "NVDA" in path.name and date(2025, 1, 27) in by_day:
        assert by_day[date(2025, 1, 27)].close == pytest.approx(118.42, rel=0.01)
        assert by_day[date(2025, 1, 24)].close == pytest.approx(142.62, rel=0.01)

"""Provider parsers on the recorded responses and on broken ones."""

from datetime import date

import pytest

from orchestration.sources.providers import PriceResponseError, coinbase, fred, get_provider, yahoo
from tests.conftest import SNAPSHOTS, shared_data

PRICES = SNAPSHOTS / "prices"


def bars_by_date(bars):
    return {bar.price_date: bar for bar in bars}


def test_yahoo_chart_gives_nvidia_closes_of_the_deepseek_monday():
    bars = bars_by_date(yahoo.parse((PRICES / "yahoo" / "NVDA.json").read_bytes(), "NVDA"))
    assert bars[date(2025, 1, 24)].close == pytest.approx(142.62)
    assert bars[date(2025, 1, 27)].close == pytest.approx(118.42)
    assert bars[date(2025, 1, 27)].close / bars[date(2025, 1, 24)].close - 1 == pytest.approx(
        -0.1697, abs=5e-5)
    # New York sessions only: the day of mourning and MLK Day have no bar
    assert date(2025, 1, 9) not in bars and date(2025, 1, 20) not in bars


def test_yahoo_dates_are_exchange_local_for_tokyo():
    bars = bars_by_date(yahoo.parse((PRICES / "yahoo" / "9984.T.json").read_bytes(), "9984.T"))
    # Tokyo opens at 00:00 UTC: a UTC reading would be right here, but only by luck of the hour.
    change = bars[date(2025, 1, 22)].close / bars[date(2025, 1, 21)].close - 1
    assert change == pytest.approx(0.1062, abs=5e-4)


def test_yahoo_adjusted_close_reflects_dividends():
    bars = yahoo.parse((PRICES / "yahoo" / "MSFT.json").read_bytes(), "MSFT")
    early, last = bars[0], bars[-1]
    assert last.adj_close == pytest.approx(last.close)
    assert early.adj_close < early.close  # dividends paid since then are taken out


def test_coinbase_pages_join_into_every_utc_day():
    folder = PRICES / "coinbase" / "BTC-USD"
    bars = [bar for page in sorted(folder.iterdir())
            for bar in coinbase.parse(page.read_bytes(), "BTC-USD")]
    days = [bar.price_date for bar in bars]
    assert days == sorted(days) and len(days) == len(set(days))
    assert (days[-1] - days[0]).days + 1 == len(days) == 424
    by_day = bars_by_date(bars)
    assert by_day[date(2025, 1, 26)].close == pytest.approx(102682.50)
    assert by_day[date(2025, 1, 27)].close == pytest.approx(102087.69)
    assert by_day[date(2025, 1, 27)].low < 100_000  # below $100,000 intraday


def test_coinbase_requests_are_chunked_to_300_candles():
    urls = coinbase.request_urls("BTC-USD", date(2024, 1, 2), date(2025, 2, 28))
    assert len(urls) == 2
    assert "start=2024-01-02T00:00:00Z&end=2024-10-27T00:00:00Z" in urls[0]
    assert "start=2024-10-28T00:00:00Z&end=2025-02-28T00:00:00Z" in urls[1]


def test_fred_skips_holidays_left_empty():
    bars = bars_by_date(fred.parse((PRICES / "fred" / "NASDAQCOM.csv").read_bytes(), "NASDAQCOM"))
    assert date(2025, 1, 9) not in bars and date(2025, 1, 20) not in bars
    assert bars[date(2025, 1, 27)].close == pytest.approx(19341.83)
    assert bars[date(2025, 1, 27)].volume is None


@pytest.mark.parametrize(("provider", "body", "message"), [
    ("yahoo", b"<html>rate limited</html>", "not a Yahoo chart response"),
    ("yahoo", b'{"chart": {"result": null, "error": {"code": "Not Found"}}}', "Yahoo error"),
    ("yahoo", b'{"chart": {"result": [{"meta": {}}], "error": null}}', "malformed Yahoo chart"),
    ("yahoo", b'{"chart": {"result": [{"meta": {}, "timestamp": [1737988200], "indicators": '
              b'{"quote": [{"close": []}]}}], "error": null}}', "malformed Yahoo chart"),
    ("yahoo", b'{"chart": 5}', "not a Yahoo chart response"),
    ("coinbase", b'{"message": "NotFound"}', "Coinbase error: NotFound"),
    ("coinbase", b"null", "expected a list of candles"),
    ("coinbase", b'[["soon", 1, 2, 1, 2, 5]]', "malformed candle"),
    ("coinbase", b"[[1737936000, 1, 2]]", "malformed candle"),
    ("fred", b"DATE,OTHER\n2025-01-02,1\n", "not a FRED CSV for NASDAQCOM"),
    ("fred", b"observation_date,NASDAQCOM\n2025-13-40,1\n", "bad FRED row"),
])
def test_broken_responses_raise_a_specific_error(provider, body, message):
    with pytest.raises(PriceResponseError, match=message):
        get_provider(provider).parse(body, "NASDAQCOM")


def test_unknown_provider_is_named():
    with pytest.raises(PriceResponseError, match="unknown price provider 'bloomberg'"):
        get_provider("bloomberg")


def test_real_fred_download_parses():
    path = shared_data("prices", "fred", "NASDAQCOM.csv")
    bars = bars_by_date(fred.parse(path.read_bytes(), "NASDAQCOM"))
    assert bars[date(2025, 1, 24)].close == pytest.approx(19954.30)
    assert date(2025, 1, 9) not in bars

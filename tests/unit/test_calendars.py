"""Sessions as data: exchange holidays and closures, closes in UTC, crypto every day."""

from datetime import date, datetime

import pytest

from orchestration.ingestion.calendars import CalendarError, session_rows


def test_new_york_skips_the_day_of_mourning_and_mlk_day():
    rows = session_rows("XNYS", date(2025, 1, 6), date(2025, 1, 22))
    days = [row["session_date"] for row in rows]
    assert date(2025, 1, 9) not in days and date(2025, 1, 20) not in days
    assert date(2025, 1, 10) in days and date(2025, 1, 21) in days


def test_new_york_close_follows_daylight_saving_and_early_closes():
    rows = {r["session_date"]: r for r in session_rows("XNYS", date(2024, 7, 1), date(2024, 7, 5))}
    assert rows[date(2024, 7, 1)]["close_at"] == datetime(2024, 7, 1, 20, 0)  # EDT 16:00
    assert rows[date(2024, 7, 3)]["close_at"] == datetime(2024, 7, 3, 17, 0)  # early close 13:00
    assert date(2024, 7, 4) not in rows
    winter = session_rows("XNYS", date(2025, 1, 27), date(2025, 1, 27))[0]
    assert winter["close_at"] == datetime(2025, 1, 27, 21, 0)  # EST 16:00


def test_crypto_trades_every_utc_day_closing_at_midnight():
    rows = session_rows("CRYPTO", date(2025, 1, 25), date(2025, 1, 26))
    assert [(r["session_date"], r["close_at"]) for r in rows] == [
        (date(2025, 1, 25), datetime(2025, 1, 26)), (date(2025, 1, 26), datetime(2025, 1, 27))]


def test_unknown_calendar_is_a_clear_error():
    with pytest.raises(CalendarError, match="unknown calendar 'XNOPE'"):
        session_rows("XNOPE", date(2025, 1, 1), date(2025, 1, 31))

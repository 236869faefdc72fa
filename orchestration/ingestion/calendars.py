"""Trading sessions per calendar, as data: exchange calendars from exchange_calendars, crypto every
UTC day. SQL aligns events to sessions by joining to the table written from these rows."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import exchange_calendars

CRYPTO = "CRYPTO"  # trades around the clock; a daily bar is one UTC day


class CalendarError(ValueError):
    """An unknown calendar code in seeds/assets.csv."""


def _naive_utc(stamp) -> datetime:
    return stamp.tz_convert("UTC").tz_localize(None).to_pydatetime()


def session_rows(calendar: str, start: date, end: date) -> list[dict]:
    """One row per session of calendar in [start, end]: date, open and close in UTC."""
    if calendar == CRYPTO:
        days = (end - start).days + 1
        return [{"calendar": calendar, "session_date": day,
                 "open_at": datetime.combine(day, time()),
                 "close_at": datetime.combine(day + timedelta(days=1), time())}
                for day in (start + timedelta(days=n) for n in range(days))]
    try:
        # the library wants start < end; a wider end is trimmed below
        exchange = exchange_calendars.get_calendar(calendar, start=start,
                                                   end=end + timedelta(days=7))
    except exchange_calendars.errors.InvalidCalendarName as exc:
        raise CalendarError(
            f"unknown calendar {calendar!r}: use an exchange_calendars code such as XNYS "
            f"or XTKS, or {CRYPTO}") from exc
    schedule = exchange.schedule
    return [{"calendar": calendar, "session_date": session.date(),
             "open_at": _naive_utc(row.open), "close_at": _naive_utc(row.close)}
            for session, row in schedule.iterrows() if session.date() <= end]

"""Daily partitions (UTC). A partition is a day of fetching: the feeds as captured that day and
the price bars dated that day. end_offset=1 makes today's partition exist for the evening run."""

from __future__ import annotations

from datetime import date, timedelta

from dagster import AssetExecutionContext, DailyPartitionsDefinition

FIRST_DAY = "2024-01-02"  # the bundled prices start here: a 250-session estimation window

daily_partitions = DailyPartitionsDefinition(start_date=FIRST_DAY, timezone="UTC", end_offset=1)


def window_dates(context: AssetExecutionContext) -> tuple[date, date]:
    """The run's partition window as inclusive dates (one day, or a range in a backfill)."""
    window = context.partition_time_window
    return window.start.date(), (window.end - timedelta(days=1)).date()

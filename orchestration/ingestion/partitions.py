"""Daily partitions (UTC). A partition is a day of fetching: the feeds as captured that day and
the price bars dated that day. end_offset=1 makes today's partition exist for the evening run."""

from __future__ import annotations

import warnings
from datetime import date, timedelta

from dagster import (
    AssetExecutionContext,
    BackfillPolicy,
    BetaWarning,
    DailyPartitionsDefinition,
    asset,
)

# backfill_policy is marked beta; it is what makes a backfill one run instead of one per day.
warnings.filterwarnings("ignore", category=BetaWarning)

INGESTION = "ingestion"  # the asset group of the ingestion assets (and the ingest job's)
FIRST_DAY = "2024-01-02"  # the bundled prices start here: a 250-session estimation window

daily_partitions = DailyPartitionsDefinition(start_date=FIRST_DAY, timezone="UTC", end_offset=1)


def window_dates(context: AssetExecutionContext) -> tuple[date, date]:
    """The run's partition window as inclusive dates (one day, or a range in a backfill)."""
    window = context.partition_time_window
    return window.start.date(), (window.end - timedelta(days=1)).date()


def daily_raw_asset(table: str, description: str):
    """The decorator of a daily ingestion asset writing raw.<table>: a backfill of any range is
    one run, and it waits its turn in the warehouse's one-writer pool."""
    return asset(key=["raw", table], group_name=INGESTION, partitions_def=daily_partitions,
                 backfill_policy=BackfillPolicy.single_run(), pool="warehouse",
                 kinds={"python", "duckdb"}, description=description)

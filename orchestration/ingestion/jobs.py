"""When ingestion runs: the daily ingest after the US close (yesterday and today as one run,
since late prices arrive a day late), and the tags that make one run cover a range of days."""

from datetime import timedelta

from dagster import (
    AssetSelection,
    RunRequest,
    ScheduleEvaluationContext,
    define_asset_job,
    schedule,
)

from orchestration.ingestion.partitions import INGESTION

ingest_job = define_asset_job(
    "ingest",
    selection=AssetSelection.groups(INGESTION),
    description="Fetch feeds and prices for a day or a range of days (one run for a range).",
)

RANGE_START, RANGE_END = "dagster/asset_partition_range_start", "dagster/asset_partition_range_end"


def partition_range_tags(first: str, last: str) -> dict[str, str]:
    """Run tags that make one run cover partitions first..last (single-run backfill)."""
    return {RANGE_START: first, RANGE_END: last}


def ingested_days(tags: dict[str, str]) -> tuple[str, str] | None:
    """The first and last day an ingest run loaded (a range, or one partition)."""
    first = tags.get(RANGE_START) or tags.get("dagster/partition")
    last = tags.get(RANGE_END) or tags.get("dagster/partition")
    return (first, last) if first and last else None


@schedule(job=ingest_job, cron_schedule="30 22 * * *", execution_timezone="UTC")
def daily_ingest(context: ScheduleEvaluationContext):
    today = context.scheduled_execution_time.date()
    yesterday = today - timedelta(days=1)
    return RunRequest(run_key=today.isoformat(),
                      tags=partition_range_tags(yesterday.isoformat(), today.isoformat()))

"""When work runs: the daily ingest after the US close (yesterday and today as one run, since
late prices arrive a day late), and a rebuild of the marts after every successful ingest run —
scheduled, backfilled from the UI or launched by hand."""

from datetime import timedelta

from dagster import (
    AssetSelection,
    DagsterRunStatus,
    DefaultSensorStatus,
    RunRequest,
    RunStatusSensorContext,
    ScheduleEvaluationContext,
    define_asset_job,
    run_status_sensor,
    schedule,
)

from .partitions import daily_partitions

ingest_job = define_asset_job(
    "ingest",
    selection=AssetSelection.groups("ingestion"),
    partitions_def=daily_partitions,
    description="Fetch feeds and prices for a day or a range of days (one run for a range).",
)
transform_job = define_asset_job(
    "transform",
    selection=AssetSelection.all() - AssetSelection.groups("ingestion"),
    description="dbt seed and build: staging, intermediate and marts, with dbt tests as checks.",
)


def partition_range_tags(first: str, last: str) -> dict[str, str]:
    """Run tags that make one run cover partitions first..last (single-run backfill)."""
    return {"dagster/asset_partition_range_start": first,
            "dagster/asset_partition_range_end": last}


@schedule(job=ingest_job, cron_schedule="30 22 * * *", execution_timezone="UTC")
def daily_ingest(context: ScheduleEvaluationContext):
    today = context.scheduled_execution_time.date()
    yesterday = today - timedelta(days=1)
    return RunRequest(run_key=today.isoformat(),
                      tags=partition_range_tags(yesterday.isoformat(), today.isoformat()))


@run_status_sensor(run_status=DagsterRunStatus.SUCCESS, monitored_jobs=[ingest_job],
                   request_job=transform_job, default_status=DefaultSensorStatus.RUNNING)
def transform_after_ingest(context: RunStatusSensorContext):
    return RunRequest(run_key=f"after-{context.dagster_run.run_id}")

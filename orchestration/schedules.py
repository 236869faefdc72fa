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
    SensorEvaluationContext,
    SkipReason,
    define_asset_job,
    run_status_sensor,
    schedule,
    sensor,
)

from .runs import reap_dead_runs

ingest_job = define_asset_job(
    "ingest",
    selection=AssetSelection.groups("ingestion"),
    description="Fetch feeds and prices for a day or a range of days (one run for a range).",
)
transform_job = define_asset_job(
    "transform",
    selection=AssetSelection.all() - AssetSelection.groups("ingestion"),
    description="dbt seed and build (staging, intermediate and marts, with dbt tests as "
                "checks), then the marts published to serving/ for readers.",
)


RANGE_START, RANGE_END = "dagster/asset_partition_range_start", "dagster/asset_partition_range_end"
# The days of data a transform run builds on; the dbt asset passes them to dbt as vars.
MIN_DATE, MAX_DATE = "newsimpact/min_date", "newsimpact/max_date"
# On an ingest run: who builds the marts after it, when not the transform_after_ingest sensor.
TRANSFORMED_BY = "newsimpact/transformed_by"


def partition_range_tags(first: str, last: str) -> dict[str, str]:
    """Run tags that make one run cover partitions first..last (single-run backfill)."""
    return {RANGE_START: first, RANGE_END: last}


def window_tags(first: str, last: str) -> dict[str, str]:
    """Run tags that tell a transform run which days of raw data are new: first..last."""
    return {MIN_DATE: first, MAX_DATE: last}


def ingested_window(tags: dict[str, str]) -> dict[str, str]:
    """The transform tags for an ingest run's partitions (a range, or one partition)."""
    first = tags.get(RANGE_START) or tags.get("dagster/partition")
    last = tags.get(RANGE_END) or tags.get("dagster/partition")
    return window_tags(first, last) if first and last else {}


@schedule(job=ingest_job, cron_schedule="30 22 * * *", execution_timezone="UTC")
def daily_ingest(context: ScheduleEvaluationContext):
    today = context.scheduled_execution_time.date()
    yesterday = today - timedelta(days=1)
    return RunRequest(run_key=today.isoformat(),
                      tags=partition_range_tags(yesterday.isoformat(), today.isoformat()))


@run_status_sensor(run_status=DagsterRunStatus.SUCCESS, monitored_jobs=[ingest_job],
                   request_job=transform_job, default_status=DefaultSensorStatus.RUNNING)
def transform_after_ingest(context: RunStatusSensorContext):
    # the days the ingest run loaded: the incremental models look only at those (and their
    # lookbacks); a run without partitions rebuilds from everything. A `newsimpact` command
    # builds after its own ingest run, so those are left to it.
    if context.dagster_run.tags.get(TRANSFORMED_BY):
        return SkipReason(f"run {context.dagster_run.run_id[:8]} is transformed by "
                          f"{context.dagster_run.tags[TRANSFORMED_BY]}")
    return RunRequest(run_key=f"after-{context.dagster_run.run_id}",
                      tags=ingested_window(context.dagster_run.tags))


@sensor(minimum_interval_seconds=60, default_status=DefaultSensorStatus.RUNNING)
def reap_dead_runs_sensor(context: SensorEvaluationContext):
    """Under the daemon: runs whose process died are marked failed and their slots freed, so
    the schedule's next run does not wait behind them (see orchestration/runs.py)."""
    reaped = reap_dead_runs(context.instance)
    for line in reaped:
        context.log.warning(line)
    return SkipReason("; ".join(reaped) or "no run whose process died")

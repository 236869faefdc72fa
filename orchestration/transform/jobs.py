"""When the marts are built: after every successful ingest run (scheduled, backfilled from the
UI or launched by hand), over the days that run loaded."""

from dagster import (
    AssetSelection,
    DagsterRunStatus,
    DefaultSensorStatus,
    RunRequest,
    RunStatusSensorContext,
    SkipReason,
    define_asset_job,
    run_status_sensor,
)

from orchestration.ingestion.jobs import ingest_job, ingested_days
from orchestration.ingestion.partitions import INGESTION

transform_job = define_asset_job(
    "transform",
    selection=AssetSelection.all() - AssetSelection.groups(INGESTION),
    description="dbt seed and build (staging, intermediate and marts, with dbt tests as "
                "checks), then the marts published to serving/ for readers.",
)

# The days of data a transform run builds on; the dbt asset passes them to dbt as vars.
MIN_DATE, MAX_DATE = "newsimpact/min_date", "newsimpact/max_date"
# On an ingest run: who builds the marts after it, when not the transform_after_ingest sensor.
TRANSFORMED_BY = "newsimpact/transformed_by"


def window_tags(first: str, last: str) -> dict[str, str]:
    """Run tags that tell a transform run which days of raw data are new: first..last."""
    return {MIN_DATE: first, MAX_DATE: last}


def ingested_window(tags: dict[str, str]) -> dict[str, str]:
    """The transform tags for an ingest run's partitions (a range, or one partition)."""
    days = ingested_days(tags)
    return window_tags(*days) if days else {}


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

"""The window of new raw data travels from an ingest run's partitions to dbt's vars."""

import json

from orchestration.assets.dbt import build_args
from orchestration.schedules import ingested_window, partition_range_tags, window_tags


def test_a_backfill_range_becomes_the_transform_window():
    assert ingested_window(partition_range_tags("2025-01-20", "2025-01-27")) == {
        "newsimpact/min_date": "2025-01-20", "newsimpact/max_date": "2025-01-27"}


def test_a_single_partition_is_a_window_of_one_day():
    assert ingested_window({"dagster/partition": "2025-01-25"}) == window_tags(
        "2025-01-25", "2025-01-25")


def test_a_run_without_partitions_builds_from_everything():
    assert ingested_window({"dagster/backfill": "abc"}) == {}
    assert build_args({}, full_refresh=False) == ["build"]


def test_the_window_reaches_dbt_as_vars():
    args = build_args(window_tags("2025-07-01", "2025-07-01"), full_refresh=True)
    assert args[:2] == ["build", "--vars"] and args[-1] == "--full-refresh"
    assert json.loads(args[2]) == {"min_date": "2025-07-01", "max_date": "2025-07-01"}

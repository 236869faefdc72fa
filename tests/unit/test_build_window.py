"""The window of new raw data travels from an ingest run's partitions to dbt's vars."""

import json

import duckdb

from orchestration.ingestion.jobs import partition_range_tags
from orchestration.transform.assets import build_args
from orchestration.transform.jobs import ingested_window, window_tags


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


def test_a_window_that_ends_before_loaded_data_is_a_backfill_into_the_past(tmp_path):
    from orchestration.transform.assets import backfills_the_past

    database = tmp_path / "w.duckdb"
    with duckdb.connect(str(database)) as con:
        con.execute("create schema raw")
        con.execute("create table raw.prices (price_date date)")
        con.execute("create table raw.news_items (first_fetched_at timestamp)")
        con.execute("insert into raw.prices values ('2025-01-31')")
        con.execute("insert into raw.news_items values ('2025-02-03 23:30:00')")
    assert backfills_the_past(database, window_tags("2025-01-18", "2025-01-22"))
    assert backfills_the_past(database, window_tags("2025-01-30", "2025-02-02"))  # news after
    assert not backfills_the_past(database, window_tags("2025-02-02", "2025-02-03"))
    assert not backfills_the_past(database, {})  # no window: a full build anyway

"""The code location loads and forms one lineage graph from feeds to fct_event_impact."""

import subprocess

from dagster import AssetKey, DefaultSensorStatus

from orchestration.definitions import build_defs
from orchestration.ingestion.partitions import daily_partitions
from orchestration.settings import Settings
from tests.conftest import REPO, VENV_BIN, environment

defs = build_defs(Settings.from_env())


def asset_graph():
    return defs.resolve_asset_graph()


def test_ingestion_assets_are_daily_partitioned_and_the_calendar_is_not():
    graph = asset_graph()
    for key in (["raw", "news_items"], ["raw", "prices"]):
        assert graph.get(AssetKey(key)).partitions_def == daily_partitions
    assert graph.get(AssetKey(["raw", "sessions"])).partitions_def is None


def test_dbt_sources_hang_off_the_ingestion_assets():
    graph = asset_graph()
    parents = graph.get(AssetKey(["staging", "stg_news_items"])).parent_keys
    assert AssetKey(["raw", "news_items"]) in parents
    assert AssetKey(["raw", "sessions"]) in graph.get(
        AssetKey(["staging", "stg_sessions"])).parent_keys
    assert AssetKey(["seeds", "assets"]) in graph.get(
        AssetKey(["staging", "stg_assets"])).parent_keys


def test_fct_event_impact_reaches_back_to_every_ingestion_asset():
    graph = asset_graph()
    upstream, frontier = set(), [AssetKey(["marts", "fct_event_impact"])]
    while frontier:
        for parent in graph.get(frontier.pop()).parent_keys:
            if parent not in upstream:
                upstream.add(parent)
                frontier.append(parent)
    assert {AssetKey(["raw", t]) for t in ("news_items", "prices", "sessions")} <= upstream


def test_jobs_schedule_and_checks_are_registered():
    assert defs.resolve_job_def("ingest").partitions_def == daily_partitions
    assert defs.resolve_job_def("transform")
    schedule = defs.resolve_schedule_def("daily_ingest")
    assert schedule.cron_schedule == "30 22 * * *"
    sensor = defs.resolve_sensor_def("transform_after_ingest")
    assert sensor.job_name == "transform"
    assert sensor.default_status == DefaultSensorStatus.RUNNING
    check_names = {key.name for key in asset_graph().asset_check_keys}
    assert {"feed_cnbc_top_news", "feed_the_verge", "prices_NVDA", "prices_9984_T",
            "prices_have_no_gaps"} <= check_names
    assert "unique_int_articles_article_id" in check_names  # dbt tests are checks


def test_dagster_definitions_validate_passes(tmp_path):
    result = subprocess.run([str(VENV_BIN / "dagster"), "definitions", "validate"],
                            cwd=REPO, capture_output=True, text=True, timeout=300,
                            env=environment(DAGSTER_HOME=str(tmp_path)))
    assert result.returncode == 0, result.stdout + result.stderr

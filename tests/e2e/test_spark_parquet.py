"""The Parquet on both sides of a Spark target. `newsimpact export-raw` writes the demo's raw
tables, what dbt's Spark targets read: every row once, news items in one folder per day fetched,
a second export in place of the first, a missing warehouse one line. The publication reads the
marts Spark wrote back (tests/e2e/test_spark.py), and says which one is missing."""

import subprocess

import duckdb
import pytest

from orchestration.publishing.publish import PublishError, publish
from orchestration.runtime.warehouse import connect_read_only
from orchestration.transform.project import dbt_project
from tests.conftest import REPO, VENV_BIN, environment

pytestmark = pytest.mark.slow


def export_raw(warehouse, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(VENV_BIN / "newsimpact"), "export-raw", *args], cwd=REPO,
                          env=environment(NEWSIMPACT_WAREHOUSE=str(warehouse)),
                          capture_output=True, text=True, timeout=120)


def test_the_raw_tables_are_exported_whole_and_news_by_day(demo, tmp_path):
    raw = tmp_path / "raw"
    for _ in range(2):  # the second export replaces the first
        done = export_raw(demo["database"], "--to", str(raw))
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(f"newsimpact: exported the raw tables to {raw} in ")
    assert sorted(path.name for path in raw.iterdir()) == [
        "fetch_log", "news_items", "prices", "sessions"]  # no staging folder left behind
    with connect_read_only(str(demo["database"])) as con:
        for table in ("news_items", "prices", "sessions", "fetch_log"):
            parquet = f"read_parquet('{raw / table}/**/*.parquet', hive_partitioning = true)"
            assert con.execute(f"select count(*) from {parquet}").fetchone() == \
                con.execute(f"select count(*) from raw.{table}").fetchone(), table
        missing = con.execute(
            f"select count(*) from raw.news_items where item_id not in (select item_id from "
            f"read_parquet('{raw}/news_items/**/*.parquet'))").fetchone()[0]
        days = con.execute("select count(distinct cast(first_fetched_at as date)) "
                           "from raw.news_items").fetchone()[0]
    assert missing == 0
    assert len(list((raw / "news_items").glob("fetched_date=*"))) == days > 1
    nvda = duckdb.sql(f"select close from read_parquet('{raw}/prices/*.parquet') "
                      "where symbol = 'NVDA' and price_date = date '2025-01-27'").fetchone()
    assert float(nvda[0]) == pytest.approx(118.42)


def test_without_a_warehouse_export_is_one_line(tmp_path):
    done = export_raw(tmp_path / "none.duckdb")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"newsimpact: no warehouse at {tmp_path / 'none.duckdb'}: "
                           "run the ingestion first\n")


def test_publishing_without_sparks_marts_names_the_missing_one(tmp_path):
    (tmp_path / "marts" / "bridge_event_article").mkdir(parents=True)
    with pytest.raises(PublishError, match=r"^no Parquet copy of bridge_event_article under "
                                           rf"{tmp_path / 'marts'}: build the marts on Spark"):
        publish(tmp_path / "none.duckdb", tmp_path / "serving",
                dbt_project.manifest_path, str(tmp_path / "marts"))
    assert not list((tmp_path / "serving").iterdir())  # nothing half-published

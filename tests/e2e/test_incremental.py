"""Daily incremental builds end exactly where one full build does: the demo's raw rows are fed
to a new warehouse in steps (single days around the DeepSeek weekend, then ranges), each step
built with its window as dbt vars, and every intermediate table and mart is compared with the
demo's full build."""

import subprocess

import duckdb
import pytest

from orchestration.warehouse import connect_read_only
from tests.conftest import REPO, VENV_BIN, environment

STEPS = [("1900-01-01", "2025-01-19"), ("2025-01-20", "2025-01-20"),
         ("2025-01-21", "2025-01-24"), ("2025-01-25", "2025-01-25"),
         ("2025-01-26", "2025-01-27"), ("2025-01-28", "2025-02-28")]


def feed_raw_rows(database, source, first: str, last: str) -> None:
    with duckdb.connect(str(database)) as con:
        con.execute(f"attach '{source}' as source (read_only)")
        con.execute("create schema if not exists raw")
        for table in ("news_items", "prices", "sessions", "fetch_log"):
            con.execute(f"create table if not exists raw.{table} as "
                        f"select * from source.raw.{table} where false")
        if first == STEPS[0][0]:
            con.execute("insert into raw.sessions select * from source.raw.sessions")
        con.execute("insert into raw.news_items select * from source.raw.news_items "
                    f"where cast(first_fetched_at as date) between '{first}' and '{last}'")
        con.execute("insert into raw.prices select * from source.raw.prices "
                    f"where price_date between '{first}' and '{last}'")


def tables(database) -> list[str]:
    with connect_read_only(str(database)) as con:
        return [f"{schema}.{name}" for schema, name in con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('intermediate', 'marts') and table_type = 'BASE TABLE' "
            "order by all").fetchall()]


@pytest.mark.slow
def test_daily_incremental_builds_equal_one_full_build(demo, tmp_path):
    database = tmp_path / "daily.duckdb"
    for first, last in STEPS:
        feed_raw_rows(database, demo["database"], first, last)
        result = subprocess.run(
            [str(VENV_BIN / "dbt"), "build", "--profiles-dir", ".", "--quiet",
             "--vars", f"{{min_date: '{first}', max_date: '{last}'}}"],
            cwd=REPO / "dbt", env=environment(NEWSIMPACT_WAREHOUSE=str(database)),
            capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout[-3000:]
    built = tables(database)
    assert "intermediate.int_stories" in built and "marts.fct_event_type_impact" in built
    assert built == tables(demo["database"])
    with connect_read_only(str(database)) as con:
        con.execute(f"attach '{demo['database']}' as full_build (read_only)")
        for table in built:
            differing = con.execute(
                f"select count(*) from ((select * from {table} except all "
                f"select * from full_build.{table}) union all (select * from "
                f"full_build.{table} except all select * from {table}))").fetchone()[0]
            assert differing == 0, f"{table}: {differing} rows differ from the full build"

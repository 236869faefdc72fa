"""Daily incremental builds end exactly where one full build does: the demo's raw rows are fed
to a new warehouse in steps (single days around the DeepSeek weekend, then ranges), each step
built with its window as dbt vars, and every intermediate table and mart is compared with the
demo's full build. And the same raw rows arriving in other orders (shuffled, two seeds) build the
same tables, value for value."""

import subprocess

import duckdb
import pytest

from orchestration.runtime.warehouse import connect_read_only
from tests.conftest import REPO, VENV_BIN, environment

STEPS = [("1900-01-01", "2025-01-19"), ("2025-01-20", "2025-01-20"),
         ("2025-01-21", "2025-01-24"), ("2025-01-25", "2025-01-25"),
         ("2025-01-26", "2025-01-27"), ("2025-01-28", "2025-02-28")]


def feed_raw_rows(database, source, first: str, last: str, shuffle: float | None = None) -> None:
    """The source's raw rows first..last into database's raw tables; in random order (seeded
    with `shuffle`) when given, else in the source's."""
    order = "" if shuffle is None else " order by random()"
    with duckdb.connect(str(database)) as con:
        if shuffle is not None:
            con.execute("select setseed(?)", [shuffle])
        con.execute(f"attach '{source}' as source (read_only)")
        con.execute("create schema if not exists raw")
        for table in ("news_items", "prices", "sessions", "fetch_log"):
            con.execute(f"create table if not exists raw.{table} as "
                        f"select * from source.raw.{table} where false")
        if first == STEPS[0][0]:
            con.execute(f"insert into raw.sessions select * from source.raw.sessions{order}")
        con.execute("insert into raw.news_items select * from source.raw.news_items "
                    f"where cast(first_fetched_at as date) between '{first}' and '{last}'"
                    + order)
        con.execute("insert into raw.prices select * from source.raw.prices "
                    f"where price_date between '{first}' and '{last}'{order}")


def tables(database) -> list[str]:
    with connect_read_only(str(database)) as con:
        return [f"{schema}.{name}" for schema, name in con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('intermediate', 'marts') and table_type = 'BASE TABLE' "
            "order by all").fetchall()]


def dbt_build(database, *args: str) -> None:
    result = subprocess.run([str(VENV_BIN / "dbt"), "build", "--profiles-dir", ".", "--quiet",
                             *args], cwd=REPO / "dbt",
                            env=environment(NEWSIMPACT_WAREHOUSE=str(database)),
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.slow
def test_daily_incremental_builds_equal_one_full_build(demo, tmp_path):
    database = tmp_path / "daily.duckdb"
    for first, last in STEPS:
        feed_raw_rows(database, demo["database"], first, last)
        dbt_build(database, "--vars", f"{{min_date: '{first}', max_date: '{last}'}}")
    assert_same_tables(database, demo["database"])


@pytest.mark.slow
@pytest.mark.parametrize("seed", [0.25, 0.75])
def test_raw_rows_arriving_in_any_order_build_the_same_tables(demo, tmp_path, seed):
    database = tmp_path / "shuffled.duckdb"
    feed_raw_rows(database, demo["database"], STEPS[0][0], "2100-12-31", shuffle=seed)
    with duckdb.connect(str(database), read_only=True) as con:  # the order did change
        first = con.execute("select item_id from raw.news_items limit 1").fetchone()
    with connect_read_only(str(demo["database"])) as con:
        assert first != con.execute("select item_id from raw.news_items limit 1").fetchone()
    dbt_build(database)
    assert_same_tables(database, demo["database"])


def assert_same_tables(database, full_build) -> None:
    """Every intermediate table and mart of database equals full_build's, row for row and value
    for value (doubles compared exactly)."""
    built = tables(database)
    assert "intermediate.int_stories" in built and "marts.fct_event_type_impact" in built
    assert built == tables(full_build)
    with connect_read_only(str(database)) as con:
        con.execute(f"attach '{full_build}' as full_build (read_only)")
        for table in built:
            differing = con.execute(
                f"select count(*) from ((select * from {table} except all "
                f"select * from full_build.{table}) union all (select * from "
                f"full_build.{table} except all select * from {table}))").fetchone()[0]
            assert differing == 0, f"{table}: {differing} rows differ from the full build"

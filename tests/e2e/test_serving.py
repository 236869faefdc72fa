"""The published copy (issue 8): every mart in a DuckDB file and in Parquet, documented, with
BI-friendly types and no reference to the pipeline's catalog; a reader holding it never blocks
a run; `newsimpact query` reads it and answers bad input with one line."""

import subprocess

import duckdb
import pyarrow.parquet as pq
import pytest

from orchestration.runtime.warehouse import connect_read_only
from tests.conftest import REPO, VENV_BIN, environment

MARTS = {"bridge_event_article", "bridge_event_entity", "bridge_event_type", "bridge_news_entity",
         "dim_asset", "dim_entity", "dim_event", "fct_asset_daily", "fct_asset_move",
         "fct_event_impact", "fct_event_type_impact", "fct_event_window", "fct_move_candidate",
         "fct_news_item"}
VIEWS = {"fct_event_impact", "fct_event_window", "fct_move_candidate"}


def serving(demo):
    return demo["database"].parent / "serving"


def newsimpact(*args, **env):
    return subprocess.run([str(VENV_BIN / "newsimpact"), *args], cwd=REPO, capture_output=True,
                          text=True, timeout=900, env=environment(**env))


def test_every_mart_is_published_with_the_pipelines_rows(demo):
    with duckdb.connect(str(serving(demo) / "newsimpact.duckdb"), read_only=True) as published, \
            connect_read_only(demo["database"]) as pipeline:
        names = {row[0] for row in published.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall()}
        assert names == MARTS
        for mart in sorted(MARTS):
            mine = published.execute(f"select * from marts.{mart}").fetchall()
            theirs = pipeline.execute(f"select * from marts.{mart}").fetchall()
            assert sorted(map(repr, mine)) == sorted(map(repr, theirs)), mart
        nvda = published.execute(
            "select round(car, 4) from marts.fct_event_impact i join marts.dim_event e "
            "using (event_id) where e.primary_entity_id = 'deepseek' and "
            "e.first_seen_at = '2025-01-25 12:30:00' and i.symbol = 'NVDA' "
            "and i.window_label = '[0,0]'"
        ).fetchall()
        assert nvda == [(-0.1477,)]


def test_published_file_names_no_catalog_and_is_documented(demo):
    with duckdb.connect(str(serving(demo) / "newsimpact.duckdb"), read_only=True) as con:
        for name, sql in con.execute("select view_name, sql from duckdb_views() "
                                     "where not internal").fetchall():
            assert "newsimpact." not in sql, name
        huge = con.execute("select table_name, column_name from duckdb_columns() "
                           "where not internal and schema_name = 'marts' "
                           "and data_type in ('HUGEINT', 'UHUGEINT', 'UBIGINT')").fetchall()
        assert huge == []
        [(comment,)] = con.execute(
            "select comment from duckdb_columns() where table_name = 'fct_event_impact' "
            "and column_name = 'car'").fetchall()
        assert comment and "abnormal" in comment.lower()
        [(table_comment,)] = con.execute(
            "select comment from duckdb_tables() where table_name = 'dim_event'").fetchall()
        assert table_comment.startswith("One row per event")


def test_every_published_table_has_a_parquet_file_with_its_rows(demo):
    """The mart tables, and the tables the two view marts join (their rows are a product)."""
    folder = serving(demo) / "parquet"
    assert folder.is_symlink()
    with duckdb.connect(str(serving(demo) / "newsimpact.duckdb"), read_only=True) as con:
        tables = con.execute("select schema_name, table_name from duckdb_tables() "
                             "where not internal order by all").fetchall()
        assert {name for schema, name in tables if schema == "marts"} \
            == MARTS - VIEWS
        assert {name for schema, name in tables if schema == "intermediate"} == {
            "int_event_t0", "int_asset_t0_impacts", "int_asset_t0_windows",
            "int_event_linked_assets", "int_asset_t0_events", "int_asset_t0_candidates"}
        for schema, name in tables:
            parquet = pq.read_table(folder / f"{name}.parquet")
            [(rows,)] = con.execute(f"select count(*) from {schema}.{name}").fetchall()
            assert parquet.num_rows == rows > 0, name
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.parquet" for _, n in tables)
    assert len(list(serving(demo).glob("parquet.*"))) == 1  # earlier publications removed


def test_query_prints_a_table_csv_and_json(demo):
    env = {"NEWSIMPACT_WAREHOUSE": str(demo["database"])}
    sql = ("select symbol, round(car, 4) as car from marts.fct_event_impact i "
           "join marts.dim_event e using (event_id) where e.primary_entity_id = 'deepseek' "
           "and e.first_seen_at = '2025-01-25 12:30:00' and symbol in ('NVDA', 'AVGO') "
           "and window_label = '[0,0]' order by symbol")
    table = newsimpact("query", sql, **env)
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["symbol", "car"] and lines[-1] == "(2 rows)"
    assert lines[3].split() == ["NVDA", "-0.1477"]
    assert newsimpact("query", sql, "--format", "csv", **env).stdout.splitlines()[2] \
        == "NVDA,-0.1477"
    assert '{"symbol": "NVDA", "car": -0.1477}' in \
        newsimpact("query", sql, "--format", "json", **env).stdout


@pytest.mark.parametrize("args, message", [
    (["query", "select * from marts.no_such_mart"], "query failed: Catalog Error"),
    (["query", "select 1", "--format", "xml"], "invalid choice: 'xml'"),
])
def test_bad_queries_get_one_line(demo, args, message):
    done = newsimpact(*args, NEWSIMPACT_WAREHOUSE=str(demo["database"]))
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) <= 2  # argparse adds its usage line


def test_a_missing_warehouse_gets_one_line_and_nothing_is_created(tmp_path):
    missing = tmp_path / "nowhere" / "newsimpact.duckdb"
    for command in (["query", "select 1"], ["impacts"]):
        done = newsimpact(*command, NEWSIMPACT_WAREHOUSE=str(missing),
                          DAGSTER_HOME=str(tmp_path / "home"))
        assert done.returncode == 2
        assert done.stderr.strip().splitlines() == [
            f"newsimpact: no published warehouse at {missing.parent / 'serving' / missing.name}"
            ": run `newsimpact demo` or `newsimpact run` first"]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_a_reader_holding_the_published_file_never_blocks_a_run(tmp_path):
    """Build two weeks, hold the published file open in this process, run two more days in
    another: the run succeeds and republishes, the held connection keeps its copy, and a new
    connection sees the new days."""
    env = {"NEWSIMPACT_WAREHOUSE": str(tmp_path / "warehouse" / "w.duckdb"),
           "NEWSIMPACT_TRANSPORT": "replay", "DAGSTER_HOME": str(tmp_path / "home")}
    first = newsimpact("run", "--first-day", "2025-01-13", "--last-day", "2025-01-24", **env)
    assert first.returncode == 0, first.stdout[-2000:] + first.stderr[-2000:]
    published = tmp_path / "warehouse" / "serving" / "newsimpact.duckdb"
    count = "select count(*) from marts.fct_news_item"
    with duckdb.connect(str(published), read_only=True) as reader:
        [(before,)] = reader.execute(count).fetchall()
        second = newsimpact("run", "--first-day", "2025-01-25", "--last-day", "2025-01-27",
                            **env)
        assert second.returncode == 0, second.stdout[-2000:] + second.stderr[-2000:]
        assert "lock" not in (second.stdout + second.stderr).lower()
        assert reader.execute(count).fetchall() == [(before,)]  # its copy, whole
    with duckdb.connect(str(published), read_only=True) as reader:
        [(after,)] = reader.execute(count).fetchall()
        [(weekend,)] = reader.execute(
            "select count(*) from marts.dim_event where primary_entity_id = 'deepseek' "
            "and first_seen_at = '2025-01-25 12:30:00'").fetchall()
    assert after > before and weekend == 1


def test_the_readme_example_shows_each_move_once(demo):
    from tests.benchmarks.bench_results import readme_queries

    [example] = readme_queries(REPO / "README.md")
    with duckdb.connect(str(serving(demo) / "newsimpact.duckdb"), read_only=True) as con:
        rows = con.execute(example).fetchall()
    moves = [(symbol, window) for symbol, _, window, *_ in rows]
    assert len(moves) == len(set(moves)) == 2 * 17  # every asset, [0,0] and [-1,+1]
    nvda = next(row for row in rows if row[0] == "NVDA" and row[2] == "[0,0]")
    assert (str(nvda[1]), nvda[3], nvda[4], nvda[7], nvda[8]) == ("2025-01-27", -0.1697,
                                                                  -0.1477, 5, 1)
    btc = next(row for row in rows if row[0] == "BTC-USD" and row[2] == "[0,0]")
    assert str(btc[1]) == "2025-01-25"  # crypto trades on the Saturday the news broke

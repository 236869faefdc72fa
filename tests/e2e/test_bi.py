"""A BI tool's view of the published copy (issue 8): SQLAlchemy through duckdb-engine reflects
every mart (tables and the two views: names, columns, types, comments) and reads its rows;
pyarrow and pandas read every Parquet file with the table's rows and integer columns as
integers; DuckDB 1.1, the version BI drivers ship, opens the file; and the publishing asset's
materialization carries a markdown preview of the top moves."""

import json
import os
import subprocess
import warnings
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa

from tests.conftest import REPO

pytestmark = pytest.mark.slow

TABLES = {"bridge_event_article", "bridge_event_entity", "bridge_event_type",
          "bridge_news_entity", "dim_asset", "dim_entity", "dim_event", "fct_asset_daily",
          "fct_asset_move", "fct_event_type_impact", "fct_news_item"}
VIEWS = {"fct_event_impact", "fct_event_window", "fct_move_candidate"}
# DuckDB's type of a published column -> what SQLAlchemy reflects, what Python gets, what the
# Parquet file holds. A type not listed here (HUGEINT, DECIMAL, ...) fails the tests below.
TYPES = {
    "VARCHAR": (sa.String, str, pa.string()),
    "BIGINT": (sa.BigInteger, int, pa.int64()),
    "INTEGER": (sa.Integer, int, pa.int32()),
    "DOUBLE": (sa.Float, float, pa.float64()),
    "DATE": (sa.Date, date, pa.date32()),
    "BOOLEAN": (sa.Boolean, bool, pa.bool_()),
    "TIMESTAMP": (sa.DateTime, datetime, pa.timestamp("us")),
}
# columns a BI tool sums, groups or filters by, with the type they must have
EXPECTED = {
    ("fct_asset_move", "n_events"): "BIGINT", ("fct_asset_move", "n_linked_events"): "BIGINT",
    ("fct_asset_move", "t0_date"): "DATE", ("fct_asset_move", "raw_return"): "DOUBLE",
    ("fct_asset_move", "car"): "DOUBLE", ("fct_asset_move", "window_start"): "INTEGER",
    ("dim_asset", "price_days"): "BIGINT", ("dim_event", "first_seen_at"): "TIMESTAMP",
    ("fct_asset_daily", "session_date"): "DATE", ("fct_event_window", "tau"): "INTEGER",
    ("fct_event_impact", "car_p_value"): "DOUBLE", ("fct_event_impact", "is_linked"): "BOOLEAN",
    ("bridge_news_entity", "relevance"): "BIGINT",
}
NVDA_MOVE = ("select raw_return from marts.fct_asset_move where symbol = 'NVDA' "
             "and t0_date = date '2025-01-27' and window_label = '[0,0]'")
# the interpreter with DuckDB 1.1 that .ci/run makes (NEWSIMPACT_DUCKDB11_PYTHON elsewhere)
DUCKDB11_PYTHON = Path(os.environ.get("NEWSIMPACT_DUCKDB11_PYTHON",
                                      REPO / ".venv-duckdb11" / "bin" / "python"))


def published(demo) -> Path:
    return demo["database"].parent / "serving" / "newsimpact.duckdb"


def duckdb_columns(path: Path) -> dict[str, list[tuple[str, str]]]:
    """{relation of marts: [(column, DuckDB type)]} as DuckDB itself reports them."""
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute("select table_name, column_name, data_type from duckdb_columns() "
                           "where schema_name = 'marts' order by table_name, column_index"
                           ).fetchall()
    columns: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in rows:
        columns.setdefault(table, []).append((column, kind))
    return columns


@pytest.fixture(scope="module")
def engine(demo):
    # read_only: a BI tool never takes the writer's lock (the pipeline replaces the file anyway).
    # No pool: a connection of duckdb-engine (its own configuration) left open would stop this
    # process from opening the file with duckdb.connect beside it.
    engine = sa.create_engine(f"duckdb:///{published(demo)}", connect_args={"read_only": True},
                              poolclass=sa.pool.NullPool)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def reflected(engine) -> sa.MetaData:
    metadata = sa.MetaData()
    with warnings.catch_warnings():  # "duckdb-engine doesn't yet support reflection on indices"
        warnings.filterwarnings("ignore", message=".*reflection on indices")
        metadata.reflect(engine, schema="marts", views=True)
    return metadata


def test_sqlalchemy_lists_every_mart(engine):
    inspector = sa.inspect(engine)
    assert set(inspector.get_table_names(schema="marts")) == TABLES
    assert set(inspector.get_view_names(schema="marts")) == VIEWS
    assert inspector.get_table_comment("dim_event", schema="marts")["text"] \
        .startswith("One row per event")


def test_sqlalchemy_reflects_every_column_with_its_type(demo, reflected):
    truth = duckdb_columns(published(demo))
    assert set(truth) == TABLES | VIEWS
    assert {table.name for table in reflected.tables.values()} == TABLES | VIEWS
    for name, columns in truth.items():
        table = reflected.tables[f"marts.{name}"]
        assert [c.name for c in table.columns] == [c for c, _ in columns], name
        for column, kind in columns:
            assert kind in TYPES, f"{name}.{column} is {kind}"
            kind_class, python, _ = TYPES[kind]
            reflected_type = table.c[column].type
            assert isinstance(reflected_type, kind_class), (name, column, reflected_type)
            assert reflected_type.python_type is python, (name, column)
            if kind == "INTEGER":
                assert not isinstance(reflected_type, sa.BigInteger), (name, column)
            if kind == "DOUBLE":
                assert reflected_type.asdecimal is False, (name, column)
    for (name, column), kind in EXPECTED.items():
        assert dict(truth[name])[column] == kind, (name, column)
        assert isinstance(reflected.tables[f"marts.{name}"].c[column].type, TYPES[kind][0])
    car = reflected.tables["marts.fct_event_impact"].c.car
    assert car.comment and "abnormal" in car.comment.lower()  # the dbt docs come through


def test_sqlalchemy_reads_the_rows(demo, engine, reflected):
    move = reflected.tables["marts.fct_asset_move"]
    impact = reflected.tables["marts.fct_event_impact"]
    event = reflected.tables["marts.dim_event"]
    with engine.connect() as con:
        [(raw, n_events, t0)] = con.execute(
            sa.select(move.c.raw_return, move.c.n_events, move.c.t0_date).where(
                move.c.symbol == "NVDA", move.c.t0_date == date(2025, 1, 27),
                move.c.window_label == "[0,0]")).all()
        [(car,)] = con.execute(
            sa.select(impact.c.car).join(event, event.c.event_id == impact.c.event_id).where(
                event.c.first_seen_at == datetime(2025, 1, 25, 12, 30),
                event.c.primary_entity_id == "deepseek", impact.c.symbol == "NVDA",
                impact.c.window_label == "[0,0]")).all()
        counts = {name: con.execute(sa.select(sa.func.count()).select_from(
            reflected.tables[f"marts.{name}"])).scalar_one() for name in TABLES | VIEWS}
    assert raw == pytest.approx(-0.1697, abs=5e-5) and isinstance(raw, float)
    assert (n_events, t0) == (5, date(2025, 1, 27)) and isinstance(n_events, int)
    assert round(car, 4) == -0.1477
    with duckdb.connect(str(published(demo)), read_only=True) as con:
        for name, rows in counts.items():
            assert rows == con.execute(f"select count(*) from marts.{name}").fetchone()[0] > 0


def test_pyarrow_and_pandas_read_every_parquet_file(demo):
    """A file per table of the published copy: each mart table, and for the two view marts the
    tables they join (their own rows are a product). Same rows, same columns, same types."""
    folder = published(demo).parent / "parquet"
    with duckdb.connect(str(published(demo)), read_only=True) as con:
        tables = con.execute("select schema_name, table_name from duckdb_tables() "
                             "order by all").fetchall()
        view_parts = {(schema, name) for schema, name in tables if schema == "intermediate"}
        for view in VIEWS:
            [(sql,)] = con.execute("select sql from duckdb_views() where view_name = ?",
                                   [view]).fetchall()
            assert any(f"intermediate.{name}" in sql for _, name in view_parts), view
        assert {name for schema, name in tables if schema == "marts"} == TABLES
        for schema, name in tables:
            parquet = pq.read_table(folder / f"{name}.parquet")
            columns = con.execute(
                "select column_name, data_type from duckdb_columns() where schema_name = ? "
                "and table_name = ? order by column_index", [schema, name]).fetchall()
            [(rows,)] = con.execute(f"select count(*) from {schema}.{name}").fetchall()
            assert parquet.num_rows == rows > 0, name
            assert parquet.schema.names == [column for column, _ in columns], name
            for column, kind in columns:
                assert kind in TYPES, f"{schema}.{name}.{column} is {kind}"
                assert parquet.schema.field(column).type == TYPES[kind][2], (name, column)
            [(again,)] = con.execute("select count(*) from read_parquet(?)",
                                     [str(folder / f"{name}.parquet")]).fetchall()
            assert again == rows, name
    frame = pd.read_parquet(folder / "fct_asset_move.parquet")
    assert str(frame["n_events"].dtype) == "int64" and str(frame["car"].dtype) == "float64"
    nvda = frame[(frame.symbol == "NVDA") & (frame.window_label == "[0,0]")
                 & (frame.t0_date == date(2025, 1, 27))]
    assert nvda.raw_return.round(4).tolist() == [-0.1697]


DUCKDB11_CHECK = r"""
import json, sys, warnings
import duckdb
path = sys.argv[1]
out = {"version": duckdb.__version__}
with duckdb.connect(path, read_only=True) as con:
    relations = con.execute("select table_schema, table_name from information_schema.tables "
                            "where table_schema in ('marts', 'intermediate')").fetchall()
    out["rows"] = {f"{s}.{t}": con.execute(f"select count(*) from {s}.{t}").fetchone()[0]
                   for s, t in relations}
    out["nvda"] = con.execute(sys.argv[2]).fetchone()[0]
try:
    import sqlalchemy as sa
except ImportError:
    sa = None
if sa is not None:
    out["sqlalchemy"] = sa.__version__
    engine = sa.create_engine(f"duckdb:///{path}", connect_args={"read_only": True})
    metadata = sa.MetaData()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        metadata.reflect(engine, schema="marts", views=True)
    out["reflected"] = {t.name: [type(c.type).__name__ for c in t.columns]
                        for t in metadata.tables.values()}
    move = metadata.tables["marts.fct_asset_move"]
    with engine.connect() as con:
        out["nvda_sqlalchemy"] = con.execute(sa.select(move.c.raw_return).where(
            move.c.symbol == "NVDA", move.c.t0_date == "2025-01-27",
            move.c.window_label == "[0,0]")).scalar_one()
    engine.dispose()
print(json.dumps(out))
"""


def test_duckdb_1_1_opens_and_reflects_the_published_file(demo, reflected):
    """The file is written in DuckDB 1.1's storage format; this opens it with DuckDB 1.1 itself
    (and duckdb-engine and SQLAlchemy at the lock's versions), in the interpreter .ci/run makes.
    No download here: without that interpreter the test skips."""
    if not DUCKDB11_PYTHON.is_file():
        pytest.skip(f"no DuckDB 1.1 interpreter at {DUCKDB11_PYTHON} (.ci/run makes it)")
    done = subprocess.run([str(DUCKDB11_PYTHON), "-c", DUCKDB11_CHECK, str(published(demo)),
                           NVDA_MOVE], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    answer = json.loads(done.stdout)
    assert answer["version"].startswith("1.1.")
    with duckdb.connect(str(published(demo)), read_only=True) as con:
        relations = con.execute("select table_schema, table_name from information_schema.tables "
                                "where table_schema in ('marts', 'intermediate')").fetchall()
        rows = {f"{s}.{t}": con.execute(f"select count(*) from {s}.{t}").fetchone()[0]
                for s, t in relations}
    assert answer["rows"] == rows  # every table and both views, with the same rows
    assert round(answer["nvda"], 4) == -0.1697
    if "sqlalchemy" in answer:  # the BI driver's stack: the same reflection as with DuckDB 1.5
        assert answer["reflected"] == {t.name: [type(c.type).__name__ for c in t.columns]
                                       for t in reflected.tables.values()}
        assert answer["nvda_sqlalchemy"] == pytest.approx(answer["nvda"])


def test_the_publication_carries_a_markdown_preview_of_the_top_moves(demo):
    from dagster import AssetKey, DagsterInstance, MarkdownMetadataValue

    home = demo["database"].parent.parent / "dagster_home"
    with DagsterInstance.from_config(str(home)) as instance:
        event = instance.get_latest_materialization_event(
            AssetKey(["serving", "published_warehouse"]))
        metadata = event.asset_materialization.metadata
    preview = metadata["preview"]
    assert isinstance(preview, MarkdownMetadataValue)
    title, table, counts_title, counts = preview.md_str.split("\n\n")
    assert title.startswith("**Top 10 moves on t0**")
    header, rule, *moves = table.splitlines()
    assert header.startswith("| lead event | asset | t0 | return |") and len(moves) == 10
    nvda = next(line for line in moves if "| NVDA | 2025-01-27 |" in line)
    assert "| -16.97% | -14.77% | <0.0001 |" in nvda and nvda.endswith("| 5 (1) |")
    with duckdb.connect(str(published(demo)), read_only=True) as con:
        [(rows,)] = con.execute("select count(*) from marts.fct_asset_move").fetchall()
    assert f"| marts.fct_asset_move | {rows:,} |" in counts.splitlines()
    assert metadata["rows"].value["marts.fct_asset_move"] == rows

"""The same dbt project on Spark (local mode) from the Parquet export of the demo's raw tables:
the event-impact marts equal DuckDB's build row by row, every number to 1e-9 (relative above 1).

Marked `spark` (`pytest -m spark` runs it alone): one JVM and a full build, about three minutes.
"""

import datetime
import math
import subprocess
from decimal import Decimal

import pytest

from orchestration.runtime.warehouse import connect_read_only
from tests.conftest import REPO, VENV_BIN, environment

pytestmark = [pytest.mark.slow, pytest.mark.spark]

KEYS = {"fct_event_impact": "event_impact_id", "fct_event_type_impact": "event_type_impact_id"}


@pytest.fixture(scope="module")
def spark_demo(tmp_path_factory):
    """`newsimpact demo` on the spark target: ingestion into DuckDB, the raw tables exported,
    the project built on Spark, its Parquet marts published."""
    home = tmp_path_factory.mktemp("spark_demo")
    env = environment(NEWSIMPACT_DBT_TARGET="spark",
                      NEWSIMPACT_WAREHOUSE=str(home / "warehouse" / "newsimpact.duckdb"),
                      DAGSTER_HOME=str(home / "dagster_home"))
    done = subprocess.run([str(VENV_BIN / "newsimpact"), "demo"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "NVDA" in done.stdout  # the impact table, read from the published copy
    return home / "warehouse"


def rows_by_key(con, sql: str, key: str) -> tuple[list[str], dict]:
    cursor = con.execute(sql)
    columns = [column[0] for column in cursor.description]
    rows = {}
    for row in cursor.fetchall():
        record = dict(zip(columns, row, strict=True))
        rows[record[key]] = record
    return columns, rows


def same(duckdb_value, spark_value) -> bool:
    if isinstance(duckdb_value, (float, Decimal)) or isinstance(spark_value, (float, Decimal)):
        if duckdb_value is None or spark_value is None:
            return duckdb_value is None and spark_value is None
        a, b = float(duckdb_value), float(spark_value)
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        # equal infinities (the log10 of a p-value of 0) differ by NaN
        return a == b or abs(a - b) <= 1e-9 * max(1.0, abs(a))
    if isinstance(spark_value, datetime.datetime) and spark_value.tzinfo is not None:
        # Spark writes its timestamps as instants; the session time zone is UTC
        spark_value = spark_value.astimezone(datetime.UTC).replace(tzinfo=None)
    return duckdb_value == spark_value


@pytest.mark.parametrize("mart", sorted(KEYS))
def test_spark_mart_equals_duckdb_row_by_row(demo, spark_demo, mart):
    key = KEYS[mart]
    with connect_read_only(str(demo["database"])) as con:
        duck_columns, duck = rows_by_key(con, f"select * from marts.{mart}", key)
    with connect_read_only(str(spark_demo / "serving" / "newsimpact.duckdb")) as con:
        spark_columns, spark = rows_by_key(con, f"select * from marts.{mart}", key)
    assert spark_columns == duck_columns
    assert len(duck) > 0
    assert sorted(spark) == sorted(duck), "the two builds hold different rows"
    differences = [(row_key, column, duck[row_key][column], spark[row_key][column])
                   for row_key in duck for column in duck_columns
                   if not same(duck[row_key][column], spark[row_key][column])]
    assert not differences, f"{len(differences)} values differ, first: {differences[:5]}"


def test_spark_build_finds_the_deepseek_sell_off(spark_demo):
    """A value the Spark build must give by itself: NVIDIA's return on 27 January 2025, in the
    Parquet mart Spark wrote and in the copy published from it."""
    query = ("select daily_return from {} where symbol = 'NVDA' "
             "and session_date = date '2025-01-27'")
    parquet = f"read_parquet('{spark_demo}/spark/marts/fct_asset_daily/*.parquet')"
    with connect_read_only(str(spark_demo / "serving" / "newsimpact.duckdb")) as con:
        for relation in (parquet, "marts.fct_asset_daily"):
            nvda = con.execute(query.format(relation)).fetchone()
            assert nvda is not None and nvda[0] == pytest.approx(-0.16968, abs=5e-5), relation

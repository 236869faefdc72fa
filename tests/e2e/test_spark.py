"""The same dbt project on Spark (local mode) from the Parquet export of the demo's raw tables:
the event-impact marts equal DuckDB's build row by row, every number to 1e-9 (relative above 1).

Marked `spark` (`pytest -m spark` runs it alone): one JVM and a full build, about three minutes.
"""

import datetime
import math
from decimal import Decimal

import duckdb
import pytest

from orchestration.spark.build import build_on_spark
from orchestration.warehouse import connect_read_only

pytestmark = [pytest.mark.slow, pytest.mark.spark]

KEYS = {"fct_event_impact": "event_impact_id", "fct_event_type_impact": "event_type_impact_id"}


@pytest.fixture(scope="module")
def spark_marts(demo, tmp_path_factory):
    home = tmp_path_factory.mktemp("spark")
    lines = []
    build = build_on_spark(demo["database"], str(home / "raw"), marts_url=str(home / "marts"),
                           spark_home=home / "spark", log=lines.append)
    print(f"spark build: export {build.export_seconds} s, dbt build {build.build_seconds} s")
    assert any("Done." in line and "ERROR=0" in line for line in lines), lines[-5:]
    return home / "marts"


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
        return abs(a - b) <= 1e-9 * max(1.0, abs(a))
    if isinstance(spark_value, datetime.datetime) and spark_value.tzinfo is not None:
        # Spark writes its timestamps as instants; the session time zone is UTC
        spark_value = spark_value.astimezone(datetime.UTC).replace(tzinfo=None)
    return duckdb_value == spark_value


@pytest.mark.parametrize("mart", sorted(KEYS))
def test_spark_mart_equals_duckdb_row_by_row(demo, spark_marts, mart):
    key = KEYS[mart]
    with connect_read_only(str(demo["database"])) as con:
        duck_columns, duck = rows_by_key(con, f"select * from marts.{mart}", key)
        spark_columns, spark = rows_by_key(
            con, f"select * from read_parquet('{spark_marts / mart}/*.parquet')", key)
    assert spark_columns == duck_columns
    assert len(duck) > 0
    assert sorted(spark) == sorted(duck), "the two builds hold different rows"
    differences = [(row_key, column, duck[row_key][column], spark[row_key][column])
                   for row_key in duck for column in duck_columns
                   if not same(duck[row_key][column], spark[row_key][column])]
    assert not differences, f"{len(differences)} values differ, first: {differences[:5]}"


def test_spark_build_finds_the_deepseek_sell_off(spark_marts):
    """A value the Spark build must give by itself: NVIDIA's return on 27 January 2025."""
    with duckdb.connect() as con:
        nvda = con.execute(
            f"select daily_return from read_parquet('{spark_marts}/fct_asset_daily/*.parquet') "
            "where symbol = 'NVDA' and session_date = date '2025-01-27'").fetchone()
    assert nvda is not None and nvda[0] == pytest.approx(-0.16968, abs=5e-5)

"""One demo run (twice, in a temporary folder) shared by the end-to-end tests."""

import subprocess
from pathlib import Path

import pytest

from orchestration.runtime.warehouse import connect_read_only
from tests.conftest import REPO, VENV_BIN, environment

RAW_TABLES = {  # content that must not change on a re-run (bookkeeping columns left out)
    "raw.news_items": "select * exclude (loaded_at) from raw.news_items order by item_id",
    "raw.prices": "select * exclude (loaded_at) from raw.prices order by symbol, price_date",
    "raw.sessions": "select * from raw.sessions order by calendar, session_date",
}
MARTS = ["dim_asset", "dim_entity", "fct_news_item", "bridge_news_entity", "dim_event",
         "fct_asset_move", "fct_asset_daily", "fct_event_window", "fct_event_impact"]


def run_demo(home: Path) -> subprocess.CompletedProcess:
    env = environment(NEWSIMPACT_WAREHOUSE=str(home / "warehouse" / "e2e.duckdb"),
                      NEWSIMPACT_LANDING_DIR=str(home / "warehouse" / "landing"),
                      DAGSTER_HOME=str(home / "dagster_home"))
    return subprocess.run([str(VENV_BIN / "newsimpact"), "demo"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=900)


def snapshot(database: Path) -> dict[str, list]:
    with connect_read_only(str(database)) as con:
        contents = {name: con.execute(sql).fetchall() for name, sql in RAW_TABLES.items()}
        for mart in MARTS:
            contents[mart] = con.execute(f"select * from marts.{mart} order by all").fetchall()
        contents["fetch_log_rows"] = con.execute("select count(*) from raw.fetch_log").fetchall()
    return contents


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    home = tmp_path_factory.mktemp("demo")
    first = run_demo(home)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    database = home / "warehouse" / "e2e.duckdb"
    before = snapshot(database)
    second = run_demo(home)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    return {"stdout": first.stdout, "database": database, "before": before,
            "after": snapshot(database), "logs": home / "warehouse" / "logs"}



"""The README's first command, as a new user runs it, and what its marts must say."""

import subprocess
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO, VENV_BIN, environment

pytestmark = pytest.mark.slow

RAW_TABLES = {  # content that must not change on a re-run (bookkeeping columns left out)
    "raw.news_items": "select * exclude (loaded_at) from raw.news_items order by item_id",
    "raw.prices": "select * exclude (loaded_at) from raw.prices order by symbol, price_date",
    "raw.sessions": "select * from raw.sessions order by calendar, session_date",
}
MARTS = ["dim_asset", "dim_entity", "fct_news_item", "bridge_news_entity", "dim_event",
         "fct_asset_daily", "fct_event_window", "fct_event_impact"]


def run_demo(home: Path) -> subprocess.CompletedProcess:
    env = environment(NEWSIMPACT_WAREHOUSE=str(home / "warehouse" / "newsimpact.duckdb"),
                      NEWSIMPACT_LANDING_DIR=str(home / "warehouse" / "landing"),
                      DAGSTER_HOME=str(home / "dagster_home"))
    return subprocess.run([str(VENV_BIN / "newsimpact"), "demo"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=900)


def snapshot(database: Path) -> dict[str, list]:
    with duckdb.connect(str(database), read_only=True) as con:
        contents = {name: con.execute(sql).fetchall() for name, sql in RAW_TABLES.items()}
        for mart in MARTS:
            contents[mart] = con.execute(f"select * from marts.{mart} order by all").fetchall()
        contents["fetch_log_rows"] = con.execute("select count(*) from raw.fetch_log").fetchall()
    return contents


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    home = tmp_path_factory.mktemp("demo")
    first = run_demo(home)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    database = home / "warehouse" / "newsimpact.duckdb"
    before = snapshot(database)
    second = run_demo(home)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    return {"stdout": first.stdout, "database": database, "before": before,
            "after": snapshot(database)}


def query(demo, sql: str, *params):
    with duckdb.connect(str(demo["database"]), read_only=True) as con:
        return con.execute(sql, params).fetchall()


IMPACT = """
select i.t0_date, i.raw_return, i.car, i.car_p_value, i.model
from marts.fct_event_impact i join marts.dim_event e using (event_id)
where e.primary_entity_id = ? and e.first_seen_at = ? and i.symbol = ? and i.window_label = ?
"""


def test_demo_prints_the_impact_table(demo):
    out = demo["stdout"]
    assert "Top event impacts on t0" in out
    header = next(line for line in out.splitlines() if line.startswith("event "))
    for column in ("asset", "t0", "return", "abnormal", "p", "CAR[-1,+1]"):
        assert column in header
    nvda = [line for line in out.splitlines() if "  NVDA  " in line]
    assert nvda and "2025-01-27" in nvda[0] and "-16.97%" in nvda[0]


def test_deepseek_weekend_event_hits_nvidia_on_monday(demo):
    [(t0, raw, ar, p, model)] = query(demo, IMPACT, "deepseek", "2025-01-25 12:30:00", "NVDA",
                                      "[0,0]")
    assert str(t0) == "2025-01-27"
    assert raw == pytest.approx(-0.1697, abs=0.005)
    assert ar < -0.10 and p < 0.01
    assert model == "market_model"


def test_saturday_news_reaches_crypto_the_same_day(demo):
    [(t0, *_)] = query(demo, IMPACT, "deepseek", "2025-01-25 12:30:00", "BTC-USD", "[0,0]")
    assert str(t0) == "2025-01-25"


def test_friday_evening_news_moves_to_monday_for_us_equities(demo):
    [(t0, *_)] = query(demo, IMPACT, "meta", "2025-01-24 22:00:00", "NVDA", "[0,0]")
    assert str(t0) == "2025-01-27"


def test_r1_release_on_a_us_holiday_lands_on_the_next_session(demo):
    [(t0, *_)] = query(demo, IMPACT, "deepseek", "2025-01-20 12:10:00", "NVDA", "[0,0]")
    assert str(t0) == "2025-01-21"  # MLK Day: New York shut


def test_every_asset_is_reported_for_every_event(demo):
    [(events, assets, rows)] = query(demo, """
        select (select count(*) from marts.dim_event), (select count(*) from marts.dim_asset),
               (select count(*) from marts.fct_event_impact where window_label = '[0,0]')""")
    assert events >= 20 and assets >= 15 and rows == events * assets


def test_one_article_carried_by_four_feeds_counts_once(demo):
    [(n_feeds, feeds)] = query(demo, """select n_feeds, feed_ids from marts.fct_news_item
        where url like '%deepseek-overtakes-chatgpt-top-free-app-store%'""")
    assert n_feeds == 4 and "cointelegraph" in feeds


def test_no_us_session_on_the_day_of_mourning(demo):
    rows = query(demo, """select count(*) from marts.fct_asset_daily
        where symbol in ('NVDA', 'SPY') and session_date in ('2025-01-09', '2025-01-20')""")
    assert rows == [(0,)]


def test_second_run_changes_no_raw_row_and_no_mart(demo):
    before, after = demo["before"], demo["after"]
    for name in [*RAW_TABLES, *MARTS]:
        assert after[name] == before[name], name
    assert after["fetch_log_rows"][0][0] > before["fetch_log_rows"][0][0]

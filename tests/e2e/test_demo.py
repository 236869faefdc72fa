"""The README's first command, as a new user runs it, and what its marts must say."""

import shutil
import subprocess

import pytest

from orchestration.runtime.warehouse import connect_read_only
from tests.conftest import REPO, SEEDS, VENV_BIN, environment
from tests.e2e.conftest import MARTS, RAW_TABLES, snapshot

pytestmark = pytest.mark.slow

def query(demo, sql: str, *params):
    with connect_read_only(str(demo["database"])) as con:
        return con.execute(sql, params).fetchall()


IMPACT = """
select i.t0_date, i.raw_return, i.car, i.car_p_value, i.model
from marts.fct_event_impact i join marts.dim_event e using (event_id)
where e.event_type <> 'attention_burst'
    and e.primary_entity_id = ? and e.first_seen_at = ? and i.symbol = ? and i.window_label = ?
"""


def test_demo_prints_the_impact_table(demo):
    out = demo["stdout"]
    assert "Top moves on t0" in out
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("lead event "))
    for column in ("asset", "t0", "return", "abnormal", "p", "CAR[-1,+1]", "events (naming it)"):
        assert column in lines[start]
    rows = [line for line in lines[start + 2:] if line.strip()]
    nvda = [line for line in rows if "  NVDA  " in line and "2025-01-27" in line]
    assert len(nvda) == 1 and "-16.97%" in nvda[0] and "-14.77%" in nvda[0]
    assert nvda[0].rstrip().endswith("5 (1)")  # five happenings share the session, one names NVDA
    column = lines[start].index("  asset") + 2
    moves = [tuple(line[column:].split()[:2]) for line in rows]
    assert len(moves) == len(set(moves)) >= 10  # each asset-day once


def test_demo_shows_progress_per_asset_and_ends_with_a_summary(demo):
    out = demo["stdout"]
    assert "Traceback" not in out and "ERROR" not in out
    days = 424  # 2024-01-02..2025-02-28
    for asset in ("raw/news_items", "raw/prices"):
        bar = next(line for line in out.splitlines() if line.startswith(asset))
        assert f"{days}/{days} days" in bar, bar
    for layer, assets in (("seeds", 8), ("staging", 12), ("marts", 14), ("serving", 1)):
        bar = next(line for line in out.splitlines() if line.startswith(layer + " "))
        assert f"{assets}/{assets}" in bar, bar
    summary = [line for line in out.splitlines() if line.startswith("newsimpact: ingest: ")]
    assert len(summary) == 1 and f"raw/news_items {days} days, 236 new rows" in summary[0]
    assert "newsimpact: published: 17 tables to " in out
    assert "newsimpact: reports: 20 events, " in out


def test_dbt_materializations_carry_their_row_counts(demo):
    from dagster import AssetKey, DagsterInstance

    home = demo["database"].parent.parent / "dagster_home"
    with DagsterInstance.from_config(str(home)) as instance:
        for key, table in ((["marts", "fct_asset_move"], "marts.fct_asset_move"),
                           (["intermediate", "int_event_t0"], "intermediate.int_event_t0"),
                           (["seeds", "assets"], "reference.assets")):
            event = instance.get_latest_materialization_event(AssetKey(key))
            [(rows,)] = query(demo, f"select count(*) from {table}")
            assert event.asset_materialization.metadata["dagster/row_count"].value == rows, key


def test_runs_log_no_error(demo):
    # e.g. row counts that fail to resolve their relations in a renamed warehouse
    for job in ("ingest", "transform"):
        assert "Traceback" not in (demo["logs"] / f"{job}.log").read_text(), job
    assert "Completed successfully" in (demo["logs"] / "transform.log").read_text()


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


def test_replay_from_landing_alone_rebuilds_identical_raw_tables(demo, tmp_path):
    """The demo's landing archive, replayed into a new warehouse with no snapshot to read."""
    database = tmp_path / "replayed.duckdb"
    env = environment(NEWSIMPACT_WAREHOUSE=str(database),
                      NEWSIMPACT_LANDING_DIR=str(demo["database"].parent / "landing"),
                      NEWSIMPACT_SEEDS_DIR=str(seeds_without_snapshots(tmp_path)),
                      DAGSTER_HOME=str(tmp_path / "dagster_home"))
    result = subprocess.run([str(VENV_BIN / "newsimpact"), "replay"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    replayed = snapshot(database)
    for name in [*RAW_TABLES, *MARTS]:
        assert replayed[name] == demo["before"][name], name


def seeds_without_snapshots(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds, ignore=shutil.ignore_patterns("snapshots"))
    return seeds


WEEKEND = """
select i.symbol, i.t0_date, i.car, i.car_p_value
from marts.fct_event_impact i join marts.dim_event e using (event_id)
where e.primary_entity_id = 'deepseek' and e.first_seen_at = '2025-01-25 12:30:00'
    and i.window_label = '[0,0]'
"""


def test_deepseek_weekend_is_one_event_dated_over_the_weekend(demo):
    rows = {symbol: rest for symbol, *rest in query(demo, WEEKEND)}
    for symbol in ("NVDA", "AVGO", "TSM", "VST", "CEG"):
        t0, ar, p = rows[symbol]
        assert str(t0) == "2025-01-27" and ar < -0.05 and p < 0.01, symbol
    assert str(rows["BTC-USD"][0]) == "2025-01-25"  # crypto reacts on its own calendar
    # the app-store surge, DeepSeek's burst and Monday's sell-off are one happening
    signals = query(demo, """select s.event_type, s.primary_entity_id
        from intermediate.int_event_signals s join marts.dim_event e using (event_id)
        where e.primary_entity_id = 'deepseek' and e.first_seen_at = '2025-01-25 12:30:00'
        order by all""")
    assert ("attention_burst", "deepseek") in signals and ("market_selloff", "nvidia") in signals
    assert len(signals) == 7


def test_r1_release_and_the_weekend_are_two_happenings(demo):
    events = query(demo, """select cast(first_seen_at as date), n_signals from marts.dim_event
        where primary_entity_id = 'deepseek' order by first_seen_at""")
    # five days apart, more than event_merge_hours: the release, then the surge it set off
    assert [(str(day), n) for day, n in events] == [("2025-01-20", 1), ("2025-01-25", 7)]
    bursts = query(demo, """select cast(first_seen_at as date) from intermediate.int_event_signals
        where event_type = 'attention_burst' and primary_entity_id = 'deepseek'""")
    assert [str(day) for (day,) in bursts] == ["2025-01-25"]  # the release day was no burst


def test_stargate_is_one_event_with_its_entities_in_the_bridge(demo):
    [(event_id, event_type, headline, n_signals)] = query(demo, """
        select event_id, event_type, headline, n_signals from marts.dim_event
        where primary_entity_id = 'stargate'""")
    # the investment_deal, five bursts, and Microsoft's loosened OpenAI deal (other words, the
    # same actors: Microsoft, OpenAI, Stargate)
    assert event_type == "investment_deal" and n_signals == 7
    assert headline.startswith("Trump unveils Stargate")
    roles = dict(query(demo, "select entity_id, role from marts.bridge_event_entity "
                             "where event_id = ?", event_id))
    assert roles["stargate"] == "primary"
    assert {e for e, role in roles.items() if role == "subject"} == {
        "openai", "oracle", "softbank", "elon_musk", "microsoft"}
    [(first, novelty)] = query(demo, """select count(*), min(novelty)
        from marts.bridge_event_article
        where event_id = ? and is_first_report and novelty = 100""", event_id)
    assert first == 1 and novelty == 100


def test_dim_event_has_one_row_per_happening(demo):
    [(events, signals)] = query(demo, """select count(*), sum(n_signals) from marts.dim_event""")
    assert (events, signals) == (32, 52)


def test_wire_stories_carried_by_several_feeds_are_one_story(demo):
    [(articles, stories)] = query(demo, "select count(*), count(distinct story_id) "
                                        "from marts.fct_news_item")
    assert (articles, stories) == (233, 122)
    [(n, first_feed, first_at)] = query(demo, """
        select count(*), any_value(story_first_feed_id), any_value(story_first_published_at)
        from marts.fct_news_item
        where story_id = (select story_id from marts.fct_news_item
                          where title like 'Nvidia loses $589 billion%' limit 1)""")
    # all four feeds carried it at 21:15; the story keeps one of them as its first source
    assert n == 4 and str(first_at) == "2025-01-27 21:15:00"
    assert first_feed in {"cnbc_top_news", "marketwatch_top_stories", "techcrunch", "the_verge"}


def test_event_type_table_has_the_four_tests_for_named_and_other_assets(demo):
    rows = dict((row[0], row[1:]) for row in query(demo, """
        select linkage, n, caar, has_clustered_dates
        from marts.fct_event_type_impact
        where event_type = 'ai_model_release' and grouping = 'asset_class'
            and group_key = 'equity' and window_label = '[0,0]'"""))
    # the equities the AI-model happenings name fell 7.9% beyond the market on average ...
    n, caar, clustered = rows["linked"]
    assert n == 11 and caar == pytest.approx(-0.0794, abs=1e-4) and clustered
    # ... the other equities 0.4%: the spill-over is labelled apart, not averaged in
    n, caar, clustered = rows["spillover"]
    assert n == 66 and caar == pytest.approx(-0.0042, abs=1e-4)


def test_daily_runs_complete_open_windows_and_match_one_backfill(demo, tmp_path):
    """Two runs, the second a month later, give the marts one run over the whole range gives:
    the second completes the windows the first left open (fct_event_window and
    fct_event_impact are incremental: settled events are not recomputed)."""
    env = environment(NEWSIMPACT_WAREHOUSE=str(tmp_path / "daily.duckdb"),
                      NEWSIMPACT_LANDING_DIR=str(tmp_path / "landing"),
                      NEWSIMPACT_TRANSPORT="replay", DAGSTER_HOME=str(tmp_path / "dagster_home"))
    for first, last in (("2024-01-02", "2025-01-29"), ("2025-01-30", "2025-02-28")):
        result = subprocess.run([str(VENV_BIN / "newsimpact"), "run", "--first-day", first,
                                 "--last-day", last], cwd=REPO, env=env, capture_output=True,
                                text=True, timeout=900)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        if last == "2025-01-29":
            with connect_read_only(str(tmp_path / "daily.duckdb")) as con:
                [(open_windows,)] = con.execute(
                    "select count(*) from marts.fct_event_impact where not is_complete").fetchall()
            assert open_windows > 0  # the sell-off's [0,+5] window ends on 3 February
    daily = snapshot(tmp_path / "daily.duckdb")
    for name in MARTS:
        assert daily[name] == demo["before"][name], name

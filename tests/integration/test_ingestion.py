"""In-process materializations of the ingestion assets into a temporary DuckDB."""

import shutil
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterInstance, materialize
from dagster_duckdb import DuckDBResource

from orchestration.ingestion.checks import (
    build_feed_checks,
    build_price_source_checks,
    prices_have_no_gaps,
)
from orchestration.ingestion.jobs import partition_range_tags
from orchestration.ingestion.news import news_items
from orchestration.ingestion.prices import prices
from orchestration.ingestion.reference import load_assets, load_feeds
from orchestration.ingestion.resources import SourcesResource
from orchestration.ingestion.sessions import sessions
from tests.conftest import SEEDS

RAW_ASSETS = [news_items, prices, sessions]


def resources(tmp_path: Path, seeds: Path = SEEDS) -> dict:
    return {
        "warehouse": DuckDBResource(database=str(tmp_path / "test.duckdb")),
        "sources": SourcesResource(seeds_dir=str(seeds), landing_dir=str(tmp_path / "landing")),
    }


def run(tmp_path, first: str, last: str, seeds: Path = SEEDS, assets=RAW_ASSETS):
    with DagsterInstance.ephemeral() as instance:
        return materialize(assets, resources=resources(tmp_path, seeds), instance=instance,
                           tags=partition_range_tags(first, last), raise_on_error=False)


def table(tmp_path, sql: str):
    with duckdb.connect(str(tmp_path / "test.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


NEWS_CONTENT = """select * exclude (loaded_at) from raw.news_items order by item_id"""
PRICE_CONTENT = """select * exclude (loaded_at) from raw.prices order by symbol, price_date"""


def test_a_range_lands_parses_and_loads_in_one_run(tmp_path):
    result = run(tmp_path, "2025-01-24", "2025-01-27")
    assert result.success
    nvda = table(tmp_path, "select price_date, close from raw.prices where symbol = 'NVDA' "
                           "and price_date >= '2025-01-24' order by price_date")
    assert [(str(d), c) for d, c in nvda] == [("2025-01-24", 142.62), ("2025-01-27", 118.42)]
    # Yahoo restates adjusted closes after dividends and splits: its fetch refreshes a trailing
    # 400 days (all there is before the window here); the others load the window only
    spans = dict((s, (str(a), n)) for s, a, n in table(
        tmp_path, "select symbol, min(price_date), count(*) from raw.prices group by 1"))
    assert spans["NVDA"][0] == "2024-01-02" and spans["NVDA"][1] > 250
    assert spans["BTC-USD"] == ("2025-01-24", 4)  # crypto: every UTC day of the window
    assert spans["^IXIC"] == ("2025-01-24", 2)
    fetches = table(tmp_path, "select kind, status, count(*) from raw.fetch_log group by all "
                              "order by all")
    # 6 feeds x 4 daily captures; 17 assets, Coinbase in two pages
    assert fetches == [("feed", "ok", 24), ("prices", "ok", 19)]
    landed = list((tmp_path / "landing" / "feed" / "coindesk").rglob("*.xml"))
    assert len(landed) == 4
    saturday = table(tmp_path, "select count(*) from raw.news_items "
                               "where title like 'DeepSeek%' and published_at >= '2025-01-25'")
    assert saturday[0][0] >= 3


def test_running_the_same_days_twice_changes_nothing(tmp_path):
    assert run(tmp_path, "2025-01-24", "2025-01-27").success
    news, bars = table(tmp_path, NEWS_CONTENT), table(tmp_path, PRICE_CONTENT)
    loaded = table(tmp_path, "select max(loaded_at) from raw.prices")
    assert run(tmp_path, "2025-01-24", "2025-01-27").success
    assert table(tmp_path, NEWS_CONTENT) == news
    assert table(tmp_path, PRICE_CONTENT) == bars
    assert table(tmp_path, "select max(loaded_at) from raw.prices") == loaded  # untouched rows
    assert table(tmp_path, "select count(*) from raw.fetch_log") == [(86,)]  # only the log grows


def test_overlapping_runs_in_any_order_give_the_same_rows(tmp_path):
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    forward.mkdir(), backward.mkdir()
    for first, last in (("2025-01-25", "2025-01-26"), ("2025-01-27", "2025-01-28")):
        assert run(forward, first, last).success
    for first, last in (("2025-01-27", "2025-01-28"), ("2025-01-25", "2025-01-26")):
        assert run(backward, first, last).success
    assert table(forward, NEWS_CONTENT) == table(backward, NEWS_CONTENT)


@pytest.fixture
def broken_seeds(tmp_path) -> Path:
    """The bundled seeds with one feed serving an HTML error page, one an entity-expansion
    document, one asset whose provider response is missing and one whose response is malformed."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    feeds = seeds / "snapshots" / "feeds"
    (feeds / "techcrunch" / "2025-01-27.xml").write_bytes(
        b"<html><body><h1>503 Service Unavailable</h1></body></html>")
    (feeds / "coindesk" / "2025-01-27.xml").write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<rss version="2.0"><channel><title>&b;</title></channel></rss>')
    (seeds / "snapshots" / "prices" / "yahoo" / "TSLA.json").unlink()
    (seeds / "snapshots" / "prices" / "yahoo" / "ORCL.json").write_bytes(
        b'{"chart": {"result": [{"meta": {"symbol": "ORCL"}}], "error": null}}')
    return seeds


def source_checks(seeds: Path = SEEDS) -> list:
    return [build_feed_checks(load_feeds(seeds)),
            build_price_source_checks(load_assets(seeds), seeds), prices_have_no_gaps]


def failed_checks(result) -> set[str]:
    return {e.check_name for e in result.get_asset_check_evaluations() if not e.passed}


def test_broken_sources_are_logged_and_the_others_load(tmp_path, broken_seeds):
    result = run(tmp_path, "2025-01-27", "2025-01-27", seeds=broken_seeds,
                 assets=[*RAW_ASSETS, *source_checks(broken_seeds)])
    assert result.success
    errors = dict(table(tmp_path, "select source_id, message from raw.fetch_log "
                                  "where status = 'error'"))
    assert set(errors) == {"techcrunch", "coindesk", "yahoo:TSLA", "yahoo:ORCL"}
    assert errors["yahoo:ORCL"].startswith("PriceResponseError: malformed Yahoo chart result")
    assert errors["techcrunch"].startswith("FeedError: not a feed")
    assert "declares XML entities" in errors["coindesk"]
    assert "no recorded response for yahoo:TSLA" in errors["yahoo:TSLA"]
    loaded = dict(table(tmp_path, "select feed_id, count(*) from raw.news_items group by 1"))
    assert set(loaded) == {"cnbc_top_news", "marketwatch_top_stories", "the_verge",
                           "cointelegraph"}
    assert table(tmp_path, "select count(distinct symbol) from raw.prices") == [(15,)]
    assert failed_checks(result) == {"feed_techcrunch", "feed_coindesk", "prices_TSLA",
                                     "prices_ORCL"}
    assert len(result.get_asset_check_evaluations()) == 6 + 17 + 1


def test_the_bundled_data_passes_every_check(tmp_path):
    result = run(tmp_path, "2025-01-13", "2025-02-07", assets=[*RAW_ASSETS, *source_checks()])
    assert len(result.get_asset_check_evaluations()) == 24
    assert failed_checks(result) == set()


def test_a_feed_that_stops_publishing_goes_stale(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    for capture in (seeds / "snapshots" / "feeds" / "coindesk").glob("2025-02-0*.xml"):
        capture.write_bytes((seeds / "snapshots" / "feeds" / "coindesk" / "2025-01-20.xml")
                            .read_bytes())  # the same old document, day after day
    result = run(tmp_path, "2025-01-20", "2025-02-07", seeds=seeds,
                 assets=[*RAW_ASSETS, *source_checks(seeds)])
    assert failed_checks(result) == {"feed_coindesk"}
    [evaluation] = [e for e in result.get_asset_check_evaluations()
                    if e.check_name == "feed_coindesk"]
    # the captures of 1-7 February repeat an old document: nothing newer than 31 January
    assert evaluation.metadata["problem"].value.startswith("stale: newest item 2025-01-31")


def test_a_price_gap_fails_the_check(tmp_path):
    assert run(tmp_path, "2025-01-21", "2025-01-28").success
    with duckdb.connect(str(tmp_path / "test.duckdb")) as con:
        # a FRED series: it does not restate history, so the next run will not refill the hole
        con.execute("delete from raw.prices where symbol = '^IXIC' and price_date = '2025-01-24'")
    result = run(tmp_path, "2025-01-28", "2025-01-28",
                 assets=[*RAW_ASSETS, prices_have_no_gaps])
    evaluation = result.get_asset_check_evaluations()[0]
    assert not evaluation.passed
    assert evaluation.metadata["by_symbol"].value == {"^IXIC": ["2025-01-24"]}

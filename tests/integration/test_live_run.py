"""Live runs of the news asset against feeds served from 127.0.0.1: the feed half of the fault
matrix, conditional GET, and a run where three feeds fail and the others load in full."""

import shutil
import time
from datetime import UTC, timedelta
from email.utils import format_datetime

import duckdb
import pytest
from dagster import DagsterInstance, materialize
from dagster_duckdb import DuckDBResource

from orchestration.ingestion.checks import build_feed_checks
from orchestration.ingestion.news import news_items
from orchestration.ingestion.reference import load_feeds
from orchestration.ingestion.resources import SourcesResource
from orchestration.sources.fetched import utcnow
from tests import httpserver as hs
from tests.conftest import SEEDS, SNAPSHOTS

FEEDS = SNAPSHOTS / "feeds"
BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1
                                                        else b"&lol;" * 10) for i in range(1, 10))
                  + b']><rss version="2.0"><channel><title>&lol9;</title></channel></rss>')
EXTERNAL_ENTITY = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   b'<rss version="2.0"><channel><item><title>&x;</title><guid>1</guid></item>'
                   b"</channel></rss>")
EMPTY = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'


def big_feed(n: int, published: str = "Mon, 27 Jan 2025 12:00:00 GMT", site: str = "a") -> bytes:
    items = b"".join(b"<item><title>Story %d</title><link>https://%s.test/%d</link>"
                     b"<pubDate>%s</pubDate></item>" % (i, site.encode(), i, published.encode())
                     for i in range(n))
    return b'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>' + items + \
        b"</channel></rss>"


def invalid_utf8() -> bytes:
    body = (FEEDS / "cnbc_top_news" / "2025-01-27.xml").read_bytes()
    return body.replace(b"Nvidia", b"Nvidia\xff\xfe", 1)


@pytest.fixture
def server():
    srv = hs.FaultServer()
    yield srv
    srv.close()


def seeds_with_feeds(tmp_path, feeds: dict[str, str]):
    """A copy of the seeds whose feeds.csv lists feed_id -> URL."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds, ignore=shutil.ignore_patterns("snapshots"))
    lines = ["feed_id,name,url,format,topic"]
    lines += [f"{feed_id},{feed_id},{url},rss,test" for feed_id, url in feeds.items()]
    (seeds / "feeds.csv").write_text("\n".join(lines) + "\n")
    return seeds


def run_live(tmp_path, seeds, with_checks: bool = True):
    sources = SourcesResource(seeds_dir=str(seeds), landing_dir=str(tmp_path / "landing"),
                              transport="live", read_timeout=0.5, connect_timeout=1.0,
                              retries=1, backoff_seconds=0.01, min_host_interval=0.0)
    assets = [news_items] + ([build_feed_checks(load_feeds(seeds))] if with_checks else [])
    with DagsterInstance.ephemeral() as instance:
        return materialize(assets, instance=instance, partition_key=utcnow().date().isoformat(),
                           resources={"warehouse": DuckDBResource(
                               database=str(tmp_path / "live.duckdb")), "sources": sources})


def query(tmp_path, sql):
    with duckdb.connect(str(tmp_path / "live.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_three_failing_feeds_do_not_stop_the_others(tmp_path, server):
    an_hour_ago = format_datetime(utcnow().replace(tzinfo=UTC) - timedelta(hours=1), usegmt=True)
    for n, name in enumerate(("cnbc_top_news", "marketwatch_top_stories", "coindesk")):
        server.routes[f"/{name}.xml"] = hs.serve(big_feed(8 - n, an_hour_ago, name))
    server.routes["/down.xml"] = hs.serve(b"internal error", status=500)
    server.routes["/slow.xml"] = hs.slow(3.0)
    server.routes["/lol.xml"] = hs.serve(BILLION_LAUGHS)
    seeds = seeds_with_feeds(tmp_path, {
        "cnbc_top_news": f"{server.url}/cnbc_top_news.xml",
        "marketwatch_top_stories": f"{server.url}/marketwatch_top_stories.xml",
        "coindesk": f"{server.url}/coindesk.xml",
        "down": f"{server.url}/down.xml", "slow": f"{server.url}/slow.xml",
        "lol": f"{server.url}/lol.xml"})
    began = time.monotonic()
    result = run_live(tmp_path, seeds)
    elapsed = time.monotonic() - began
    assert result.success
    assert elapsed < 15  # two attempts of a 0.5 s read timeout, not the 3 s the server takes
    assert dict(query(tmp_path, "select feed_id, count(*) from raw.news_items group by 1")) == {
        "cnbc_top_news": 8, "marketwatch_top_stories": 7, "coindesk": 6}
    log = {row[0]: row[1:] for row in query(
        tmp_path, "select source_id, status, http_status, attempts, message from raw.fetch_log")}
    assert log["down"] == ("error", 500, 2, "HTTP 500 Internal Server Error")
    assert log["slow"][0] == "error" and log["slow"][2] == 2 and "ReadTimeout" in log["slow"][3]
    assert log["lol"] == ("error", 200, 1, "FeedError: document declares XML entities "
                                           "(entity-expansion or external-entity risk)")
    assert log["cnbc_top_news"][:3] == ("ok", 200, 1)
    failed = {e.check_name for e in result.get_asset_check_evaluations() if not e.passed}
    assert failed == {"feed_down", "feed_slow", "feed_lol"}


def test_an_unchanged_feed_answers_304_and_adds_nothing(tmp_path, server):
    server.routes["/cnbc.xml"] = hs.conditional()
    seeds = seeds_with_feeds(tmp_path, {"cnbc_top_news": f"{server.url}/cnbc.xml"})
    assert run_live(tmp_path, seeds).success
    rows = query(tmp_path, "select * exclude (loaded_at) from raw.news_items order by item_id")
    assert len(rows) == 8
    assert run_live(tmp_path, seeds).success
    assert server.headers_seen[-1]["If-None-Match"] == '"v1"'
    assert query(tmp_path, "select * exclude (loaded_at) from raw.news_items "
                           "order by item_id") == rows
    statuses = query(tmp_path, "select status, http_status, bytes, rows_parsed from raw.fetch_log "
                               "order by logged_at")
    assert statuses == [("ok", 200, len(hs.FEED), 8), ("not_modified", 304, None, 0)]
    assert len(list((tmp_path / "landing").rglob("*.xml"))) == 1  # nothing landed for the 304


@pytest.mark.parametrize(("body", "status", "rows", "message"), [
    (hs.FEED, "ok", 8, None),
    (b"<html><body><h1>Service unavailable</h1></body></html>", "error", 0,
     "FeedError: not a feed"),
    (BILLION_LAUGHS, "error", 0, "FeedError: document declares XML entities"),
    (EXTERNAL_ENTITY, "error", 0, "FeedError: document declares XML entities"),
    (EMPTY, "warning", 0, "feed has no items"),
    (big_feed(4_000), "ok", 4_000, None),
    (big_feed(6_000), "warning", 5_000,
     "items cut to the first 5000 of 6000 (max_items_per_fetch)"),
    (invalid_utf8(), "warning", 8, "recoverable feed problem"),
], ids=["plain", "html-as-200", "billion-laughs", "external-entity", "empty", "4000-items",
        "6000-items-capped",
        "invalid-utf8"])
def test_feed_fault_matrix(tmp_path, server, body, status, rows, message):
    server.routes["/feed.xml"] = hs.serve(body)
    seeds = seeds_with_feeds(tmp_path, {"f": f"{server.url}/feed.xml"})
    assert run_live(tmp_path, seeds, with_checks=False).success
    [(got_status, parsed, got_message)] = query(
        tmp_path, "select status, rows_parsed, message from raw.fetch_log")
    assert (got_status, parsed) == (status, rows)
    assert (got_message or "").startswith(message or "")
    assert query(tmp_path, "select count(*) from raw.news_items") == [(rows,)]
    if rows == 5_000:  # the cap keeps the first items in document order: Story 0..4999
        titles = query(tmp_path, "select title from raw.news_items")
        assert {int(title.split()[1]) for (title,) in titles} == set(range(5_000))

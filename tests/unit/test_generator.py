"""The benchmark generator (tests/benchmarks/generator.py) at size XS: deterministic, and what it
writes is what ingestion would have written from the documents it lands."""

from __future__ import annotations

import bisect
import csv
import hashlib
import json
import random
import re
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from orchestration.ingestion import raw as warehouse
from orchestration.ingestion.reference import load_assets, load_feeds
from orchestration.sources.feeds import parse_feed
from orchestration.sources.providers import yahoo
from orchestration.sources.transport import LandingTransport
from tests.benchmarks import generator as gen
from tests.benchmarks import lexicon
from tests.conftest import SEEDS

TABLES = {"raw.news_items": "item_id", "raw.prices": "symbol, price_date",
          "raw.sessions": "calendar, session_date"}


@pytest.fixture(scope="module")
def xs(tmp_path_factory) -> tuple[gen.Generator, Path]:
    out = tmp_path_factory.mktemp("xs")
    generator = gen.Generator("XS", seed=7, landing_days=5)
    generator.write(out)
    return generator, out


def table_digests(path: Path) -> dict[str, str]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {table: con.execute(
            f"select md5(string_agg(cast(t as varchar), chr(10) order by {key})) from {table} t"
        ).fetchone()[0] for table, key in TABLES.items()}


def file_digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix != ".duckdb"}


def test_the_same_seed_writes_the_same_data(xs, tmp_path):
    _, first = xs
    gen.Generator("XS", seed=7, landing_days=5).write(tmp_path)
    assert json.loads((tmp_path / "manifest.json").read_text()) == \
        json.loads((first / "manifest.json").read_text())
    assert table_digests(tmp_path / "warehouse.duckdb") == table_digests(first / "warehouse.duckdb")
    assert file_digests(tmp_path) == file_digests(first)  # seeds, landing, planted events


def test_another_seed_writes_other_data(xs, tmp_path):
    _, first = xs
    gen.Generator("XS", seed=8, landing_days=5).write(tmp_path)
    assert table_digests(tmp_path / "warehouse.duckdb")["raw.news_items"] != \
        table_digests(first / "warehouse.duckdb")["raw.news_items"]


def test_seeds_have_the_repository_columns_and_load(xs):
    _, out = xs
    for name in ("assets.csv", "feeds.csv", "entities.csv"):
        with (SEEDS / name).open() as ours, (out / "seeds" / name).open() as theirs:
            assert next(csv.reader(theirs)) == next(csv.reader(ours))
    for name in ("event_types.csv", "sentiment_lexicon.csv"):
        assert (out / "seeds" / name).read_bytes() == (SEEDS / name).read_bytes()
    assert (out / "seeds" / "snapshots").is_dir()
    assets, feeds = load_assets(out / "seeds"), load_feeds(out / "seeds")
    assert len(assets) == 8 and len(feeds) == 4
    assert {a.calendar for a in assets} == {"XNYS", "CRYPTO"}


def test_landed_feed_documents_parse_to_the_rows_the_generator_describes(xs):
    generator, out = xs
    transport = LandingTransport(out / "landing")
    days = [date(2025, 6, 26), date(2025, 6, 30), gen.RUN_DAY]
    compared = 0
    for day in days:
        expected = generator.news_rows_for_capture_day(day)
        for feed in load_feeds(out / "seeds"):
            (fetched,) = transport.feed_fetches(feed, day, day)
            assert fetched.observed_at == datetime(day.year, day.month, day.day, 23, 30)
            parsed = parse_feed(fetched.body, feed.feed_id, fetched.observed_at, {})
            assert [item.__dict__ for item in parsed.items] == expected[feed.feed_id]
            compared += len(parsed.items)
    assert compared > 10


def test_raw_news_items_stop_where_the_landing_window_starts(xs):
    generator, out = xs
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        last_fetch, n = con.execute(
            "select max(first_fetched_at), count(*) from raw.news_items").fetchone()
        assert last_fetch == datetime(2025, 6, 25, 23, 30)  # landing window: 26 June on
        titles = con.execute("select title, summary from raw.news_items").fetchall()
    assert all(8 <= len(t.split()) <= 14 and 25 <= len(s.split()) <= 45 for t, s in titles)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["articles_raw"] == n
    assert manifest["counts"]["accidental_keyword_articles"] == 0


def test_planted_t0_is_the_first_session_closing_at_or_after_first_seen(xs):
    _, out = xs
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        rows = con.execute(f"""
            with planted as (
                select * from read_csv('{out}/planted_events.csv', all_varchar = true)
            ), assets as (
                select * from read_csv('{out}/seeds/assets.csv', all_varchar = true)
            )
            select planted.planted_id, cast(planted.t0_date as date) as planted_t0,
                (select min(s.session_date) from raw.sessions s
                 where s.calendar = assets.calendar
                   and s.close_at >= cast(planted.first_seen_at as timestamp)) as rule_t0
            from planted inner join assets using (symbol)
        """).fetchall()
    assert len(rows) == 6
    assert all(planted == rule for _, planted, rule in rows), rows


def test_planted_articles_are_classified_as_their_event(xs):
    generator, _ = xs
    rules = gen.event_rules(SEEDS)
    for event in generator.planted:
        articles = generator.planted_articles(event)
        assert 6 <= len(articles) <= 12
        assert min(a.published for a in articles) == \
            (event.first_seen_at - datetime(1970, 1, 1)).total_seconds()
        assert max(a.published for a in articles) - min(a.published for a in articles) <= 6 * 3600
        for a in articles:
            assert gen.classify(a.title, a.summary, rules) == event.event_type


def test_landed_chart_responses_parse_back_to_raw_prices(xs):
    generator, out = xs
    transport = LandingTransport(out / "landing")
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        for symbol in ("PEKC", "SOL-USD", "IDX-US"):
            stored = con.execute("select price_date, close, adj_close, volume from raw.prices "
                                 "where symbol = ? order by price_date", [symbol]).fetchall()
            history, daily = transport.price_fetches("yahoo", symbol, generator.first_day,
                                                     gen.RUN_DAY)
            assert history.window == (generator.first_day, gen.LAST_DAY)
            bars = yahoo.parse(history.body, symbol)
            assert [(b.price_date, b.close, b.adj_close, b.volume) for b in bars] == stored
            assert [b.price_date for b in yahoo.parse(daily.body, symbol)] == [gen.RUN_DAY]
        sessions = con.execute("select count(*) from raw.sessions where calendar = 'XNYS' "
                               "and session_date between ? and ?",
                               [generator.first_day, gen.LAST_DAY]).fetchone()[0]
        bars = con.execute("select count(*) from raw.prices where symbol = 'IDX-US'").fetchone()[0]
        assert bars == sessions  # an index has every session; assets miss a handful of bars
        total = con.execute("select count(*) from raw.prices").fetchone()[0]
    assert json.loads((out / "manifest.json").read_text())["counts"]["price_bars"] == total


def test_ingesting_the_landing_window_adds_its_articles_and_changes_no_price(xs, tmp_path):
    """What the news and prices assets do with the landing transport, without Dagster."""
    generator, out = xs
    copy = tmp_path / "warehouse.duckdb"
    copy.write_bytes((out / "warehouse.duckdb").read_bytes())
    transport = LandingTransport(out / "landing")
    start, end = date(2025, 6, 26), gen.RUN_DAY
    news, prices = [], []
    for feed in load_feeds(out / "seeds"):
        for fetched in transport.feed_fetches(feed, start, end):
            news += [{**item.__dict__, "landing_sha256": "x", "loaded_at": datetime(2026, 1, 1)}
                     for item in parse_feed(fetched.body, feed.feed_id, fetched.observed_at,
                                            fetched.headers).items]
    for asset in load_assets(out / "seeds"):
        rows = {}
        for fetched in transport.price_fetches("yahoo", asset.provider_symbol, date(2024, 5, 1),
                                               end):
            for bar in yahoo.parse(fetched.body, asset.provider_symbol):
                rows[bar.price_date] = {**bar.__dict__, "symbol": asset.symbol,
                                        "provider": "yahoo", "landing_sha256": "x",
                                        "loaded_at": datetime(2026, 1, 1)}
        prices += rows.values()
    manifest = json.loads((out / "manifest.json").read_text())
    with duckdb.connect(str(copy)) as con:
        with warehouse.transaction(con):
            added_news = warehouse.upsert_news_items(con, news)
            added_prices = warehouse.upsert_prices(con, prices)
        changed = con.execute("select count(*) from raw.prices where loaded_at = ?",
                              [datetime(2026, 1, 1)]).fetchone()[0]
    assert added_news == len(news) == manifest["counts"]["articles_landing"]
    assert added_prices == changed == len(load_assets(out / "seeds"))  # the run day's bars only


def test_title_vocabulary_has_a_long_tail_and_no_event_keyword(xs):
    generator, out = xs
    gen.check_vocabulary(generator.rules, generator.lexicon)
    manifest = json.loads((out / "manifest.json").read_text())
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        stats = gen.vocabulary_stats(con)
    assert stats == manifest["vocabulary"]
    assert stats["titles"] == manifest["counts"]["articles_raw"]
    # XS is small: most words are seen once or twice (at M, see README: the 4th rarest < 200)
    assert stats["distinct_title_words"] > stats["titles"]
    assert stats["median_rarest_word_frequency"] <= 2
    assert stats["median_4th_rarest_word_frequency"] < 20


def test_lexicon_words_are_not_entity_aliases(xs):
    generator, _ = xs
    aliases = {word for entity in generator.entities for alias in entity.aliases
               for word in re.findall(r"[a-z0-9]+", alias.lower())}
    words = [word.lower() for word in generator.lexicon.words]
    assert len(words) == len(set(words)) > 1000
    assert not aliases & set(words)


def test_lexicon_draws_follow_the_cumulative_law_exactly():
    category = lexicon.Category([f"w{i}" for i in range(50_000)], 1.1, 0.03)
    drawn, reference = random.Random(3), random.Random(3)
    for _ in range(20_000):
        assert category.index(drawn) == bisect.bisect_right(category.cumulative,
                                                            reference.random())

"""The raw-table writes are idempotent upserts inside one transaction."""

from datetime import date, datetime

import duckdb
import pytest

from orchestration.ingestion import raw as warehouse


@pytest.fixture
def con():
    with duckdb.connect() as connection:
        with warehouse.transaction(connection):
            pass
        yield connection


def news_row(item_id="a", first_fetched_at=datetime(2025, 1, 25, 23, 30), title="DeepSeek tops"):
    return {"item_id": item_id, "feed_id": "coindesk", "guid": item_id, "link": None,
            "canonical_link": None, "title": title, "summary": "", "author": None,
            "categories": ["AI"], "published_at": first_fetched_at,
            "published_is_fallback": True, "first_fetched_at": first_fetched_at,
            "landing_sha256": "x", "loaded_at": datetime(2026, 1, 1)}


def price_row(close=118.42, loaded_at=datetime(2026, 1, 1)):
    return {"symbol": "NVDA", "price_date": date(2025, 1, 27), "open": 124.8, "high": 128.4,
            "low": 116.7, "close": close, "adj_close": close, "volume": 818e6,
            "provider": "yahoo", "landing_sha256": "x", "loaded_at": loaded_at}


def test_news_item_keeps_its_earliest_observation_whatever_the_order(con):
    later, earlier = datetime(2025, 1, 26, 23, 30), datetime(2025, 1, 25, 23, 30)
    with warehouse.transaction(con):
        assert warehouse.upsert_news_items(con, [news_row(first_fetched_at=later)]) == 1
    with warehouse.transaction(con):
        assert warehouse.upsert_news_items(con, [news_row(first_fetched_at=earlier)]) == 0
    with warehouse.transaction(con):
        warehouse.upsert_news_items(con, [news_row(first_fetched_at=later, title="changed")])
    rows = con.execute("select title, published_at from raw.news_items").fetchall()
    assert rows == [("DeepSeek tops", earlier)]


def test_one_batch_carrying_an_item_twice_stores_it_once(con):
    with warehouse.transaction(con):
        added = warehouse.upsert_news_items(con, [
            news_row(first_fetched_at=datetime(2025, 1, 26)),
            news_row(first_fetched_at=datetime(2025, 1, 25))])
    assert added == 1
    assert con.execute("select first_fetched_at from raw.news_items").fetchall() == [
        (datetime(2025, 1, 25),)]


def test_unchanged_price_is_left_untouched_and_a_correction_applies(con):
    with warehouse.transaction(con):
        warehouse.upsert_prices(con, [price_row()])
    with warehouse.transaction(con):
        assert warehouse.upsert_prices(con, [price_row(loaded_at=datetime(2026, 6, 1))]) == 0
    assert con.execute("select loaded_at from raw.prices").fetchone()[0] == datetime(2026, 1, 1)
    with warehouse.transaction(con):
        warehouse.upsert_prices(con, [price_row(close=118.5, loaded_at=datetime(2026, 6, 2))])
    assert con.execute("select close, loaded_at from raw.prices").fetchall() == [
        (118.5, datetime(2026, 6, 2))]


def test_a_failing_write_rolls_back_everything(con):
    with pytest.raises(duckdb.Error), warehouse.transaction(con):
        warehouse.upsert_prices(con, [price_row()])
        con.execute("insert into raw.prices (symbol) values ('broken')")  # violates not null
    assert con.execute("select count(*) from raw.prices").fetchone()[0] == 0


@pytest.mark.parametrize("title", ["'); DROP TABLE raw.prices; --", "Robert'); --\x00",
                                   "$1 ? :name {{ var }} %s"])
def test_a_title_made_of_sql_lands_verbatim(con, title):
    with warehouse.transaction(con):
        warehouse.upsert_prices(con, [price_row()])
        warehouse.upsert_news_items(con, [news_row(title=title)])
    assert con.execute("select title from raw.news_items").fetchall() == [(title,)]
    assert con.execute("select count(*) from raw.prices").fetchone() == (1,)

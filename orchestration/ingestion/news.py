"""raw.news_items: fetch each feed → land → parse with feedparser → upsert (one transaction)."""


from dagster import AssetExecutionContext, MaterializeResult
from dagster_duckdb import DuckDBResource

from orchestration.ingestion.batch import Batch
from orchestration.ingestion.partitions import daily_raw_asset, window_dates
from orchestration.ingestion.raw import http_validators, upsert_news_items
from orchestration.ingestion.resources import SourcesResource
from orchestration.runtime.progress import progress
from orchestration.sources.feeds import parse_feed
from orchestration.sources.fetched import utcnow


def _parse(feed_id: str, max_items: int):
    def parse(body: bytes, fetched, sha: str) -> tuple[list[dict], str | None]:
        parsed = parse_feed(body, feed_id, fetched.observed_at, fetched.headers, max_items)
        loaded_at = utcnow()
        rows = [{**item.__dict__, "landing_sha256": sha, "loaded_at": loaded_at}
                for item in parsed.items]
        return rows, parsed.warning
    return parse


@daily_raw_asset("news_items", "One row per feed entry as parsed "
                 "(key: feed and guid-or-canonical-link).")
def news_items(context: AssetExecutionContext, warehouse: DuckDBResource,
               sources: SourcesResource) -> MaterializeResult:
    start, end = window_dates(context)
    transport, item_cap = sources.make_transport(), sources.item_cap()
    batch = Batch(context.run.run_id, "feed", transport.name, sources.landing_path())
    with warehouse.get_connection() as con:
        validators = http_validators(con)
    feeds = sources.feeds()
    for done, feed in enumerate(feeds, start=1):
        for fetched in transport.feed_fetches(feed, start, end, validators):
            batch.add(fetched, "xml", _parse(feed.feed_id, item_cap))
        progress(context, done, len(feeds), f"feed {feed.feed_id}")
    return batch.commit(context, warehouse, upsert_news_items, "raw.news_items")

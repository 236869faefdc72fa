"""raw.prices: fetch each asset's daily bars from its provider → land → parse → upsert."""

from datetime import date, timedelta
from pathlib import Path

from dagster import AssetExecutionContext, MaterializeResult
from dagster_duckdb import DuckDBResource

from orchestration.ingestion.batch import Batch
from orchestration.ingestion.partitions import daily_raw_asset, window_dates
from orchestration.ingestion.raw import upsert_prices
from orchestration.ingestion.reference import Asset
from orchestration.ingestion.resources import SourcesResource
from orchestration.runtime.progress import progress
from orchestration.sources.fetched import utcnow
from orchestration.sources.providers import get_provider

# How far back a fetch from a provider that restates adjusted closes refreshes (more than the
# 250-session estimation window).
RESTATEMENT_DAYS = 400


def fetch_start(provider, start: date) -> date:
    return start - timedelta(days=RESTATEMENT_DAYS) if provider.RESTATES_HISTORY else start


def _parse(asset_: Asset, provider_name: str, provider_symbol: str, start: date, end: date):
    provider = get_provider(provider_name)

    def parse(body: bytes, fetched, sha: str) -> tuple[list[dict], str | None]:
        loaded_at = utcnow()
        bars = [bar for bar in provider.parse(body, provider_symbol)
                if start <= bar.price_date <= end]
        return [{**bar.__dict__, "symbol": asset_.symbol, "provider": provider_name,
                 "landing_sha256": sha, "loaded_at": loaded_at} for bar in bars], None
    return parse


def _last_per_day(rows: list[dict]) -> list[dict]:
    """A provider that repeats a date keeps its last bar for that date (one row per day)."""
    return list({(row["symbol"], row["price_date"]): row for row in rows}.values())


@daily_raw_asset("prices", "One row per asset and trading day: OHLC, adjusted close, "
                 "volume, provider.")
def prices(context: AssetExecutionContext, warehouse: DuckDBResource,
           sources: SourcesResource) -> MaterializeResult:
    start, end = window_dates(context)
    transport = sources.make_transport()
    batch = Batch(context.run.run_id, "prices", transport.name, sources.landing_path())
    assets = sources.assets()
    for done, asset_ in enumerate(assets, start=1):
        # providers in fallback order: the first that delivers bars for the window wins
        for provider_name, symbol in asset_.price_sources(Path(sources.seeds_dir)):
            provider = get_provider(provider_name)
            first, delivered = fetch_start(provider, start), len(batch.rows)
            for fetched in transport.price_fetches(provider_name, symbol, first, end):
                batch.add(fetched, provider.EXTENSION,
                          _parse(asset_, provider_name, symbol, first, end))
            if len(batch.rows) > delivered:
                break
        progress(context, done, len(assets), asset_.symbol)
    batch.rows = _last_per_day(batch.rows)
    return batch.commit(context, warehouse, upsert_prices, "raw.prices")

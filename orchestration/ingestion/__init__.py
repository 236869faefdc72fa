"""Ingestion, the first step: news from feeds, daily prices and trading sessions fetched (see
orchestration/sources) and written into the raw tables of the DuckDB warehouse, day by day.

- news.py, prices.py, sessions.py: the assets raw/news_items, raw/prices, raw/sessions
- raw.py: the raw tables (declared once) and the idempotent writes into them
- batch.py: one fetch-parse-land-write pass over many sources, as one transaction
- reference.py: the reference files (assets.csv, feeds.csv) read and checked
- calendars.py, partitions.py: trading sessions, and the daily partitions
- checks.py: freshness and gap checks on the raw tables
- jobs.py: the ingest job and its daily schedule
- resources.py: where sources are found and how they are reached
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dagster import Definitions

    from orchestration.settings import Settings


def defs(settings: Settings) -> Definitions:
    from dagster import Definitions

    from orchestration.ingestion.checks import (
        build_feed_checks,
        build_price_source_checks,
        prices_have_no_gaps,
    )
    from orchestration.ingestion.jobs import daily_ingest, ingest_job
    from orchestration.ingestion.news import news_items
    from orchestration.ingestion.prices import prices
    from orchestration.ingestion.reference import load_assets, load_feeds
    from orchestration.ingestion.resources import SourcesResource
    from orchestration.ingestion.sessions import sessions

    return Definitions(
        assets=[news_items, prices, sessions],
        asset_checks=[build_feed_checks(load_feeds(settings.seeds_dir)),
                      build_price_source_checks(load_assets(settings.seeds_dir),
                                                settings.seeds_dir),
                      prices_have_no_gaps],
        jobs=[ingest_job],
        schedules=[daily_ingest],
        resources={"sources": SourcesResource(seeds_dir=str(settings.seeds_dir),
                                              landing_dir=str(settings.landing_dir),
                                              transport=settings.transport)},
    )

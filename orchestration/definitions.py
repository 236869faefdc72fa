"""The table of contents: every asset, check, job, schedule and resource of newsimpact."""

from __future__ import annotations

from dagster import Definitions

from .assets.dbt import newsimpact_dbt_assets
from .assets.news import news_items
from .assets.prices import prices
from .assets.reports import event_reports
from .assets.serving import published_warehouse
from .assets.sessions import sessions
from .checks import build_feed_checks, build_price_source_checks, prices_have_no_gaps
from .deployment import Deployment
from .reference import load_assets, load_feeds
from .resources import build_resources
from .schedules import (
    daily_ingest,
    ingest_job,
    reap_dead_runs_sensor,
    transform_after_ingest,
    transform_job,
)
from .settings import Settings

settings = Settings.from_env()

defs = Definitions(
    assets=[news_items, prices, sessions, newsimpact_dbt_assets, published_warehouse,
            event_reports],
    asset_checks=[build_feed_checks(load_feeds(settings.seeds_dir)),
                  build_price_source_checks(load_assets(settings.seeds_dir), settings.seeds_dir),
                  prices_have_no_gaps],
    jobs=[ingest_job, transform_job],
    schedules=[daily_ingest],
    sensors=[transform_after_ingest, reap_dead_runs_sensor],
    resources=build_resources(settings),
    # NEWSIMPACT_EXECUTOR (default in_process: steps skip the re-import of the code location that
    # a process per step pays); on DuckDB every executor keeps one writer (deployment.py).
    executor=Deployment.from_env(settings).executor_def(),
)

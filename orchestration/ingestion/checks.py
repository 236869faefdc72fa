"""Asset checks on the raw tables: one per feed and one per priced asset (is the source working
and fresh?), and no price missing on a session of the asset's calendar."""

import re
from pathlib import Path

import pandas as pd
from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    MetadataValue,
    asset_check,
    multi_asset_check,
)
from dagster_duckdb import DuckDBResource

from orchestration.ingestion.reference import Asset, Feed
from orchestration.ingestion.resources import SourcesResource

# A feed whose newest item is older than this, measured from the newest fetch of any feed, is
# stale: it answers, but nothing new comes out of it.
STALE_AFTER_HOURS = 72

LATEST_FETCHES_SQL = """
select source_id, status, message, observed_at, attempts
from raw.fetch_log
where kind = ?
qualify row_number() over (partition by source_id order by observed_at desc, logged_at desc) = 1
"""
NEWEST_ITEMS_SQL = """
select feed_id,
       max(published_at) as newest_published_at,
       (select max(observed_at) from raw.fetch_log where kind = 'feed') as newest_fetch
from raw.news_items group by feed_id
"""
# An asset whose newest bar is this many sessions of its calendar behind the newest bar of any
# asset is stale: its provider answers, but nothing new comes out of it.
STALE_AFTER_SESSIONS = 3
SESSIONS_BEHIND_SQL = """
with newest as (select symbol, max(price_date) as last_date from raw.prices group by symbol),
horizon as (select max(price_date) as last_date from raw.prices)
select universe.symbol, newest.last_date, count(sessions.session_date) as sessions_behind
from universe
cross join horizon
left join newest on newest.symbol = universe.symbol
left join raw.sessions as sessions on sessions.calendar = universe.calendar
    and sessions.session_date > newest.last_date and sessions.session_date <= horizon.last_date
group by all
"""
PRICE_GAPS_SQL = """
with spans as (select symbol, min(price_date) as first_date, max(price_date) as last_date
          from raw.prices group by symbol)
select assets.symbol, sessions.session_date
from universe as assets
join spans on spans.symbol = assets.symbol
join raw.sessions as sessions on sessions.calendar = assets.calendar
    and sessions.session_date between spans.first_date and spans.last_date
left join raw.prices as prices
    on prices.symbol = assets.symbol and prices.price_date = sessions.session_date
where prices.symbol is null
order by assets.symbol, sessions.session_date
"""


def _universe(assets: list[Asset]) -> pd.DataFrame:
    return pd.DataFrame([(a.symbol, a.calendar) for a in assets], columns=["symbol", "calendar"])


def _selected(context, name: str) -> bool:
    """Whether this run asked for the check named name (a subset may be launched from the UI)."""
    keys = context.selected_asset_check_keys
    return not keys or any(key.name == name for key in keys)


def check_name(prefix: str, source: str) -> str:
    return f"{prefix}_{re.sub(r'[^A-Za-z0-9_]', '_', source)}"


def _latest_fetches(con, kind: str) -> dict[str, tuple]:
    return {row[0]: row[1:] for row in con.execute(LATEST_FETCHES_SQL, [kind]).fetchall()}


def feed_problem(latest: tuple | None, newest: tuple | None) -> str | None:
    """Why a feed fails its check, or None when it is healthy."""
    if latest is None:
        return "never fetched"
    status, message, _, attempts = latest
    if status == "error":
        return f"latest fetch failed after {attempts or 1} attempt(s): {message}"
    if newest is None:
        return "no item stored yet"
    newest_item, newest_fetch = newest
    age = (newest_fetch - newest_item).total_seconds() / 3600
    if age > STALE_AFTER_HOURS:
        return f"stale: newest item {newest_item:%Y-%m-%d %H:%M} UTC, {age:.0f} h old"
    return None


def build_feed_checks(feeds: list[Feed]):
    specs = [AssetCheckSpec(check_name("feed", f.feed_id), asset=["raw", "news_items"],
                            description=f"{f.name}: latest fetch worked, items at most "
                                        f"{STALE_AFTER_HOURS} h old") for f in feeds]

    @multi_asset_check(specs=specs, name="feed_checks", can_subset=True)
    def feed_checks(context, warehouse: DuckDBResource):
        with warehouse.get_connection() as con:
            latest = _latest_fetches(con, "feed")
            newest = {row[0]: row[1:] for row in con.execute(NEWEST_ITEMS_SQL).fetchall()}
        for feed in feeds:
            name = check_name("feed", feed.feed_id)
            if not _selected(context, name):
                continue
            problem = feed_problem(latest.get(feed.feed_id), newest.get(feed.feed_id))
            yield AssetCheckResult(check_name=name, asset_key=["raw", "news_items"],
                                   passed=problem is None, severity=AssetCheckSeverity.WARN,
                                   metadata={"problem": problem or "none"})

    return feed_checks


def build_price_source_checks(assets: list[Asset], seeds_dir: Path):
    specs = [AssetCheckSpec(check_name("prices", a.symbol), asset=["raw", "prices"],
                            description=f"{a.symbol}: latest fetch from {a.provider} worked and "
                                        f"its bars are at most {STALE_AFTER_SESSIONS} sessions "
                                        "behind") for a in assets]

    @multi_asset_check(specs=specs, name="price_source_checks", can_subset=True)
    def price_source_checks(context, warehouse: DuckDBResource):
        with warehouse.get_connection() as con:
            latest = _latest_fetches(con, "prices")
            con.register("universe", _universe(assets))
            behind = {row[0]: row[1:] for row in con.execute(SESSIONS_BEHIND_SQL).fetchall()}
        for asset_ in assets:
            name = check_name("prices", asset_.symbol)
            if not _selected(context, name):
                continue
            sources = [f"{p}:{s}" for p, s in asset_.price_sources(seeds_dir)]
            fetches = [latest[source] for source in sources if source in latest]
            last_date, sessions_behind = behind.get(asset_.symbol, (None, 0))
            problem = ("never fetched" if not fetches else
                       "every provider failed: " + "; ".join(fetch[1] for fetch in fetches)
                       if all(fetch[0] == "error" for fetch in fetches) else
                       f"stale: newest bar {last_date}, {sessions_behind} sessions behind"
                       if sessions_behind > STALE_AFTER_SESSIONS else None)
            yield AssetCheckResult(check_name=name, asset_key=["raw", "prices"],
                                   passed=problem is None, severity=AssetCheckSeverity.WARN,
                                   metadata={"problem": problem or "none"})

    return price_source_checks


@asset_check(asset=["raw", "prices"], additional_deps=[["raw", "sessions"]],
             description="No asset lacks a bar on a session of its calendar within its price span.")
def prices_have_no_gaps(warehouse: DuckDBResource, sources: SourcesResource) -> AssetCheckResult:
    with warehouse.get_connection() as con:
        con.register("universe", _universe(sources.assets()))
        gaps = con.execute(PRICE_GAPS_SQL).fetchall()
    by_symbol: dict[str, list[str]] = {}
    for symbol, day in gaps:
        by_symbol.setdefault(symbol, []).append(day.isoformat())
    return AssetCheckResult(
        passed=not gaps,
        severity=AssetCheckSeverity.WARN,
        metadata={"missing_sessions": len(gaps), "by_symbol": MetadataValue.json(by_symbol)},
    )

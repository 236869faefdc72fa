"""Asset checks on the raw tables: every feed fresh and working, no price missing on a session."""


import pandas as pd
from dagster import AssetCheckResult, AssetCheckSeverity, MetadataValue, asset_check
from dagster_duckdb import DuckDBResource

from .resources import SourcesResource

# A feed whose newest item is older than this, measured from the newest capture of any feed, or
# whose latest fetch failed, is stale.
STALE_AFTER_HOURS = 72

FEED_STATUS_SQL = """
with latest_fetch as (
    select source_id, status, message, observed_at,
           row_number() over (partition by source_id order by observed_at desc, logged_at desc) as n
    from raw.fetch_log where kind = 'feed'
),
newest_item as (
    select feed_id, max(published_at) as newest_published_at
    from raw.news_items group by feed_id
),
horizon as (select max(observed_at) as newest_capture from raw.fetch_log where kind = 'feed')
select latest_fetch.source_id, latest_fetch.status, latest_fetch.message,
       newest_item.newest_published_at,
       date_diff('hour', newest_item.newest_published_at, horizon.newest_capture) as age_hours
from latest_fetch
cross join horizon
left join newest_item on newest_item.feed_id = latest_fetch.source_id
where latest_fetch.n = 1
order by latest_fetch.source_id
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


@asset_check(asset=["raw", "news_items"], description=(
    f"Each feed's latest fetch succeeded and its newest item is at most {STALE_AFTER_HOURS} h "
    "older than the newest capture of any feed."))
def feeds_fresh(warehouse: DuckDBResource) -> AssetCheckResult:
    with warehouse.get_connection() as con:
        rows = con.execute(FEED_STATUS_SQL).fetchall()
    problems = {}
    for source_id, status, message, newest, age in rows:
        if status == "error":
            problems[source_id] = f"latest fetch failed: {message}"
        elif newest is None or age > STALE_AFTER_HOURS:
            problems[source_id] = f"stale: newest item {newest} ({age} h old)"
    return AssetCheckResult(
        passed=bool(rows) and not problems,
        severity=AssetCheckSeverity.WARN,
        metadata={"feeds": len(rows), "problems": MetadataValue.json(problems)},
    )


@asset_check(asset=["raw", "prices"], additional_deps=[["raw", "sessions"]],
             description="No asset lacks a bar on a session of its calendar within its price span.")
def prices_have_no_gaps(warehouse: DuckDBResource, sources: SourcesResource) -> AssetCheckResult:
    universe = pd.DataFrame([(a.symbol, a.calendar) for a in sources.assets()],
                            columns=["symbol", "calendar"])
    with warehouse.get_connection() as con:
        con.register("universe", universe)
        gaps = con.execute(PRICE_GAPS_SQL).fetchall()
    by_symbol: dict[str, list[str]] = {}
    for symbol, day in gaps:
        by_symbol.setdefault(symbol, []).append(day.isoformat())
    return AssetCheckResult(
        passed=not gaps,
        severity=AssetCheckSeverity.WARN,
        metadata={"missing_sessions": len(gaps), "by_symbol": MetadataValue.json(by_symbol)},
    )

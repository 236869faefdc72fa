"""raw.sessions: every trading session of the calendars the assets use, from exchange_calendars
(holidays, early closes and unscheduled closures included) and every UTC day for crypto."""


from datetime import date, timedelta

from dagster import AssetExecutionContext, MaterializeResult, asset
from dagster_duckdb import DuckDBResource

from orchestration.ingestion.calendars import session_rows
from orchestration.ingestion.partitions import FIRST_DAY, INGESTION
from orchestration.ingestion.raw import replace_sessions, transaction
from orchestration.ingestion.resources import SourcesResource
from orchestration.runtime.progress import ROW_COUNT
from orchestration.sources.fetched import utcnow

# Sessions before the first partition are needed by the estimation window of early events.
SESSIONS_FROM = date.fromisoformat(FIRST_DAY) - timedelta(days=400)


@asset(
    key=["raw", "sessions"],
    group_name=INGESTION,
    pool="warehouse",
    kinds={"python", "duckdb"},
    description="One row per calendar and session: date, open and close in UTC.",
)
def sessions(context: AssetExecutionContext, warehouse: DuckDBResource,
             sources: SourcesResource) -> MaterializeResult:
    until = date(utcnow().year + 1, 12, 31)
    calendars = sorted({asset_.calendar for asset_ in sources.assets()})
    rows = [row for cal in calendars for row in session_rows(cal, SESSIONS_FROM, until)]
    with warehouse.get_connection() as con:
        with transaction(con):
            replace_sessions(con, rows)
        total = con.execute("select count(*) from raw.sessions").fetchone()[0]
    context.log.info(f"{len(calendars)} calendars, {SESSIONS_FROM}..{until}: {total} sessions")
    return MaterializeResult(metadata={"calendars": ", ".join(calendars),
                                       ROW_COUNT: total})

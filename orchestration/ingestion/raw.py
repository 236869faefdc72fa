"""The raw schema of the DuckDB warehouse and the idempotent writes into it.

Every write of an ingestion run happens inside one transaction opened by the caller, so a run
killed halfway leaves the raw tables as they were.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class RawTable:
    """A raw table, declared once: the DDL, the Spark export and (through a test) dbt's
    sources in dbt/models/staging/_sources.yml follow it."""

    name: str
    columns: str  # the body of `create table`: columns, constraints, comments
    migrations: tuple[str, ...] = ()  # statements that bring an older table up to date
    partition: tuple[str, str] | None = None  # Parquet export: (column, its expression)

    @property
    def ddl(self) -> str:
        return "".join([f"create table if not exists raw.{self.name} (\n{self.columns}\n);\n",
                        *(f"{statement};\n" for statement in self.migrations)])


RAW_TABLES = (
    RawTable("news_items", """\
    item_id varchar primary key,        -- sha256(feed_id | guid-or-canonical-link)
    feed_id varchar not null,
    guid varchar not null,
    link varchar,
    canonical_link varchar,
    title varchar not null,
    summary varchar,
    author varchar,
    categories varchar[],
    published_at timestamp not null,    -- UTC
    published_is_fallback boolean not null,
    first_fetched_at timestamp not null,
    landing_sha256 varchar,
    loaded_at timestamp not null
""", partition=("fetched_date", "cast(first_fetched_at as date)")),
    RawTable("prices", """\
    symbol varchar not null,
    price_date date not null,
    open double, high double, low double,
    close double not null,
    adj_close double not null,
    volume double,
    provider varchar not null,
    landing_sha256 varchar,
    loaded_at timestamp not null,
    primary key (symbol, price_date)
"""),
    RawTable("sessions", """\
    calendar varchar not null,
    session_date date not null,
    open_at timestamp not null,         -- UTC
    close_at timestamp not null,        -- UTC
    primary key (calendar, session_date)
"""),
    RawTable("fetch_log", """\
    fetch_id varchar primary key,       -- run id and a sequence number within the run
    run_id varchar not null,
    kind varchar not null,              -- feed | prices
    source_id varchar not null,         -- feed_id, or provider:provider_symbol
    url varchar not null,
    transport varchar not null,         -- replay | live
    observed_at timestamp not null,     -- UTC: capture time (replay) or request time (live)
    logged_at timestamp not null,       -- UTC wall-clock time of the run
    status varchar not null,            -- ok | warning | not_modified | error
    http_status integer,
    etag varchar,
    last_modified varchar,
    bytes bigint,
    sha256 varchar,
    landing_path varchar,
    duration_ms double,
    rows_parsed integer,
    message varchar                     -- error or warning text
""", migrations=("alter table raw.fetch_log add column if not exists attempts integer",)),
)
DDL = "create schema if not exists raw;\n" + "".join(table.ddl for table in RAW_TABLES)


NEWS_COLUMNS = ["item_id", "feed_id", "guid", "link", "canonical_link", "title", "summary",
                "author", "categories", "published_at", "published_is_fallback",
                "first_fetched_at", "landing_sha256", "loaded_at"]
PRICE_COLUMNS = ["symbol", "price_date", "open", "high", "low", "close", "adj_close", "volume",
                 "provider", "landing_sha256", "loaded_at"]
PRICE_VALUES = ["open", "high", "low", "close", "adj_close", "volume", "provider"]


@contextmanager
def transaction(con) -> Iterator[None]:
    """One transaction with the raw schema in place: committed whole or rolled back whole."""
    con.execute("begin transaction")
    try:
        con.execute(DDL)
        yield
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def _set_clause(columns: list[str]) -> str:
    return ", ".join(f"{c} = excluded.{c}" for c in columns)


def append_fetch_log(con, rows: list[dict]) -> None:
    if rows:
        frame = pd.DataFrame(rows)
        con.register("incoming_fetch_log", frame)
        cols = ", ".join(frame.columns)
        con.execute(f"insert into raw.fetch_log ({cols}) select {cols} from incoming_fetch_log")
        con.unregister("incoming_fetch_log")


VALIDATORS_SQL = """
select url, etag, last_modified
from raw.fetch_log
where http_status = 200 and status in ('ok', 'warning')
    and (etag is not null or last_modified is not null)
qualify row_number() over (partition by url order by observed_at desc, logged_at desc) = 1
"""


def http_validators(con) -> dict[str, tuple[str | None, str | None]]:
    """The ETag and Last-Modified of each URL's latest good fetch, for a conditional GET."""
    if not con.execute("select count(*) from duckdb_tables() where schema_name = 'raw' "
                       "and table_name = 'fetch_log'").fetchone()[0]:
        return {}
    return {url: (etag, modified) for url, etag, modified in con.execute(VALIDATORS_SQL).fetchall()}


def upsert_news_items(con, rows: list[dict]) -> int:
    """Insert new items; an item already stored is replaced only by an earlier observation of it,
    so replaying captures in any order, any number of times, ends in the same rows."""
    if not rows:
        return 0
    con.register("incoming_news", pd.DataFrame(rows, columns=NEWS_COLUMNS))
    before = con.execute("select count(*) from raw.news_items").fetchone()[0]
    updatable = [c for c in NEWS_COLUMNS if c != "item_id"]
    con.execute(f"""
        insert into raw.news_items ({", ".join(NEWS_COLUMNS)})
        select {", ".join(NEWS_COLUMNS)} from incoming_news
        qualify row_number() over (partition by item_id order by first_fetched_at) = 1
        on conflict (item_id) do update set {_set_clause(updatable)}
        where excluded.first_fetched_at < news_items.first_fetched_at
    """)
    con.unregister("incoming_news")
    return con.execute("select count(*) from raw.news_items").fetchone()[0] - before


def upsert_prices(con, rows: list[dict]) -> int:
    """Insert or correct daily bars; a bar whose values did not change is left untouched.
    Rows must be unique on (symbol, price_date): the caller keeps the last of duplicated dates."""
    if not rows:
        return 0
    con.register("incoming_prices", pd.DataFrame(rows, columns=PRICE_COLUMNS))
    before = con.execute("select count(*) from raw.prices").fetchone()[0]
    changed = " or ".join(f"excluded.{c} is distinct from prices.{c}" for c in PRICE_VALUES)
    con.execute(f"""
        insert into raw.prices ({", ".join(PRICE_COLUMNS)})
        select {", ".join(PRICE_COLUMNS)} from incoming_prices
        on conflict (symbol, price_date) do update
            set {_set_clause(PRICE_VALUES + ["landing_sha256", "loaded_at"])}
        where {changed}
    """)
    con.unregister("incoming_prices")
    return con.execute("select count(*) from raw.prices").fetchone()[0] - before


def replace_sessions(con, rows: list[dict]) -> None:
    """Write the calendars' sessions; re-running with the same calendars changes nothing."""
    con.register("incoming_sessions", pd.DataFrame(
        rows, columns=["calendar", "session_date", "open_at", "close_at"]))
    con.execute("""
        insert into raw.sessions select * from incoming_sessions
        on conflict (calendar, session_date) do update
            set open_at = excluded.open_at, close_at = excluded.close_at
        where excluded.open_at is distinct from sessions.open_at
           or excluded.close_at is distinct from sessions.close_at
    """)
    con.unregister("incoming_sessions")

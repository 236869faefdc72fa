-- One row per asset and session of its own calendar, from its first price onwards: the close
-- (missing when the provider has no bar), the simple return on adjusted close against the
-- previous session, and the benchmark's return on the same session.
with assets as (
    select * from {{ ref('stg_assets') }}
),

sessions as (
    select * from {{ ref('stg_sessions') }}
),

prices as (
    select * from {{ ref('stg_prices') }}
),

coverage as (
    select symbol, min(price_date) as first_price_date from prices group by symbol
),

-- sessions a little past the newest bar, so events of the last days get a t0 (and are
-- reported incomplete) before their prices exist
horizon as (
    select max(price_date) + interval 31 day as last_session_date from prices
),

asset_sessions as (
    select
        assets.symbol,
        assets.benchmark_symbol,
        sessions.session_date,
        sessions.close_at,
        row_number() over (partition by assets.symbol order by sessions.session_date)
            as session_index
    from assets
    inner join coverage on assets.symbol = coverage.symbol
    inner join sessions on assets.calendar = sessions.calendar
    cross join horizon
    where sessions.session_date >= coverage.first_price_date
        and sessions.session_date <= horizon.last_session_date
),

priced as (
    select
        asset_sessions.*,
        prices.close,
        prices.adj_close,
        prices.volume,
        prices.adj_close / lag(prices.adj_close) over (
            partition by asset_sessions.symbol order by asset_sessions.session_index
        ) - 1 as daily_return
    from asset_sessions
    left join prices
        on asset_sessions.symbol = prices.symbol
        and asset_sessions.session_date = prices.price_date
)

select
    priced.*,
    benchmark.daily_return as benchmark_return
from priced
left join priced as benchmark
    on priced.benchmark_symbol = benchmark.symbol
    and priced.session_date = benchmark.session_date

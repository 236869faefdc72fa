-- One row per asset and session of its own calendar, from its first price onwards. The return
-- is simple, on adjusted close, against the asset's previous priced session: after a missing bar
-- it spans the gap (and says so), so a move is never lost. The benchmark's return covers the
-- same span, so the two stay comparable - and a benchmark on another calendar works: crypto set
-- beside an equity session has its weekend compounded into Monday, never dropped.
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
    select symbol, min(price_date) as first_price_date, max(price_date) as last_price_date
    from prices
    group by symbol
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
        coverage.last_price_date,
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
        -- the latest adjusted close at or before this session, and the previous priced session
        {{ last_non_null('prices.adj_close') }} over (
            partition by asset_sessions.symbol order by asset_sessions.session_index
            rows between unbounded preceding and current row
        ) as carried_adj_close,
        {{ last_non_null('case when prices.adj_close is not null then asset_sessions.session_date end') }} over (
            partition by asset_sessions.symbol order by asset_sessions.session_index
            rows between unbounded preceding and 1 preceding
        ) as previous_priced_date
    from asset_sessions
    left join prices
        on asset_sessions.symbol = prices.symbol
        and asset_sessions.session_date = prices.price_date
),

returns as (
    select
        priced.*,
        case when priced.adj_close is not null then
            priced.adj_close / previous.adj_close - 1
        end as daily_return,
        coalesce(priced.adj_close is not null
            and previous.session_index < priced.session_index - 1, false) as spans_missing_bar
    from priced
    left join priced as previous
        on priced.symbol = previous.symbol
        and priced.previous_priced_date = previous.session_date
)

select
    returns.symbol,
    returns.benchmark_symbol,
    returns.session_date,
    returns.close_at,
    returns.session_index,
    returns.session_date <= returns.last_price_date as has_happened,
    returns.close,
    returns.adj_close,
    returns.volume,
    returns.daily_return,
    returns.spans_missing_bar,
    case when returns.daily_return is not null then
        benchmark_now.carried_adj_close / benchmark_then.carried_adj_close - 1
    end as benchmark_return
from returns
left join priced as benchmark_now
    on returns.benchmark_symbol = benchmark_now.symbol
    and returns.session_date = benchmark_now.session_date
left join priced as benchmark_then
    on returns.benchmark_symbol = benchmark_then.symbol
    and returns.previous_priced_date = benchmark_then.session_date

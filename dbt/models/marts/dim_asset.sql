-- One row per tradable asset of the universe, with the span of prices the warehouse holds.
with assets as (
    select * from {{ ref('stg_assets') }}
),

coverage as (
    select
        symbol,
        min(price_date) as first_price_date,
        max(price_date) as last_price_date,
        count(*) as price_days
    from {{ ref('stg_prices') }}
    group by symbol
)

select
    assets.symbol,
    assets.asset_name,
    assets.asset_class,
    assets.sector,
    assets.exchange,
    assets.calendar,
    assets.currency,
    assets.benchmark_symbol,
    assets.provider,
    assets.provider_symbol,
    coverage.first_price_date,
    coverage.last_price_date,
    coalesce(coverage.price_days, 0) as price_days
from assets
left join coverage on assets.symbol = coverage.symbol

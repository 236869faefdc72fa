{{ config(meta={"dagster": {"ref": {"name": "dim_asset"}}}) }}
-- Returns are matched to their benchmark's on the same session date, which is only right when
-- both trade the same calendar. Returns the assets whose benchmark does not.
select
    asset.symbol,
    asset.calendar,
    benchmark.symbol as benchmark_symbol,
    benchmark.calendar as benchmark_calendar
from {{ ref('stg_assets') }} as asset
inner join {{ ref('stg_assets') }} as benchmark on asset.benchmark_symbol = benchmark.symbol
where asset.calendar <> benchmark.calendar

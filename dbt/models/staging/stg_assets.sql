with source as (
    select * from {{ ref('assets') }}
),

renamed as (
    select
        symbol,
        name as asset_name,
        asset_class,
        nullif(exchange, '') as exchange,
        calendar,
        currency,
        nullif(benchmark_symbol, '') as benchmark_symbol,
        provider,
        provider_symbol,
        nullif(sector, '') as sector
    from source
)

select * from renamed

with source as (
    select * from {{ source('raw', 'prices') }}
),

renamed as (
    select
        symbol,
        price_date,
        open,
        high,
        low,
        close,
        adj_close,
        volume,
        provider
    from source
    where adj_close > 0
)

select * from renamed

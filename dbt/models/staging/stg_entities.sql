with source as (
    select * from {{ ref('entities') }}
),

renamed as (
    select
        entity_id,
        name as entity_name,
        entity_type,
        aliases,
        coalesce(symbols, '') as symbols
    from source
)

select * from renamed

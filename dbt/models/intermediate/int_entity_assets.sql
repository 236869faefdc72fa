-- One row per entity and asset linked to it in seeds/entities.csv. A symbol written
-- "sector:NAME" links every asset of that sector in seeds/assets.csv, so that a phrase for a
-- group ("chipmakers", "tech stocks") names the group's members without listing them twice.
with entities as (
    select * from {{ ref('int_entities') }}
),

written as (
    select distinct entity_id, trim(symbol) as symbol
    from (
        select entity_id, {{ explode_list(split_text('symbols', "'|'")) }} as symbol
        from entities
    ) as symbols
    where trim(symbol) <> ''
)

select entity_id, symbol
from written
where symbol not like 'sector:%'
union
select written.entity_id, assets.symbol
from written
inner join {{ ref('stg_assets') }} as assets
    on assets.sector = trim(substr(written.symbol, {{ 'sector:' | length + 1 }}))
where written.symbol like 'sector:%'

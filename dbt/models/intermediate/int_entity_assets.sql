-- One row per entity and asset linked to it in seeds/entities.csv.
with entities as (
    select * from {{ ref('stg_entities') }}
)

select distinct entity_id, trim(symbol) as symbol
from (
    select entity_id, {{ explode_list(split_text('symbols', "'|'")) }} as symbol
    from entities
) as symbols
where trim(symbol) <> ''

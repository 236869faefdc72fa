-- One row per entity and asset linked to it in seeds/entities.csv.
with entities as (
    select * from {{ ref('stg_entities') }}
)

select distinct
    entities.entity_id,
    trim(symbol.symbol) as symbol
from entities, unnest(string_split(entities.symbols, '|')) as symbol(symbol)
where trim(symbol.symbol) <> ''

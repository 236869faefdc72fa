-- One row per entity (company, token, person, organisation, country, product, sector) with its aliases
-- and the assets linked to it.
with entities as (
    select * from {{ ref('int_entities') }}
),

linked as (
    select entity_id, {{ sorted_join('symbol', "'|'") }} as linked_symbols
    from {{ ref('int_entity_assets') }}
    group by entity_id
)

select
    entities.entity_id,
    entities.entity_name,
    entities.entity_type,
    -- the written aliases, then those derived from the asset list
    concat_ws('|', nullif(entities.aliases, ''), nullif(entities.derived_aliases, '')) as aliases,
    linked.linked_symbols
from entities
left join linked on entities.entity_id = linked.entity_id

-- One row per entity alias and whether it is matched with its case.
-- Rule: word boundaries always (int_entity_mentions); aliases of at most 4 characters or written
-- in capitals are case-sensitive ("Fed", "BTC", "Meta"), longer ones are not ("Nvidia" finds
-- "NVIDIA").
with entities as (
    select * from {{ ref('stg_entities') }}
),

aliases as (
    select
        entities.entity_id,
        entities.entity_type,
        trim(alias.alias) as alias
    from entities, unnest(string_split(entities.aliases, '|')) as alias(alias)
    where trim(alias.alias) <> ''
)

select
    entity_id,
    entity_type,
    alias,
    length(alias) <= 4 or alias = upper(alias) as is_case_sensitive
from aliases

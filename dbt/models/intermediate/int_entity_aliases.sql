-- One row per entity alias and whether it is matched with its case.
-- Rule: word boundaries always (int_entity_mentions); aliases of at most 4 characters or written
-- in capitals are case-sensitive ("Fed", "BTC", "Meta"), longer ones are not ("Nvidia" finds
-- "NVIDIA"). An alias written with a leading "!" is a false friend: a phrase that holds another
-- alias without meaning the entity ("!Oracle of Omaha" for Oracle, "!(Nasdaq:" before a
-- ticker for the Nasdaq); each of its occurrences takes one hit away.
with entities as (
    select * from {{ ref('stg_entities') }}
),

written as (
    select entity_id, entity_type, trim(alias) as alias
    from (
        select entity_id, entity_type, {{ explode_list(split_text('aliases', "'|'")) }} as alias
        from entities
    ) as split
),

aliases as (
    select
        entity_id,
        entity_type,
        {{ replace_all('alias', "'^!+'", "''") }} as alias,
        alias like '!%' as is_false_friend
    from written
    where {{ replace_all('alias', "'^!+'", "''") }} <> ''
)

select
    entity_id,
    entity_type,
    alias,
    length(alias) <= 4 or alias = upper(alias) as is_case_sensitive,
    is_false_friend
from aliases

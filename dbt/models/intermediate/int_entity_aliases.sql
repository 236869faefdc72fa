-- One row per entity alias and whether it is matched with its case.
-- Rule: word boundaries always (int_entity_mentions); aliases written in seeds/entities.csv of
-- at most 4 characters or in capitals are case-sensitive ("Fed", "BTC", "Meta"), longer ones are
-- not ("Nvidia" finds "NVIDIA"). The aliases int_entities derives from seeds/assets.csv are
-- names and tickers: case-sensitive ("Waste Management" is not waste management), but for a
-- name in capitals longer than 4 characters ("QUALCOMM" finds "Qualcomm"); one an entity
-- already has in any case is left out. An alias written with a leading "!" is a false friend:
-- a phrase that holds another alias without meaning the entity ("!Oracle of Omaha" for
-- Oracle, "!(Nasdaq:" before a ticker for the Nasdaq); each of its occurrences takes one hit
-- away.
with entities as (
    select * from {{ ref('int_entities') }}
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
),

derived as (
    select entity_id, entity_type, alias
    from (
        select entity_id, entity_type,
            {{ explode_list(split_text('derived_aliases', "'|'")) }} as alias
        from entities
        where derived_aliases <> ''
    ) as split
)

select
    entity_id,
    entity_type,
    alias,
    length(alias) <= 4 or alias = upper(alias) as is_case_sensitive,
    is_false_friend
from aliases
union all
select
    derived.entity_id,
    derived.entity_type,
    derived.alias,
    not (derived.alias = upper(derived.alias) and length(derived.alias) > 4
         and {{ matches('derived.alias', "'^[A-Z]'") }}) as is_case_sensitive,
    false as is_false_friend
from derived
left join aliases as same
    on same.entity_id = derived.entity_id and lower(same.alias) = lower(derived.alias)
where same.alias is null

-- One row per entity alias, with the regular expression that finds it in text.
-- Rule: word boundaries always; aliases of at most 4 characters or written in capitals are
-- case-sensitive ("Fed", "BTC", "Meta"), longer ones are not ("Nvidia" finds "NVIDIA").
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
),

patterned as (
    select
        entity_id,
        entity_type,
        alias,
        length(alias) <= 4 or alias = upper(alias) as is_case_sensitive,
        -- a word boundary where the alias starts or ends with a word character
        case when regexp_matches(alias, '^\w') then '\b' else '' end
            || regexp_replace(alias, '([.^$|()\[\]{}*+?\\])', '\\\1', 'g')
            || case when regexp_matches(alias, '\w$') then '\b' else '' end as alias_regex
    from aliases
)

select
    *,
    case when is_case_sensitive then '' else '(?i)' end as regex_flags
from patterned

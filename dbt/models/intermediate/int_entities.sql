-- One row per entity: those written in seeds/entities.csv, and one for every equity or crypto
-- asset of seeds/assets.csv that no written company or token stands for, so that adding an
-- asset links its news without editing entities.csv. Each asset's derived aliases join the
-- entity that stands for it: the written company or token listing its symbol or holding its
-- name or ticker as an alias (see standing), else its own entity asset_<symbol>. The derived
-- aliases (matched with their case, int_entity_aliases):
--   the name without its legal suffix ("NVIDIA Corporation" -> "NVIDIA", "The Home Depot,
--   Inc." -> "Home Depot", "Eli Lilly and Company" -> "Eli Lilly"); its short form without one
--   trailing generic word, when four characters or more are left ("Coinbase Global" ->
--   "Coinbase", "Meta Platforms" -> "Meta", not "S&P Global" -> "S&P"); the ticker as "$NVDA"
--   and, for an equity of an exchange, as "(NASDAQ: NVDA)"; the ticker alone when it has three
--   letters or more.
-- A one-word name or a ticker that is an ordinary word (seeds/ordinary_words.csv, the words
-- real headlines write in lower case: "Target", "ALL", "NOW") gives no alias: a user who wants
-- it writes it in entities.csv.
with written as (
    select * from {{ ref('stg_entities') }}
),

ordinary as (
    select word from {{ ref('stg_ordinary_words') }}
),

{%- set legal = "'(?i)[,]?\\s+(Inc\\.?|Incorporated|Corporation|Corp\\.?|Company|Co\\.?|Ltd\\.?|Limited|plc|N\\.V\\.|S\\.A\\.|AG|SE|A/S|L\\.P\\.|LLC|Class [A-C]|Trust|Holdings?|Group)$'" %}
{%- set dangling = "'(?i)(,|\\s+(&|and))$'" %}

named as (
    select
        symbol,
        asset_class,
        exchange,
        case when asset_class = 'crypto' then {{ list_item(split_text('symbol', "'-'"), 1) }}
            else symbol end as ticker,
        -- up to three legal suffixes ("Alibaba Group Holding Limited" -> "Alibaba")
        trim({{ replace_all(replace_all(replace_all(replace_all(replace_all(replace_all(
            replace_all('asset_name', "'\\s*\\(ADR\\)$'", "''"),
            legal, "''"), legal, "''"), legal, "''"), dangling, "''"), "'^The\\s+'", "''"),
            "'\\.com$'", "''") }}) as short_name
    from {{ ref('stg_assets') }}
    where asset_class in ('equity', 'crypto')
),

forms as (
    select
        *,
        {{ replace_all('short_name', "'\\s+(Global|Platforms|Technologies|Technology|Systems|International|Enterprises|Industries|Brands|Communications|Companies|Worldwide|Motor)$'", "''") }} as short_form
    from named
),

-- every alias an asset gives, each kept unless it is one ordinary word
derived as (
    select every_alias.symbol, every_alias.alias
    from (
        select symbol, short_name as alias from forms
        union all
        select symbol, short_form from forms
        where short_form <> short_name and length(short_form) >= 4
        union all
        select symbol, '$' || ticker from forms where {{ matches('ticker', "'^[A-Z]{1,6}$'") }}
        union all
        select symbol, '(' || exchange || ': ' || ticker || ')' from forms
        where asset_class = 'equity' and exchange is not null
            and {{ matches('ticker', "'^[A-Z]{1,6}$'") }}
        union all
        select symbol, ticker from forms where {{ matches('ticker', "'^[A-Z]{3,6}$'") }}
    ) as every_alias
    -- an anti-join, not "not in (subquery)": Spark's local mode cannot ship a subquery over a
    -- union of rows (a dbt unit test's given rows) to its executors
    left join ordinary on lower(every_alias.alias) = ordinary.word
    where every_alias.alias <> '' and ordinary.word is null
),

-- the written company or token that stands for each asset, if any: one listing its symbol, or
-- one whose aliases hold the asset's name, short form or ticker (it then gains the symbol);
-- those whose aliases name the asset first, then by entity_id
-- (exploded alone in the select list, then trimmed: Spark nests no generator in a function)
written_aliases as (
    select entity_id, lower(trim(alias)) as alias
    from (
        select entity_id, {{ explode_list(split_text('aliases', "'|'")) }} as alias
        from written
        where entity_type in ('company', 'token')
    ) as split
),

listed as (
    select entity_id, trim(symbol) as symbol
    from (
        select entity_id, {{ explode_list(split_text('symbols', "'|'")) }} as symbol
        from written
        where entity_type in ('company', 'token')
    ) as split
),

candidates as (
    select listed.entity_id, listed.symbol, false as names_it
    from listed
    union all
    select written_aliases.entity_id, forms.symbol, true
    from written_aliases
    inner join forms
        on written_aliases.alias in (lower(forms.short_name), lower(forms.short_form),
                                     lower(forms.ticker))
),

standing as (
    select
        symbol,
        {{ first_by('entity_id', ['not names_it', 'entity_id']) }} as entity_id
    from (
        select entity_id, symbol, max(names_it) as names_it
        from candidates
        group by entity_id, symbol
    ) as named
    group by symbol
),

-- the symbols a written entity gains by standing for an asset it did not list
gained as (
    select standing.entity_id, {{ sorted_join('standing.symbol', "'|'") }} as symbols
    from standing
    left join listed
        on listed.entity_id = standing.entity_id and listed.symbol = standing.symbol
    where listed.symbol is null
    group by standing.entity_id
),

gathered as (
    select
        coalesce(standing.entity_id, 'asset_' || lower({{ replace_all('forms.symbol', "'[^A-Za-z0-9]+'", "'_'") }})) as entity_id,
        standing.entity_id is null as is_derived,
        forms.symbol,
        forms.short_name,
        forms.asset_class,
        derived.alias
    from forms
    left join standing on forms.symbol = standing.symbol
    inner join derived on forms.symbol = derived.symbol
),

derived_aliases as (
    select entity_id, {{ sorted_join('alias', "'|'", distinct=true) }} as derived_aliases
    from gathered
    group by entity_id
),

derived_entities as (
    select distinct
        entity_id,
        short_name as entity_name,
        case when asset_class = 'crypto' then 'token' else 'company' end as entity_type,
        '' as aliases,
        symbol as symbols
    from gathered
    where is_derived
)

select
    entities.entity_id,
    entities.entity_name,
    entities.entity_type,
    entities.aliases,
    coalesce(derived_aliases.derived_aliases, '') as derived_aliases,
    concat_ws('|', nullif(entities.symbols, ''), gained.symbols) as symbols,
    entities.is_derived
from (
    select entity_id, entity_name, entity_type, aliases, symbols, false as is_derived
    from written
    union all
    select entity_id, entity_name, entity_type, aliases, symbols, true
    from derived_entities
) as entities
left join derived_aliases on entities.entity_id = derived_aliases.entity_id
left join gained on entities.entity_id = gained.entity_id

-- Every sector an entity links ("sector:NAME" in seeds/entities.csv) is the sector of at least
-- one asset in seeds/assets.csv: a misspelt name would link nothing, silently. A warning, as
-- for a symbol outside the universe.
{{ config(severity='warn', meta={"dagster": {"ref": {"name": "stg_entities"}}}) }}

with written as (
    select entity_id, trim(symbol) as symbol
    from (
        select entity_id, {{ explode_list(split_text('symbols', "'|'")) }} as symbol
        from {{ ref('stg_entities') }}
    ) as symbols
)

select written.entity_id, written.symbol
from written
left join (select distinct sector from {{ ref('stg_assets') }}) as sectors
    on sectors.sector = trim(substr(written.symbol, {{ 'sector:' | length + 1 }}))
where written.symbol like 'sector:%' and sectors.sector is null

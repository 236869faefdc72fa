-- One row per article that the event-type rules classify: its best type and how sure it is.
-- Every rule scores the article (event_rule_confidence); the highest confidence wins, ties go
-- to the higher priority, and below var('event_min_confidence') the article stays unclassified.
-- depends_on: {{ ref('stg_event_types') }}
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ replace_rows('article_id', new_article_ids()) }}"
) }}

{%- set rules = event_type_rules() %}

with articles as (
    select * from {{ ref('int_articles') }}
    {% if is_incremental() %}
    where article_id in ({{ new_article_ids() }})
    {% endif %}
),

{% if rules %}
scored as (
    select
        article_id,
        {% for event_type, pattern, guard in rules %}
        {{ event_rule_confidence(pattern, guard) }} as rule_{{ loop.index }}{{ "," if not loop.last }}
        {% endfor %}
    from articles
),

best as (
    select
        article_id,
        {% set columns = [] %}{% for rule in rules %}{% do columns.append('rule_' ~ loop.index) %}{% endfor %}
        cast(greatest({{ columns | join(', ') }}) as decimal(3, 2)) as confidence,
        case greatest({{ columns | join(', ') }})
            {% for event_type, pattern, guard in rules %}
            when rule_{{ loop.index }} then '{{ event_type }}'
            {% endfor %}
        end as event_type
    from scored
)

select article_id, event_type, confidence
from best
where confidence > 0 and confidence >= {{ var('event_min_confidence') }}
{% else %}
no_rules as (select article_id from articles where false)

select article_id, cast(null as {{ dbt.type_string() }}) as event_type, cast(null as decimal(3, 2)) as confidence
from no_rules
{% endif %}

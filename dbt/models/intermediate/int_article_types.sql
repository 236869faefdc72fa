-- One row per article that the event-type rules classify: its best type and the confidence.
-- depends_on: {{ ref('stg_event_types') }}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ replace_rows('article_id', new_article_ids()) }}"
) }}

with articles as (
    select * from {{ ref('int_articles') }}
    {% if is_incremental() %}
    where article_id in ({{ new_article_ids() }})
    {% endif %}
)

select article_id, event_type, 1.0 as confidence
from (
    select
        article_id,
        {%- set rules = event_type_rules() %}
        {% if rules %}
        case
            {% for event_type, pattern in rules %}
            when regexp_matches(title || ' ' || summary,
                '(?i){{ pattern | replace("'", "''") }}') then '{{ event_type }}'
            {% endfor %}
        end
        {% else %}
        cast(null as varchar)
        {% endif %} as event_type
    from articles
) as classified
where event_type is not null

-- One row per article that newsimpact reads as an event of a type, with how sure it is.
-- With var('event_reading') 'rules' (the default until the event merge stops joining R1's
-- release to Stargate through a burst: README, "Model card"), every type is read by its rule
-- alone. With 'learned', the learned reading decides (seeds/reading_*.csv, fitted by `make train` on the labelled
-- corpus): each class's probability comes from the article's features (int_article_features,
-- in which the hand rules of seeds/event_types.csv are features too; macros reading_scores and
-- reading_decision), and the likeliest class is said when it is a type and reaches that
-- type's threshold. A type the learned reading does not know (a
-- user's own row in event_types.csv) is read by its rule alone, and its match wins: the rule
-- is surest of the title (0.75, 1.0 with the summary), ties to the higher priority.
-- depends_on: {{ ref('stg_event_types') }} {{ ref('stg_reading_classes') }} {{ ref('stg_reading_weights') }} {{ ref('int_article_features') }}
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ replace_rows('article_id', new_article_ids()) }}"
) }}

{%- set rules = event_type_rules() %}
{%- set learned = [] %}
{%- if execute and var('event_reading') == 'learned' %}
    {%- set learned = run_query("select class from " ~ ref('stg_reading_classes')
        ~ " where model = 'event_type' and class <> 'none'").columns[0].values() | list %}
{%- endif %}
{%- set own_rules = [] %}
{%- for rule in rules %}{% if rule[0] not in learned %}{% do own_rules.append(rule) %}{% endif %}{% endfor %}

{%- if var('event_reading') not in ('learned', 'rules') %}
    {{ exceptions.raise_compiler_error("var event_reading must be learned or rules, not '"
                                       ~ var('event_reading') ~ "'") }}
{%- endif %}

with articles as (
    select * from {{ ref('int_articles') }}
    {% if is_incremental() %}
    where article_id in ({{ new_article_ids() }})
    {% endif %}
)
{%- if learned %},

features as (
    select article_id, feature from {{ ref('int_article_features') }}
    {% if is_incremental() %}
    where article_id in ({{ new_article_ids() }})
    {% endif %}
),

event_type_scores as (
    {{ reading_scores('event_type', 'articles', 'features') }}
),

likeliest as (
    {{ reading_decision('event_type_scores') }}
),

learned as (
    select article_id, class as event_type, cast(probability as decimal(3, 2)) as confidence
    from likeliest
    where class <> 'none' and probability >= threshold
)
{%- endif %}
{%- if own_rules %},

-- the rules of the types the learned reading does not know: they win where they match
own_scored as (
    select
        article_id,
        {% for event_type, pattern, guard in own_rules %}
        {{ event_rule_confidence(pattern, guard) }} as rule_{{ loop.index }}{{ "," if not loop.last }}
        {% endfor %}
    from articles
),

own as (
    select article_id, event_type, confidence
    from (
        select
            article_id,
            {% set columns = [] %}{% for rule in own_rules %}{% do columns.append('rule_' ~ loop.index) %}{% endfor %}
            cast(greatest({{ columns | join(', ') }}, 0) as decimal(3, 2)) as confidence,
            case greatest({{ columns | join(', ') }}, 0)
                {% for event_type, pattern, guard in own_rules %}
                when rule_{{ loop.index }} then '{{ event_type }}'
                {% endfor %}
            end as event_type
        from own_scored
    ) as best
    where confidence > 0 and confidence >= {{ var('event_min_confidence') }}
)
{%- endif %}

{% if learned and own_rules -%}
select article_id, event_type, confidence from own
union all
select article_id, event_type, confidence from learned
where article_id not in (select article_id from own)
{%- elif learned -%}
select article_id, event_type, confidence from learned
{%- elif own_rules -%}
select article_id, event_type, confidence from own
{%- else -%}
select article_id, cast(null as {{ dbt.type_string() }}) as event_type,
    cast(null as decimal(3, 2)) as confidence
from articles
where false
{%- endif %}

-- One row per article that makes an event: its event type (int_article_types: the surest rule,
-- the title deciding) and its primary entity (highest relevance, a sector only when nothing
-- else is named; ties go to the more specific entity type, then to the entity named first in
-- the title).
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{{ replace_rows('article_id', new_article_ids()) }}"
) }}

with articles as (
    select * from {{ ref('int_articles') }}
    {% if is_incremental() %}
    where article_id in ({{ new_article_ids() }})
    {% endif %}
),

mentions as (
    select * from {{ ref('int_entity_mentions') }}
    {% if is_incremental() %}
    where article_id in ({{ new_article_ids() }})
    {% endif %}
),

typed as (
    select * from {{ ref('int_article_types') }}
    {% if is_incremental() %}
    where article_id in ({{ new_article_ids() }})
    {% endif %}
),

primary_entities as (
    select
        article_id,
        entity_id,
        row_number() over (
            partition by article_id
            order by
                -- a group's phrase ("chipmakers") says which assets, not who acted
                coalesce(entity_type = 'sector', false),
                relevance desc,
                case entity_type
                    when 'company' then 1 when 'token' then 1 when 'product' then 2
                    when 'person' then 3 when 'organisation' then 4 when 'country' then 5
                    else 6
                end,
                title_position nulls last,
                entity_id
        ) as entity_rank
    from mentions
)

select
    articles.article_id,
    articles.published_at,
    articles.title,
    articles.first_feed_id,
    typed.event_type,
    primary_entities.entity_id as primary_entity_id
from articles
inner join typed on articles.article_id = typed.article_id
inner join primary_entities
    on articles.article_id = primary_entities.article_id and primary_entities.entity_rank = 1

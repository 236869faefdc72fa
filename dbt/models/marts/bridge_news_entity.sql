-- One row per article and entity it mentions, with the relevance score (3 per title hit,
-- 1 per summary hit) and whether it is the article's primary entity.
-- Incremental: both depend on the article alone, so only new articles are rebuilt.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{{ replace_rows('article_id', new_article_ids()) }}"
) }}
-- depends_on: {{ ref('stg_news_items') }}

with mentions as (
    select * from {{ ref('int_entity_mentions') }}
    {% if is_incremental() %}
    where article_id in ({{ new_article_ids() }})
    {% endif %}
),

article_events as (
    select * from {{ ref('int_article_events') }}
)

select
    mentions.article_id,
    mentions.entity_id,
    mentions.title_hits,
    mentions.summary_hits,
    mentions.relevance,
    coalesce(article_events.primary_entity_id = mentions.entity_id, false) as is_primary
from mentions
left join article_events on mentions.article_id = article_events.article_id

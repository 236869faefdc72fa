-- One row per deduplicated article: the feeds that carried it, its URL, title and first
-- publication time (UTC), and the event (happening) its classified signal belongs to, if any.
-- Incremental: a run can change the articles published at or after its earliest new one
-- (their story, and the classified event they join; see story_tail_start) and the articles of
-- the events those are in (a new signal can merge two happenings): only those are rebuilt.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{{ replace_rows('article_id', event_tail_article_ids()) }}"
) }}
-- depends_on: {{ ref('stg_news_items') }}

with articles as (
    select * from {{ ref('int_articles') }}
    {% if is_incremental() %}
    where article_id in ({{ event_tail_article_ids() }})
    {% endif %}
),

article_events as (
    select * from {{ ref('int_article_events') }}
),

event_articles as (
    select classified.article_id, signals.event_id
    from {{ ref('int_classified_event_articles') }} as classified
    inner join {{ ref('int_event_signals') }} as signals
        on classified.event_id = signals.signal_id
),

sentiment as (
    select * from {{ ref('int_article_sentiment') }}
),

stories as (
    select * from {{ ref('int_stories') }}
)

select
    articles.article_id,
    articles.url,
    articles.title,
    articles.summary,
    articles.published_at,
    articles.published_is_fallback,
    articles.first_feed_id,
    articles.feed_ids,
    articles.n_feeds,
    sentiment.sentiment,
    stories.story_id,
    stories.story_first_published_at,
    stories.story_first_feed_id,
    article_events.event_type,
    article_events.primary_entity_id,
    event_articles.event_id
from articles
left join article_events on articles.article_id = article_events.article_id
left join event_articles on articles.article_id = event_articles.article_id
left join sentiment on articles.article_id = sentiment.article_id
left join stories on articles.article_id = stories.article_id

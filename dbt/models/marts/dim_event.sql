-- One row per event: its type, primary entity, headline (the first article's title), when it
-- was first seen, and how many articles and feeds carried it.
with event_articles as (
    select * from {{ ref('int_event_articles') }}
),

articles as (
    select * from {{ ref('int_articles') }}
),

joined as (
    select
        event_articles.event_id,
        event_articles.event_type,
        event_articles.primary_entity_id,
        event_articles.first_seen_at,
        articles.published_at,
        articles.title,
        articles.feed_ids,
        sentiment.sentiment,
        row_number() over (
            partition by event_articles.event_id
            order by articles.published_at, articles.article_id
        ) as position_in_event
    from event_articles
    inner join articles on event_articles.article_id = articles.article_id
    inner join {{ ref('int_article_sentiment') }} as sentiment
        on event_articles.article_id = sentiment.article_id
),

sources as (
    select event_id, count(distinct feed_id) as n_sources
    from (select event_id, {{ explode_list(split_text('feed_ids', "'|'")) }} as feed_id from joined) as feeds
    group by event_id
),

events as (
    select
        event_id,
        any_value(event_type) as event_type,
        any_value(primary_entity_id) as primary_entity_id,
        max(case when position_in_event = 1 then title end) as headline,
        min(first_seen_at) as first_seen_at,
        max(published_at) as last_seen_at,
        count(*) as n_articles,
        {{ exact_sum('sentiment') }} / count(sentiment) as sentiment
    from joined
    group by event_id
)

select
    events.*,
    sources.n_sources,
    -- novelty: how long since the previous event of the same type about the same entity
    {{ dbt.datediff(
        'lag(events.first_seen_at) over (partition by events.event_type, '
        ~ 'events.primary_entity_id order by events.first_seen_at)',
        'events.first_seen_at', 'minute') }} / 60.0 as hours_since_previous_event
from events
inner join sources on events.event_id = sources.event_id

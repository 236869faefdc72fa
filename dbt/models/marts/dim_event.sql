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
        event_articles.*,
        articles.title,
        articles.feed_ids,
        row_number() over (
            partition by event_articles.event_id
            order by articles.published_at, articles.article_id
        ) as position_in_event
    from event_articles
    inner join articles on event_articles.article_id = articles.article_id
),

feeds as (
    select distinct joined.event_id, feed.feed_id
    from joined, unnest(string_split(joined.feed_ids, '|')) as feed(feed_id)
)

select
    joined.event_id,
    joined.event_type,
    joined.primary_entity_id,
    max(case when joined.position_in_event = 1 then joined.title end) as headline,
    min(joined.first_seen_at) as first_seen_at,
    max(joined.published_at) as last_seen_at,
    count(*) as n_articles,
    (select count(*) from feeds where feeds.event_id = joined.event_id) as n_sources
from joined
group by joined.event_id, joined.event_type, joined.primary_entity_id

-- One row per event and article. An event is the articles of one event type and primary entity,
-- grouped while consecutive articles are less than event_gap_hours apart (a longer silence
-- starts a new event); first_seen_at is its earliest article.
with article_events as (
    select * from {{ ref('int_article_events') }}
),

gaps as (
    select
        *,
        lag(published_at) over (
            partition by event_type, primary_entity_id order by published_at, article_id
        ) as previous_published_at
    from article_events
),

islands as (
    select
        *,
        sum(case
            when previous_published_at is null then 1
            when {{ dbt.datediff('previous_published_at', 'published_at', 'second') }}
                >= {{ var('event_gap_hours') }} * 3600 then 1
            else 0
        end) over (
            partition by event_type, primary_entity_id
            order by published_at, article_id
            rows between unbounded preceding and current row
        ) as island
    from gaps
),

ranked as (
    select
        *,
        min(published_at) over (partition by event_type, primary_entity_id, island)
            as first_seen_at,
        row_number() over (
            partition by event_type, primary_entity_id, island order by published_at, article_id
        ) as position_in_event
    from islands
)

select
    md5(event_type || '|' || primary_entity_id || '|' || cast(first_seen_at as varchar))
        as event_id,
    event_type,
    primary_entity_id,
    first_seen_at,
    article_id
from ranked

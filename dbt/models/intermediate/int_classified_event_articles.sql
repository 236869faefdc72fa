-- One row per event and article. An event is the articles of one event type and primary entity,
-- grouped while consecutive articles are less than event_gap_hours apart (a longer silence
-- starts a new event); first_seen_at is its earliest article.
-- Incremental: the articles of a (type, entity) from the earliest new one onwards are regrouped,
-- continuing the stored event of the article before them when the gap is short enough.
-- depends_on: {{ ref('stg_news_items') }}
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='delete+insert',
    unique_key='article_id',
    post_hook="{% if is_incremental() %}delete from {{ this }} where article_id in ({{ new_article_ids() }})
               and article_id not in (select article_id from {{ ref('int_article_events') }}){% endif %}"
) }}

with article_events as (
    select article_events.*, cast(null as timestamp) as stored_first_seen_at, false as is_context
    from {{ ref('int_article_events') }} as article_events
    {% if is_incremental() %}
    inner join ({{ event_tails() }}) as tails
        on article_events.event_type = tails.event_type
        and article_events.primary_entity_id = tails.primary_entity_id
        and article_events.published_at >= tails.tail_start

    union all

    -- the last stored article before each tail, with its event's first_seen_at
    select
        stored.article_id,
        stored.published_at,
        null as title,
        null as first_feed_id,
        stored.event_type,
        stored.primary_entity_id,
        stored.first_seen_at as stored_first_seen_at,
        true as is_context
    from {{ this }} as stored
    inner join ({{ event_tails() }}) as tails
        on stored.event_type = tails.event_type
        and stored.primary_entity_id = tails.primary_entity_id
        and stored.published_at < tails.tail_start
    qualify row_number() over (
        partition by stored.event_type, stored.primary_entity_id
        order by stored.published_at desc, stored.article_id desc
    ) = 1
    {% endif %}
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
        -- an island that continues a stored event keeps that event's first_seen_at
        coalesce(
            min(stored_first_seen_at) over (partition by event_type, primary_entity_id, island),
            min(published_at) over (partition by event_type, primary_entity_id, island)
        ) as first_seen_at
    from islands
)

select
    md5(event_type || '|' || primary_entity_id || '|' || cast(first_seen_at as {{ dbt.type_string() }}))
        as event_id,
    event_type,
    primary_entity_id,
    first_seen_at,
    article_id,
    published_at
from ranked
where not is_context

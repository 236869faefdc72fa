-- One row per event (one happening, int_event_signals) and article: the articles of its
-- signals, once each. The event is dated by its earliest classified signal (first_seen_at, what
-- t0 is aligned on), or for a happening seen only as attention bursts by its earliest burst (a
-- burst's first article is the first of a run about its entity, not a report of the
-- happening). Its type and primary entity are those of its primary signal, the classified
-- signal whose entity the event's reports name most: a company, product or token before any
-- other kind (an actor before "Chinese" or a president), then the most titles of the event
-- that name it, then the earliest; so an outlet's newsletter that was first to mention a
-- happening in passing does not name it. A happening seen only as bursts has type
-- attention_burst and its earliest burst's entity.
-- Novelty of each article, RavenPack's event-novelty idea in the open: 100 for a report with no
-- other report of the event in the 24 hours before it, times 0.75 for each one there is; so the
-- first report scores 100, a follow-up in a flurry little, and a return of the story days later
-- high again.
with signals as (
    select * from {{ ref('int_event_signals') }}
),

members as (
    select distinct signals.event_id, signal_articles.article_id
    from {{ ref('int_signal_articles') }} as signal_articles
    inner join signals on signal_articles.signal_id = signals.signal_id
),

-- how many of each event's articles name an entity in their title
title_counts as (
    select members.event_id, mentions.entity_id, count(*) as n_titles
    from members
    inner join {{ ref('int_entity_mentions') }} as mentions
        on members.article_id = mentions.article_id
    where mentions.title_hits > 0
    group by members.event_id, mentions.entity_id
),

ranked_signals as (
    select
        signals.*,
        signals.event_type = 'attention_burst' as is_burst,
        -- (bursts, which name an event only when it has no classified signal, by time alone)
        signals.event_type <> 'attention_burst'
            and coalesce(entities.entity_type in ('company', 'product', 'token'), false)
            as is_actor,
        case when signals.event_type = 'attention_burst' then 0
            else coalesce(title_counts.n_titles, 0) end as n_titles
    from signals
    left join {{ ref('int_entities') }} as entities
        on signals.primary_entity_id = entities.entity_id
    left join title_counts
        on signals.event_id = title_counts.event_id
        and signals.primary_entity_id = title_counts.entity_id
),

{%- set primary_first = ['is_burst', 'not is_actor', '-n_titles', 'first_seen_at', 'signal_id'] %}
events as (
    select
        event_id,
        {{ first_by('event_type', primary_first) }} as event_type,
        {{ first_by('primary_entity_id', primary_first) }} as primary_entity_id,
        {{ first_by('first_seen_at', ['is_burst', 'first_seen_at', 'signal_id']) }}
            as first_seen_at
    from ranked_signals
    group by event_id
),

timed as (
    select
        members.event_id,
        members.article_id,
        articles.published_at,
        {{ epoch_seconds('articles.published_at') }} as published_epoch
    from members
    inner join {{ ref('int_articles') }} as articles on members.article_id = articles.article_id
),

counted as (
    select
        *,
        row_number() over (partition by event_id order by published_at, article_id)
            as position_in_event,
        count(*) over (partition by event_id order by published_epoch
                       range between 86400 preceding and current row)
        - count(*) over (partition by event_id order by published_epoch
                         range between current row and current row) as reports_in_previous_day
    from timed
)

select
    events.event_id,
    events.event_type,
    events.primary_entity_id,
    events.first_seen_at,
    counted.article_id,
    counted.published_at,
    counted.position_in_event,
    counted.reports_in_previous_day,
    100 * power(0.75, counted.reports_in_previous_day) as novelty
from counted
inner join events on counted.event_id = events.event_id

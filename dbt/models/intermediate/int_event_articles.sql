-- One row per event (one happening, int_event_signals) and article: the articles of its
-- signals, once each. The event's type and primary entity are those of its primary signal: its
-- earliest classified signal, or for a happening seen only as attention bursts, its earliest
-- burst (type attention_burst); first_seen_at is that signal's too, what t0 is aligned on (a
-- burst's first article is the first of a run about its entity, not a report of the happening).
-- Novelty of each article, RavenPack's event-novelty idea in the open: 100 for a report with no
-- other report of the event in the 24 hours before it, times 0.75 for each one there is; so the
-- first report scores 100, a follow-up in a flurry little, and a return of the story days later
-- high again.
with signals as (
    select * from {{ ref('int_event_signals') }}
),

events as (
    select
        event_id,
        {{ first_by('event_type', ["event_type = 'attention_burst'", 'first_seen_at', 'signal_id']) }}
            as event_type,
        {{ first_by('primary_entity_id', ["event_type = 'attention_burst'", 'first_seen_at', 'signal_id']) }}
            as primary_entity_id,
        {{ first_by('first_seen_at', ["event_type = 'attention_burst'", 'first_seen_at', 'signal_id']) }}
            as first_seen_at
    from signals
    group by event_id
),

members as (
    select distinct signals.event_id, signal_articles.article_id
    from {{ ref('int_signal_articles') }} as signal_articles
    inner join signals on signal_articles.signal_id = signals.signal_id
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

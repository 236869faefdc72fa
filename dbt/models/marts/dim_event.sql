-- One row per event: one happening, however many signals (classified events, attention
-- bursts) reported it (int_event_signals). Its type and primary entity are its primary
-- signal's; the others are in bridge_event_type and bridge_event_entity. The headline is its
-- most representative article: of its primary signal's articles whose title names the primary
-- entity, the first report of the largest story (the report most others repeat) - never a
-- roundup that names the event only in its summary, nor a report of another happening that a
-- burst swept in.
with event_articles as (
    select * from {{ ref('int_event_articles') }}
),

primary_signal_articles as (
    -- the articles of each event's primary signal whose title names the primary entity
    select distinct event_articles.event_id, event_articles.article_id
    from event_articles
    inner join {{ ref('int_event_signals') }} as signals
        on event_articles.event_id = signals.event_id
        and event_articles.event_type = signals.event_type
        and event_articles.primary_entity_id = signals.primary_entity_id
    inner join {{ ref('int_signal_articles') }} as signal_articles
        on signals.signal_id = signal_articles.signal_id
        and event_articles.article_id = signal_articles.article_id
    inner join {{ ref('int_entity_mentions') }} as mentions
        on event_articles.article_id = mentions.article_id
        and event_articles.primary_entity_id = mentions.entity_id
    where mentions.title_hits > 0
),

story_sizes as (
    select event_articles.event_id, stories.story_id, count(*) as story_articles
    from event_articles
    inner join {{ ref('int_stories') }} as stories
        on event_articles.article_id = stories.article_id
    group by event_articles.event_id, stories.story_id
),

joined as (
    select
        event_articles.event_id,
        event_articles.event_type,
        event_articles.primary_entity_id,
        event_articles.first_seen_at,
        event_articles.article_id,
        articles.published_at,
        articles.title,
        articles.feed_ids,
        sentiment.sentiment,
        headline_candidates.article_id is not null as is_headline_candidate,
        story_sizes.story_articles
    from event_articles
    inner join {{ ref('int_articles') }} as articles
        on event_articles.article_id = articles.article_id
    inner join {{ ref('int_article_sentiment') }} as sentiment
        on event_articles.article_id = sentiment.article_id
    inner join {{ ref('int_stories') }} as stories
        on event_articles.article_id = stories.article_id
    inner join story_sizes
        on event_articles.event_id = story_sizes.event_id
        and stories.story_id = story_sizes.story_id
    left join primary_signal_articles as headline_candidates
        on event_articles.event_id = headline_candidates.event_id
        and event_articles.article_id = headline_candidates.article_id
),

sources as (
    select event_id, count(distinct feed_id) as n_sources
    from (select event_id, {{ explode_list(split_text('feed_ids', "'|'")) }} as feed_id from joined) as feeds
    group by event_id
),

signal_counts as (
    select event_id, count(*) as n_signals, count(distinct primary_entity_id) as n_subjects
    from {{ ref('int_event_signals') }}
    group by event_id
),

events as (
    select
        event_id,
        any_value(event_type) as event_type,
        any_value(primary_entity_id) as primary_entity_id,
        {{ first_by('article_id', ['not is_headline_candidate', '-story_articles',
                                   'published_at', 'article_id']) }} as headline_article_id,
        {{ first_by('title', ['not is_headline_candidate', '-story_articles',
                              'published_at', 'article_id']) }} as headline,
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
    signal_counts.n_signals,
    signal_counts.n_subjects,
    -- novelty: how long since the previous event of the same type about the same entity
    {{ dbt.datediff(
        'lag(events.first_seen_at) over (partition by events.event_type, '
        ~ 'events.primary_entity_id order by events.first_seen_at)',
        'events.first_seen_at', 'minute') }} / 60.0 as hours_since_previous_event
from events
inner join sources on events.event_id = sources.event_id
inner join signal_counts on events.event_id = signal_counts.event_id

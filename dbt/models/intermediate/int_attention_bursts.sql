-- One row per attention burst and article in it. A burst day is a UTC day on which an entity
-- (not a sector) is named in at least burst_min_articles articles and at least burst_ratio
-- times its mean daily count over the burst_baseline_days before (days without articles count
-- as zero; the first burst_baseline_days days of news, from the first article of any kind, are
-- not judged). Burst days at most burst_gap_days apart form one burst, dated when it became
-- visible: the publication of the article that took its first day over both thresholds (the
-- greater of burst_min_articles and burst_ratio times the baseline, rounded up).
with mentions as (
    select
        mentions.entity_id,
        articles.article_id,
        articles.published_at,
        cast(articles.published_at as date) as news_date
    from {{ ref('int_entity_mentions') }} as mentions
    inner join {{ ref('int_articles') }} as articles on mentions.article_id = articles.article_id
    -- attention to a group of stocks is how markets are described, not a happening of its own
    where mentions.entity_type is distinct from 'sector'
),

-- days are judged from the first day of any news (not the first day an entity was named), so
-- a warehouse that collected news for weeks before naming an entity judges its first burst
first_news as (
    select min(cast(published_at as date)) as first_date from {{ ref('int_articles') }}
),

daily as (
    select entity_id, news_date, count(*) as n_articles
    from mentions
    group by entity_id, news_date
),

-- the baseline from the days that had articles: days without any count as zero, so only
-- entity-days with news are stored (no calendar of every day between the bounds)
baselines as (
    select
        daily.*,
        coalesce(sum(n_articles) over (
            partition by entity_id order by day_number
            range between {{ var('burst_baseline_days') }} preceding and 1 preceding
        ), 0) / {{ var('burst_baseline_days') }}.0 as baseline,
        day_number >= {{ var('burst_baseline_days') }} as has_full_baseline
    from (
        select daily.*, {{ dbt.datediff('first_news.first_date', 'daily.news_date', 'day') }}
            as day_number
        from daily cross join first_news
    ) as daily
),

burst_days as (
    select entity_id, news_date, n_articles, baseline
    from baselines
    where has_full_baseline
        and n_articles >= {{ var('burst_min_articles') }}
        and n_articles >= {{ var('burst_ratio') }} * baseline
),

runs as (
    select
        *,
        sum(case
            when {{ dbt.datediff('previous_date', 'news_date', 'day') }}
                <= {{ var('burst_gap_days') }} + 1 then 0
            else 1
        end) over (partition by entity_id order by news_date rows unbounded preceding) as burst
    from (
        select *, lag(news_date) over (partition by entity_id order by news_date) as previous_date
        from burst_days
    ) as ordered
),

spans as (
    select
        entity_id,
        burst,
        min(news_date) as first_date,
        max(news_date) as last_date,
        -- the article count at which the first day crossed both thresholds
        greatest({{ var('burst_min_articles') }},
            ceil({{ first_by('baseline', ['news_date']) }} * {{ var('burst_ratio') }})) as visible_at_article
    from runs
    group by entity_id, burst
),

members as (
    select
        spans.entity_id,
        spans.first_date,
        spans.visible_at_article,
        mentions.article_id,
        mentions.published_at,
        row_number() over (
            partition by spans.entity_id, spans.burst, mentions.news_date = spans.first_date
            order by mentions.published_at, mentions.article_id
        ) as position_that_day,
        mentions.news_date = spans.first_date as on_first_day
    from spans
    inner join mentions
        on mentions.entity_id = spans.entity_id
        and mentions.news_date between spans.first_date and spans.last_date
),

dated as (
    select
        *,
        max(case when on_first_day and position_that_day = visible_at_article
            then published_at end) over (partition by entity_id, first_date) as first_seen_at
    from members
)

select
    md5('attention_burst|' || entity_id || '|' || cast(first_seen_at as {{ dbt.type_string() }})) as event_id,
    'attention_burst' as event_type,
    entity_id as primary_entity_id,
    first_seen_at,
    article_id
from dated

-- One row per article: the same canonical URL carried by several feeds is one article, dated
-- by its earliest appearance. Incremental: a run recomputes the articles with an item first
-- fetched in its window, from all their items.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ replace_rows('article_id', new_article_ids()) }}"
) }}

with items as (
    select * from {{ ref('stg_news_items') }}
    {% if is_incremental() %}
    where md5(article_key) in ({{ new_article_ids() }})
    {% endif %}
),

ranked as (
    select
        *,
        row_number() over (
            partition by article_key order by published_at, feed_id, item_id
        ) as appearance
    from items
),

feeds as (
    select
        article_key,
        count(distinct feed_id) as n_feeds,
        string_agg(distinct feed_id, '|' order by feed_id) as feed_ids
    from items
    group by article_key
)

select
    md5(ranked.article_key) as article_id,
    ranked.article_key,
    ranked.link as url,
    ranked.title,
    ranked.summary,
    ranked.published_at,
    ranked.published_is_fallback,
    ranked.feed_id as first_feed_id,
    feeds.n_feeds,
    feeds.feed_ids
from ranked
inner join feeds on ranked.article_key = feeds.article_key
where ranked.appearance = 1

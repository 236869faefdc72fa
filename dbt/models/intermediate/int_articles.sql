-- One row per article: the same canonical URL carried by several feeds is one article, dated
-- by its earliest appearance. Incremental: a run recomputes the articles with an item first
-- fetched in its window, from all their items.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{{ replace_rows('article_id', new_article_ids()) }}"
) }}

with items as (
    select * from {{ ref('stg_news_items') }}
    {% if is_incremental() %}
    where md5(article_key) in ({{ new_article_ids() }})
    {% endif %}
),

-- per article: its first appearance (earliest publication; ties by feed, then item) and feeds
firsts as (
    select
        article_key,
        {{ first_by('item_id', ['published_at', 'feed_id', 'item_id']) }} as item_id,
        count(distinct feed_id) as n_feeds,
        {{ sorted_join('feed_id', "'|'", distinct=true) }} as feed_ids
    from items
    group by article_key
)

select
    md5(firsts.article_key) as article_id,
    firsts.article_key,
    items.link as url,
    items.title,
    items.summary,
    items.published_at,
    items.published_is_fallback,
    items.feed_id as first_feed_id,
    firsts.n_feeds,
    firsts.feed_ids
from firsts
inner join items on firsts.item_id = items.item_id

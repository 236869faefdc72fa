-- One row per asset and trading day with a price: close, return, volume and how many articles
-- naming the asset arrived for that session (same alignment as event t0: first close at or
-- after publication).
with sessions as (
    select * from {{ ref('int_asset_sessions') }}
    where close is not null
),

articles as (
    select * from {{ ref('int_articles') }}
),

mentions as (
    select * from {{ ref('int_entity_mentions') }}
),

entity_assets as (
    select * from {{ ref('int_entity_assets') }}
),

article_assets as (
    select distinct articles.article_id, articles.published_at, entity_assets.symbol
    from articles
    inner join mentions on articles.article_id = mentions.article_id
    inner join entity_assets on mentions.entity_id = entity_assets.entity_id
),

article_sessions as (
    {{ align_to_sessions('article_assets', 'article_id', 'published_at', 'symbol') }}
),

news_counts as (
    select
        article_sessions.symbol,
        article_sessions.session_date,
        count(*) as news_count,
        {{ exact_sum('sentiment.sentiment') }} / count(sentiment.sentiment) as mean_sentiment
    from article_sessions
    inner join {{ ref('int_article_sentiment') }} as sentiment
        on article_sessions.article_id = sentiment.article_id
    group by article_sessions.symbol, article_sessions.session_date
)

select
    sessions.symbol,
    sessions.session_date,
    sessions.close,
    sessions.adj_close,
    sessions.daily_return,
    sessions.benchmark_return,
    sessions.volume,
    coalesce(news_counts.news_count, 0) as news_count,
    news_counts.mean_sentiment
from sessions
left join news_counts
    on sessions.symbol = news_counts.symbol and sessions.session_date = news_counts.session_date

with source as (
    select * from {{ source('raw', 'news_items') }}
),

renamed as (
    select
        item_id,
        feed_id,
        guid,
        link,
        -- one article across feeds: the canonical link, or the item itself when it has none
        coalesce(canonical_link, 'item:' || item_id) as article_key,
        title,
        coalesce(summary, '') as summary,
        author,
        categories,
        published_at,
        published_is_fallback,
        first_fetched_at
    from source
)

select * from renamed

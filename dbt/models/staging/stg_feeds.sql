with source as (
    select * from {{ ref('feeds') }}
),

renamed as (
    select
        feed_id,
        name as feed_name,
        url as feed_url,
        format as feed_format,
        topic
    from source
)

select * from renamed

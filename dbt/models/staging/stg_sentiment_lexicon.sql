with source as (
    select * from {{ ref('sentiment_lexicon') }}
),

renamed as (
    select
        lower(trim(term)) as term,
        cast(polarity as integer) as polarity
    from source
)

select * from renamed

with source as (
    select * from {{ source('raw', 'sessions') }}
),

renamed as (
    select
        calendar,
        session_date,
        open_at,
        close_at
    from source
)

select * from renamed

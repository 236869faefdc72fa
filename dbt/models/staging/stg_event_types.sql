with source as (
    select * from {{ ref('event_types') }}
),

renamed as (
    select
        event_type,
        description as event_type_description,
        priority,
        pattern,
        nullif(trim(guard), '') as guard  -- a guard of blanks would veto everything
    from source
)

select * from renamed

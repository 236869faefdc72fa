with source as (
    select * from {{ ref('event_types') }}
),

renamed as (
    select
        event_type,
        description as event_type_description,
        priority,
        pattern,
        guard
    from source
)

select * from renamed

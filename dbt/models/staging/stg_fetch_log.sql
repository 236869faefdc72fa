with source as (
    select * from {{ source('raw', 'fetch_log') }}
),

renamed as (
    select
        fetch_id,
        run_id,
        kind,
        source_id,
        url,
        transport,
        observed_at,
        logged_at,
        status,
        http_status,
        bytes,
        sha256,
        duration_ms,
        rows_parsed,
        message
    from source
)

select * from renamed

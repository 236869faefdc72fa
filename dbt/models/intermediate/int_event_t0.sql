-- One row per event and asset: t0, the asset's first session whose close is at or after the
-- event's first_seen_at (see the align_to_sessions macro).
with events as (
    select distinct event_id, first_seen_at from {{ ref('int_event_articles') }}
),

aligned as (
    {{ align_to_sessions('events', 'event_id', 'first_seen_at') }}
)

select
    event_id,
    symbol,
    session_date as t0_date,
    session_index as t0_index
from aligned

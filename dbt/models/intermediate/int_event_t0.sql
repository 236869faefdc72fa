-- One row per event and asset: t0, the asset's first session whose close is at or after the
-- event's first_seen_at (see the align_to_sessions macro).
-- Incremental: an event's id is fixed by its type, entity and first_seen_at, so only events
-- not aligned before are aligned; events that no longer exist are dropped.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    post_hook="{% if is_incremental() %}delete from {{ this }} where event_id not in
               (select event_id from {{ ref('int_event_articles') }}){% endif %}"
) }}

with events as (
    select distinct event_id, first_seen_at from {{ ref('int_event_articles') }}
    {% if is_incremental() %}
    where event_id not in (select event_id from {{ this }})
    {% endif %}
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
-- stored in event order: a query for a few events then reads only their row groups
order by event_id

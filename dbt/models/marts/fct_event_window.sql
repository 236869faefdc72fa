-- One row per event, asset and relative session tau in [-event_window, +event_window]: the
-- return, what the asset's model expected, the abnormal return and the CAR from the window
-- start (computed once per asset and t0 session in int_asset_t0_windows).
-- Incremental: a daily run recomputes only the events whose windows have not all happened yet
-- (and new ones); settled events stay as they are. After changing a var, build --full-refresh.
{{ config(
    materialized='incremental',
    unique_key='event_id',
    incremental_strategy='delete+insert',
    on_schema_change='sync_all_columns',
    post_hook="delete from {{ this }} where event_id not in
               (select event_id from {{ ref('int_event_t0') }})"
) }}

with event_t0 as (
    select * from {{ ref('int_event_t0') }}
    {% if is_incremental() %}
    where event_id not in (
        select event_id from {{ this }}
        group by event_id
        having bool_and(has_happened)
            and count(distinct tau) = 2 * {{ var('event_window') }} + 1
    )
    {% endif %}
),

t0_windows as (
    select * from {{ ref('int_asset_t0_windows') }}
)

select
    {{ surrogate_key(['event_t0.event_id', 'event_t0.symbol', 't0_windows.tau']) }}
        as event_window_id,
    event_t0.event_id,
    event_t0.symbol,
    t0_windows.tau,
    t0_windows.session_date,
    t0_windows.t0_date,
    t0_windows.has_happened,
    t0_windows.close,
    t0_windows.volume,
    t0_windows.daily_return,
    t0_windows.spans_missing_bar,
    t0_windows.benchmark_return,
    t0_windows.model,
    t0_windows.expected_return,
    t0_windows.abnormal_return,
    t0_windows.car_to_date
from event_t0
inner join t0_windows
    on event_t0.symbol = t0_windows.symbol and event_t0.t0_index = t0_windows.t0_index

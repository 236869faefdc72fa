-- One row per event, asset and relative session tau in [-event_window, +event_window]: the
-- return, what the asset's model expected, the abnormal return and the CAR from the window
-- start (computed once per asset and t0 session in int_asset_t0_windows).
-- A view: events x assets x sessions is a product (90 million rows at 20,000 events and 200
-- assets), while what it is made of grows with the data; a query for some events reads only
-- theirs. int_asset_t0_windows is incremental: a daily run recomputes only the t0s whose
-- windows have not all happened yet (and new ones). After changing a var, --full-refresh.
{{ config(materialized='view') }}

with event_t0 as (
    select * from {{ ref('int_event_t0') }}
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

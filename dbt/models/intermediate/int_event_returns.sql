-- One row per event, asset and relative session tau, from the start of the estimation window
-- to the end of the event window, counted in the asset's own sessions.
with t0 as (
    select * from {{ ref('int_event_t0') }}
),

sessions as (
    select * from {{ ref('int_asset_sessions') }}
)

select
    t0.event_id,
    t0.symbol,
    t0.t0_date,
    sessions.session_index - t0.t0_index as tau,
    sessions.session_date,
    sessions.has_happened,
    sessions.close,
    sessions.volume,
    sessions.daily_return,
    sessions.spans_missing_bar,
    sessions.benchmark_return
from t0
inner join sessions
    on t0.symbol = sessions.symbol
    and sessions.session_index between t0.t0_index + {{ var('estimation_start') }}
        and t0.t0_index + {{ var('event_window') }}

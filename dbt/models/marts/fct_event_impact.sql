-- One row per event, asset and CAR window: the cumulative abnormal return, its t-statistic and
-- two-sided p-value, abnormal volume, the model used and whether the window has fully happened
-- (computed once per asset and t0 session in int_asset_t0_impacts; events sharing a t0 share
-- its numbers), whether the asset is named in the event's news, and whether other events share
-- the asset's t0 (confounded: the move is one fact with several candidate causes; see
-- fct_asset_move for the move counted once).
-- A view, like fct_event_window: its parts are tables that grow with the data, the product
-- of events and assets is only formed for the events a query asks for.
{{ config(materialized='view') }}

with event_t0 as (
    select * from {{ ref('int_event_t0') }}
),

impacts as (
    select * from {{ ref('int_asset_t0_impacts') }}
),

linked as (
    select * from {{ ref('int_event_linked_assets') }}
),

t0_events as (
    select * from {{ ref('int_asset_t0_events') }}
)

select
    {{ surrogate_key(['event_t0.event_id', 'event_t0.symbol', 'impacts.window_start',
                      'impacts.window_end']) }} as event_impact_id,
    event_t0.event_id,
    event_t0.symbol,
    impacts.window_label,
    impacts.window_start,
    impacts.window_end,
    impacts.t0_date,
    coalesce(linked.is_linked, false) as is_linked,
    t0_events.n_events as n_events_on_t0,
    t0_events.n_events > 1 as is_confounded,
    impacts.raw_return,
    impacts.car,
    impacts.car_standard_error,
    impacts.car_t,
    impacts.car_p_value,
    impacts.car_p_value_log10,
    impacts.abnormal_volume,
    impacts.model,
    impacts.alpha,
    impacts.beta,
    impacts.estimation_obs,
    impacts.degrees_of_freedom,
    impacts.window_obs,
    impacts.missing_obs,
    impacts.is_complete
from event_t0
inner join impacts
    on event_t0.symbol = impacts.symbol and event_t0.t0_index = impacts.t0_index
left join linked on event_t0.event_id = linked.event_id and event_t0.symbol = linked.symbol
inner join t0_events
    on event_t0.symbol = t0_events.symbol and event_t0.t0_index = t0_events.t0_index

-- One row per asset, t0 session and CAR window on which at least one event is aligned: the
-- asset's move (return, CAR and its test) counted once, however many events share the session,
-- with those events summed up: how many, how many name the asset, and the lead one (see
-- int_asset_t0_events; bridge the rest through fct_event_impact on symbol and t0_date).
select
    {{ surrogate_key(['impacts.symbol', 'impacts.t0_date', 'impacts.window_start',
                      'impacts.window_end']) }} as asset_move_id,
    impacts.symbol,
    asset.asset_class,
    impacts.t0_date,
    impacts.window_label,
    impacts.window_start,
    impacts.window_end,
    impacts.raw_return,
    impacts.car,
    impacts.car_standard_error,
    impacts.car_t,
    impacts.car_p_value,
    impacts.abnormal_volume,
    impacts.model,
    impacts.is_complete,
    events.n_events,
    events.n_linked_events,
    events.n_events > 1 as is_confounded,
    events.lead_event_id,
    lead.event_type as lead_event_type,
    lead.headline as lead_headline,
    events.n_linked_events > 0 as lead_names_asset
from {{ ref('int_asset_t0_impacts') }} as impacts
inner join {{ ref('int_asset_t0_events') }} as events
    on impacts.symbol = events.symbol and impacts.t0_index = events.t0_index
inner join {{ ref('dim_event') }} as lead on events.lead_event_id = lead.event_id
inner join {{ ref('dim_asset') }} as asset on impacts.symbol = asset.symbol

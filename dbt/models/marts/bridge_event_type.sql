-- One row per event and type among its signals: the primary type (dim_event.event_type) and the
-- others, e.g. an ai_model_release whose happening also had a market_selloff and bursts.
with signals as (
    select * from {{ ref('int_event_signals') }}
),

events as (
    select distinct event_id, event_type from {{ ref('int_event_articles') }}
)

select
    signals.event_id,
    signals.event_type,
    signals.event_type = any_value(events.event_type) as is_primary,
    count(*) as n_signals,
    cast(sum(signals.n_articles) as bigint) as n_articles,
    min(signals.first_seen_at) as first_seen_at
from signals
inner join events on signals.event_id = events.event_id
group by signals.event_id, signals.event_type

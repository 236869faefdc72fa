{{ config(materialized='view') }}
-- One row per event type, linkage, asset and t0 session: how many of the type's events of that
-- linkage have their t0 there (n_events). An event's linked group holds the assets it names
-- (int_event_linked_assets), its spill-over group every other asset. The observations the
-- type-level sums pool are these rows' complete windows, each n_events times.
select
    event.event_type,
    t0.symbol,
    t0.t0_index,
    t0.t0_date,
    case when linked.event_id is null then 'spillover' else 'linked' end as linkage,
    count(*) as n_events
from {{ ref('int_event_t0') }} as t0
inner join (
    select distinct event_id, event_type from {{ ref('int_event_articles') }}
) as event on t0.event_id = event.event_id
left join {{ ref('int_event_linked_assets') }} as linked
    on t0.event_id = linked.event_id and t0.symbol = linked.symbol
group by all

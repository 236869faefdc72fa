-- One row per asset and t0 session of at least one event: the events aligned to it, which are
-- the candidate causes of the asset's move that session. How many there are, how many name the
-- asset (linked), and the lead event: a linked one before any other, then the one with the most
-- articles, then the earliest, then by id (so the choice never depends on row order).
with events as (
    select event_id, count(*) as n_articles, min(first_seen_at) as first_seen_at
    from {{ ref('int_event_articles') }}
    group by event_id
),

aligned as (
    select
        t0.symbol,
        t0.t0_index,
        t0.event_id,
        coalesce(linked.is_linked, false) as is_linked,
        event.n_articles,
        event.first_seen_at
    from {{ ref('int_event_t0') }} as t0
    inner join events as event on t0.event_id = event.event_id
    left join {{ ref('int_event_linked_assets') }} as linked
        on t0.event_id = linked.event_id and t0.symbol = linked.symbol
)

select
    symbol,
    t0_index,
    count(*) as n_events,
    count(case when is_linked then 1 end) as n_linked_events,
    {{ first_by('event_id', ['not is_linked', '-n_articles', 'first_seen_at', 'event_id']) }} as lead_event_id
from aligned
group by symbol, t0_index

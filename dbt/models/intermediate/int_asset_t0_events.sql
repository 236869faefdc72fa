-- One row per asset and t0 session of at least one event: the events aligned to it, which are
-- the candidate causes of the asset's move that session. How many there are, how many name the
-- asset (linked), and the lead event: the candidate ranked first by the evidence that it moved
-- the asset (int_asset_t0_candidates - a linked event first, then the event whose named
-- assets' moves, through their co-movement with the asset, predict most of its move; article
-- counts only break ties).
select
    symbol,
    t0_index,
    count(*) as n_events,
    count(case when is_linked then 1 end) as n_linked_events,
    max(case when candidate_rank = 1 then event_id end) as lead_event_id
from {{ ref('int_asset_t0_candidates') }}
group by symbol, t0_index

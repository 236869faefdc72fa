-- Which events compete to explain NVIDIA's abnormal return on 27 January 2025, a move that
-- every event aligned to that session shares (one fact with several candidate causes)?
--
-- Expected on the demo data (make demo):
-- | event_type | primary_entity_id | first_seen_at | n_articles | is_linked | abnormal_return | n_events_on_t0 |
-- |---|---|---|---|---|---|---|
-- | earnings | meta | 2025-01-24 22:00:00 | 4 | false | -0.1477 | 5 |
-- | ai_model_release | deepseek | 2025-01-25 12:30:00 | 25 | true | -0.1477 | 5 |
-- | investment_deal | meta | 2025-01-25 15:00:00 | 1 | false | -0.1477 | 5 |
-- | trade_tariff | colombia | 2025-01-26 20:15:00 | 4 | false | -0.1477 | 5 |
-- | market_selloff | bitcoin | 2025-01-27 09:10:00 | 2 | false | -0.1477 | 5 |
select
    event.event_type,
    event.primary_entity_id,
    event.first_seen_at,
    event.n_articles,
    impact.is_linked,
    round(impact.car, 4) as abnormal_return,
    impact.n_events_on_t0
from marts.fct_event_impact as impact
inner join marts.dim_event as event on impact.event_id = event.event_id
where impact.symbol = 'NVDA'
    and impact.t0_date = date '2025-01-27'
    and impact.window_label = '[0,0]'
order by event.first_seen_at, event.event_type

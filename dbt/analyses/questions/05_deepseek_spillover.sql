-- Which assets moved significantly (p < 0.01) on t0 of the DeepSeek weekend event, and which
-- of them did its news never name (spill-over rather than a direct hit)?
--
-- Expected on the demo data (make demo):
-- | symbol | is_linked | t0_date | abnormal_return |
-- |---|---|---|---|
-- | VST | true | 2025-01-27 | -0.2674 |
-- | CEG | true | 2025-01-27 | -0.1912 |
-- | AVGO | true | 2025-01-27 | -0.156 |
-- | NVDA | true | 2025-01-27 | -0.1477 |
-- | ORCL | false | 2025-01-27 | -0.123 |
-- | TSM | true | 2025-01-27 | -0.1162 |
-- | 9984.T | false | 2025-01-27 | -0.0687 |
-- | ^IXIC | true | 2025-01-27 | -0.014 |
-- | QQQ | true | 2025-01-27 | -0.0131 |
select
    impact.symbol,
    impact.is_linked,
    impact.t0_date,
    round(impact.car, 4) as abnormal_return
from marts.fct_event_impact as impact
inner join marts.dim_event as event on impact.event_id = event.event_id
where cast(event.first_seen_at as date) = date '2025-01-25'
    and event.primary_entity_id = 'deepseek'
    and impact.window_label = '[0,0]'
    and impact.car_p_value < 0.01
order by impact.car, impact.symbol

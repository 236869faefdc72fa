-- How did NVIDIA's abnormal return build up around the DeepSeek weekend event, session by
-- session from the day before t0 to five sessions after, with the CAR counted from t0?
--
-- Expected on the demo data (make demo):
-- | tau | session_date | daily_return | abnormal_return | car_from_t0 |
-- |---|---|---|---|---|
-- | -1 | 2025-01-24 | -0.0312 | -0.0292 | 0.0 |
-- | 0 | 2025-01-27 | -0.1697 | -0.1477 | -0.1477 |
-- | 1 | 2025-01-28 | 0.0893 | 0.0709 | -0.0768 |
-- | 2 | 2025-01-29 | -0.041 | -0.0361 | -0.1129 |
-- | 3 | 2025-01-30 | 0.0077 | -0.0049 | -0.1178 |
-- | 4 | 2025-01-31 | -0.0367 | -0.0304 | -0.1482 |
-- | 5 | 2025-02-03 | -0.0284 | -0.0195 | -0.1678 |
select
    path.tau,
    path.session_date,
    round(path.daily_return, 4) as daily_return,
    round(path.abnormal_return, 4) as abnormal_return,
    round(sum(case when path.tau >= 0 then path.abnormal_return else 0 end)
        over (order by path.tau), 4) as car_from_t0
from marts.fct_event_window as path
inner join marts.dim_event as event on path.event_id = event.event_id
where cast(event.first_seen_at as date) = date '2025-01-25'
    and event.primary_entity_id = 'deepseek'
    and path.symbol = 'NVDA'
    and path.tau between -1 and 5
order by path.tau

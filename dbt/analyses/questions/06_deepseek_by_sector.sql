-- Which sectors took the DeepSeek weekend event hardest, by the mean abnormal return on
-- each asset's own t0 (Saturday for crypto, Monday for New York)?
--
-- Expected on the demo data (make demo):
-- | sector | assets | mean_abnormal_return | worst_asset | worst_abnormal_return |
-- |---|---|---|---|---|
-- | power | 2 | -0.2293 | VST | -0.2674 |
-- | semiconductors | 3 | -0.1399 | AVGO | -0.156 |
-- | technology investment | 1 | -0.0687 | 9984.T | -0.0687 |
-- | software | 2 | -0.0651 | ORCL | -0.123 |
-- | broad market | 4 | -0.0129 | SPY | -0.0149 |
-- | crypto | 4 | -0.004 | COIN | -0.0369 |
-- | automobiles | 1 | 0.0053 | TSLA | 0.0053 |
select
    asset.sector,
    count(*) as assets,
    round(avg(impact.car), 4) as mean_abnormal_return,
    arg_min(impact.symbol, impact.car) as worst_asset,
    round(min(impact.car), 4) as worst_abnormal_return
from marts.fct_event_impact as impact
inner join marts.dim_event as event on impact.event_id = event.event_id
inner join marts.dim_asset as asset on impact.symbol = asset.symbol
where cast(event.first_seen_at as date) = date '2025-01-25'
    and event.primary_entity_id = 'deepseek'
    and impact.window_label = '[0,0]'
group by asset.sector
order by mean_abnormal_return, asset.sector

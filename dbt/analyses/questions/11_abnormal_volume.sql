-- Where did trading volume jump most on t0, against the asset's normal volume in the
-- estimation window, and what did the price do?
--
-- Expected on the demo data (make demo):
-- | symbol | t0_date | abnormal_volume | abnormal_return | lead_event_type |
-- |---|---|---|---|---|
-- | VST | 2025-01-27 | 3.99 | -0.2674 | ai_model_release |
-- | ORCL | 2025-01-27 | 3.26 | -0.123 | ai_model_release |
-- | CEG | 2025-01-27 | 3.13 | -0.1912 | ai_model_release |
-- | AVGO | 2025-01-27 | 2.98 | -0.156 | ai_model_release |
-- | TSM | 2025-01-27 | 2.95 | -0.1162 | ai_model_release |
select
    symbol,
    t0_date,
    round(abnormal_volume, 2) as abnormal_volume,
    round(car, 4) as abnormal_return,
    lead_event_type
from marts.fct_asset_move
where window_label = '[0,0]' and abnormal_volume is not null
order by abnormal_volume desc, symbol
limit 5

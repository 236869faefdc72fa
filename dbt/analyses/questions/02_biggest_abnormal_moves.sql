-- What were the biggest abnormal moves on the day the news arrived (t0, p < 0.01), counted
-- once per asset and session, and which event leads each of them?
--
-- Expected on the demo data (make demo):
-- | symbol | t0_date | raw_return | abnormal_return | n_events | n_linked_events | lead_event_type | lead_headline |
-- |---|---|---|---|---|---|---|---|
-- | VST | 2025-01-27 | -0.283 | -0.2674 | 5 | 1 | ai_model_release | DeepSeek’s AI assistant climbs App Store charts as R1 buzz spreads |
-- | CEG | 2025-01-27 | -0.208 | -0.1912 | 5 | 1 | ai_model_release | DeepSeek’s AI assistant climbs App Store charts as R1 buzz spreads |
-- | AVGO | 2025-01-27 | -0.174 | -0.156 | 5 | 1 | ai_model_release | DeepSeek’s AI assistant climbs App Store charts as R1 buzz spreads |
-- | NVDA | 2025-01-27 | -0.1697 | -0.1477 | 5 | 1 | ai_model_release | DeepSeek’s AI assistant climbs App Store charts as R1 buzz spreads |
-- | ORCL | 2025-01-27 | -0.1379 | -0.123 | 5 | 0 | ai_model_release | DeepSeek’s AI assistant climbs App Store charts as R1 buzz spreads |
select
    symbol,
    t0_date,
    round(raw_return, 4) as raw_return,
    round(car, 4) as abnormal_return,
    n_events,
    n_linked_events,
    lead_event_type,
    lead_headline
from marts.fct_asset_move
where window_label = '[0,0]' and is_complete and car_p_value < 0.01
order by abs(car) desc, symbol, t0_date
limit 5

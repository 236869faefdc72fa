-- How many events of each type did the news make, with how many articles, and over which
-- dates were they first seen?
--
-- Expected on the demo data (make demo):
-- | event_type | events | articles | first_event_date | last_event_date |
-- |---|---|---|---|---|
-- | ai_model_release | 7 | 42 | 2025-01-20 | 2025-02-06 |
-- | earnings | 7 | 24 | 2025-01-16 | 2025-02-05 |
-- | crypto_policy | 4 | 10 | 2025-01-21 | 2025-02-04 |
-- | investment_deal | 4 | 22 | 2025-01-21 | 2025-02-03 |
-- | trade_tariff | 4 | 21 | 2025-01-20 | 2025-02-04 |
-- | market_selloff | 3 | 7 | 2025-01-27 | 2025-02-03 |
-- | monetary_policy | 2 | 7 | 2025-01-24 | 2025-01-29 |
-- | export_controls | 1 | 4 | 2025-01-13 | 2025-01-13 |
select
    event_type,
    count(*) as events,
    sum(n_articles) as articles,
    cast(min(first_seen_at) as date) as first_event_date,
    cast(max(first_seen_at) as date) as last_event_date
from marts.dim_event
group by event_type
order by events desc, event_type

-- What events were about DeepSeek, when was each first seen, how much coverage did it get, and
-- how many days had passed since the previous one of its type?
--
-- Expected on the demo data (make demo):
-- | event_type | first_seen_at | n_articles | n_sources | days_since_previous | headline |
-- |---|---|---|---|---|---|
-- | ai_model_release | 2025-01-20 12:10:00 | 4 | 2 | null | DeepSeek releases R1, an open reasoning model it says rivals OpenAI’s o1 |
-- | ai_model_release | 2025-01-25 12:30:00 | 25 | 6 | 5.0 | DeepSeek’s AI assistant climbs App Store charts as R1 buzz spreads |
select
    event_type,
    first_seen_at,
    n_articles,
    n_sources,
    round(hours_since_previous_event / 24, 1) as days_since_previous,
    headline
from marts.dim_event
where primary_entity_id = 'deepseek'
order by first_seen_at, event_type

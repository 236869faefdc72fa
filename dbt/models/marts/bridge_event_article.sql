-- One row per event and article: the reports of each happening in order, with their novelty
-- (int_event_articles: 100 for a report with no other of the event in the day before it,
-- times 0.75 for each one there is).
select
    event_id,
    article_id,
    published_at,
    position_in_event,
    position_in_event = 1 as is_first_report,
    reports_in_previous_day,
    novelty
from {{ ref('int_event_articles') }}

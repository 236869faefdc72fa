-- Which days carried the most news (articles by UTC publication day), and how many of those
-- articles make an event?
--
-- Expected on the demo data (make demo):
-- | news_date | articles | articles_in_events | stories | feeds |
-- |---|---|---|---|---|
-- | 2025-01-29 | 25 | 19 | 10 | 6 |
-- | 2025-01-27 | 19 | 17 | 9 | 6 |
-- | 2025-01-22 | 12 | 7 | 7 | 6 |
-- | 2025-02-03 | 12 | 10 | 5 | 6 |
-- | 2025-02-04 | 12 | 5 | 6 | 6 |
select
    cast(published_at as date) as news_date,
    count(*) as articles,
    count(event_id) as articles_in_events,
    count(distinct story_id) as stories,
    count(distinct first_feed_id) as feeds
from marts.fct_news_item
group by news_date
order by articles desc, news_date
limit 5

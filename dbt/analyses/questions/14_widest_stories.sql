-- Which stories were reported in the most articles, which feed broke each of them, and when?
--
-- Expected on the demo data (make demo):
-- | articles | story_first_feed_id | story_first_published_at | first_title |
-- |---|---|---|---|
-- | 4 | marketwatch_top_stories | 2025-01-21 21:35:00 | Trump unveils Stargate, a $500 billion AI infrastructure venture |
-- | 4 | cointelegraph | 2025-01-23 21:30:00 | Trump signs executive order on digital assets and orders study of a national crypto stockpile |
-- | 4 | techcrunch | 2025-01-27 21:15:00 | Nvidia loses $589 billion in market value, the biggest one-day drop for any U.S. company |
-- | 4 | the_verge | 2025-01-30 21:40:00 | Apple’s first-quarter iPhone sales dip as China weakens |
select
    count(*) as articles,
    story_first_feed_id,
    story_first_published_at,
    arg_min(title, (published_at, article_id)) as first_title
from marts.fct_news_item
group by story_id, story_first_feed_id, story_first_published_at
order by articles desc, story_first_published_at
limit 4

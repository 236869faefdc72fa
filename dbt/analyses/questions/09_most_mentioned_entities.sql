-- Which entities did the news mention most, and in how many articles were they the main
-- subject (the primary entity)?
--
-- Expected on the demo data (make demo):
-- | entity_id | entity_type | articles | articles_as_primary | relevance |
-- |---|---|---|---|---|
-- | deepseek | company | 44 | 15 | 150 |
-- | donald_trump | person | 43 | 16 | 146 |
-- | bitcoin | token | 40 | 6 | 135 |
-- | china | country | 33 | 3 | 80 |
-- | openai | company | 31 | 5 | 104 |
select
    entity.entity_id,
    entity.entity_type,
    count(*) as articles,
    count(case when mention.is_primary then 1 end) as articles_as_primary,
    sum(mention.relevance) as relevance
from marts.bridge_news_entity as mention
inner join marts.dim_entity as entity on mention.entity_id = entity.entity_id
group by entity.entity_id, entity.entity_type
order by articles desc, entity.entity_id
limit 5

-- How many of the assets' t0 moves are confounded, i.e. shared by more than one event, and how
-- many of them does at least one of those events name?
--
-- Expected on the demo data (make demo):
-- | is_confounded | moves | moves_named_by_news | most_events_on_one_session |
-- |---|---|---|---|
-- | false | 73 | 7 | 1 |
-- | true | 164 | 32 | 6 |
select
    is_confounded,
    count(*) as moves,
    count(case when n_linked_events > 0 then 1 end) as moves_named_by_news,
    max(n_events) as most_events_on_one_session
from marts.fct_asset_move
where window_label = '[0,0]'
group by is_confounded
order by is_confounded

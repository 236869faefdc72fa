-- Does the tone of the news about an asset line up with its return that session, over the
-- asset sessions with news, by the sign of their articles' mean sentiment (the learned
-- reading's P(positive) - P(negative))?
--
-- Expected on the demo data (make demo):
-- | news_tone | asset_sessions | mean_return | mean_return_over_benchmark |
-- |---|---|---|---|
-- | negative | 32 | -0.0276 | -0.0378 |
-- | positive | 45 | 0.0044 | 0.0049 |
select
    case
        when mean_sentiment < 0 then 'negative'
        when mean_sentiment > 0 then 'positive'
        else 'neutral'
    end as news_tone,
    count(*) as asset_sessions,
    round(avg(daily_return), 4) as mean_return,
    round(avg(daily_return - benchmark_return), 4) as mean_return_over_benchmark
from marts.fct_asset_daily
where news_count > 0
group by news_tone
order by mean_return

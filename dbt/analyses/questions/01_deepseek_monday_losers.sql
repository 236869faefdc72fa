-- Which assets fell most on Monday 27 January 2025, the first New York session after
-- DeepSeek's assistant topped the app stores over the weekend?
--
-- Expected on the demo data (make demo):
-- | symbol | sector | daily_return | benchmark_return | news_count |
-- |---|---|---|---|---|
-- | VST | power | -0.283 | -0.0141 | 2 |
-- | CEG | power | -0.208 | -0.0141 | 2 |
-- | AVGO | semiconductors | -0.174 | -0.0141 | 3 |
-- | NVDA | semiconductors | -0.1697 | -0.0141 | 10 |
-- | ORCL | software | -0.1379 | -0.0141 | 0 |
select
    daily.symbol,
    asset.sector,
    round(daily.daily_return, 4) as daily_return,
    round(daily.benchmark_return, 4) as benchmark_return,
    daily.news_count
from marts.fct_asset_daily as daily
inner join marts.dim_asset as asset on daily.symbol = asset.symbol
where daily.session_date = date '2025-01-27'
order by daily.daily_return, daily.symbol
limit 5

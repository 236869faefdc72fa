-- Did the sell-off stories move the assets they name more than the others, by asset class, on
-- t0 (the linked and spill-over groups of fct_event_type_impact, never mixed)?
--
-- Expected on the demo data (make demo):
-- | linkage | asset_class | n | n_series | caar | kolari_pynnonen_p |
-- |---|---|---|---|---|---|
-- | linked | equity | 5 | 5 | -0.1757 | 0.0009 |
-- | spillover | equity | 39 | 22 | -0.0376 | 0.0075 |
-- | spillover | etf | 7 | 4 | -0.0084 | 0.1043 |
-- | spillover | index | 7 | 4 | 0.002 | 0.681 |
select
    linkage,
    group_key as asset_class,
    n,
    n_series,
    round(caar, 4) as caar,
    round(kolari_pynnonen_p, 4) as kolari_pynnonen_p
from marts.fct_event_type_impact
where event_type = 'market_selloff' and grouping = 'asset_class' and window_label = '[0,0]'
    and n >= 5
order by linkage, caar

-- Did the AI-model happenings move the assets they name more than the others, by asset class, on
-- t0 (the linked and spill-over groups of fct_event_type_impact, never mixed)?
--
-- Expected on the demo data (make demo):
-- | linkage | asset_class | n | n_series | caar | kolari_pynnonen_p |
-- |---|---|---|---|---|---|
-- | linked | equity | 11 | 11 | -0.0794 | 0.0246 |
-- | spillover | equity | 66 | 56 | -0.0042 | 0.4312 |
-- | spillover | crypto | 13 | 11 | -0.0008 | 0.8882 |
-- | spillover | etf | 13 | 11 | 0.0 | 0.6464 |
-- | spillover | index | 13 | 11 | 0.0014 | 0.4031 |
select
    linkage,
    group_key as asset_class,
    n,
    n_series,
    round(caar, 4) as caar,
    round(kolari_pynnonen_p, 4) as kolari_pynnonen_p
from marts.fct_event_type_impact
where event_type = 'ai_model_release' and grouping = 'asset_class' and window_label = '[0,0]'
    and n >= 5
order by linkage, caar

-- One row per asset and t0 session (the t0 of at least one event): what the type-level tests
-- need of its estimation residuals, the share of them that are positive (the generalized sign
-- test's p) and the sum of their squares once standardised (1, or 0 for a series without
-- variance; see the estimation_residuals macro).
-- Incremental: the estimation window lies wholly before t0, so a t0's figures are final once
-- computed; only new t0s are computed, and those no event has any more are dropped.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    post_hook="{{ drop_vanished_t0s() }}"
) }}

with series as (
    select distinct symbol, t0_index from {{ ref('int_event_t0') }} as t0
    {% if is_incremental() %}
    where not exists (
        select 1 from {{ this }} as stored
        where stored.symbol = t0.symbol and stored.t0_index = t0.t0_index)
    {% endif %}
),

residuals as (
    {{ estimation_residuals('series') }}
)

select
    symbol,
    t0_index,
    any_value(t0_date) as t0_date,
    count(case when residual > 0 then 1 end) / count(*) as share_positive,
    {{ exact_sum('u * u') }} as unit_sum
from residuals
group by symbol, t0_index

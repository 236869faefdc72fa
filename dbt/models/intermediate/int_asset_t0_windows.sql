-- One row per asset, t0 session (the t0 of at least one event) and relative session tau in
-- [-event_window, +event_window]: the return, what the t0's model expected, the abnormal
-- return and the CAR from the window's start. Keyed by (asset, t0), not by event: events that
-- share a t0 share these rows.
-- Incremental: only new t0s and those whose window has not fully happened are computed.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='delete+insert',
    unique_key=['symbol', 't0_index'],
    post_hook="{{ drop_vanished_t0s() }}"
) }}

with t0s as (
    select distinct symbol, t0_index from {{ ref('int_event_t0') }} as t0
    {% if is_incremental() %}
    -- settled once its last session has happened: the sessions before it have too, and a
    -- tau missing now (before the asset's first session) never comes
    where not exists (
        select 1 from {{ this }} as settled
        where settled.tau = {{ var('event_window') }} and settled.has_happened
            and settled.symbol = t0.symbol and settled.t0_index = t0.t0_index)
    {% endif %}
),

models as (
    select * from {{ ref('int_market_models') }}
),

sessions as (
    select * from {{ ref('int_asset_sessions') }}
),

-- each t0 with the session index of every tau (computed apart: an index summed across two
-- joined tables is not seen as a join key, and the join would compare every pair). The taus
-- are unnested, not cross-joined from range(): DuckDB cannot size a cross join with a table
-- function, and for a few t0s it joined the models with every session of their asset first
-- (9 s a day at M instead of 1).
t0_sessions as (
    -- (cast outside the explode: Spark takes no generator inside an expression)
    select symbol, t0_index, cast(tau as integer) as tau,
        t0_index + cast(tau as integer) as session_index
    from (
        select symbol, t0_index, {{ explode_list(integer_range(-var('event_window'),
            var('event_window'))) }} as tau
        from t0s
    ) as offsets
),

expected as (
    select
        t0_sessions.symbol,
        t0_sessions.t0_index,
        models.session_date as t0_date,
        t0_sessions.tau,
        sessions.session_date,
        sessions.has_happened,
        sessions.close,
        sessions.volume,
        sessions.daily_return,
        sessions.spans_missing_bar,
        sessions.benchmark_return,
        models.model,
        case models.model
            when 'mean_adjusted' then models.alpha
            else models.alpha + models.beta * sessions.benchmark_return
        end as expected_return
    from t0_sessions
    inner join models
        on t0_sessions.symbol = models.symbol and t0_sessions.t0_index = models.session_index
    inner join sessions
        on t0_sessions.symbol = sessions.symbol
        and t0_sessions.session_index = sessions.session_index
)

select
    *,
    daily_return - expected_return as abnormal_return,
    {{ exact_sum('daily_return - expected_return', over='partition by symbol, t0_index '
        ~ 'order by tau rows between unbounded preceding and current row') }} as car_to_date
from expected

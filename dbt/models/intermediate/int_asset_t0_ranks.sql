-- One row per asset, t0 session (the t0 of at least one event) and CAR window: what the rank
-- test of fct_event_type_impact needs (Corrado 1989, over a window as Cowan 1992). Each event
-- day (the span of car_windows, [-5, +5]) with an abnormal return is ranked among the t0's T
-- days: its estimation residuals and the event days themselves, each standardised by
-- its standard error (s for a residual; a day's AR by the one-day forecast error, s * sqrt(1 +
-- 1/n + (Rm - mean Rm)^2 / Sxx) for the market model, s * sqrt(1 + 1/n) mean-adjusted, s
-- market-adjusted). Ties take the mean of their ranks. U = rank / (T + 1) - 1/2 is uniform with
-- mean 0 and variance (T - 1) / (12 (T + 1)) when nothing happened, whatever the returns'
-- distribution.
--   rank_sum       the sum of U over the window's days with an abnormal return
--   rank_variance  window_obs * (T - 1) / (12 (T + 1)), its variance with no event
-- Comparisons are counted, never paired: the event days are columns of one row per t0, and
-- each estimation residual is compared with all of them in one pass.
-- Incremental: only new t0s and those whose event days have not all happened are computed.
-- depends_on: {{ ref('int_event_t0') }}
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='delete+insert',
    unique_key=['symbol', 't0_index'],
    post_hook="{{ drop_vanished_t0s() }}"
) }}

{#- the event days: the span of the CAR windows ([-5, +5]) -#}
{%- set first = var('car_windows') | map(attribute=0) | min %}
{%- set last = var('car_windows') | map(attribute=1) | max %}
{%- set taus = range(first, last + 1) | list %}

with event_days as (
    -- each day's AR over its forecast error relative to s (on the residuals' scale)
    select
        windows.symbol,
        windows.t0_index,
        windows.tau,
        windows.abnormal_return / sqrt(case models.model
            when 'market_model' then 1 + 1.0 / models.estimation_obs
                + power(windows.benchmark_return - models.mean_benchmark_return, 2)
                    / models.benchmark_sxx
            when 'mean_adjusted' then 1 + 1.0 / models.estimation_obs
            else 1 end) as scaled_return
    from {{ ref('int_asset_t0_windows') }} as windows
    inner join {{ ref('int_market_models') }} as models
        on windows.symbol = models.symbol and windows.t0_index = models.session_index
    where windows.tau between {{ first }} and {{ last }}
        and windows.abnormal_return is not null and models.residual_variance > 0
    {% if is_incremental() %}
        and not exists (
            select 1 from {{ this }} as settled
            where settled.event_days_happened
                and settled.symbol = windows.symbol and settled.t0_index = windows.t0_index)
    {% endif %}
),

series as (
    -- one row per t0, its event days as columns (null where a day has no abnormal return)
    select
        symbol,
        t0_index,
        {% for tau in taus %}
        max(case when tau = {{ tau }} then scaled_return end) as day_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from event_days
    group by symbol, t0_index
),

residuals as (
    {{ estimation_residuals('series') }}
),

below_in_estimation as (
    -- for each event day, the estimation residuals below it (ties counting half)
    select
        symbol,
        t0_index,
        count(*) as estimation_days,
        {% for tau in taus %}
        sum(case when residual < day_{{ loop.index }} then 1.0
            when residual = day_{{ loop.index }} then 0.5 else 0 end) as below_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from residuals
    group by symbol, t0_index
),

ranked as (
    select
        event_days.symbol,
        event_days.t0_index,
        event_days.tau,
        below.estimation_days + count(*) over (
            partition by event_days.symbol, event_days.t0_index) as rank_days,
        -- 1 + those below among the estimation days and among the other event days, ties half
        1 + case event_days.tau
            {% for tau in taus %}
            when {{ tau }} then below.below_{{ loop.index }}
            {% endfor %}
        end + (rank() over (partition by event_days.symbol, event_days.t0_index
            order by event_days.scaled_return) - 1)
            + (count(*) over (partition by event_days.symbol, event_days.t0_index,
                event_days.scaled_return) - 1) / 2.0 as day_rank
    from event_days
    inner join below_in_estimation as below
        on event_days.symbol = below.symbol and event_days.t0_index = below.t0_index
),

windows as (
    {% for window in var('car_windows') %}
    select '{{ window_label(window) }}' as window_label, {{ window[0] }} as window_start,
        {{ window[1] }} as window_end
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select
    ranked.symbol,
    ranked.t0_index,
    windows.window_label,
    {{ exact_sum('ranked.day_rank / (ranked.rank_days + 1.0) - 0.5') }} as rank_sum,
    count(*) * (any_value(ranked.rank_days) - 1.0) / (12 * (any_value(ranked.rank_days) + 1.0))
        as rank_variance,
    any_value(ranked.rank_days) as rank_days,
    -- the last event day has happened: the ranks are final
    any_value(happened.has_happened) as event_days_happened
from ranked
inner join windows on ranked.tau between windows.window_start and windows.window_end
inner join {{ ref('int_asset_t0_windows') }} as happened
    on ranked.symbol = happened.symbol and ranked.t0_index = happened.t0_index
    and happened.tau = {{ last }}
group by ranked.symbol, ranked.t0_index, windows.window_label

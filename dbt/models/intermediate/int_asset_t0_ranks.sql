-- One row per asset, t0 session (the t0 of at least one event) and CAR window: what the rank
-- tests of fct_event_type_impact need. Corrado (1989, over a window as Cowan 1992): each event
-- day (the span of car_windows, [-5, +5]) with an abnormal return is ranked among the t0's T
-- days: its estimation residuals and the event days themselves, each standardised by
-- its standard error (s for a residual; a day's AR by the one-day forecast error, s * sqrt(1 +
-- 1/n + (Rm - mean Rm)^2 / Sxx) for the market model, s * sqrt(1 + 1/n) mean-adjusted, s
-- market-adjusted). Ties take the mean of their ranks. U = rank / (T + 1) - 1/2 is uniform with
-- mean 0 and variance (T - 1) / (12 (T + 1)) when nothing happened, whatever the returns'
-- distribution.
--   rank_sum       the sum of U over the window's days with an abnormal return
--   rank_variance  window_obs * (T - 1) / (12 (T + 1)), its variance with no event
-- and GRANK's (Kolari & Pynnonen 2011), the window as one day ranked among its own kind: the
-- window's SCAR among the sums of L consecutive estimation residuals over s sqrt(L) (all L
-- present), T = those sums + 1.
--   grank_u         U of the SCAR
--   grank_variance  (T - 1) / (12 (T + 1))
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
{%- set lengths = [] %}
{%- for window in var('car_windows') %}
    {%- do lengths.append(window[1] - window[0] + 1) %}
{%- endfor %}
{%- set lengths = lengths | unique | list %}

with event_days as (
    -- each day's AR over its forecast error relative to s (on the residuals' scale)
    select
        windows.symbol,
        windows.t0_index,
        windows.tau,
        windows.abnormal_return / sqrt(
            {{ one_day_forecast_factor('models', 'windows.benchmark_return') }}) as scaled_return
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
    -- one row per t0: its event days as columns (null where a day has no abnormal return),
    -- and each window's SCAR times s (on the residuals' scale, times sqrt(L) for the sums)
    select
        days.*,
        {% for window in var('car_windows') %}
        scars.scar_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from (
        select
            symbol,
            t0_index,
            {% for tau in taus %}
            max(case when tau = {{ tau }} then scaled_return end) as day_{{ loop.index }}
                {%- if not loop.last %},{% endif %}
            {% endfor %}
        from event_days
        group by symbol, t0_index
    ) as days
    left join (
        select
            impacts.symbol,
            impacts.t0_index,
            {% for window in var('car_windows') %}
            max(case when impacts.window_label = '{{ window_label(window) }}'
                then impacts.car_t * sqrt(models.residual_variance
                    * {{ window[1] - window[0] + 1 }}) end) as scar_{{ loop.index }}
                {%- if not loop.last %},{% endif %}
            {% endfor %}
        from {{ ref('int_asset_t0_impacts') }} as impacts
        inner join {{ ref('int_market_models') }} as models
            on impacts.symbol = models.symbol and impacts.t0_index = models.session_index
        inner join (select distinct symbol, t0_index from event_days) as wanted
            on impacts.symbol = wanted.symbol and impacts.t0_index = wanted.t0_index
        group by impacts.symbol, impacts.t0_index
    ) as scars on days.symbol = scars.symbol and days.t0_index = scars.t0_index
),

residuals as (
    {{ estimation_residuals('series') }}
),

window_sums as (
    -- GRANK's sums of L consecutive residuals (null unless all present), differences of one
    -- running sum, over narrow rows (the sort is the cost)
    select
        symbol,
        t0_index,
        {% for length in lengths %}
        {% if length == 1 %}residual{% else %}
        case when lag(session_index, {{ length - 1 }}) over t0 = session_index - {{ length - 1 }}
            then running_sum - coalesce(lag(running_sum, {{ length }}) over t0, 0)
        end{% endif %} as sum_{{ length }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from (
        select symbol, t0_index, session_index, residual,
            sum(residual) over (partition by symbol, t0_index order by session_index
                rows between unbounded preceding and current row) as running_sum
        from residuals
    ) as running
    window t0 as (partition by symbol, t0_index order by session_index)
),

grank_counts as (
    select
        window_sums.symbol,
        window_sums.t0_index,
        {% for window in var('car_windows') %}
        {%- set length = window[1] - window[0] + 1 %}
        count(window_sums.sum_{{ length }}) as sums_{{ loop.index }},
        sum(case when series.scar_{{ loop.index }} is null then null
            when window_sums.sum_{{ length }} < series.scar_{{ loop.index }} then 1.0
            when window_sums.sum_{{ length }} = series.scar_{{ loop.index }} then 0.5 else 0 end)
            as sums_below_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from window_sums
    inner join series
        on window_sums.symbol = series.symbol and window_sums.t0_index = series.t0_index
    group by window_sums.symbol, window_sums.t0_index
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
),

grank as (
    -- each window's SCAR among the sums of its length (none without a SCAR)
    {% for window in var('car_windows') %}
    select symbol, t0_index, '{{ window_label(window) }}' as window_label,
        (1 + sums_below_{{ loop.index }}) / (sums_{{ loop.index }} + 2.0) - 0.5 as grank_u,
        sums_{{ loop.index }} / (12 * (sums_{{ loop.index }} + 2.0)) as grank_variance
    from grank_counts
    where sums_below_{{ loop.index }} is not null
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

rank_sums as (

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
)

select rank_sums.*, grank.grank_u, grank.grank_variance
from rank_sums
left join grank
    on rank_sums.symbol = grank.symbol and rank_sums.t0_index = grank.t0_index
    and rank_sums.window_label = grank.window_label

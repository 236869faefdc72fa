-- One row per asset, t0 session (the t0 of at least one event) and CAR window: the cumulative
-- abnormal return, its variance, t-statistic and p-value, abnormal volume, the model used and
-- whether the window has fully happened. Var(CAR) for the market model carries the
-- prediction-error correction
--   s^2 * (L + L^2/n + (S - L*mean_Rm)^2 / Sxx),  S = sum of Rm over the window;
-- market-adjusted: s^2 * L; mean-adjusted: s^2 * (L + L^2/n).
-- Incremental: only new t0s and those with a window still incomplete are computed.
-- depends_on: {{ ref('int_event_t0') }}
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='delete+insert',
    unique_key=['symbol', 't0_index'],
    post_hook="{{ drop_vanished_t0s() }}"
) }}

with windows as (
    {% for window in var('car_windows') %}
    select {{ window[0] }} as window_start, {{ window[1] }} as window_end
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

t0_windows as (
    select * from {{ ref('int_asset_t0_windows') }} as t0_windows
    {{ t0_not_settled('t0_windows', 'bool_and(is_complete) and count(*) = '
                      ~ (var('car_windows') | length)) }}
),

models as (
    select * from {{ ref('int_market_models') }}
),

aggregated as (
    select
        t0_windows.symbol,
        t0_windows.t0_index,
        windows.window_start,
        windows.window_end,
        any_value(t0_windows.t0_date) as t0_date,
        windows.window_end - windows.window_start + 1 as window_length,
        count(t0_windows.abnormal_return) as window_obs,
        count(case when t0_windows.has_happened then 1 end) as sessions_happened,
        {{ exact_sum('t0_windows.abnormal_return') }} as car,
        exp({{ exact_sum('ln(1 + t0_windows.daily_return)') }}) - 1 as raw_return,
        -- S of the variance formula: over the same sessions as the CAR
        {{ exact_sum('case when t0_windows.abnormal_return is not null '
                     ~ 'then t0_windows.benchmark_return end') }} as benchmark_return_sum,
        {{ exact_sum('t0_windows.volume') }} / count(t0_windows.volume) as mean_volume
    from t0_windows
    inner join windows
        on t0_windows.tau between windows.window_start and windows.window_end
    group by t0_windows.symbol, t0_windows.t0_index, windows.window_start, windows.window_end
),

variances as (
    select
        aggregated.*,
        models.model,
        models.estimation_obs,
        models.alpha,
        models.beta,
        models.degrees_of_freedom,
        models.mean_volume as estimation_mean_volume,
        case models.model
            when 'market_model' then models.residual_variance * (
                aggregated.window_obs
                + power(aggregated.window_obs, 2) / models.estimation_obs
                + power(aggregated.benchmark_return_sum
                    - aggregated.window_obs * models.mean_benchmark_return, 2)
                    / models.benchmark_sxx)
            when 'market_adjusted' then models.residual_variance * aggregated.window_obs
            when 'mean_adjusted' then models.residual_variance * (
                aggregated.window_obs + power(aggregated.window_obs, 2) / models.estimation_obs)
        end as car_variance
    from aggregated
    inner join models
        on aggregated.symbol = models.symbol and aggregated.t0_index = models.session_index
),

tested as (
    select
        *,
        case when window_obs > 0 and car_variance > 0 then car / sqrt(car_variance) end as car_t
    from variances
),

impacts as (
select
    symbol,
    t0_index,
    t0_date,
    '[' || window_start || ',' || case when window_end > 0 then '+' else '' end
        || window_end || ']' as window_label,
    window_start,
    window_end,
    raw_return,
    car,
    case when window_obs > 0 then sqrt(car_variance) end as car_standard_error,
    car_t,
    {{ student_t_p_value('car_t', 'degrees_of_freedom') }} as car_p_value,
    mean_volume / nullif(estimation_mean_volume, 0) as abnormal_volume,
    model,
    alpha,
    beta,
    estimation_obs,
    degrees_of_freedom,
    window_obs,
    sessions_happened - window_obs as missing_obs,
    sessions_happened = window_length as is_complete
from tested
)

select
    *,
    -- its log10, which goes on where p underflows (below 1e-308): log10(p) down to 1e-300, then
    -- computed from the t statistic (README, "The method"); kept here rather than in the view
    -- fct_event_impact, whose SQL the older DuckDB of BI tools must bind
    {{ student_t_log10_p_value('car_t', 'degrees_of_freedom', p='car_p_value') }}
        as car_p_value_log10
from impacts

-- One row per event, asset and CAR window: the cumulative abnormal return, its t-statistic and
-- two-sided p-value, abnormal volume, the model used and whether the window has fully happened.
-- Var(CAR) for the market model carries the prediction-error correction
--   s^2 * (L + L^2/n + (S - L*mean_Rm)^2 / Sxx),  S = sum of Rm over the window;
-- market-adjusted: s^2 * L; mean-adjusted: s^2 * (L + L^2/n).
-- Incremental like fct_event_window: only events with a window still incomplete are recomputed.
{{ config(
    materialized='incremental',
    unique_key='event_id',
    incremental_strategy='delete+insert',
    on_schema_change='sync_all_columns',
    post_hook="delete from {{ this }} where event_id not in
               (select event_id from {{ ref('int_event_t0') }})"
) }}

with windows as (
    {% for window in var('car_windows') %}
    select {{ window[0] }} as window_start, {{ window[1] }} as window_end
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

event_window as (
    select * from {{ ref('fct_event_window') }}
    {% if is_incremental() %}
    where event_id not in (
        select event_id from {{ this }} group by event_id having bool_and(is_complete)
    )
    {% endif %}
),

models as (
    select * from {{ ref('int_expected_return_models') }}
),

linked as (
    select * from {{ ref('int_event_linked_assets') }}
),

aggregated as (
    select
        event_window.event_id,
        event_window.symbol,
        windows.window_start,
        windows.window_end,
        any_value(event_window.t0_date) as t0_date,
        windows.window_end - windows.window_start + 1 as window_length,
        count(event_window.abnormal_return) as window_obs,
        count(case when event_window.has_happened then 1 end) as sessions_happened,
        {{ exact_sum('event_window.abnormal_return') }} as car,
        exp({{ exact_sum('ln(1 + event_window.daily_return)') }}) - 1 as raw_return,
        -- S of the variance formula: over the same sessions as the CAR
        {{ exact_sum('case when event_window.abnormal_return is not null '
                     ~ 'then event_window.benchmark_return end') }} as benchmark_return_sum,
        {{ exact_sum('event_window.volume') }} / count(event_window.volume) as mean_volume
    from event_window
    inner join windows
        on event_window.tau between windows.window_start and windows.window_end
    group by event_window.event_id, event_window.symbol, windows.window_start, windows.window_end
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
    inner join models on aggregated.event_id = models.event_id and aggregated.symbol = models.symbol
),

tested as (
    select
        *,
        case when window_obs > 0 and car_variance > 0 then car / sqrt(car_variance) end as car_t
    from variances
)

select
    {{ surrogate_key(['tested.event_id', 'tested.symbol', 'tested.window_start', 'tested.window_end']) }}
        as event_impact_id,
    tested.event_id,
    tested.symbol,
    '[' || tested.window_start || ',' || case when tested.window_end > 0 then '+' else '' end
        || tested.window_end || ']' as window_label,
    tested.window_start,
    tested.window_end,
    tested.t0_date,
    coalesce(linked.is_linked, false) as is_linked,
    tested.raw_return,
    tested.car,
    sqrt(tested.car_variance) as car_standard_error,
    tested.car_t,
    {{ student_t_p_value('tested.car_t', 'tested.degrees_of_freedom') }} as car_p_value,
    tested.mean_volume / nullif(tested.estimation_mean_volume, 0) as abnormal_volume,
    tested.model,
    tested.alpha,
    tested.beta,
    tested.estimation_obs,
    tested.degrees_of_freedom,
    tested.window_obs,
    tested.sessions_happened - tested.window_obs as missing_obs,
    tested.sessions_happened = tested.window_length as is_complete
from tested
left join linked on tested.event_id = linked.event_id and tested.symbol = linked.symbol

-- One row per event type, linkage, group (one asset, or one asset class), CAR window and month
-- of the dates: the sums of fct_event_type_impact's calendar-time portfolio test (Jaffe 1974, Mandelker 1974),
-- the standard answer to events that cluster in time. On each date d that the group's complete
-- windows cover, the portfolio holds the W_d observations (each (asset, t0, window) n_events
-- times) whose window covers d, and its return P_d is their mean standardised abnormal return:
-- the day's AR over its one-day forecast error (one_day_forecast_factor) and s. With no event
-- P_d has variance
--   V_d = ((1 - rho) sum_a c_a^2 + rho W_d^2) / W_d^2,
-- c_a the observations of asset a on d (one asset's windows are one return that day), rho the
-- correlation of two assets' residuals, which fct_event_type_impact takes from the group's
-- same-date pairs; the dates are taken as independent, so the test is sum P_d / sqrt(sum V_d).
--   calendar_return_sum          sum over the dates of P_d
--   calendar_days                D, the dates
--   calendar_concentration_sum   sum over the dates of sum_a c_a^2 / W_d^2 (D for one asset)
-- One pass over the (asset, t0, tau) rows with the windows as columns, never one row per event.
-- Incremental: the months of dates from t0_months_from on are recomputed, from the t0s whose
-- window can reach them (t0_months_from is a month before any t0 new data can change, more
-- than a window's sessions: earlier dates are final).
-- depends_on: {{ ref('int_articles') }}, {{ ref('stg_news_items') }}
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{% if is_incremental() %}delete from {{ this }}
              where date_month >= {{ t0_months_from() }}{% endif %}"
) }}

{%- set windows = var('car_windows') %}
{%- set first = windows | map(attribute=0) | min %}
{%- set last = windows | map(attribute=1) | max %}

with observations as (
    -- the type's (asset, t0)s, each with the windows complete there
    select
        type_t0s.event_type,
        type_t0s.linkage,
        type_t0s.symbol,
        type_t0s.t0_index,
        any_value(type_t0s.n_events) as weight,
        {% for window in windows %}
        bool_or(impact.window_label = '{{ window_label(window) }}') as in_window_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from {{ ref('int_event_type_t0s') }} as type_t0s
    inner join {{ ref('int_asset_t0_impacts') }} as impact
        on type_t0s.symbol = impact.symbol and type_t0s.t0_index = impact.t0_index
    where impact.is_complete and impact.car_t is not null
    {% if is_incremental() %}
        -- (20 days hold the event_window sessions after t0 through any closure)
        and type_t0s.t0_date >= {{ dbt.dateadd('day', -20, t0_months_from()) }}
    {% endif %}
    group by type_t0s.event_type, type_t0s.linkage, type_t0s.symbol, type_t0s.t0_index
),

standardised as (
    select
        windows.symbol,
        windows.t0_index,
        windows.tau,
        windows.session_date,
        windows.abnormal_return / sqrt(models.residual_variance
            * {{ one_day_forecast_factor('models', 'windows.benchmark_return') }})
            as standardised_return
    from {{ ref('int_asset_t0_windows') }} as windows
    inner join {{ ref('int_market_models') }} as models
        on windows.symbol = models.symbol and windows.t0_index = models.session_index
    where windows.tau between {{ first }} and {{ last }}
        and windows.abnormal_return is not null and models.residual_variance > 0
    {% if is_incremental() %}
        and windows.session_date >= {{ t0_months_from() }}
    {% endif %}
),

asset_days as (
    -- per asset and date, each window's observations holding it (c_a) and their sum
    select
        observations.event_type,
        observations.linkage,
        observations.symbol,
        standardised.session_date,
        {% for window in windows %}
        {%- set holds = 'observations.in_window_' ~ loop.index ~ ' and standardised.tau between '
            ~ window[0] ~ ' and ' ~ window[1] %}
        sum(case when {{ holds }} then observations.weight end) as count_{{ loop.index }},
        {{ exact_sum('case when ' ~ holds ~ ' then standardised.standardised_return end',
                     weight='observations.weight', keep_decimal=true) }}
            as return_sum_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from observations
    inner join standardised
        on observations.symbol = standardised.symbol
        and observations.t0_index = standardised.t0_index
    group by observations.event_type, observations.linkage, observations.symbol,
        standardised.session_date
),

class_days as (
    select
        asset_days.event_type,
        asset_days.linkage,
        asset.asset_class,
        asset_days.session_date,
        {% for window in windows %}
        sum(asset_days.count_{{ loop.index }}) as count_{{ loop.index }},
        sum(asset_days.return_sum_{{ loop.index }}) as return_sum_{{ loop.index }},
        sum(asset_days.count_{{ loop.index }} * asset_days.count_{{ loop.index }})
            as count_square_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from asset_days
    inner join {{ ref('stg_assets') }} as asset on asset_days.symbol = asset.symbol
    group by asset_days.event_type, asset_days.linkage, asset.asset_class,
        asset_days.session_date
),

groups as (
    select
        event_type, linkage, 'asset' as grouping, symbol as group_key,
        cast(date_trunc('month', session_date) as date) as date_month,
        {% for window in windows %}
        {{ exact_sum('cast(return_sum_' ~ loop.index ~ ' as double) / count_' ~ loop.index,
                     keep_decimal=true) }} as return_sum_{{ loop.index }},
        count(count_{{ loop.index }}) as days_{{ loop.index }},
        cast(count(count_{{ loop.index }}) as decimal(38, 18)) as concentration_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from asset_days
    group by event_type, linkage, symbol, cast(date_trunc('month', session_date) as date)
    union all
    select
        event_type, linkage, 'asset_class', asset_class,
        cast(date_trunc('month', session_date) as date),
        {% for window in windows %}
        {{ exact_sum('cast(return_sum_' ~ loop.index ~ ' as double) / count_' ~ loop.index,
                     keep_decimal=true) }},
        count(count_{{ loop.index }}),
        {{ exact_sum('cast(count_square_' ~ loop.index ~ ' as double) / (count_' ~ loop.index
                     ~ ' * count_' ~ loop.index ~ ')', keep_decimal=true) }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from class_days
    group by event_type, linkage, asset_class, cast(date_trunc('month', session_date) as date)
)

{% for window in windows %}
select
    event_type,
    linkage,
    grouping,
    group_key,
    '{{ window_label(window) }}' as window_label,
    date_month,
    return_sum_{{ loop.index }} as calendar_return_sum,
    days_{{ loop.index }} as calendar_days,
    concentration_{{ loop.index }} as calendar_concentration_sum
from groups
where days_{{ loop.index }} > 0
{% if not loop.last %}union all{% endif %}
{% endfor %}

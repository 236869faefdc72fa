-- One row per event type, group (one asset, or one asset class), CAR window and month of t0:
-- the sums fct_event_type_impact's tests are made of, over the complete (asset, t0, window)s
-- of the type's events, each weighted by n_events (the number of the type's events with that
-- t0): n, the dates, CARs and SCARs and their squares, df / (df - 2), the positive CARs, the
-- residuals' positive shares, and the Kolari-Pynnonen correlation sum of the pairs that share
-- a t0 date (which never spans two months). Sums of exact decimals: the months add up to the
-- same figures a single sum over all of them gives.
-- Incremental: the months from the earliest day new data can change (t0_months_from) are
-- recomputed; earlier months are final.
-- depends_on: {{ ref('int_articles') }}, {{ ref('stg_news_items') }}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{% if is_incremental() %}delete from {{ this }}
              where t0_month >= {{ t0_months_from() }}{% endif %}"
) }}

with type_t0s as (
    select event.event_type, t0.symbol, t0.t0_index, count(*) as n_events
    from {{ ref('int_event_t0') }} as t0
    inner join (
        select distinct event_id, event_type from {{ ref('int_event_articles') }}
    ) as event on t0.event_id = event.event_id
    {% if is_incremental() %}
    where t0.t0_date >= {{ t0_months_from() }}
    {% endif %}
    group by all
),

impacts as (
    select
        impact.*,
        type_t0s.event_type,
        type_t0s.n_events,
        asset.asset_class,
        asset.calendar,
        cast(date_trunc('month', impact.t0_date) as date) as t0_month
    from {{ ref('int_asset_t0_impacts') }} as impact
    inner join type_t0s
        on impact.symbol = type_t0s.symbol and impact.t0_index = type_t0s.t0_index
    inner join {{ ref('stg_assets') }} as asset on impact.symbol = asset.symbol
    where impact.is_complete and impact.car_t is not null
),

-- The Kolari-Pynnonen r, from sums rather than pairs (int_t0_residual_products): for the
-- pairs of a group that share a t0 date, sum over pairs of u_a u_b = ((sum of u)^2 - sum of
-- u^2) / 2 per session. Every event covers every asset, so on a date a group holds each valid
-- asset of a calendar as often as the type has events there (n): the sums are kept per asset
-- class, calendar pair and t0 date, and weighted here by the n of each calendar.
event_counts as (
    -- every valid asset of a calendar has its t0 on the date for the same events
    select event_type, window_label, asset_class, calendar, t0_date, t0_month,
        max(n_events) as n_events
    from impacts
    group by all
),

class_correlations as (
    select
        first.event_type,
        'asset_class' as grouping,
        first.asset_class as group_key,
        first.window_label,
        first.t0_month,
        {{ exact_sum('(first.n_events * second.n_events * products.cross_sum - case when '
                     ~ 'first.calendar = second.calendar then first.n_events * '
                     ~ 'products.square_sum else 0 end) / 2', keep_decimal=true) }}
            as correlation_sum
    from event_counts as first
    inner join event_counts as second
        on first.event_type = second.event_type and first.window_label = second.window_label
        and first.asset_class = second.asset_class and first.t0_date = second.t0_date
    inner join {{ ref('int_t0_residual_products') }} as products
        on products.asset_class = first.asset_class and products.t0_date = first.t0_date
        and products.window_label = first.window_label
        and products.first_calendar = first.calendar
        and products.second_calendar = second.calendar
    group by all
),

asset_correlations as (
    -- pairs of one asset on one date are one series twice: correlation 1 each
    select
        copies.event_type,
        'asset' as grouping,
        copies.symbol as group_key,
        copies.window_label,
        copies.t0_month,
        {{ exact_sum('copies.n * (copies.n - 1) / 2.0 * series_stats.unit_sum',
                     keep_decimal=true) }} as correlation_sum
    from (
        select event_type, window_label, symbol, t0_index, t0_month, n_events as n from impacts
    ) as copies
    inner join {{ ref('int_asset_t0_residual_stats') }} as series_stats
        on copies.symbol = series_stats.symbol and copies.t0_index = series_stats.t0_index
    group by all
),

group_correlations as (
    select * from class_correlations
    union all
    select * from asset_correlations
),

-- Each sum exact and kept as a decimal (see exact_sum), so that months add up to the same
-- total whatever order rows come in; an asset class's are the sums of its assets'.
asset_sums as (
    select
        impacts.event_type,
        'asset' as grouping,
        impacts.symbol as group_key,
        impacts.window_label,
        impacts.t0_month,
        any_value(impacts.asset_class) as asset_class,
        any_value(impacts.window_start) as window_start,
        any_value(impacts.window_end) as window_end,
        sum(impacts.n_events) as n,
        count(distinct impacts.t0_date) as n_dates,
        {% for name, value in [('car_sum', 'impacts.car'),
                               ('car_square_sum', 'impacts.car * impacts.car'),
                               ('scar_sum', 'impacts.car_t'),
                               ('scar_square_sum', 'impacts.car_t * impacts.car_t'),
                               ('scar_variance_sum', 'impacts.degrees_of_freedom '
                                                     '/ (impacts.degrees_of_freedom - 2.0)'),
                               ('share_positive_sum', 'positive_shares.share_positive')] %}
        {{ exact_sum(value, weight='impacts.n_events', keep_decimal=true) }} as {{ name }},
        {% endfor %}
        sum(case when impacts.car > 0 then impacts.n_events else 0 end) as n_positive
    from impacts
    left join {{ ref('int_asset_t0_residual_stats') }} as positive_shares
        on impacts.symbol = positive_shares.symbol
        and impacts.t0_index = positive_shares.t0_index
    group by impacts.event_type, impacts.symbol, impacts.window_label, impacts.t0_month
),

class_dates as (
    select event_type, asset_class, window_label, t0_month, count(distinct t0_date) as n_dates
    from impacts
    group by all
),

sums as (
    select * exclude (asset_class) from asset_sums
    union all
    select
        asset_sums.event_type,
        'asset_class',
        asset_sums.asset_class,
        asset_sums.window_label,
        asset_sums.t0_month,
        any_value(asset_sums.window_start),
        any_value(asset_sums.window_end),
        sum(asset_sums.n),
        any_value(class_dates.n_dates),
        sum(car_sum),
        sum(car_square_sum),
        sum(scar_sum),
        sum(scar_square_sum),
        sum(scar_variance_sum),
        sum(share_positive_sum),
        sum(n_positive)
    from asset_sums
    inner join class_dates
        on asset_sums.event_type = class_dates.event_type
        and asset_sums.asset_class = class_dates.asset_class
        and asset_sums.window_label = class_dates.window_label
        and asset_sums.t0_month = class_dates.t0_month
    group by asset_sums.event_type, asset_sums.asset_class, asset_sums.window_label,
        asset_sums.t0_month
)


select
    sums.*,
    coalesce(group_correlations.correlation_sum, 0) as correlation_sum
from sums
left join group_correlations
    on sums.event_type = group_correlations.event_type
    and sums.grouping = group_correlations.grouping
    and sums.group_key = group_correlations.group_key
    and sums.window_label = group_correlations.window_label
    and sums.t0_month = group_correlations.t0_month

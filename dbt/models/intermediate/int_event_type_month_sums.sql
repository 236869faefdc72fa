-- One row per event type, linkage, group (one asset, or one asset class), CAR window and month
-- of t0: the sums fct_event_type_impact's tests are made of. Over the complete (asset, t0,
-- window)s of the type's events (int_event_type_t0s), each weighted by n_events (the number of
-- the type's events of that linkage with that t0): n, the dates, CARs and SCARs and their
-- squares, df / (df - 2), the positive CARs, the residuals' positive shares, and the
-- Kolari-Pynnonen correlation sum of the pairs that share a t0 date (which never spans two
-- months). Sums of exact decimals: the months add up to the same figures a single sum over all
-- of them gives.
-- Incremental: the months from the earliest day new data can change (t0_months_from) are
-- recomputed; earlier months are final.
-- depends_on: {{ ref('int_articles') }}, {{ ref('stg_news_items') }}
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{% if is_incremental() %}delete from {{ this }}
              where t0_month >= {{ t0_months_from() }}{% endif %}"
) }}

{%- set windows = var('car_windows') %}

with type_t0s as (
    select * from {{ ref('int_event_type_t0s') }}
    {% if is_incremental() %}
    where t0_date >= {{ t0_months_from() }}
    {% endif %}
),

impacts as (
    select
        impact.*,
        type_t0s.event_type,
        type_t0s.linkage,
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

-- The Kolari-Pynnonen r, from sums rather than pairs. For the pairs of a group that share a t0
-- date, sum over pairs of u_a u_b = (sum over sessions of X^2 - sum of w_a u_a^2) / 2, X the
-- sum on a session of w_a u_a over the group's members a, w_a how often a is in the group.
-- Every event covers every asset, so on a date each member of a calendar c is there for the
-- same N_c events of the type: with both linkages, X = sum over c of N_c V_c, and its square
-- comes from int_t0_residual_products (shared_pairs below). The linked group's X_L is summed
-- from the few series its events name; the spill-over group's is N V - X_L, whose square is
-- (N V)^2 - 2 N V X_L + X_L^2.
event_counts as (
    select event_type, window_label, asset_class, calendar, t0_date, t0_month,
        max(n_events) as n_events
    from (
        select event_type, window_label, asset_class, calendar, t0_date, t0_month, symbol,
            sum(n_events) as n_events
        from impacts
        group by all
    ) as per_asset
    group by all
),

shared_pairs as (
    -- both linkages together, per date: ((N V)^2 - N Q) / 2
    select
        first.event_type,
        first.asset_class,
        first.window_label,
        first.t0_date,
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

linked_series as (
    -- the series the type's events name, once each, with the windows they are complete in
    select
        event_type, symbol, t0_index, asset_class, t0_date,
        any_value(n_events) as weight,
        {% for window in windows %}
        bool_or(window_label = '{{ window_label(window) }}') as in_window_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from impacts
    where linkage = 'linked'
    group by event_type, symbol, t0_index, asset_class, t0_date
),

linked_residuals as (
    {{ estimation_residuals('(select distinct symbol, t0_index from linked_series)') }}
),

linked_sessions as (
    -- X_L on each session, one column per window (x_1 for the first of car_windows, ...)
    select
        series.event_type,
        series.asset_class,
        series.t0_date,
        residuals.session_date,
        {% for window in windows %}
        {{ exact_sum('case when series.in_window_' ~ loop.index ~ ' then residuals.u end',
                     weight='series.weight') }} as x_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from linked_series as series
    inner join linked_residuals as residuals
        on series.symbol = residuals.symbol and series.t0_index = residuals.t0_index
    group by all
),

linked_squares as (
    -- X_L^2 over sessions, and sum over the linked series of w u^2 (u^2 over sessions is
    -- unit_sum)
    select
        sessions.event_type, sessions.asset_class, sessions.t0_date,
        {% for window in windows %}
        {{ exact_sum('sessions.x_' ~ loop.index ~ ' * sessions.x_' ~ loop.index,
                     keep_decimal=true) }} as x_square_sum_{{ loop.index }},
        any_value(own.square_sum_{{ loop.index }}) as square_sum_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from linked_sessions as sessions
    inner join (
        select series.event_type, series.asset_class, series.t0_date,
            {% for window in windows %}
            {{ exact_sum('case when series.in_window_' ~ loop.index ~ ' then stats.unit_sum end',
                         weight='series.weight', keep_decimal=true) }}
                as square_sum_{{ loop.index }}
                {%- if not loop.last %},{% endif %}
            {% endfor %}
        from linked_series as series
        inner join {{ ref('int_asset_t0_residual_stats') }} as stats
            on series.symbol = stats.symbol and series.t0_index = stats.t0_index
        group by all
    ) as own
        on own.event_type = sessions.event_type and own.asset_class = sessions.asset_class
        and own.t0_date = sessions.t0_date
    group by all
),

calendar_counts as (
    -- N_c of each calendar on the date (the same in every window it has members in)
    select event_type, asset_class, calendar, t0_date, max(n_events) as n_events
    from event_counts
    group by all
),

spillover_cross as (
    -- N V X_L summed over sessions, V of the window's members
    select
        linked.event_type, linked.asset_class, linked.t0_date,
        {% for window in windows %}
        {{ exact_sum('linked.x_' ~ loop.index ~ ' * sums.v_' ~ loop.index,
                     weight='counts.n_events', keep_decimal=true) }} as cross_sum_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from linked_sessions as linked
    inner join {{ ref('int_t0_session_residual_sums') }} as sums
        on sums.asset_class = linked.asset_class and sums.t0_date = linked.t0_date
        and sums.session_date = linked.session_date
    inner join calendar_counts as counts
        on counts.event_type = linked.event_type and counts.asset_class = linked.asset_class
        and counts.t0_date = linked.t0_date and counts.calendar = sums.calendar
    group by all
),

linked_pairs as (
    -- one row per window in which the type's events name a complete series on the date
    {% for window in windows %}
    select
        squares.event_type,
        '{{ window_label(window) }}' as window_label,
        squares.asset_class,
        squares.t0_date,
        squares.x_square_sum_{{ loop.index }} as x_square_sum,
        squares.square_sum_{{ loop.index }} as square_sum,
        coalesce(spill.cross_sum_{{ loop.index }}, 0) as cross_sum
    from linked_squares as squares
    left join spillover_cross as spill
        on spill.event_type = squares.event_type and spill.asset_class = squares.asset_class
        and spill.t0_date = squares.t0_date
    where squares.square_sum_{{ loop.index }} is not null
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

class_correlations as (
    -- per month: linked (X_L^2 - sum w u^2) / 2; spill-over the shared sum less the linked
    -- terms, ((N V)^2 - 2 N V X_L + X_L^2 - (N Q - sum w u^2)) / 2
    select
        shared.event_type,
        linkage.linkage,
        'asset_class' as grouping,
        shared.asset_class as group_key,
        shared.window_label,
        shared.t0_month,
        {{ exact_sum("case linkage.linkage when 'linked' then "
                     ~ "(pairs.x_square_sum - pairs.square_sum) / 2 "
                     ~ "else shared.correlation_sum - coalesce(pairs.cross_sum, 0) "
                     ~ "+ (coalesce(pairs.x_square_sum, 0) + coalesce(pairs.square_sum, 0)) / 2 "
                     ~ "end", keep_decimal=true) }} as correlation_sum
    from shared_pairs as shared
    cross join (values ('linked'), ('spillover')) as linkage(linkage)
    left join linked_pairs as pairs
        on pairs.event_type = shared.event_type and pairs.window_label = shared.window_label
        and pairs.asset_class = shared.asset_class and pairs.t0_date = shared.t0_date
    where linkage.linkage = 'spillover' or pairs.square_sum is not null
    group by all
),

asset_correlations as (
    -- pairs of one asset on one date are one series twice: correlation 1 each
    select
        copies.event_type,
        copies.linkage,
        'asset' as grouping,
        copies.symbol as group_key,
        copies.window_label,
        copies.t0_month,
        {{ exact_sum('copies.n * (copies.n - 1) / 2.0 * series_stats.unit_sum',
                     keep_decimal=true) }} as correlation_sum
    from (
        select event_type, linkage, window_label, symbol, t0_index, t0_month, n_events as n
        from impacts
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
        impacts.linkage,
        'asset' as grouping,
        impacts.symbol as group_key,
        impacts.window_label,
        impacts.t0_month,
        any_value(impacts.asset_class) as asset_class,
        any_value(impacts.window_start) as window_start,
        any_value(impacts.window_end) as window_end,
        sum(impacts.n_events) as n,
        count(distinct impacts.t0_date) as n_dates,
        count(*) as n_series,
        {% for name, value in [('car_sum', 'impacts.car'),
                               ('car_square_sum', 'impacts.car * impacts.car'),
                               ('scar_sum', 'impacts.car_t'),
                               ('scar_square_sum', 'impacts.car_t * impacts.car_t'),
                               ('scar_variance_sum', 'impacts.degrees_of_freedom '
                                                     '/ (impacts.degrees_of_freedom - 2.0)'),
                               ('share_positive_sum', 'positive_shares.share_positive'),
                               ('rank_sum', 'ranks.rank_sum'),
                               ('rank_variance_sum', 'ranks.rank_variance'),
                               ('grank_sum', 'ranks.grank_u'),
                               ('grank_variance_sum', 'ranks.grank_variance')] %}
        {{ exact_sum(value, weight='impacts.n_events', keep_decimal=true) }} as {{ name }},
        {% endfor %}
        sum(case when impacts.car > 0 then impacts.n_events else 0 end) as n_positive
    from impacts
    left join {{ ref('int_asset_t0_residual_stats') }} as positive_shares
        on impacts.symbol = positive_shares.symbol
        and impacts.t0_index = positive_shares.t0_index
    left join {{ ref('int_asset_t0_ranks') }} as ranks
        on impacts.symbol = ranks.symbol and impacts.t0_index = ranks.t0_index
        and impacts.window_label = ranks.window_label
    group by impacts.event_type, impacts.linkage, impacts.symbol, impacts.window_label,
        impacts.t0_month
),

class_dates as (
    select event_type, linkage, asset_class, window_label, t0_month,
        count(distinct t0_date) as n_dates
    from impacts
    group by all
),

sums as (
    select {{ star_except(['asset_class']) }} from asset_sums
    union all
    select
        asset_sums.event_type,
        asset_sums.linkage,
        'asset_class',
        asset_sums.asset_class,
        asset_sums.window_label,
        asset_sums.t0_month,
        any_value(asset_sums.window_start),
        any_value(asset_sums.window_end),
        sum(asset_sums.n),
        any_value(class_dates.n_dates),
        sum(asset_sums.n_series),
        sum(car_sum),
        sum(car_square_sum),
        sum(scar_sum),
        sum(scar_square_sum),
        sum(scar_variance_sum),
        sum(share_positive_sum),
        sum(rank_sum),
        sum(rank_variance_sum),
        sum(grank_sum),
        sum(grank_variance_sum),
        sum(n_positive)
    from asset_sums
    inner join class_dates
        on asset_sums.event_type = class_dates.event_type
        and asset_sums.linkage = class_dates.linkage
        and asset_sums.asset_class = class_dates.asset_class
        and asset_sums.window_label = class_dates.window_label
        and asset_sums.t0_month = class_dates.t0_month
    group by asset_sums.event_type, asset_sums.linkage, asset_sums.asset_class,
        asset_sums.window_label, asset_sums.t0_month
)


select
    sums.*,
    coalesce(group_correlations.correlation_sum, 0) as correlation_sum
from sums
left join group_correlations
    on sums.event_type = group_correlations.event_type
    and sums.linkage = group_correlations.linkage
    and sums.grouping = group_correlations.grouping
    and sums.group_key = group_correlations.group_key
    and sums.window_label = group_correlations.window_label
    and sums.t0_month = group_correlations.t0_month

-- One row per event type, group (one asset, or one asset class) and CAR window: how events of a
-- type moved the group on average, with four tests over the N complete (event, asset) pairs:
--   cross-sectional t   CAAR / (sd(CAR) / sqrt(N)), Student t with N - 1 df;
--   Patell Z            sum(SCAR) / sqrt(sum(df / (df - 2))), SCAR = CAR / its standard error;
--   BMP t               mean(SCAR) / (sd(SCAR) / sqrt(N)) (Boehmer, Musumeci & Poulsen 1991),
--                       and its Kolari-Pynnonen (2010) adjustment for pairs that share an event
--                       date: t * sqrt((1 - r) / (1 + (N - 1) r)), r the mean correlation of the
--                       pairs' estimation residuals (pairs on different dates count as 0);
--   generalized sign Z  (w - N p) / sqrt(N p (1 - p)), w the positive CARs, p the share of
--                       positive residuals in the pairs' estimation windows (Cowan 1992).
--
-- Computed at the grain where the numbers live: an (asset, t0) pair's CAR is the same for
-- every event that shares the t0, so each complete (asset, t0, window) enters a type's group
-- once, weighted by n_events, the number of the type's events with that t0 (never one row per
-- event and asset, which is a product).
with type_t0s as (
    select event.event_type, t0.symbol, t0.t0_index, count(*) as n_events
    from {{ ref('int_event_t0') }} as t0
    inner join {{ ref('dim_event') }} as event on t0.event_id = event.event_id
    group by all
),

impacts as (
    select
        impact.*,
        type_t0s.event_type,
        type_t0s.n_events,
        asset.asset_class,
        asset.calendar
    from {{ ref('int_asset_t0_impacts') }} as impact
    inner join type_t0s
        on impact.symbol = type_t0s.symbol and impact.t0_index = type_t0s.t0_index
    inner join {{ ref('dim_asset') }} as asset on impact.symbol = asset.symbol
    where impact.is_complete and impact.car_t is not null
),

members as (
    select event_type, 'asset' as grouping, symbol as group_key, asset_class, * exclude
        (event_type, asset_class)
    from impacts
    union all
    select event_type, 'asset_class', asset_class, asset_class, * exclude (event_type, asset_class)
    from impacts
),

-- The Kolari-Pynnonen r, from sums rather than pairs. Each (asset, t0) residual series is
-- standardised over its own estimation window, u = (e - mean e) / sqrt(sum (e - mean e)^2), so
-- that the correlation of two series is the sum of u_a * u_b over the sessions both have
-- (Pearson's, when the two windows cover the same sessions). For the pairs of a group that
-- share a t0 date, sum over pairs of u_a u_b = ((sum of u)^2 - sum of u^2) / 2 per session:
-- one pass over the series, never over pairs. Every event covers every asset, so on a date
-- a group holds each valid asset of a calendar as often as the type has events there (n):
-- the sums are kept per asset class, calendar, t0 date and session, and weighted by n.
{%- set windows = var('car_windows') %}
{%- set labels = [] %}
{%- for window in windows %}
    {%- do labels.append('[' ~ window[0] ~ ',' ~ ('+' if window[1] > 0 else '') ~ window[1] ~ ']') %}
{%- endfor %}

series as (
    select
        symbol,
        t0_date,
        any_value(asset_class) as asset_class,
        any_value(calendar) as calendar,
        {% for window in windows %}
        bool_or(window_label = '{{ labels[loop.index0] }}') as in_window_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from impacts
    group by symbol, t0_date
),

residuals as (
    select
        series.*,
        sessions.session_date,
        sessions.daily_return - case series.model
            when 'mean_adjusted' then series.alpha
            else series.alpha + series.beta * sessions.benchmark_return
        end as residual
    from (
        -- every estimation session's index, computed before the join (see int_asset_t0_windows)
        select series.*, models.model, models.alpha, models.beta, models.residual_mean,
            models.residual_sum_squares, models.session_index + offsets.tau as session_index
        from series
        inner join {{ ref('int_market_models') }} as models
            on series.symbol = models.symbol and series.t0_date = models.session_date
        cross join range({{ var('estimation_start') }}, {{ var('estimation_end') }} + 1)
            as offsets(tau)
    ) as series
    inner join {{ ref('int_asset_sessions') }} as sessions
        on sessions.symbol = series.symbol and sessions.session_index = series.session_index
    where sessions.daily_return is not null
        and (series.model = 'mean_adjusted' or sessions.benchmark_return is not null)
),

standardised as (
    select
        *,
        case when residual_sum_squares > 0
            then (residual - residual_mean) / sqrt(residual_sum_squares) else 0 end as u
    from residuals
),

series_stats as (
    select
        symbol,
        t0_date,
        count(case when residual > 0 then 1 end) / count(*) as share_positive,
        {{ exact_sum('u * u') }} as unit_sum  -- 1, or 0 for a series without variance
    from standardised
    group by symbol, t0_date
),

session_sums as (
    select
        asset_class,
        calendar,
        t0_date,
        session_date,
        {% for window in windows %}
        {{ exact_sum('case when in_window_' ~ loop.index ~ ' then u end') }} as v_{{ loop.index }},
        {{ exact_sum('case when in_window_' ~ loop.index ~ ' then u * u end') }}
            as q_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from standardised
    group by asset_class, calendar, t0_date, session_date
),

calendar_products as (
    -- per class, t0 date and two calendars: sum over sessions of V_c * V_c', and of Q_c
    select
        first.asset_class,
        first.t0_date,
        first.calendar as first_calendar,
        second.calendar as second_calendar,
        {% for window in windows %}
        {{ exact_sum('first.v_' ~ loop.index ~ ' * second.v_' ~ loop.index) }}
            as g_{{ loop.index }},
        {{ exact_sum('case when first.calendar = second.calendar then first.q_'
                     ~ loop.index ~ ' end') }}
            as q_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from session_sums as first
    inner join session_sums as second
        on first.asset_class = second.asset_class and first.t0_date = second.t0_date
        and first.session_date = second.session_date
    group by all
),

event_counts as (
    -- every valid asset of a calendar has its t0 on the date for the same events
    select event_type, window_label, asset_class, calendar, t0_date, max(n_events) as n_events
    from impacts
    group by all
),

class_correlations as (
    select
        first.event_type,
        'asset_class' as grouping,
        first.asset_class as group_key,
        first.window_label,
        {% set pair_sum %}first.n_events * second.n_events * case first.window_label
            {% for window in windows %}
            when '{{ labels[loop.index0] }}' then products.g_{{ loop.index }}
            {% endfor %} end
            - case when first.calendar = second.calendar then first.n_events * case
                first.window_label
                {% for window in windows %}
                when '{{ labels[loop.index0] }}' then products.q_{{ loop.index }}
                {% endfor %} end else 0 end{% endset %}
        {{ exact_sum(pair_sum) }} / 2 as correlation_sum
    from event_counts as first
    inner join event_counts as second
        on first.event_type = second.event_type and first.window_label = second.window_label
        and first.asset_class = second.asset_class and first.t0_date = second.t0_date
    inner join calendar_products as products
        on products.asset_class = first.asset_class and products.t0_date = first.t0_date
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
        {{ exact_sum('copies.n * (copies.n - 1) / 2.0 * series_stats.unit_sum') }}
            as correlation_sum
    from (
        select event_type, window_label, symbol, t0_date, n_events as n from impacts
    ) as copies
    inner join series_stats
        on copies.symbol = series_stats.symbol and copies.t0_date = series_stats.t0_date
    group by all
),

group_correlations as (
    select * from class_correlations
    union all
    select * from asset_correlations
),

aggregated as (
    select
        members.event_type,
        members.grouping,
        members.group_key,
        members.window_label,
        any_value(members.window_start) as window_start,
        any_value(members.window_end) as window_end,
        sum(members.n_events) as n,
        count(distinct members.t0_date) as n_dates,
        any_value(members.caar) as caar,
        sqrt({{ exact_sum('power(members.car - members.caar, 2)', weight='members.n_events') }}
            / nullif(sum(members.n_events) - 1, 0)) as car_sd,
        any_value(members.mean_scar) as mean_scar,
        sqrt({{ exact_sum('power(members.car_t - members.mean_scar, 2)', weight='members.n_events') }}
            / nullif(sum(members.n_events) - 1, 0)) as scar_sd,
        {{ exact_sum('members.car_t', weight='members.n_events') }} as scar_sum,
        {{ exact_sum('members.degrees_of_freedom / (members.degrees_of_freedom - 2.0)',
                     weight='members.n_events') }} as scar_variance_sum,
        sum(case when members.car > 0 then members.n_events else 0 end) as n_positive,
        {{ exact_sum('positive_shares.share_positive', weight='members.n_events') }}
            / sum(members.n_events) as expected_share_positive
    from (
        -- means first (exact sums), then deviations from them: the same floats whatever
        -- order the rows come in
        select
            *,
            {{ exact_sum('car', weight='n_events', window='type_group') }}
                / sum(n_events) over type_group as caar,
            {{ exact_sum('car_t', weight='n_events', window='type_group') }}
                / sum(n_events) over type_group as mean_scar
        from members
        window type_group as (partition by event_type, grouping, group_key, window_label)
    ) as members
    left join series_stats as positive_shares
        on members.symbol = positive_shares.symbol and members.t0_date = positive_shares.t0_date
    group by members.event_type, members.grouping, members.group_key, members.window_label
),

statistics as (
    select
        aggregated.*,
        coalesce(group_correlations.correlation_sum, 0) / nullif(n * (n - 1) / 2.0, 0)
            as mean_residual_correlation,
        caar / (car_sd / sqrt(n)) as cross_sectional_t,
        scar_sum / sqrt(scar_variance_sum) as patell_z,
        mean_scar / (scar_sd / sqrt(n)) as bmp_t,
        (n_positive - n * expected_share_positive)
            / sqrt(n * expected_share_positive * (1 - expected_share_positive)) as sign_z
    from aggregated
    left join group_correlations
        on aggregated.event_type = group_correlations.event_type
        and aggregated.grouping = group_correlations.grouping
        and aggregated.group_key = group_correlations.group_key
        and aggregated.window_label = group_correlations.window_label
),

adjusted as (
    select
        *,
        -- undefined when the pairs are (nearly) one observation: r = 1, or r <= -1 / (N - 1)
        case when mean_residual_correlation < 1 and 1 + (n - 1) * mean_residual_correlation > 0
            then bmp_t * sqrt((1 - mean_residual_correlation)
                / (1 + (n - 1) * mean_residual_correlation))
        end as kolari_pynnonen_t
    from statistics
)

select
    {{ surrogate_key(['event_type', 'grouping', 'group_key', 'window_label']) }}
        as event_type_impact_id,
    event_type,
    grouping,
    group_key,
    window_label,
    window_start,
    window_end,
    n,
    n_dates,
    n_dates < n as has_clustered_dates,
    caar,
    cross_sectional_t,
    {{ student_t_p_value('cross_sectional_t', 'n - 1') }} as cross_sectional_p,
    patell_z,
    {{ normal_p_value('patell_z') }} as patell_p,
    bmp_t,
    {{ student_t_p_value('bmp_t', 'n - 1') }} as bmp_p,
    mean_residual_correlation,
    kolari_pynnonen_t,
    {{ student_t_p_value('kolari_pynnonen_t', 'n - 1') }} as kolari_pynnonen_p,
    n_positive,
    expected_share_positive,
    sign_z,
    {{ normal_p_value('sign_z') }} as sign_p
from adjusted

-- One row per event type, linkage, group (one asset, or one asset class) and CAR window: what
-- the dependence-aware tests of fct_event_type_impact add to the Kolari-Pynnonen correlation
-- sum of int_event_type_month_sums (which covers the pairs that share a t0 date). Pairs of
-- observations - complete (asset, t0, window)s of the type's events, each n_events times - on
-- different t0 dates are correlated when their windows overlap: their covariance is their
-- residual correlation times the sessions they share over the window's length.
--   overlap_sessions             sessions shared, summed over the pairs on different t0 dates
--   overlap_sessions_same_asset  the same over those pairs that are one asset (correlation 1)
--   n_overlapping_pairs          pairs on different t0 dates whose windows' spans of dates meet
--   n_date_pairs, n_copy_pairs   pairs on one t0 date, and of those the pairs of one asset
--   copy_correlation_sum         the correlation the latter hold (1 each, 0 for a flat series)
-- all from counts rather than from pairs: the pairs that share session d number m(m-1)/2, m the
-- observations whose window holds d (less the same within one t0 date); two spans are apart
-- when one ends before the other starts, so the pairs apart are the sum over observations of
-- those starting after its end, read off a running count of starts.
{%- set windows = var('car_windows') %}

with type_t0s as (
    select
        event.event_type,
        t0.symbol,
        t0.t0_index,
        case when linked.event_id is null then 'spillover' else 'linked' end as linkage,
        count(*) as n_events
    from {{ ref('int_event_t0') }} as t0
    inner join (
        select distinct event_id, event_type from {{ ref('int_event_articles') }}
    ) as event on t0.event_id = event.event_id
    left join {{ ref('int_event_linked_assets') }} as linked
        on t0.event_id = linked.event_id and t0.symbol = linked.symbol
    group by all
),

observations as (
    -- each observation twice: in its asset's group and in its asset class's
    select
        type_t0s.event_type,
        type_t0s.linkage,
        groupings.grouping,
        case groupings.grouping when 'asset' then impact.symbol else asset.asset_class end
            as group_key,
        impact.window_label,
        impact.window_start,
        impact.window_end,
        impact.symbol,
        impact.t0_index,
        impact.t0_date,
        type_t0s.n_events as weight
    from {{ ref('int_asset_t0_impacts') }} as impact
    inner join type_t0s
        on impact.symbol = type_t0s.symbol and impact.t0_index = type_t0s.t0_index
    inner join {{ ref('stg_assets') }} as asset on impact.symbol = asset.symbol
    cross join (values ('asset'), ('asset_class')) as groupings(grouping)
    where impact.is_complete and impact.car_t is not null
),

covered as (
    -- one row per observation and session of its window
    select observations.*, windows.session_date
    from observations
    inner join {{ ref('int_asset_t0_windows') }} as windows
        on observations.symbol = windows.symbol and observations.t0_index = windows.t0_index
    where windows.tau between observations.window_start and observations.window_end
),

{% set keys = 'event_type, linkage, grouping, group_key, window_label' %}
{% set levels = [('all_dates', ''), ('one_date', ', t0_date'),
                 ('asset_all_dates', ', symbol'), ('asset_one_date', ', symbol, t0_date')] %}
{% for name, extra in levels %}
{{ name }} as (
    -- the pairs sharing each session at this level, summed over the sessions
    select {{ keys }}, sum(m * (m - 1) / 2) as shared_sessions
    from (
        select {{ keys }}{{ extra }}, session_date, sum(weight) as m
        from covered
        group by {{ keys }}{{ extra }}, session_date
    ) as per_session
    group by {{ keys }}
),
{% endfor %}

spans as (
    select {{ keys }}, symbol, t0_index, any_value(weight) as weight,
        min(session_date) as first_date, max(session_date) as last_date
    from covered
    group by {{ keys }}, symbol, t0_index
),

apart as (
    -- per group: its observations (n) and the pairs whose spans do not meet
    select {{ keys }}, sum(case when is_end = 1 then weight else 0 end) as n,
        sum(case when is_end = 1 then weight * (total - starts_so_far) else 0 end) as n_apart
    from (
        select *,
            sum(weight) over (partition by {{ keys }}) / 2 as total,
            sum(case when is_end = 0 then weight else 0 end) over (
                partition by {{ keys }} order by day, is_end
                rows between unbounded preceding and current row) as starts_so_far
        from (
            select {{ keys }}, first_date as day, 0 as is_end, weight from spans
            union all
            select {{ keys }}, last_date as day, 1 as is_end, weight from spans
        ) as bounds
    ) as counted
    group by {{ keys }}
),

date_pairs as (
    -- the pairs on one t0 date, and those of one asset with the correlation they hold
    select
        dates.event_type, dates.linkage, dates.grouping, dates.group_key, dates.window_label,
        sum(dates.n * (dates.n - 1) / 2) as n_date_pairs,
        any_value(copies.n_copy_pairs) as n_copy_pairs,
        any_value(copies.copy_correlation_sum) as copy_correlation_sum
    from (
        select {{ keys }}, t0_date, sum(weight) as n
        from observations
        group by {{ keys }}, t0_date
    ) as dates
    inner join (
        select
            observations.event_type, observations.linkage, observations.grouping,
            observations.group_key, observations.window_label,
            sum(observations.weight * (observations.weight - 1) / 2) as n_copy_pairs,
            -- unit_sum is 1 to rounding: summed exactly, so that row order changes no bit
            {{ exact_sum('stats.unit_sum', weight='cast(observations.weight * (observations.weight - 1) / 2 as bigint)',
                         keep_decimal=true) }} as copy_correlation_sum
        from observations
        inner join {{ ref('int_asset_t0_residual_stats') }} as stats
            on observations.symbol = stats.symbol and observations.t0_index = stats.t0_index
        group by all
    ) as copies
        on dates.event_type = copies.event_type and dates.linkage = copies.linkage
        and dates.grouping = copies.grouping and dates.group_key = copies.group_key
        and dates.window_label = copies.window_label
    group by all
)

select
    date_pairs.event_type,
    date_pairs.linkage,
    date_pairs.grouping,
    date_pairs.group_key,
    date_pairs.window_label,
    cast(all_dates.shared_sessions - one_date.shared_sessions as bigint) as overlap_sessions,
    cast(asset_all_dates.shared_sessions - asset_one_date.shared_sessions as bigint)
        as overlap_sessions_same_asset,
    cast(apart.n * (apart.n - 1) / 2 - apart.n_apart - date_pairs.n_date_pairs as bigint)
        as n_overlapping_pairs,
    cast(date_pairs.n_date_pairs as bigint) as n_date_pairs,
    cast(date_pairs.n_copy_pairs as bigint) as n_copy_pairs,
    cast(date_pairs.copy_correlation_sum as double) as copy_correlation_sum
from date_pairs
{% for name, _ in levels + [('apart', '')] %}
inner join {{ name }}
    on date_pairs.event_type = {{ name }}.event_type and date_pairs.linkage = {{ name }}.linkage
    and date_pairs.grouping = {{ name }}.grouping and date_pairs.group_key = {{ name }}.group_key
    and date_pairs.window_label = {{ name }}.window_label
{% endfor %}

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
-- those starting after its end, read off a running count of starts. Windows of one session
-- on different dates never meet, so only longer windows are expanded over their sessions, and
-- each observation once (the asset's group and its class's are summed from the same counts).
{%- set keys = 'event_type, linkage, window_label' %}

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
    select
        type_t0s.event_type,
        type_t0s.linkage,
        impact.window_label,
        impact.window_start,
        impact.window_end,
        impact.symbol,
        asset.asset_class,
        impact.t0_index,
        impact.t0_date,
        type_t0s.n_events as weight
    from {{ ref('int_asset_t0_impacts') }} as impact
    inner join type_t0s
        on impact.symbol = type_t0s.symbol and impact.t0_index = type_t0s.t0_index
    inner join {{ ref('stg_assets') }} as asset on impact.symbol = asset.symbol
    where impact.is_complete and impact.car_t is not null
),

long_windows as (
    select * from observations where window_end > window_start
),

covered as (
    -- one row per observation of a longer window and session of it (the taus unnested first,
    -- then joined on equality)
    select long_windows.*, windows.session_date
    from (
        select {{ star_except(['tau']) }}, cast(tau as integer) as tau
        from (
            select long_windows.*, {{ explode_list(integer_range('long_windows.window_start',
                'long_windows.window_end')) }} as tau
            from long_windows
        ) as offsets
    ) as long_windows
    inner join {{ ref('int_asset_t0_windows') }} as windows
        on long_windows.symbol = windows.symbol and long_windows.t0_index = windows.t0_index
        and long_windows.tau = windows.tau
),

-- the observations holding each session: per asset and t0 date, per asset, per class and t0
-- date, per class
asset_date_sessions as (
    select {{ keys }}, symbol, asset_class, t0_date, session_date, sum(weight) as m
    from covered
    group by {{ keys }}, symbol, asset_class, t0_date, session_date
),

asset_sessions as (
    select {{ keys }}, symbol, asset_class, session_date, sum(m) as m
    from asset_date_sessions
    group by {{ keys }}, symbol, asset_class, session_date
),

class_date_sessions as (
    select {{ keys }}, asset_class, t0_date, session_date, sum(m) as m
    from asset_date_sessions
    group by {{ keys }}, asset_class, t0_date, session_date
),

class_sessions as (
    select {{ keys }}, asset_class, session_date, sum(m) as m
    from asset_sessions
    group by {{ keys }}, asset_class, session_date
),

-- pairs sharing a session, summed over the sessions: all pairs, and those on one t0 date
asset_shared as (
    select {{ keys }}, symbol, any_value(asset_class) as asset_class,
        sum(all_pairs) as all_pairs, sum(date_pairs) as date_pairs
    from (
        select {{ keys }}, symbol, asset_class, m * (m - 1) / 2 as all_pairs, 0 as date_pairs
        from asset_sessions
        union all
        select {{ keys }}, symbol, asset_class, 0, m * (m - 1) / 2 from asset_date_sessions
    ) as pairs
    group by {{ keys }}, symbol
),

class_shared as (
    select {{ keys }}, asset_class, sum(all_pairs) as all_pairs, sum(date_pairs) as date_pairs
    from (
        select {{ keys }}, asset_class, m * (m - 1) / 2 as all_pairs, 0 as date_pairs
        from class_sessions
        union all
        select {{ keys }}, asset_class, 0, m * (m - 1) / 2 from class_date_sessions
    ) as pairs
    group by {{ keys }}, asset_class
),

shared as (
    select {{ keys }}, 'asset' as grouping, symbol as group_key,
        all_pairs - date_pairs as overlap_sessions,
        all_pairs - date_pairs as overlap_sessions_same_asset
    from asset_shared
    union all
    select class_shared.event_type, class_shared.linkage, class_shared.window_label,
        'asset_class', class_shared.asset_class,
        any_value(class_shared.all_pairs - class_shared.date_pairs),
        sum(asset_shared.all_pairs - asset_shared.date_pairs)
    from class_shared
    inner join asset_shared
        on class_shared.event_type = asset_shared.event_type
        and class_shared.linkage = asset_shared.linkage
        and class_shared.window_label = asset_shared.window_label
        and class_shared.asset_class = asset_shared.asset_class
    group by class_shared.event_type, class_shared.linkage, class_shared.window_label,
        class_shared.asset_class
),

spans as (
    -- each observation of a longer window in both its groups, with its first and last date
    select
        long_windows.event_type, long_windows.linkage, long_windows.window_label,
        groupings.grouping,
        case groupings.grouping when 'asset' then long_windows.symbol
            else long_windows.asset_class end as group_key,
        long_windows.weight,
        first.session_date as first_date,
        last.session_date as last_date
    from long_windows
    inner join {{ ref('int_asset_t0_windows') }} as first
        on long_windows.symbol = first.symbol and long_windows.t0_index = first.t0_index
        and long_windows.window_start = first.tau
    inner join {{ ref('int_asset_t0_windows') }} as last
        on long_windows.symbol = last.symbol and long_windows.t0_index = last.t0_index
        and long_windows.window_end = last.tau
    cross join (values ('asset'), ('asset_class')) as groupings(grouping)
),

{%- set group_keys = keys ~ ', grouping, group_key' %}

apart as (
    -- per group: its observations (n) and the pairs whose spans do not meet
    select {{ group_keys }}, sum(case when is_end = 1 then weight else 0 end) as n,
        sum(case when is_end = 1 then weight * (total - starts_so_far) else 0 end) as n_apart
    from (
        select *,
            sum(weight) over (partition by {{ group_keys }}) / 2 as total,
            sum(case when is_end = 0 then weight else 0 end) over (
                partition by {{ group_keys }} order by day, is_end
                rows between unbounded preceding and current row) as starts_so_far
        from (
            select {{ group_keys }}, first_date as day, 0 as is_end, weight from spans
            union all
            select {{ group_keys }}, last_date as day, 1 as is_end, weight from spans
        ) as bounds
    ) as counted
    group by {{ group_keys }}
),

grouped as (
    -- every observation in both its groups
    select observations.*, groupings.grouping,
        case groupings.grouping when 'asset' then observations.symbol
            else observations.asset_class end as group_key
    from observations
    cross join (values ('asset'), ('asset_class')) as groupings(grouping)
),

date_pairs as (
    -- the pairs on one t0 date, and those of one asset with the correlation they hold
    select
        dates.event_type, dates.linkage, dates.window_label, dates.grouping, dates.group_key,
        sum(dates.n * (dates.n - 1) / 2) as n_date_pairs,
        any_value(copies.n_copy_pairs) as n_copy_pairs,
        any_value(copies.copy_correlation_sum) as copy_correlation_sum
    from (
        select {{ group_keys }}, t0_date, sum(weight) as n
        from grouped
        group by {{ group_keys }}, t0_date
    ) as dates
    inner join (
        select
            grouped.event_type, grouped.linkage, grouped.window_label, grouped.grouping,
            grouped.group_key,
            sum(grouped.weight * (grouped.weight - 1) / 2) as n_copy_pairs,
            -- unit_sum is 1 to rounding: summed exactly, so that row order changes no bit
            {{ exact_sum('stats.unit_sum',
                         weight='cast(grouped.weight * (grouped.weight - 1) / 2 as bigint)',
                         keep_decimal=true) }} as copy_correlation_sum
        from grouped
        inner join {{ ref('int_asset_t0_residual_stats') }} as stats
            on grouped.symbol = stats.symbol and grouped.t0_index = stats.t0_index
        group by all
    ) as copies
        on dates.event_type = copies.event_type and dates.linkage = copies.linkage
        and dates.window_label = copies.window_label and dates.grouping = copies.grouping
        and dates.group_key = copies.group_key
    group by all
)

select
    date_pairs.event_type,
    date_pairs.linkage,
    date_pairs.grouping,
    date_pairs.group_key,
    date_pairs.window_label,
    cast(coalesce(shared.overlap_sessions, 0) as bigint) as overlap_sessions,
    cast(coalesce(shared.overlap_sessions_same_asset, 0) as bigint)
        as overlap_sessions_same_asset,
    cast(coalesce(apart.n * (apart.n - 1) / 2 - apart.n_apart - date_pairs.n_date_pairs, 0)
        as bigint) as n_overlapping_pairs,
    cast(date_pairs.n_date_pairs as bigint) as n_date_pairs,
    cast(date_pairs.n_copy_pairs as bigint) as n_copy_pairs,
    cast(date_pairs.copy_correlation_sum as double) as copy_correlation_sum
from date_pairs
{% for name in ['shared', 'apart'] %}
left join {{ name }}
    on date_pairs.event_type = {{ name }}.event_type and date_pairs.linkage = {{ name }}.linkage
    and date_pairs.grouping = {{ name }}.grouping and date_pairs.group_key = {{ name }}.group_key
    and date_pairs.window_label = {{ name }}.window_label
{% endfor %}

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
-- All from counts, never from pairs, and never one row per session of every observation:
-- * one asset: its sessions are consecutive session indexes, and all windows of a group have
--   one length L, so two windows k sessions apart share L - k sessions when k < L. A window
--   frame over the t0 indexes sums the weights w and w * t0_index of the observations 1 to L - 1
--   sessions later, which gives the shared sessions and the meeting pairs of each observation;
--   the windows are columns of one row per (asset, t0), so that one sort serves every frame.
-- * one class: every asset of a calendar holds that calendar's sessions, so the observations of
--   a class, calendar and t0 date are one weighted window; those few are spread over their
--   sessions, and the pairs sharing a session d number m(m-1)/2, m the weight holding d (less
--   the pairs of one t0 date). Spans apart: those starting after another's end, read off a
--   running count of starts.
-- Windows of one session on different dates never meet: only longer windows are counted.
{%- set keys = 'event_type, linkage, window_label' %}
{%- set long_windows = [] %}
{%- for window in var('car_windows') if window[1] > window[0] %}
    {%- do long_windows.append(window) %}
{%- endfor %}

with observations as (
    select
        type_t0s.event_type,
        type_t0s.linkage,
        impact.window_label,
        impact.window_start,
        impact.window_end,
        impact.symbol,
        asset.asset_class,
        asset.calendar,
        impact.t0_index,
        impact.t0_date,
        type_t0s.n_events as weight
    from {{ ref('int_asset_t0_impacts') }} as impact
    inner join {{ ref('int_event_type_t0s') }} as type_t0s
        on impact.symbol = type_t0s.symbol and impact.t0_index = type_t0s.t0_index
    inner join {{ ref('stg_assets') }} as asset on impact.symbol = asset.symbol
    where impact.is_complete and impact.car_t is not null
),

-- one asset ----------------------------------------------------------------------------------
asset_series as (
    -- one row per (asset, t0) of a type and linkage, with its weight in each longer window
    -- (0 where that window is not complete), so that one sort serves every window's frame
    select
        event_type, linkage, symbol, any_value(asset_class) as asset_class, t0_index,
        {% for window in long_windows %}
        sum(case when window_label = '{{ window_label(window) }}' then weight else 0 end)
            as weight_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from observations
    group by event_type, linkage, symbol, t0_index
),

later_neighbours as (
    -- each (asset, t0) with, per longer window of L sessions, the weight (and weighted t0
    -- index) of its group's observations 1 to L - 1 sessions later
    select
        *,
        {% for window in long_windows %}
        {%- set frame = 'partition by event_type, linkage, symbol order by t0_index '
            ~ 'range between 1 following and ' ~ (window[1] - window[0]) ~ ' following' %}
        coalesce(sum(weight_{{ loop.index }}) over ({{ frame }}), 0)
            as later_weight_{{ loop.index }},
        coalesce(sum(weight_{{ loop.index }} * t0_index) over ({{ frame }}), 0)
            as later_index_weight_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from asset_series
),

asset_overlaps as (
    -- a later window k sessions on shares L - k: summed, (L + t0) * later_weight - later_index_weight
    {% for window in long_windows %}
    {%- set i = loop.index %}
    select
        event_type, linkage, '{{ window_label(window) }}' as window_label, symbol,
        any_value(asset_class) as asset_class,
        sum(weight_{{ i }} * (({{ window[1] - window[0] + 1 }} + t0_index)
            * later_weight_{{ i }} - later_index_weight_{{ i }})) as overlap_sessions,
        sum(weight_{{ i }} * later_weight_{{ i }}) as n_overlapping_pairs
    from later_neighbours
    where weight_{{ i }} > 0
    group by event_type, linkage, symbol
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

asset_copies as (
    -- one asset has one observation per t0 date: its pairs on one date are copies of a series
    select
        observations.event_type, observations.linkage, observations.window_label,
        observations.symbol, any_value(observations.asset_class) as asset_class,
        sum(observations.weight * (observations.weight - 1) / 2) as n_copy_pairs,
        -- unit_sum is 1 to rounding: summed exactly, so that row order changes no bit
        {{ exact_sum('stats.unit_sum',
                     weight='cast(observations.weight * (observations.weight - 1) / 2 as bigint)',
                     keep_decimal=true) }} as copy_correlation_sum
    from observations
    inner join {{ ref('int_asset_t0_residual_stats') }} as stats
        on observations.symbol = stats.symbol and observations.t0_index = stats.t0_index
    group by observations.event_type, observations.linkage, observations.window_label,
        observations.symbol
),

-- one class ----------------------------------------------------------------------------------
calendar_sessions as (
    select calendar, session_date,
        row_number() over (partition by calendar order by session_date) as calendar_index
    from {{ ref('stg_sessions') }}
),

class_windows as (
    -- the longer windows of one class, calendar and t0 date, with their weight
    select windows.*, t0.calendar_index as t0_calendar_index
    from (
        select {{ keys }}, asset_class, calendar, t0_date, window_start, window_end,
            sum(weight) as weight
        from observations
        where window_end > window_start
        group by {{ keys }}, asset_class, calendar, t0_date, window_start, window_end
    ) as windows
    inner join calendar_sessions as t0
        on windows.calendar = t0.calendar and windows.t0_date = t0.session_date
),

class_covered as (
    -- those windows over their sessions (the taus unnested first, then joined on equality)
    select windows.*, sessions.session_date
    from (
        select {{ star_except(['tau']) }}, cast(tau as integer) as tau
        from (
            select class_windows.*, {{ explode_list(integer_range('class_windows.window_start',
                'class_windows.window_end')) }} as tau
            from class_windows
        ) as offsets
    ) as windows
    inner join calendar_sessions as sessions
        on windows.calendar = sessions.calendar
        and windows.t0_calendar_index + windows.tau = sessions.calendar_index
),

class_shared as (
    -- pairs sharing a session, summed over the sessions: all pairs less those on one t0 date
    select {{ keys }}, asset_class, sum(pairs) as overlap_sessions
    from (
        select {{ keys }}, asset_class, m * (m - 1) / 2 as pairs
        from (
            select {{ keys }}, asset_class, session_date, sum(weight) as m
            from class_covered
            group by {{ keys }}, asset_class, session_date
        ) as per_session
        union all
        select {{ keys }}, asset_class, -m * (m - 1) / 2
        from (
            select {{ keys }}, asset_class, t0_date, session_date, sum(weight) as m
            from class_covered
            group by {{ keys }}, asset_class, t0_date, session_date
        ) as per_date_session
    ) as pairs
    group by {{ keys }}, asset_class
),

class_apart as (
    -- the class's longer observations (n) and the pairs whose spans of dates do not meet
    select {{ keys }}, asset_class, sum(case when is_end = 1 then weight else 0 end) as n,
        sum(case when is_end = 1 then weight * (total - starts_so_far) else 0 end) as n_apart
    from (
        select *,
            sum(weight) over (partition by {{ keys }}, asset_class) / 2 as total,
            sum(case when is_end = 0 then weight else 0 end) over (
                partition by {{ keys }}, asset_class order by day, is_end
                rows between unbounded preceding and current row) as starts_so_far
        from (
            select {{ keys }}, asset_class, min(session_date) as day, 0 as is_end,
                any_value(weight) as weight
            from class_covered
            group by {{ keys }}, asset_class, calendar, t0_date
            union all
            select {{ keys }}, asset_class, max(session_date), 1, any_value(weight)
            from class_covered
            group by {{ keys }}, asset_class, calendar, t0_date
        ) as bounds
    ) as counted
    group by {{ keys }}, asset_class
),

class_date_pairs as (
    select {{ keys }}, asset_class, sum(n * (n - 1) / 2) as n_date_pairs
    from (
        select {{ keys }}, asset_class, t0_date, sum(weight) as n
        from observations
        group by {{ keys }}, asset_class, t0_date
    ) as dates
    group by {{ keys }}, asset_class
),

-- both groupings -----------------------------------------------------------------------------
asset_groups as (
    select
        asset_copies.event_type, asset_copies.linkage, asset_copies.window_label,
        asset_copies.asset_class, asset_copies.symbol,
        coalesce(asset_overlaps.overlap_sessions, 0) as overlap_sessions,
        coalesce(asset_overlaps.n_overlapping_pairs, 0) as n_overlapping_pairs,
        asset_copies.n_copy_pairs,
        asset_copies.copy_correlation_sum
    from asset_copies
    left join asset_overlaps
        on asset_copies.event_type = asset_overlaps.event_type
        and asset_copies.linkage = asset_overlaps.linkage
        and asset_copies.window_label = asset_overlaps.window_label
        and asset_copies.symbol = asset_overlaps.symbol
),

class_groups as (
    select
        class_date_pairs.event_type, class_date_pairs.linkage, class_date_pairs.window_label,
        class_date_pairs.asset_class,
        coalesce(class_shared.overlap_sessions, 0) as overlap_sessions,
        coalesce(class_apart.n * (class_apart.n - 1) / 2 - class_apart.n_apart
            - class_date_pairs.n_date_pairs, 0) as n_overlapping_pairs,
        class_date_pairs.n_date_pairs
    from class_date_pairs
    {% for name in ['class_shared', 'class_apart'] %}
    left join {{ name }}
        on class_date_pairs.event_type = {{ name }}.event_type
        and class_date_pairs.linkage = {{ name }}.linkage
        and class_date_pairs.window_label = {{ name }}.window_label
        and class_date_pairs.asset_class = {{ name }}.asset_class
    {% endfor %}
),

groups as (
    select {{ keys }}, 'asset' as grouping, symbol as group_key,
        overlap_sessions, overlap_sessions as overlap_sessions_same_asset, n_overlapping_pairs,
        n_copy_pairs as n_date_pairs, n_copy_pairs, copy_correlation_sum
    from asset_groups
    union all
    select
        class_groups.event_type, class_groups.linkage, class_groups.window_label,
        'asset_class', class_groups.asset_class,
        any_value(class_groups.overlap_sessions),
        sum(asset_groups.overlap_sessions),
        any_value(class_groups.n_overlapping_pairs),
        any_value(class_groups.n_date_pairs),
        sum(asset_groups.n_copy_pairs),
        sum(asset_groups.copy_correlation_sum)
    from class_groups
    inner join asset_groups
        on class_groups.event_type = asset_groups.event_type
        and class_groups.linkage = asset_groups.linkage
        and class_groups.window_label = asset_groups.window_label
        and class_groups.asset_class = asset_groups.asset_class
    group by class_groups.event_type, class_groups.linkage, class_groups.window_label,
        class_groups.asset_class
)

select
    event_type,
    linkage,
    grouping,
    group_key,
    window_label,
    cast(overlap_sessions as bigint) as overlap_sessions,
    cast(overlap_sessions_same_asset as bigint) as overlap_sessions_same_asset,
    cast(n_overlapping_pairs as bigint) as n_overlapping_pairs,
    cast(n_date_pairs as bigint) as n_date_pairs,
    cast(n_copy_pairs as bigint) as n_copy_pairs,
    cast(copy_correlation_sum as double) as copy_correlation_sum
from groups

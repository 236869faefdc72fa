-- One row per asset class, calendar, t0 date and estimation session: V and Q, the sums over the
-- class's (asset, t0) series with that calendar and t0 date whose CAR window is complete (the
-- members, see residual_group_members) of their standardised residuals u on the session and of
-- u^2, one pair of columns per CAR window (v_1, q_1 for the first of var('car_windows'), ...).
-- int_t0_residual_products multiplies them across calendars; int_event_type_month_sums
-- multiplies them with the residuals of the assets an event names (its linked and spill-over
-- groups).
-- Incremental: a date's sums change only when its members do (a new t0, a window completed, an
-- event gone); members_hash identifies them, and the dates whose members changed are replaced.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{{ replace_changed_residual_groups() }}"
) }}

{%- set windows = var('car_windows') %}

with groups as (
    select * from ({{ residual_groups() }}) as current_groups
    {% if is_incremental() %}
    where not exists (
        select 1 from {{ this }} as stored
        where stored.asset_class = current_groups.asset_class
            and stored.t0_date = current_groups.t0_date)
    {% endif %}
),

series as (
    select
        members.symbol,
        members.t0_index,
        members.asset_class,
        members.calendar,
        groups.members_hash,
        {% for window in windows %}
        bool_or(members.window_label = '{{ window_label(window) }}') as in_window_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from ({{ residual_group_members() }}) as members
    inner join groups
        on members.asset_class = groups.asset_class and members.t0_date = groups.t0_date
    group by all
),

residuals as (
    {{ estimation_residuals('series') }}
)

select
    asset_class,
    calendar,
    t0_date,
    session_date,
    any_value(members_hash) as members_hash,
    {% for window in windows %}
    {{ exact_sum('case when in_window_' ~ loop.index ~ ' then u end') }} as v_{{ loop.index }},
    {{ exact_sum('case when in_window_' ~ loop.index ~ ' then u * u end') }}
        as q_{{ loop.index }}
        {%- if not loop.last %},{% endif %}
    {% endfor %}
from residuals
group by asset_class, calendar, t0_date, session_date

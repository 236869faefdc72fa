-- One row per asset class, t0 date, CAR window and pair of calendars (c, c'): the sums the
-- Kolari-Pynnonen correlation of fct_event_type_impact is made of, over the (asset, t0) series
-- of the class on that date whose window is complete (the members):
--   cross_sum     sum over sessions of V_c * V_c', V_c the sum of the members' standardised
--                 residuals u on a session (int_t0_session_residual_sums);
--   square_sum    for c = c', the sum over sessions of the members' u^2 (else 0);
-- so that the pairs of members share sum_pairs u_a u_b = (cross_sum - square_sum) / 2: one pass
-- over the series, never over pairs.
-- Incremental: a date's sums change only when its members do (a new t0, a window completed, an
-- event gone); members_hash identifies them, and the dates whose members changed are replaced.
-- depends_on: {{ ref('int_asset_t0_impacts') }}, {{ ref('stg_assets') }}
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{{ replace_changed_residual_groups() }}"
) }}

{%- set windows = var('car_windows') %}

with session_sums as (
    select * from {{ ref('int_t0_session_residual_sums') }} as sums
    {% if is_incremental() %}
    where not exists (
        select 1 from {{ this }} as stored
        where stored.asset_class = sums.asset_class and stored.t0_date = sums.t0_date)
    {% endif %}
),

products as (
    select
        first.asset_class,
        first.t0_date,
        first.calendar as first_calendar,
        second.calendar as second_calendar,
        any_value(first.members_hash) as members_hash,
        {% for window in windows %}
        {{ exact_sum('first.v_' ~ loop.index ~ ' * second.v_' ~ loop.index) }}
            as cross_sum_{{ loop.index }},
        {{ exact_sum('case when first.calendar = second.calendar then first.q_'
                     ~ loop.index ~ ' end') }} as square_sum_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from session_sums as first
    inner join session_sums as second
        on first.asset_class = second.asset_class and first.t0_date = second.t0_date
        and first.session_date = second.session_date
    group by first.asset_class, first.t0_date, first.calendar, second.calendar
)

{% for window in windows %}
select
    asset_class,
    t0_date,
    '{{ window_label(window) }}' as window_label,
    first_calendar,
    second_calendar,
    cross_sum_{{ loop.index }} as cross_sum,
    coalesce(square_sum_{{ loop.index }}, 0) as square_sum,
    members_hash
from products
where cross_sum_{{ loop.index }} is not null  -- both calendars have members in the window
{% if not loop.last %}union all{% endif %}
{% endfor %}

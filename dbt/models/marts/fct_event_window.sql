-- One row per event, asset and relative session tau in [-event_window, +event_window]: the
-- return, what the asset's model expected, the abnormal return and the CAR from the window start.
-- Incremental: a daily run recomputes only the events whose windows have not all happened yet
-- (and new ones); settled events stay as they are. After changing a var, build --full-refresh.
{{ config(
    materialized='incremental',
    unique_key='event_id',
    incremental_strategy='delete+insert',
    on_schema_change='sync_all_columns',
    post_hook="delete from {{ this }} where event_id not in
               (select event_id from {{ ref('int_event_t0') }})"
) }}

with returns as (
    select * from {{ ref('int_event_returns') }}
    where tau between -{{ var('event_window') }} and {{ var('event_window') }}
    {% if is_incremental() %}
        and event_id not in (
            select event_id from {{ this }}
            group by event_id
            having bool_and(has_happened)
                and count(distinct tau) = 2 * {{ var('event_window') }} + 1
        )
    {% endif %}
),

models as (
    select * from {{ ref('int_expected_return_models') }}
),

expected as (
    select
        returns.*,
        models.model,
        case models.model
            when 'mean_adjusted' then models.alpha
            else models.alpha + models.beta * returns.benchmark_return
        end as expected_return
    from returns
    inner join models on returns.event_id = models.event_id and returns.symbol = models.symbol
)

select
    {{ surrogate_key(['event_id', 'symbol', 'tau']) }} as event_window_id,
    event_id,
    symbol,
    tau,
    session_date,
    t0_date,
    has_happened,
    close,
    volume,
    daily_return,
    spans_missing_bar,
    benchmark_return,
    model,
    expected_return,
    daily_return - expected_return as abnormal_return,
    {{ exact_sum('daily_return - expected_return', over='partition by event_id, symbol '
        ~ 'order by tau rows between unbounded preceding and current row') }} as car_to_date
from expected

-- One row per event, asset and relative session tau in [-event_window, +event_window]: the
-- return, what the asset's model expected, the abnormal return and the CAR from the window start.
with returns as (
    select * from {{ ref('int_event_returns') }}
    where tau between -{{ var('event_window') }} and {{ var('event_window') }}
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
    sum(daily_return - expected_return) over (
        partition by event_id, symbol order by tau rows between unbounded preceding and current row
    ) as car_to_date
from expected

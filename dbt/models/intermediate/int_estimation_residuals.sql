-- One row per event, asset and estimation-window session with a return: the residual of the
-- asset's expected-return model (what the type-level tests standardise and correlate).
with returns as (
    select * from {{ ref('int_event_returns') }}
    where tau between {{ var('estimation_start') }} and {{ var('estimation_end') }}
        and daily_return is not null
),

models as (
    select * from {{ ref('int_expected_return_models') }}
)

select
    returns.event_id,
    returns.symbol,
    returns.session_date,
    returns.daily_return - case models.model
        when 'mean_adjusted' then models.alpha
        else models.alpha + models.beta * returns.benchmark_return
    end as residual
from returns
inner join models on returns.event_id = models.event_id and returns.symbol = models.symbol
where models.model = 'mean_adjusted' or returns.benchmark_return is not null

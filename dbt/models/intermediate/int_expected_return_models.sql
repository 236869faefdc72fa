-- One row per event and asset: the expected-return model fitted on the estimation window
-- (tau in [estimation_start, estimation_end]).
--   market_model     R = alpha + beta * Rm by OLS, when the asset has a benchmark and at least
--                    min_market_model_obs paired observations;
--   market_adjusted  R - Rm, when it has a benchmark but fewer observations;
--   mean_adjusted    R - mean(R), when it has no benchmark (or too few paired returns);
-- and the residual variance each model's statistics use.
with estimation_window as (
    select *
    from {{ ref('int_event_returns') }}
    where tau between {{ var('estimation_start') }} and {{ var('estimation_end') }}
),

estimation as (
    select * from estimation_window where daily_return is not null
),

volumes as (
    -- the normal volume: every session of the window with a volume, with or without a return
    select event_id, symbol, avg(volume) as mean_volume
    from estimation_window
    group by event_id, symbol
),

fits as (
    select
        event_id,
        symbol,
        count(daily_return) as n_returns,
        avg(daily_return) as mean_return,
        var_samp(daily_return) as return_variance,
        cast(regr_count(daily_return, benchmark_return) as bigint) as n_paired,
        regr_intercept(daily_return, benchmark_return) as alpha,
        regr_slope(daily_return, benchmark_return) as beta,
        regr_avgx(daily_return, benchmark_return) as mean_benchmark_return,
        regr_sxx(daily_return, benchmark_return) as benchmark_sxx,
        var_samp(daily_return - benchmark_return) as excess_variance
    from estimation
    group by event_id, symbol
),

residuals as (
    select
        estimation.event_id,
        estimation.symbol,
        sum(power(estimation.daily_return - fits.alpha - fits.beta * estimation.benchmark_return, 2))
            / nullif(fits.n_paired - 2, 0) as residual_variance
    from estimation
    inner join fits on estimation.event_id = fits.event_id and estimation.symbol = fits.symbol
    where estimation.benchmark_return is not null
    group by estimation.event_id, estimation.symbol, fits.n_paired
),

chosen as (
    select
        fits.*,
        residuals.residual_variance,
        volumes.mean_volume,
        case
            when fits.n_paired >= {{ var('min_market_model_obs') }} and fits.benchmark_sxx > 0
                then 'market_model'
            when fits.n_paired >= {{ var('min_fallback_obs') }} then 'market_adjusted'
            when fits.n_returns >= {{ var('min_fallback_obs') }} then 'mean_adjusted'
        end as model
    from fits
    left join residuals on fits.event_id = residuals.event_id and fits.symbol = residuals.symbol
    left join volumes on fits.event_id = volumes.event_id and fits.symbol = volumes.symbol
)

select
    event_id,
    symbol,
    model,
    case model when 'market_model' then n_paired when 'market_adjusted' then n_paired
        else n_returns end as estimation_obs,
    case model when 'market_model' then alpha when 'mean_adjusted' then mean_return
        else 0 end as alpha,
    case model when 'market_model' then beta when 'market_adjusted' then 1 else 0 end as beta,
    case model
        when 'market_model' then residual_variance
        when 'market_adjusted' then excess_variance
        when 'mean_adjusted' then return_variance
    end as residual_variance,
    case model when 'market_model' then n_paired - 2 else
        case model when 'market_adjusted' then n_paired else n_returns end - 1
    end as degrees_of_freedom,
    mean_benchmark_return,
    benchmark_sxx,
    mean_volume
from chosen
where model is not null

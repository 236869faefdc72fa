-- One row per asset and session: the expected-return model that an event whose t0 is this
-- session is measured against, fitted on the asset's sessions tau in
-- [estimation_start, estimation_end] before it. Computed once per asset-session with window
-- sums (exact decimals, so the fit does not depend on row order), whatever the number of
-- events sharing the session:
--   market_model     R = alpha + beta * Rm by OLS, when the asset has a benchmark and at least
--                    min_market_model_obs paired observations;
--   market_adjusted  R - Rm, when it has a benchmark but fewer observations;
--   mean_adjusted    R - mean(R), when it has no benchmark (or too few paired returns);
-- with the residual variance each model's statistics use, and the mean and sum of squares of
-- its residuals about their mean (what the type-level tests standardise them by).
with sessions as (
    select
        symbol,
        session_index,
        session_date,
        daily_return as y,
        volume,
        -- the pairs the market model is fitted on: a return and its benchmark's
        case when benchmark_return is not null then daily_return end as paired_y,
        case when daily_return is not null then benchmark_return end as paired_x
    from {{ ref('int_asset_sessions') }}
),

window_sums as (
    select
        symbol,
        session_index,
        session_date,
        count(y) over estimation as n_returns,
        {{ exact_sum('y', window='estimation') }} as sum_y,
        {{ exact_sum('y * y', window='estimation') }} as sum_yy,
        count(paired_x) over estimation as n_paired,
        {{ exact_sum('paired_x', window='estimation') }} as sum_x,
        {{ exact_sum('paired_y', window='estimation') }} as sum_py,
        {{ exact_sum('paired_x * paired_x', window='estimation') }} as sum_xx,
        {{ exact_sum('paired_y * paired_y', window='estimation') }} as sum_pyy,
        {{ exact_sum('paired_x * paired_y', window='estimation') }} as sum_xy,
        {{ exact_sum('paired_y - paired_x', window='estimation') }} as sum_d,
        {{ exact_sum('(paired_y - paired_x) * (paired_y - paired_x)', window='estimation') }}
            as sum_dd,
        -- the normal volume: every session of the window with a volume, with or without a return
        {{ exact_sum('volume', window='estimation') }} / count(volume) over estimation
            as mean_volume
    from sessions
    window estimation as (
        partition by symbol order by session_index
        {{ session_frame(var('estimation_start'), var('estimation_end')) }}
    )
),

centred as (
    select
        *,
        sum_x / nullif(n_paired, 0) as mean_x,
        sum_xx - sum_x * sum_x / nullif(n_paired, 0) as sxx,
        sum_xy - sum_x * sum_py / nullif(n_paired, 0) as sxy,
        sum_pyy - sum_py * sum_py / nullif(n_paired, 0) as syy,
        (sum_yy - sum_y * sum_y / nullif(n_returns, 0)) / nullif(n_returns - 1, 0)
            as return_variance,
        (sum_dd - sum_d * sum_d / nullif(n_paired, 0)) / nullif(n_paired - 1, 0)
            as excess_variance
    from window_sums
),

fits as (
    select
        *,
        sxy / nullif(sxx, 0) as ols_beta,
        sum_py / nullif(n_paired, 0) - sxy / nullif(sxx, 0) * mean_x as ols_alpha,
        greatest(syy - sxy / nullif(sxx, 0) * sxy, 0) / nullif(n_paired - 2, 0)
            as ols_residual_variance,
        case
            when n_paired >= {{ var('min_market_model_obs') }} and sxx > 0 then 'market_model'
            when n_paired >= {{ var('min_fallback_obs') }} then 'market_adjusted'
            when n_returns >= {{ var('min_fallback_obs') }} then 'mean_adjusted'
        end as model
    from centred
)

select
    symbol,
    session_index,
    session_date,
    model,
    case model when 'mean_adjusted' then n_returns else n_paired end as estimation_obs,
    case model when 'market_model' then ols_alpha when 'mean_adjusted' then sum_y / n_returns
        else 0 end as alpha,
    case model when 'market_model' then ols_beta when 'market_adjusted' then 1 else 0 end as beta,
    case model
        when 'market_model' then ols_residual_variance
        when 'market_adjusted' then excess_variance
        when 'mean_adjusted' then return_variance
    end as residual_variance,
    case model when 'market_model' then n_paired - 2 when 'market_adjusted' then n_paired - 1
        else n_returns - 1 end as degrees_of_freedom,
    mean_x as mean_benchmark_return,
    sxx as benchmark_sxx,
    mean_volume,
    -- residuals about their mean (OLS and mean-adjusted residuals average zero)
    case model when 'market_adjusted' then sum_d / n_paired else 0 end as residual_mean,
    case model
        when 'market_model' then ols_residual_variance * (n_paired - 2)
        when 'market_adjusted' then excess_variance * (n_paired - 1)
        when 'mean_adjusted' then return_variance * (n_returns - 1)
    end as residual_sum_squares
from fits
where model is not null

-- One row per event type, linkage, group (one asset, or one asset class) and CAR window: how
-- events of a type moved the group on average, apart for the assets the events name (linkage
-- 'linked') and every other asset ('spillover'), with four tests over the N complete (event,
-- asset) pairs:
--   cross-sectional t   CAAR / (sd(CAR) / sqrt(N)), Student t with N - 1 df;
--   Patell Z            sum(SCAR) / sqrt(sum(df / (df - 2))), SCAR = CAR / its standard error;
--   BMP t               mean(SCAR) / (sd(SCAR) / sqrt(N)) (Boehmer, Musumeci & Poulsen 1991),
--                       and its Kolari-Pynnonen (2010) adjustment for pairs that share an event
--                       date: t * sqrt((1 - r) / (1 + (N - 1) r)), r the mean correlation of the
--                       pairs' estimation residuals (pairs on different dates count as 0);
--   generalized sign Z  (w - N p) / sqrt(N p (1 - p)), w the positive CARs, p the share of
--                       positive residuals in the pairs' estimation windows (Cowan 1992).
--
-- Computed at the grain where the numbers live: an (asset, t0) pair's CAR is the same for
-- every event that shares the t0, so each complete (asset, t0, window) enters a type's group
-- once, weighted by n_events, the number of the type's events with that t0 (never one row per
-- event and asset, which is a product). The sums are kept by month of t0 in
-- int_event_type_month_sums, so that a daily run adds up months instead of rereading every
-- (asset, t0); here they are added up and the spreads taken from them:
-- sum (x - mean)^2 = sum x^2 - mean * sum x.
with month_sums as (
    select * from {{ ref('int_event_type_month_sums') }}
),

sums as (
    select
        event_type,
        linkage,
        grouping,
        group_key,
        window_label,
        any_value(window_start) as window_start,
        any_value(window_end) as window_end,
        sum(n) as n,
        sum(n_dates) as n_dates,
        sum(n_series) as n_series,
        sum(car_sum) as car_sum,
        sum(car_square_sum) as car_square_sum,
        sum(scar_sum) as scar_sum,
        sum(scar_square_sum) as scar_square_sum,
        sum(scar_variance_sum) as scar_variance_sum,
        sum(share_positive_sum) as share_positive_sum,
        sum(n_positive) as n_positive,
        sum(correlation_sum) as correlation_sum
    from month_sums
    group by event_type, linkage, grouping, group_key, window_label
),

aggregated as (
    select
        event_type,
        linkage,
        grouping,
        group_key,
        window_label,
        window_start,
        window_end,
        n,
        n_dates,
        n_series,
        cast(car_sum as double) / n as caar,
        sqrt(greatest(cast(car_square_sum as double) - cast(car_sum as double) / n
            * cast(car_sum as double), 0) / nullif(n - 1, 0)) as car_sd,
        cast(scar_sum as double) / n as mean_scar,
        sqrt(greatest(cast(scar_square_sum as double) - cast(scar_sum as double) / n
            * cast(scar_sum as double), 0) / nullif(n - 1, 0)) as scar_sd,
        cast(scar_sum as double) as scar_sum,
        cast(scar_variance_sum as double) as scar_variance_sum,
        n_positive,
        cast(share_positive_sum as double) / n as expected_share_positive,
        cast(correlation_sum as double) as correlation_sum
    from sums
),

statistics as (
    select
        aggregated.*,
        correlation_sum / nullif(n * (n - 1) / 2.0, 0) as mean_residual_correlation,
        -- one (asset, t0) series repeated (events sharing a t0) has no spread: no t-test
        case when n_series > 1 then caar / (car_sd / sqrt(n)) end as cross_sectional_t,
        scar_sum / sqrt(scar_variance_sum) as patell_z,
        case when n_series > 1 then mean_scar / (scar_sd / sqrt(n)) end as bmp_t,
        (n_positive - n * expected_share_positive)
            / sqrt(n * expected_share_positive * (1 - expected_share_positive)) as sign_z
    from aggregated
),

adjusted as (
    select
        *,
        -- undefined when the pairs are (nearly) one observation: r = 1, or r <= -1 / (N - 1)
        case when mean_residual_correlation < 1 and 1 + (n - 1) * mean_residual_correlation > 0
            then bmp_t * sqrt((1 - mean_residual_correlation)
                / (1 + (n - 1) * mean_residual_correlation))
        end as kolari_pynnonen_t
    from statistics
)

select
    {{ surrogate_key(['event_type', 'linkage', 'grouping', 'group_key', 'window_label']) }}
        as event_type_impact_id,
    event_type,
    linkage,
    grouping,
    group_key,
    window_label,
    window_start,
    window_end,
    -- counts as BIGINT (sums of counts are HUGEINT, which BI tools read as strings or doubles)
    cast(n as bigint) as n,
    cast(n_dates as bigint) as n_dates,
    cast(n_series as bigint) as n_series,
    n_dates < n as has_clustered_dates,
    caar,
    cross_sectional_t,
    {{ student_t_p_value('cross_sectional_t', 'n - 1') }} as cross_sectional_p,
    patell_z,
    {{ normal_p_value('patell_z') }} as patell_p,
    bmp_t,
    {{ student_t_p_value('bmp_t', 'n - 1') }} as bmp_p,
    mean_residual_correlation,
    kolari_pynnonen_t,
    {{ student_t_p_value('kolari_pynnonen_t', 'n - 1') }} as kolari_pynnonen_p,
    cast(n_positive as bigint) as n_positive,
    expected_share_positive,
    sign_z,
    {{ normal_p_value('sign_z') }} as sign_p
from adjusted

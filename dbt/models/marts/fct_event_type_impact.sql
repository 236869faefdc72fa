-- One row per event type, linkage, group (one asset, or one asset class) and CAR window: how
-- the type's events (one per happening) moved the group on average, apart for the assets the
-- events name (linkage 'linked') and every other asset ('spillover'), with tests over the N
-- complete (event, asset) pairs that know the pairs are not independent. Two pairs' CARs are
-- correlated when they share sessions: c = rho * shared sessions / L, L the window's length and
-- rho their residual correlation - 1 for one asset; for two assets on one t0 date, the
-- correlation of their estimation residuals (Kolari & Pynnonen 2010); for two assets on
-- different dates, the mean of the group's same-date correlations of two assets (0 if none).
-- rbar is the mean c over all N(N-1)/2 pairs and n_effective = N / (1 + (N - 1) rbar), the
-- number of independent observations the pairs are worth.
--   cross-sectional t   CAAR / (sd(CAR) / sqrt(N)) * sqrt((1 - rbar) / (1 + (N - 1) rbar)),
--                       Student t with N - 1 df;
--   Patell Z            sum(SCAR) / sqrt(sum(df / (df - 2))) / sqrt(1 + (N - 1) rbar), SCAR =
--                       CAR / its standard error (the adjusted Patell test, KP 2010);
--   Kolari-Pynnonen t   the BMP t (Boehmer, Musumeci & Poulsen 1991), mean(SCAR) / (sd(SCAR) /
--                       sqrt(N)), times sqrt((1 - rbar) / (1 + (N - 1) rbar));
--   generalized sign Z  (w - N p) / sqrt(N p (1 - p)) / sqrt(1 + (N - 1) (2 / pi) asin(rbar)),
--                       w the positive CARs, p the share of positive residuals in the pairs'
--                       estimation windows (Cowan 1992); signs correlate by (2 / pi) asin of
--                       their CARs' correlation;
--   Corrado rank Z      the sum over the pairs of their window days' centred ranks U among the
--                       t0's estimation and event days (int_asset_t0_ranks) over the square
--                       root of its variance with no event, sum of L (T - 1) / (12 (T + 1)),
--                       times 1 + (N - 1) rbar (Corrado 1989; Cowan 1992): free of the
--                       returns' distribution and of event-induced variance;
--   GRANK Z             the window as one day (Kolari & Pynnonen 2011): each pair's SCAR
--                       ranked among the sums of L consecutive estimation residuals over
--                       s sqrt(L), U summed over the pairs against sum (T - 1) / (12 (T + 1))
--                       times 1 + (N - 1) rbar;
--   calendar-time Z     the group's windows as one portfolio per date (Jaffe 1974, Mandelker
--                       1974): each date's mean standardised AR, summed over the D dates, over
--                       the square root of its variance with no event, sum over the dates of
--                       ((1 - rho) sum_a c_a^2 + rho W^2) / W^2 (int_event_type_calendar_
--                       portfolios), rho the mean correlation of two assets on one date: one
--                       asset's overlapping windows are one return on each date they share.
-- The two cross-sectional tests need a spread of independent observations: they are null when
-- n_effective < 2 (two overlapping windows of one asset are nearly one observation).
--
-- Computed at the grain where the numbers live: an (asset, t0) pair's CAR is the same for
-- every event that shares the t0, so each complete (asset, t0, window) enters a type's group
-- once, weighted by n_events, the number of the type's events with that t0 (never one row per
-- event and asset, which is a product). The sums are kept by month of t0 in
-- int_event_type_month_sums, so that a daily run adds up months instead of rereading every
-- (asset, t0); the overlaps across dates come from int_event_type_overlaps; here they are
-- added up and the spreads taken from them: sum (x - mean)^2 = sum x^2 - mean * sum x.
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
        sum(rank_sum) as rank_sum,
        sum(rank_variance_sum) as rank_variance_sum,
        sum(grank_sum) as grank_sum,
        sum(grank_variance_sum) as grank_variance_sum,
        sum(correlation_sum) as correlation_sum
    from month_sums
    group by event_type, linkage, grouping, group_key, window_label
),

with_overlaps as (
    select
        sums.*,
        overlap.overlap_sessions,
        overlap.overlap_sessions_same_asset,
        overlap.n_overlapping_pairs,
        overlap.n_date_pairs,
        overlap.n_copy_pairs,
        overlap.copy_correlation_sum,
        portfolio.calendar_return_sum,
        portfolio.calendar_days,
        portfolio.calendar_concentration_sum
    from sums
    inner join {{ ref('int_event_type_overlaps') }} as overlap
        on sums.event_type = overlap.event_type and sums.linkage = overlap.linkage
        and sums.grouping = overlap.grouping and sums.group_key = overlap.group_key
        and sums.window_label = overlap.window_label
    left join (
        select event_type, linkage, grouping, group_key, window_label,
            cast(sum(calendar_return_sum) as double) as calendar_return_sum,
            sum(calendar_days) as calendar_days,
            cast(sum(calendar_concentration_sum) as double) as calendar_concentration_sum
        from {{ ref('int_event_type_calendar_portfolios') }}
        group by event_type, linkage, grouping, group_key, window_label
    ) as portfolio
        on sums.event_type = portfolio.event_type and sums.linkage = portfolio.linkage
        and sums.grouping = portfolio.grouping and sums.group_key = portfolio.group_key
        and sums.window_label = portfolio.window_label
),

-- The spreads sum (x - mean)^2 from the exact sums in exact decimals: around c, the mean
-- rounded to 1e-9, sum (x - c)^2 = sum x^2 - 2 c sum x + n c^2 is exact (scale 27, so below
-- 1e11: sum x^2 < 1e10 is checked, and above it the double formula sum x^2 - mean sum x is
-- kept), less n (mean - c)^2 = (sum x - n c)^2 / n, below n 2.5e-19. The double formula alone
-- loses eps sum x^2 to cancellation (2e-10 of a t of nearly equal CARs); what is left is the
-- rounding of each x^2 to a double and to 18 decimals in the sums.
{%- set car_shift = 'cast(cast(car_sum as double) / n as decimal(38, 9))' %}
{%- set scar_shift = 'cast(cast(scar_sum as double) / n as decimal(38, 9))' %}
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
        sqrt(greatest(case when cast(car_square_sum as double) < 1e10
            then cast(car_square_sum - 2 * {{ car_shift }} * car_sum
                + n * {{ car_shift }} * {{ car_shift }} as double)
                - pow(cast(car_sum - n * {{ car_shift }} as double), 2) / n
            else cast(car_square_sum as double) - cast(car_sum as double) / n
                * cast(car_sum as double) end, 0) / nullif(n - 1, 0)) as car_sd,
        cast(scar_sum as double) / n as mean_scar,
        sqrt(greatest(case when cast(scar_square_sum as double) < 1e10
            then cast(scar_square_sum - 2 * {{ scar_shift }} * scar_sum
                + n * {{ scar_shift }} * {{ scar_shift }} as double)
                - pow(cast(scar_sum - n * {{ scar_shift }} as double), 2) / n
            else cast(scar_square_sum as double) - cast(scar_sum as double) / n
                * cast(scar_sum as double) end, 0) / nullif(n - 1, 0)) as scar_sd,
        cast(scar_sum as double) as scar_sum,
        cast(scar_variance_sum as double) as scar_variance_sum,
        n_positive,
        cast(share_positive_sum as double) / n as expected_share_positive,
        cast(rank_sum as double) as rank_sum,
        cast(rank_variance_sum as double) as rank_variance_sum,
        cast(grank_sum as double) as grank_sum,
        cast(grank_variance_sum as double) as grank_variance_sum,
        cast(correlation_sum as double) as correlation_sum,
        overlap_sessions,
        overlap_sessions_same_asset,
        n_overlapping_pairs,
        -- the mean correlation of two assets on one date (0 where the group has no such pair)
        coalesce((cast(correlation_sum as double) - copy_correlation_sum)
            / nullif(n_date_pairs - n_copy_pairs, 0), 0) as cross_asset_correlation,
        calendar_return_sum,
        calendar_days,
        calendar_concentration_sum
    from with_overlaps
),

statistics as (
    select
        aggregated.*,
        -- the pairs on different dates: one asset's at correlation 1, two assets' at
        -- cross_asset_correlation, each times its shared sessions over L
        (overlap_sessions_same_asset + cross_asset_correlation
            * (overlap_sessions - overlap_sessions_same_asset))
            / (window_end - window_start + 1.0) as overlap_correlation_sum,
        -- the calendar-time portfolios' variance, sum over the dates of V_d
        (1 - cross_asset_correlation) * calendar_concentration_sum
            + cross_asset_correlation * calendar_days as calendar_variance
    from aggregated
),

naive as (
    select
        statistics.*,
        correlation_sum / nullif(n * (n - 1) / 2.0, 0) as mean_residual_correlation,
        (correlation_sum + overlap_correlation_sum) / nullif(n * (n - 1) / 2.0, 0)
            as mean_pair_correlation,
        -- one (asset, t0) series repeated (events sharing a t0) has no spread: no t-test
        case when n_series > 1 then caar / (car_sd / sqrt(n)) end as naive_cross_sectional_t,
        scar_sum / sqrt(scar_variance_sum) as naive_patell_z,
        case when n_series > 1 then mean_scar / (scar_sd / sqrt(n)) end as bmp_t,
        (n_positive - n * expected_share_positive)
            / sqrt(n * expected_share_positive * (1 - expected_share_positive)) as naive_sign_z
    from statistics
),

adjusted as (
    select
        *,
        n / (1 + (n - 1) * coalesce(mean_pair_correlation, 0)) as n_effective,
        -- the variance of a sum of N correlated unit terms is N (1 + (N - 1) rbar)
        1 + (n - 1) * coalesce(mean_pair_correlation, 0) as variance_inflation,
        -- a cross-sectional spread shrinks by (1 - rbar) where the terms move together
        case when mean_pair_correlation < 1
                and 1 + (n - 1) * coalesce(mean_pair_correlation, 0) > 0
            then sqrt((1 - coalesce(mean_pair_correlation, 0))
                / (1 + (n - 1) * coalesce(mean_pair_correlation, 0)))
        end as cross_sectional_factor
    from naive
),

tests as (
    select
        *,
        case when n_effective >= 2 - 1e-9 then naive_cross_sectional_t * cross_sectional_factor end
            as cross_sectional_t,
        naive_patell_z / sqrt(variance_inflation) as patell_z,
        case when n_effective >= 2 - 1e-9 then bmp_t * cross_sectional_factor end as kolari_pynnonen_t,
        -- two signs correlate less than their CARs: (2 / pi) asin(c) for normal ones (Sheppard);
        -- rbar rounded to 1e-12 first, since asin's slope is infinite at 1 (copies of one series
        -- have rbar 1 to the last bit of its sums, which asin would turn into 1e-8)
        naive_sign_z / sqrt(1 + (n - 1) * 2 / pi() * asin(least(greatest(
            round(coalesce(mean_pair_correlation, 0), 12), -1), 1))) as sign_z,
        -- the ranks' sum against its variance with no event, times the same inflation
        case when rank_variance_sum * variance_inflation > 0
            then rank_sum / sqrt(rank_variance_sum * variance_inflation) end as corrado_z,
        case when grank_variance_sum * variance_inflation > 0
            then grank_sum / sqrt(grank_variance_sum * variance_inflation) end as grank_z,
        case when calendar_variance > 0
            then calendar_return_sum / sqrt(calendar_variance) end as calendar_time_z
    from adjusted
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
    cast(n_overlapping_pairs as bigint) as n_overlapping_pairs,
    n_effective,
    mean_pair_correlation,
    caar,
    cross_sectional_t,
    -- each p-value beside its log10 (<p>_log10), which goes on where p underflows (below
    -- 1e-308) and so still orders the strongest results
    {{ student_t_p_value('cross_sectional_t', 'n - 1') }} as cross_sectional_p,
    {{ student_t_log10_p_value('cross_sectional_t', 'n - 1') }} as cross_sectional_p_log10,
    patell_z,
    {{ normal_p_value('patell_z') }} as patell_p,
    {{ normal_log10_p_value('patell_z') }} as patell_p_log10,
    mean_residual_correlation,
    kolari_pynnonen_t,
    {{ student_t_p_value('kolari_pynnonen_t', 'n - 1') }} as kolari_pynnonen_p,
    {{ student_t_log10_p_value('kolari_pynnonen_t', 'n - 1') }} as kolari_pynnonen_p_log10,
    cast(n_positive as bigint) as n_positive,
    expected_share_positive,
    sign_z,
    {{ normal_p_value('sign_z') }} as sign_p,
    {{ normal_log10_p_value('sign_z') }} as sign_p_log10,
    corrado_z,
    {{ normal_p_value('corrado_z') }} as corrado_p,
    {{ normal_log10_p_value('corrado_z') }} as corrado_p_log10,
    grank_z,
    {{ normal_p_value('grank_z') }} as grank_p,
    {{ normal_log10_p_value('grank_z') }} as grank_p_log10,
    cast(calendar_days as bigint) as calendar_days,
    calendar_time_z,
    {{ normal_p_value('calendar_time_z') }} as calendar_time_p,
    {{ normal_log10_p_value('calendar_time_z') }} as calendar_time_p_log10
from tests

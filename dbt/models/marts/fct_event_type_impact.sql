-- One row per event type, group (one asset, or one asset class) and CAR window: how events of a
-- type moved the group on average, with four tests over the N complete (event, asset) pairs:
--   cross-sectional t   CAAR / (sd(CAR) / sqrt(N)), Student t with N - 1 df;
--   Patell Z            sum(SCAR) / sqrt(sum(df / (df - 2))), SCAR = CAR / its standard error;
--   BMP t               mean(SCAR) / (sd(SCAR) / sqrt(N)) (Boehmer, Musumeci & Poulsen 1991),
--                       and its Kolari-Pynnonen (2010) adjustment for pairs that share an event
--                       date: t * sqrt((1 - r) / (1 + (N - 1) r)), r the mean correlation of the
--                       pairs' estimation residuals (pairs on different dates count as 0);
--   generalized sign Z  (w - N p) / sqrt(N p (1 - p)), w the positive CARs, p the share of
--                       positive residuals in the pairs' estimation windows (Cowan 1992).
with impacts as (
    select
        impact.*,
        event.event_type,
        asset.asset_class
    from {{ ref('fct_event_impact') }} as impact
    inner join {{ ref('dim_event') }} as event on impact.event_id = event.event_id
    inner join {{ ref('dim_asset') }} as asset on impact.symbol = asset.symbol
    where impact.is_complete and impact.car_t is not null
),

members as (
    select event_type, 'asset' as grouping, symbol as group_key, asset_class, * exclude
        (event_type, asset_class)
    from impacts
    union all
    select event_type, 'asset_class', asset_class, asset_class, * exclude (event_type, asset_class)
    from impacts
),

residuals as (
    select * from {{ ref('int_estimation_residuals') }}
),

positive_shares as (
    select event_id, symbol, avg(case when residual > 0 then 1.0 else 0.0 end) as share_positive
    from residuals
    group by event_id, symbol
),

-- residual correlation of every two pairs of one event type and asset class on one event date
date_mates as (
    select distinct
        first.event_id as first_event, first.symbol as first_symbol,
        second.event_id as second_event, second.symbol as second_symbol
    from impacts as first
    inner join impacts as second
        on first.event_type = second.event_type
        and first.asset_class = second.asset_class
        and first.t0_date = second.t0_date
        and (first.event_id, first.symbol) < (second.event_id, second.symbol)
),

correlations as (
    select
        date_mates.first_event, date_mates.first_symbol,
        date_mates.second_event, date_mates.second_symbol,
        -- identical series (one asset, two events on one date) can round past 1
        least(1.0, greatest(-1.0, corr(first.residual, second.residual))) as correlation
    from date_mates
    inner join residuals as first
        on first.event_id = date_mates.first_event and first.symbol = date_mates.first_symbol
    inner join residuals as second
        on second.event_id = date_mates.second_event and second.symbol = date_mates.second_symbol
        and second.session_date = first.session_date
    group by all
),

group_correlations as (
    select
        first.event_type, first.grouping, first.group_key, first.window_label,
        sum(coalesce(correlations.correlation, 0)) as correlation_sum,
        count(*) as date_mate_pairs
    from members as first
    inner join members as second
        on first.event_type = second.event_type and first.grouping = second.grouping
        and first.group_key = second.group_key and first.window_label = second.window_label
        and first.t0_date = second.t0_date
        and (first.event_id, first.symbol) < (second.event_id, second.symbol)
    left join correlations
        on correlations.first_event = first.event_id and correlations.first_symbol = first.symbol
        and correlations.second_event = second.event_id
        and correlations.second_symbol = second.symbol
    group by all
),

aggregated as (
    select
        members.event_type,
        members.grouping,
        members.group_key,
        members.window_label,
        any_value(members.window_start) as window_start,
        any_value(members.window_end) as window_end,
        count(*) as n,
        count(distinct members.t0_date) as n_dates,
        avg(members.car) as caar,
        stddev_samp(members.car) as car_sd,
        avg(members.car_t) as mean_scar,
        stddev_samp(members.car_t) as scar_sd,
        sum(members.car_t) as scar_sum,
        sum(members.degrees_of_freedom / (members.degrees_of_freedom - 2.0)) as scar_variance_sum,
        count(case when members.car > 0 then 1 end) as n_positive,
        avg(positive_shares.share_positive) as expected_share_positive
    from members
    left join positive_shares
        on members.event_id = positive_shares.event_id and members.symbol = positive_shares.symbol
    group by members.event_type, members.grouping, members.group_key, members.window_label
),

statistics as (
    select
        aggregated.*,
        coalesce(group_correlations.correlation_sum, 0) / nullif(n * (n - 1) / 2.0, 0)
            as mean_residual_correlation,
        caar / (car_sd / sqrt(n)) as cross_sectional_t,
        scar_sum / sqrt(scar_variance_sum) as patell_z,
        mean_scar / (scar_sd / sqrt(n)) as bmp_t,
        (n_positive - n * expected_share_positive)
            / sqrt(n * expected_share_positive * (1 - expected_share_positive)) as sign_z
    from aggregated
    left join group_correlations
        on aggregated.event_type = group_correlations.event_type
        and aggregated.grouping = group_correlations.grouping
        and aggregated.group_key = group_correlations.group_key
        and aggregated.window_label = group_correlations.window_label
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
    {{ surrogate_key(['event_type', 'grouping', 'group_key', 'window_label']) }}
        as event_type_impact_id,
    event_type,
    grouping,
    group_key,
    window_label,
    window_start,
    window_end,
    n,
    n_dates,
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
    n_positive,
    expected_share_positive,
    sign_z,
    {{ normal_p_value('sign_z') }} as sign_p
from adjusted

-- One row per asset, t0 session and event aligned to it: the candidate causes of the asset's
-- move that session, each with the evidence that it caused it, a score and its rank
-- (candidate_rank 1 is the lead event of int_asset_t0_events and fct_asset_move).
--
-- The rule. The move to explain is the asset's abnormal return on t0 in standard errors, its
-- [0,0] car_t (move_z). An event bears on it through the assets of the universe its news names
-- (int_event_linked_assets): a named asset b that moved named_move_z on its own t0 for the
-- event (its [0,0] car_t), and whose abnormal returns move with the asset's with correlation
-- rho (residual_correlation), predicts rho * named_move_z for the asset - what a standardised
-- variable is expected to be given a correlated one. b's evidence is that prediction in the
-- direction the asset moved, rho * named_move_z * sign(move_z). Noise is no evidence: a named
-- asset whose move is less than two standard errors (|named_move_z| < 2), or whose correlation
-- with the asset is less than two standard errors from zero (|rho| < 2 / sqrt(n), n the days it
-- is measured on), gives 0 - a large move times a correlation that is only noise, or a
-- correlated asset that did not move, says nothing. When the asset's own move is not
-- significant (|move_z| < 2, or no move_z: t0 has not happened or has no bar) its direction is
-- unknown and the evidence is the size of the predicted move, |rho * named_move_z|. An event's
-- score is the best of its named assets' evidence (best_named_symbol; among equals one of the
-- asset's sector, then by symbol). So:
--   - an event that names the asset (linked) explains it directly: its best named asset is the
--     asset itself (rho = 1), its score |move_z|, the size of the move; linked events rank
--     before all others;
--   - an event whose named assets moved hard the same way and co-move with the asset scores
--     high, in the units of move_z;
--   - an event that names no asset of the universe, or only assets that did not move or do not
--     co-move with the asset, scores 0 (and has no best named asset);
--   - an event scores below 0 only when the asset moved significantly and every asset the
--     event names moved and co-moves with it, against its move.
-- Rank: linked events first, then by score (highest first), then the events that name an asset
-- of the asset's own sector (stg_assets.sector), then the most articles, the earliest
-- first_seen_at and the event id, so the order never depends on row order. Articles only break
-- ties: the most covered event of the day leads an asset only when nothing explains its move
-- better.
--
-- The correlation is that of the two assets' daily abnormal returns as the event study
-- measures them - each session's return less what the market model fitted for that session
-- (int_market_models, on the sessions before it) expected, which is what t0's own [0,0]
-- abnormal return is - over the 12 calendar months before the month holding the asset's last
-- estimation session (t0 + estimation_end), so the days around the event never enter it. As
-- in the type-level tests (estimation_residuals), each series is scaled by its own sum of
-- squares over those months and the products are summed over the days both have, so rho is in
-- [-1, 1]; abnormal returns average about zero and are not centred. It needs
-- min_market_model_obs common days; with fewer there is none.
--
-- Cost: the products of two assets' abnormal returns are
-- summed once per pair and calendar month (each pair of assets one of which an event names, one
-- pass over the days both have), rolled up over 12 months, and each (asset, t0, named asset)
-- reads its correlation from the month its window ends in; no series is expanded over its
-- estimation window per named asset (240 rows for each).
-- Incremental: the t0s from the earliest day new data can change (t0_months_from, as for the
-- type-level month sums) are ranked again, reading only the months their windows need; earlier
-- rankings are final.
-- depends_on: {{ ref('int_articles') }}, {{ ref('stg_news_items') }}
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{% if is_incremental() %}delete from {{ this }}
              where t0_date >= {{ t0_months_from() }}{% endif %}"
) }}

{%- set window_months = 12 %}
{#- a move or a correlation counts from two standard errors from zero; below, it is noise #}
{%- set significant = 2 %}
{%- set months_frame = 'range between ' ~ (window_months - 1) ~ ' preceding and current row' %}

with events as (
    select event_id, count(*) as n_articles, min(first_seen_at) as first_seen_at
    from {{ ref('int_event_articles') }}
    group by event_id
),

assets as (
    select symbol, sector from {{ ref('stg_assets') }}
),

-- each (asset, t0)'s move in standard errors: the t-statistic of its [0,0] abnormal return
moves as (
    select symbol, t0_index, car_t as move_z
    from {{ ref('int_asset_t0_impacts') }}
    where window_start = 0 and window_end = 0
),

aligned as (
    select
        t0.symbol,
        t0.t0_index,
        t0.t0_date,
        t0.event_id,
        linked.event_id is not null as is_linked,
        event.n_articles,
        event.first_seen_at
    from {{ ref('int_event_t0') }} as t0
    inner join events as event on t0.event_id = event.event_id
    left join {{ ref('int_event_linked_assets') }} as linked
        on t0.event_id = linked.event_id and t0.symbol = linked.symbol
    {% if is_incremental() %}
    where t0.t0_date >= {{ t0_months_from() }}
    {% endif %}
),

-- the assets of the universe each event names, with their own move on their t0 for it
named as (
    select
        linked.event_id,
        linked.symbol as named_symbol,
        asset.sector,
        moves.move_z as named_move_z
    from {{ ref('int_event_linked_assets') }} as linked
    inner join {{ ref('int_event_t0') }} as t0
        on linked.event_id = t0.event_id and linked.symbol = t0.symbol
    inner join assets as asset on linked.symbol = asset.symbol
    left join moves on t0.symbol = moves.symbol and t0.t0_index = moves.t0_index
    {% if is_incremental() %}
    where linked.event_id in (select distinct event_id from aligned)
    {% endif %}
),

named_counts as (
    select event_id, count(*) as n_named_assets from named group by event_id
),

-- the sectors an event names an asset of (the tie-breaker after the score)
named_sectors as (
    select distinct event_id, sector from named where sector is not null
),

-- the last month of each (asset, t0)'s correlation window: the one before the month of its
-- last estimation session
windows as (
    select
        t0s.symbol,
        t0s.t0_index,
        year(sessions.session_date) * 12 + month(sessions.session_date) - 1 as window_month
    from (select distinct symbol, t0_index from aligned) as t0s
    inner join {{ ref('int_asset_sessions') }} as sessions
        on t0s.symbol = sessions.symbol
        and sessions.session_index = t0s.t0_index + {{ var('estimation_end') }}
),

-- every priced session's abnormal return under the model fitted for that session, in the
-- months the windows need
abnormal as (
    select
        sessions.symbol,
        sessions.session_date,
        year(sessions.session_date) * 12 + month(sessions.session_date) as month_index,
        sessions.daily_return - case models.model
            when 'mean_adjusted' then models.alpha
            else models.alpha + models.beta * sessions.benchmark_return
        end as abnormal_return,
        named_symbols.named_symbol is not null as is_named
    from {{ ref('int_asset_sessions') }} as sessions
    inner join {{ ref('int_market_models') }} as models
        on sessions.symbol = models.symbol and sessions.session_index = models.session_index
    left join (select distinct named_symbol from named) as named_symbols
        on sessions.symbol = named_symbols.named_symbol
    where sessions.daily_return is not null
        and (models.model = 'mean_adjusted' or sessions.benchmark_return is not null)
        and year(sessions.session_date) * 12 + month(sessions.session_date)
            between (select min(window_month) - {{ window_months - 1 }} from windows)
            and (select max(window_month) from windows)
),

asset_months as (
    select
        symbol,
        month_index,
        {{ exact_sum('abnormal_return * abnormal_return', keep_decimal=true) }} as square_sum
    from abnormal
    group by symbol, month_index
),

-- the one pass over pairs: two assets, one of which some event names, on the days both have,
-- summed by month; each pair once (first_symbol < second_symbol), the sum being symmetric
pair_months as (
    select
        first.symbol as first_symbol,
        second.symbol as second_symbol,
        first.month_index,
        {{ exact_sum('first.abnormal_return * second.abnormal_return', keep_decimal=true) }}
            as cross_sum,
        count(*) as common_days
    from abnormal as first
    inner join abnormal as second
        on first.session_date = second.session_date and first.symbol < second.symbol
    where first.is_named or second.is_named
    group by first.symbol, second.symbol, first.month_index
),

-- the same sums over the 12 months ending with each month
asset_windows as (
    select
        symbol,
        month_index,
        {{ exact_sum('square_sum', over='partition by symbol order by month_index '
                     ~ months_frame) }} as square_sum
    from asset_months
),

pair_windows as (
    select
        first_symbol,
        second_symbol,
        month_index,
        {{ exact_sum('cross_sum', over='partition by first_symbol, second_symbol '
                     ~ 'order by month_index ' ~ months_frame) }} as cross_sum,
        sum(common_days) over (
            partition by first_symbol, second_symbol order by month_index {{ months_frame }}
        ) as common_days
    from pair_months
),

-- the correlations that count: on enough common days, and two standard errors of a
-- correlation (1 / sqrt(days)) from zero, or they are taken for noise
correlations as (
    select
        first_symbol,
        second_symbol,
        month_index,
        residual_correlation
    from (
        select
            pair.first_symbol,
            pair.second_symbol,
            pair.month_index,
            pair.common_days,
            pair.cross_sum / sqrt(first.square_sum * second.square_sum) as residual_correlation
        from pair_windows as pair
        inner join asset_windows as first
            on pair.first_symbol = first.symbol and pair.month_index = first.month_index
        inner join asset_windows as second
            on pair.second_symbol = second.symbol and pair.month_index = second.month_index
        where pair.common_days >= {{ var('min_market_model_obs') }}
            and first.square_sum > 0 and second.square_sum > 0
    ) as measured
    where abs(residual_correlation) * sqrt(common_days) >= {{ significant }}
),

-- an unlinked candidate's evidence through each named asset that moved and co-moves with the
-- asset (the others give none, 0)
evidence as (
    select
        named_pairs.symbol,
        named_pairs.t0_index,
        named_pairs.event_id,
        named_pairs.named_symbol,
        named_pairs.named_move_z,
        correlations.residual_correlation,
        coalesce(named_pairs.sector = asset.sector, false) as is_same_sector,
        -- in the direction of the asset's move when it has a significant one, else the size
        case when abs(moves.move_z) >= {{ significant }}
            then correlations.residual_correlation * named_pairs.named_move_z
                * sign(moves.move_z)
            else abs(correlations.residual_correlation * named_pairs.named_move_z)
        end as evidence
    from (
        select
            candidate.symbol,
            candidate.t0_index,
            candidate.event_id,
            named.named_symbol,
            named.named_move_z,
            named.sector,
            windows.window_month,
            least(candidate.symbol, named.named_symbol) as first_symbol,
            greatest(candidate.symbol, named.named_symbol) as second_symbol
        from aligned as candidate
        inner join named on candidate.event_id = named.event_id
        inner join windows
            on candidate.symbol = windows.symbol and candidate.t0_index = windows.t0_index
        where not candidate.is_linked and abs(named.named_move_z) >= {{ significant }}
    ) as named_pairs
    inner join correlations
        on named_pairs.first_symbol = correlations.first_symbol
        and named_pairs.second_symbol = correlations.second_symbol
        and named_pairs.window_month = correlations.month_index
    inner join assets as asset on named_pairs.symbol = asset.symbol
    left join moves
        on named_pairs.symbol = moves.symbol and named_pairs.t0_index = moves.t0_index
),

best as (
    {%- set best_first = ['-evidence', 'not is_same_sector', 'named_symbol'] %}
    select
        symbol,
        t0_index,
        event_id,
        count(*) as n_evidence,
        max(evidence) as evidence,
        {{ first_by('named_symbol', best_first) }} as best_named_symbol,
        {{ first_by('residual_correlation', best_first) }} as residual_correlation,
        {{ first_by('named_move_z', best_first) }} as named_move_z
    from evidence
    group by symbol, t0_index, event_id
),

scored as (
    select
        aligned.symbol,
        aligned.t0_index,
        aligned.t0_date,
        aligned.event_id,
        aligned.is_linked,
        aligned.n_articles,
        aligned.first_seen_at,
        coalesce(named_counts.n_named_assets, 0) as n_named_assets,
        moves.move_z,
        best.best_named_symbol,
        best.residual_correlation,
        best.named_move_z,
        -- the best evidence, or 0 when a named asset gives none and every one that does gives
        -- less
        case
            when best.evidence is null then 0
            when best.n_evidence < named_counts.n_named_assets then greatest(best.evidence, 0)
            else best.evidence
        end as unlinked_score,
        aligned.is_linked or named_sectors.event_id is not null as is_same_sector
    from aligned
    inner join assets as asset on aligned.symbol = asset.symbol
    left join named_counts on aligned.event_id = named_counts.event_id
    left join named_sectors
        on aligned.event_id = named_sectors.event_id and asset.sector = named_sectors.sector
    left join moves on aligned.symbol = moves.symbol and aligned.t0_index = moves.t0_index
    left join best
        on aligned.symbol = best.symbol and aligned.t0_index = best.t0_index
        and aligned.event_id = best.event_id
),

-- a linked event's named asset is the asset itself; an unlinked one's, the named asset that
-- gives its score (none when the score is 0)
candidates as (
    select
        symbol,
        t0_index,
        t0_date,
        event_id,
        is_linked,
        n_articles,
        first_seen_at,
        n_named_assets,
        move_z,
        case when is_linked then symbol
            when unlinked_score <> 0 then best_named_symbol end as best_named_symbol,
        case when is_linked then cast(1 as double)
            when unlinked_score <> 0 then residual_correlation end as residual_correlation,
        case when is_linked then move_z
            when unlinked_score <> 0 then named_move_z end as named_move_z,
        is_same_sector,
        case when is_linked then abs(move_z) else unlinked_score end as score
    from scored
)

select
    symbol,
    t0_index,
    t0_date,
    event_id,
    is_linked,
    n_articles,
    first_seen_at,
    n_named_assets,
    move_z,
    best_named_symbol,
    residual_correlation,
    named_move_z,
    is_same_sector,
    score,
    row_number() over (
        partition by symbol, t0_index
        order by is_linked desc, score desc nulls last, is_same_sector desc, n_articles desc,
            first_seen_at, event_id
    ) as candidate_rank
from candidates

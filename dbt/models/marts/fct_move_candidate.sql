-- One row per asset, t0 session and event aligned to it: every candidate cause of the asset's
-- move that session, with the evidence that it caused it, its score and rank, beside the lead
-- (rank 1, fct_asset_move.lead_event_id) and its score. The rule is int_asset_t0_candidates':
-- an event that names the asset first (score: the size of the asset's move in standard
-- errors), then the events whose named assets moved and co-move with the asset (score: the
-- move the best of them predicts for the asset, in its direction), then by articles.
-- A view, like fct_event_impact: its rows are those of int_event_t0 (every event for every
-- asset), which the candidates table already holds; a query reads the assets and dates it asks
-- for.
{{ config(materialized='view') }}

with candidates as (
    select * from {{ ref('int_asset_t0_candidates') }}
),

moves as (
    select * from {{ ref('int_asset_t0_events') }}
),

leads as (
    select symbol, t0_index, score from candidates where candidate_rank = 1
)

select
    {{ surrogate_key(['candidates.symbol', 'candidates.t0_date', 'candidates.event_id']) }}
        as move_candidate_id,
    candidates.symbol,
    asset.asset_class,
    asset.sector,
    candidates.t0_date,
    candidates.event_id,
    event.event_type,
    event.headline,
    candidates.first_seen_at,
    candidates.n_articles,
    candidates.candidate_rank,
    candidates.candidate_rank = 1 as is_lead,
    moves.n_events as n_candidates,
    candidates.is_linked,
    candidates.score,
    candidates.move_z,
    candidates.n_named_assets,
    candidates.best_named_symbol,
    candidates.residual_correlation,
    candidates.named_move_z,
    candidates.is_same_sector,
    moves.lead_event_id,
    lead.score as lead_score
from candidates
inner join moves
    on candidates.symbol = moves.symbol and candidates.t0_index = moves.t0_index
inner join leads as lead
    on candidates.symbol = lead.symbol and candidates.t0_index = lead.t0_index
inner join {{ ref('dim_event') }} as event on candidates.event_id = event.event_id
inner join {{ ref('dim_asset') }} as asset on candidates.symbol = asset.symbol

"""The top moves of the published copy, as the CLI's table, the publication's preview and the
reports show them, and how their figures are written."""

from __future__ import annotations

# One row per move (asset and t0): the events that share the session are its candidate causes,
# summed up as how many (and how many name the asset) and the lead one (see fct_asset_move).
TOP_MOVES_SQL = """
select
    ar.lead_event_type,
    ar.lead_headline,
    ar.symbol,
    ar.t0_date,
    ar.raw_return,
    ar.car as abnormal_return,
    ar.car_p_value as ar_p_value,
    car.car as car_m1_p1,
    car.car_p_value as car_p_value,
    ar.n_events,
    ar.n_linked_events
from marts.fct_asset_move as ar
join marts.fct_asset_move as car
    on car.symbol = ar.symbol and car.t0_date = ar.t0_date and car.window_label = '[-1,+1]'
where ar.window_label = '[0,0]' and ar.car_p_value < $max_p
    and (ar.lead_names_asset or $include_unlinked)
    and (list_contains($symbols, ar.symbol) or len($symbols) = 0)
order by abs(ar.car) desc, ar.symbol
limit $limit
"""


def top_moves(con, limit: int, max_p: float, include_unlinked: bool = False,
              symbols: list[str] | None = None) -> list[tuple]:
    """The strongest moves on t0 below max_p, one per asset and session: by default those an
    event naming the asset shares, of every asset unless `symbols`."""
    return con.execute(TOP_MOVES_SQL, {"max_p": max_p, "include_unlinked": include_unlinked,
                                       "symbols": symbols or [], "limit": limit}).fetchall()


def pct(value: float | None) -> str:
    return "" if value is None else f"{value * 100:+.2f}%"


def p_value(value: float | None) -> str:
    return "" if value is None else ("<0.0001" if value < 1e-4 else f"{value:.4f}")

"""The top moves of the published copy, as the CLI's table, the publication's preview and the
reports show them, and how their figures are written."""

from __future__ import annotations

from dataclasses import dataclass

from orchestration.transform.dbt_vars import dbt_vars

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
    on car.symbol = ar.symbol and car.t0_date = ar.t0_date and car.window_start = $car_start
    and car.window_end = $car_end
where ar.window_start = $t0_start and ar.window_end = $t0_end and ar.car_p_value < $max_p
    and (ar.lead_names_asset or $include_unlinked)
    and (list_contains($symbols, ar.symbol) or len($symbols) = 0)
order by abs(ar.car) desc, ar.symbol
limit $limit
"""


LABEL_SQL = """
select window_label from marts.fct_asset_move
where window_start = $start and window_end = $end
limit 1
"""


@dataclass(frozen=True)
class Window:
    start: int
    end: int
    label: str  # as dbt labels it in the marts: [0,0], [-1,+1]

    def params(self, name: str) -> dict[str, int]:
        return {f"{name}_start": self.start, f"{name}_end": self.end}


def shown_windows(con) -> tuple[Window, Window]:
    """The two CAR windows that tables and reports show: t0's abnormal return and the CAR
    beside it, the first two of dbt's var car_windows, labelled as the published copy is."""
    shown = []
    for start, end in dbt_vars()["car_windows"][:2]:
        found = con.execute(LABEL_SQL, {"start": start, "end": end}).fetchone()
        # (a copy with no moves yet: the label int_asset_t0_impacts would give it)
        label = found[0] if found else f"[{start},{'+' if end > 0 else ''}{end}]"
        shown.append(Window(start, end, label))
    return shown[0], shown[1]


def top_moves(con, limit: int, max_p: float, include_unlinked: bool = False,
              symbols: list[str] | None = None,
              windows: tuple[Window, Window] | None = None) -> list[tuple]:
    """The strongest moves on t0 below max_p, one per asset and session: by default those an
    event naming the asset shares, of every asset unless `symbols`."""
    t0, car = windows or shown_windows(con)
    return con.execute(TOP_MOVES_SQL, {"max_p": max_p, "include_unlinked": include_unlinked,
                                       "symbols": symbols or [], "limit": limit,
                                       **t0.params("t0"), **car.params("car")}).fetchall()


def moves_table(con, limit: int, max_p: float, include_unlinked: bool = False,
                symbols: list[str] | None = None,
                width: int | None = None) -> tuple[list[str], list[list[str]], set[int]]:
    """The top moves as a table: header, rows of text (the lead event cut to `width`), and
    the columns of figures (right-aligned). The CLI and the publication's preview show it."""
    t0_window, car = shown_windows(con)
    header = ["lead event", "asset", "t0", "return", "abnormal", "p", f"CAR{car.label}", "p",
              "events (naming it)"]
    rows = [[f"{etype}: {headline}"[:width], symbol, str(t0), pct(ret), pct(ar), p_value(p_ar),
             pct(car_), p_value(p_car), f"{n_events} ({n_linked})"]
            for etype, headline, symbol, t0, ret, ar, p_ar, car_, p_car, n_events, n_linked
            in top_moves(con, limit, max_p, include_unlinked, symbols, (t0_window, car))]
    return header, rows, set(range(3, 9))


def pct(value: float | None) -> str:
    return "" if value is None else f"{value * 100:+.2f}%"


def p_value(value: float | None) -> str:
    return "" if value is None else ("<0.0001" if value < 1e-4 else f"{value:.4f}")

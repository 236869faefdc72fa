"""Build the event reports from the published copy of the marts (never the pipeline's file).

warehouse/reports/index.html lists the events by impact: the largest abnormal move on t0 among
the assets the event names, then (events that name no asset of the universe) among all assets;
events/<event_id>.html shows one event: the CAR paths over the event window of the most
affected assets against their benchmark, the CAR of every asset with its 95% interval, and the
event's headlines. Each file is written aside and
renamed into place, so a reader never sees half a page.
"""

from __future__ import annotations

import hashlib
import html
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from orchestration.files import aside, put_in_place, write_atomically
from orchestration.publishing.moves import Window, p_value, pct, shown_windows

CHART_ASSETS = 6  # CAR paths drawn: the assets with the largest |CAR| on t0
Z_95 = 1.959963984540054

EVENTS_SQL = """
with moves as (
    select event_id, symbol, is_linked, car
    from marts.fct_event_impact
    where window_start = $t0_start and window_end = $t0_end and is_complete
),
ranked as (
    select
        event_id,
        arg_max(symbol, abs(car)) filter (where is_linked) as linked_symbol,
        arg_max(car, abs(car)) filter (where is_linked) as linked_move,
        arg_max(symbol, abs(car)) as top_symbol,
        arg_max(car, abs(car)) as top_move
    from moves
    group by event_id
)
select
    event.event_id, event.event_type, event.headline, event.first_seen_at, event.n_articles,
    event.n_sources, event.sentiment, ranked.linked_symbol, ranked.linked_move,
    ranked.top_symbol, ranked.top_move
from marts.dim_event as event
inner join ranked on event.event_id = ranked.event_id
order by abs(ranked.linked_move) desc nulls last, abs(ranked.top_move) desc, event.first_seen_at,
    event.event_id
limit $limit
"""

# Per event: each asset's CAR on the shown windows (t0's, and the CAR beside it) with its
# standard error.
IMPACTS_SQL = """
select
    impact.symbol, asset.asset_name, asset.sector, impact.is_linked, impact.t0_date,
    impact.raw_return,
    max(impact.car) filter (where t0_window) as car_0,
    max(impact.car_standard_error) filter (where t0_window) as se_0,
    max(impact.car_p_value) filter (where t0_window) as p_0,
    max(impact.car) filter (where car_window) as car_1,
    max(impact.car_standard_error) filter (where car_window) as se_1,
    max(impact.car_p_value) filter (where car_window) as p_1,
    any_value(impact.is_confounded) as is_confounded,
    any_value(impact.n_events_on_t0) as n_events_on_t0
from (
    select
        *,
        window_start = $t0_start and window_end = $t0_end as t0_window,
        window_start = $car_start and window_end = $car_end as car_window
    from marts.fct_event_impact
) as impact
inner join marts.dim_asset as asset on impact.symbol = asset.symbol
where impact.event_id = $event_id and impact.is_complete
group by all
having car_0 is not null
order by abs(car_0) desc, impact.symbol
"""

# The paths of the chart: CAR to date per tau, and the benchmark's return cumulated alike.
PATHS_SQL = """
select
    path.symbol, asset.benchmark_symbol, path.tau, path.session_date, path.car_to_date,
    sum(path.benchmark_return) over (partition by path.symbol order by path.tau)
        as benchmark_to_date
from marts.fct_event_window as path
inner join marts.dim_asset as asset on path.symbol = asset.symbol
where path.event_id = ? and list_contains(?, path.symbol) and path.has_happened
order by path.symbol, path.tau
"""

# Every report of the happening, its classified stories' and its bursts' alike, in order.
HEADLINES_SQL = """
select item.title, item.url, item.published_at, item.first_feed_id
from marts.bridge_event_article as report
inner join marts.fct_news_item as item on report.article_id = item.article_id
where report.event_id = ?
order by report.position_in_event
"""


@dataclass(frozen=True)
class Reports:
    index: Path
    pages: int
    seconds: float


def _p_html(value: float | None) -> str:
    return html.escape(p_value(value))


def _link(url: str | None, text: str) -> str:
    """Only http(s) addresses become links; anything else stays text."""
    if url and url.startswith(("http://", "https://")):
        return f'<a href="{html.escape(url)}" rel="noreferrer">{html.escape(text)}</a>'
    return html.escape(text)


def chart(event: tuple, impacts: list[tuple], paths: list[tuple], out: Path,
          shown: Window) -> None:
    """One PNG: CAR paths of the most affected assets (benchmarks dashed), and every asset's
    CAR on t0 with its 95% interval (assets the event names in black)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(
        1, 2, figsize=(13, max(4.5, 0.28 * len(impacts) + 1.5)), width_ratios=[3, 2])
    # fixed margins: a layout engine would draw every figure twice
    figure.subplots_adjust(left=0.06, right=0.98, bottom=0.1, top=0.9, wspace=0.2)
    by_symbol: dict[str, list[tuple]] = {}
    for row in paths:
        by_symbol.setdefault(row[0], []).append(row)
    benchmarks: dict[str, list[tuple]] = {}
    for symbol, rows in by_symbol.items():
        t0 = next((r[3] for r in rows if r[2] == 0), None)
        left.plot([r[2] for r in rows], [r[4] * 100 for r in rows], marker="o", markersize=3,
                  label=f"{symbol} (t0 {t0})")
        if rows[0][1]:
            benchmarks.setdefault(rows[0][1], rows)
    for benchmark, rows in benchmarks.items():
        left.plot([r[2] for r in rows], [(r[5] or 0) * 100 for r in rows], color="grey",
                  linestyle="--", linewidth=1, label=f"{benchmark} (benchmark return)")
    left.axvline(0, color="black", linewidth=0.8)
    left.axhline(0, color="black", linewidth=0.5)
    left.set_xlabel("sessions from t0 (τ)")
    left.set_ylabel("cumulative abnormal return since τ = −10 (%)")
    left.set_title("CAR paths of the most affected assets")
    left.legend(fontsize=8, loc="best")
    left.grid(alpha=0.3)

    ordered = list(reversed(impacts))
    ys = range(len(ordered))
    colors = ["black" if r[3] else "darkgrey" for r in ordered]
    right.errorbar([r[6] * 100 for r in ordered], ys,
                   xerr=[Z_95 * (r[7] or 0) * 100 for r in ordered], fmt="none",
                   ecolor="grey", elinewidth=1, capsize=2)
    right.scatter([r[6] * 100 for r in ordered], ys, c=colors, zorder=3, s=18)
    right.set_yticks(list(ys), [r[0] for r in ordered], fontsize=8)
    right.axvline(0, color="black", linewidth=0.8)
    right.set_xlabel(f"CAR{shown.label} with 95% interval (%)")
    right.set_title("Abnormal return on t0 (black: named by the event)")
    right.grid(alpha=0.3, axis="x")
    figure.suptitle(f"{event[1]}: {event[2]}"[:110], fontsize=11)
    staged = aside(out)
    figure.savefig(staged, dpi=100, format="png")
    plt.close(figure)
    put_in_place(staged, out)


STYLE = """<style>
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { padding: 0.25em 0.6em; border-bottom: 1px solid #ddd; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.linked td { background: #fff4e5; }
img { max-width: 100%; }
</style>"""


def _page(title: str, body: str) -> bytes:
    return (f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title>{STYLE}</head>\n<body>\n{body}\n</body></html>\n"
            ).encode()


def event_page(event: tuple, impacts: list[tuple], headlines: list[tuple],
               paths: list[tuple], windows: tuple[Window, Window]) -> bytes:
    """The page, which names the digest of everything its chart draws (so an unchanged event
    is neither drawn nor written again)."""
    drawn = hashlib.sha256(repr((event, impacts, paths)).encode()).hexdigest()
    event_id, event_type, headline, first_seen, n_articles, n_sources, sentiment = event[:7]
    rows = "\n".join(
        f'<tr class="{"linked" if r[3] else ""}"><td>{html.escape(r[0])}</td>'
        f"<td>{html.escape(r[2] or '')}</td><td>{'yes' if r[3] else ''}</td><td>{r[4]}</td>"
        f'<td class="n">{pct(r[5])}</td><td class="n">{pct(r[6])}</td>'
        f'<td class="n">{_p_html(r[8])}</td><td class="n">{pct(r[9])}</td>'
        f'<td class="n">{_p_html(r[11])}</td><td class="n">{r[13]}</td></tr>' for r in impacts)
    figures = (f"<th>CAR{windows[0].label}</th><th>p</th><th>CAR{windows[1].label}</th>"
               "<th>p</th><th>events on t0</th></tr>")
    news = "\n".join(f"<li>{_link(url, title)} <small>{published} · {html.escape(feed)}"
                     f"</small></li>" for title, url, published, feed in headlines)
    body = f"""<p><a href="../index.html">← all events</a></p>
<h1>{html.escape(headline)}</h1>
<p><b>{html.escape(event_type)}</b> · first seen {first_seen} UTC · {n_articles} articles from
{n_sources} sources · sentiment {'' if sentiment is None else f'{sentiment:+.2f}'}</p>
<img src="{event_id}.png" alt="CAR paths and CAR by asset for this event">
<h2>Abnormal returns by asset</h2>
<table><tr><th>asset</th><th>sector</th><th>named</th><th>t0</th><th>return</th>
{figures}
{rows}
</table>
<h2>Headlines</h2>
<ul>
{news}
</ul>"""
    return _page(headline, body).replace(b"<html", f"<!-- chart {drawn} -->\n<html".encode(), 1)


def index_page(events: list[tuple], built: str, shown: Window) -> bytes:
    car = f"CAR{shown.label}"
    rows = "\n".join(
        f'<tr><td><a href="events/{e[0]}.html">{html.escape(e[2])}</a></td>'
        f"<td>{html.escape(e[1])}</td><td>{e[3]:%Y-%m-%d %H:%M}</td><td class=\"n\">{e[4]}</td>"
        f"<td>{html.escape(e[7] or '')}</td><td class=\"n\">{pct(e[8])}</td>"
        f"<td>{html.escape(e[9])}</td><td class=\"n\">{pct(e[10])}</td></tr>"
        for e in events)
    body = f"""<h1>newsimpact: events by impact</h1>
<p>Events by the largest abnormal return on t0 ({car}, in absolute value) among the assets
each event names; events that name no asset of the universe follow, by the largest among all.
Built {built} from the published copy of the marts.</p>
<table><tr><th>event</th><th>type</th><th>first seen (UTC)</th><th>articles</th>
<th>named asset</th><th>{car}</th><th>any asset</th><th>{car}</th></tr>
{rows}
</table>"""
    return _page("newsimpact: events by impact", body)


def build_reports(published: Path, reports_dir: Path, top_events: int = 20) -> Reports:
    """Pages for the top_events events by impact, and the index; pages of events no longer
    among them are removed."""
    began = time.monotonic()
    pages = reports_dir / "events"
    pages.mkdir(parents=True, exist_ok=True)
    kept: set[str] = set()
    with duckdb.connect(str(published), read_only=True) as con:
        windows = shown_windows(con)
        shown = {**windows[0].params("t0"), **windows[1].params("car")}
        events = con.execute(EVENTS_SQL, {"limit": top_events,
                                          **windows[0].params("t0")}).fetchall()
        for event in events:
            event_id = event[0]
            impacts = con.execute(IMPACTS_SQL, {"event_id": event_id, **shown}).fetchall()
            drawn = [r[0] for r in impacts[:CHART_ASSETS]]
            paths = con.execute(PATHS_SQL, [event_id, drawn]).fetchall()
            headlines = con.execute(HEADLINES_SQL, [event_id]).fetchall()
            page, png = pages / f"{event_id}.html", pages / f"{event_id}.png"
            html_bytes = event_page(event, impacts, headlines, paths, windows)
            if not (png.is_file() and page.is_file() and page.read_bytes() == html_bytes):
                # what it draws changed: draw it again
                chart(event, impacts, paths, png, windows[0])
                write_atomically(page, html_bytes)
            kept |= {png.name, page.name}
    for stale in pages.iterdir():
        if stale.name not in kept:
            stale.unlink()
    index = reports_dir / "index.html"
    made = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    write_atomically(index, index_page(events, made, windows[0]))
    return Reports(index, len(events), round(time.monotonic() - began, 2))

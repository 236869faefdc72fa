"""The event reports the transform writes from the published copy: the DeepSeek event's page
and chart, the index by impact, and pages that no headline can inject into."""

import re

import duckdb
import pytest
from dagster import AssetKey, DagsterInstance

from orchestration.publishing import moves, reports

pytestmark = pytest.mark.slow

DEEPSEEK = """
select event_id from marts.dim_event
where event_type = 'ai_model_release' and primary_entity_id = 'deepseek'
    and first_seen_at = '2025-01-25 12:30:00'
"""
SELL_OFF = ["NVDA", "AVGO", "TSM", "VST", "CEG"]


@pytest.fixture(scope="module")
def built(demo):
    home = demo["database"].parent
    published = home / "serving" / "newsimpact.duckdb"
    with duckdb.connect(str(published), read_only=True) as con:
        [(event_id,)] = con.execute(DEEPSEEK).fetchall()
    return {"reports": home / "reports", "published": published, "event_id": event_id,
            "dagster_home": home.parent / "dagster_home"}


def test_the_deepseek_page_charts_the_sell_off_falling_on_monday(built):
    page = built["reports"] / "events" / f"{built['event_id']}.html"
    text = page.read_text()
    assert "DeepSeek" in text and f'src="{built["event_id"]}.png"' in text
    rows = {m[0]: m[1] for m in re.findall(r"<tr[^>]*><td>([^<]+)</td>.*?<td>2025-01-27</td>"
                                           r'<td class="n">[^<]*</td><td class="n">([^<]+)</td>',
                                           text)}
    for symbol in SELL_OFF:  # CAR[0,0] on Monday 2025-01-27, each a fall of more than 10%
        assert float(rows[symbol].rstrip("%")) < -10, symbol
    png = (page.with_suffix(".png")).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1300, 626)  # 13 in wide at 100 dpi; 17 assets' rows high
    # the chart's paths: the sell-off assets are drawn and each falls by >10% at tau 0
    with duckdb.connect(str(built["published"]), read_only=True) as con:
        t0, car = moves.shown_windows(con)
        impacts = con.execute(reports.IMPACTS_SQL, {"event_id": built["event_id"],
                                                    **t0.params("t0"),
                                                    **car.params("car")}).fetchall()
        drawn = [row[0] for row in impacts[:reports.CHART_ASSETS]]
        paths = con.execute(reports.PATHS_SQL, [built["event_id"], drawn]).fetchall()
    assert set(SELL_OFF) <= set(drawn)
    car = {(symbol, tau): (day, value) for symbol, _, tau, day, value, _ in paths}
    for symbol in SELL_OFF:
        day, at_t0 = car[(symbol, 0)]
        assert str(day) == "2025-01-27" and at_t0 - car[(symbol, -1)][1] < -0.10, symbol


def test_the_index_lists_events_by_their_largest_move_on_a_named_asset(built):
    text = (built["reports"] / "index.html").read_text()
    links = re.findall(r'href="events/([0-9a-f]+)\.html"', text)
    assert len(links) == len(set(links)) == 20
    assert built["event_id"] in links
    pages = {p.stem for p in (built["reports"] / "events").glob("*.html")}
    assert pages == set(links)  # a page for each listed event, none left over
    moves = [abs(float(v)) for v in re.findall(
        r'<td class="n">([+-][0-9.]+)%</td><td>[^<]*</td><td class="n">', text)]
    assert moves == sorted(moves, reverse=True) and moves[0] > 0.2 * 100


def test_the_materialization_links_the_index(built):
    with DagsterInstance.from_config(str(built["dagster_home"])) as instance:
        event = instance.get_latest_materialization_event(AssetKey(["reports", "event_reports"]))
    metadata = event.asset_materialization.metadata
    assert metadata["index"].value == str(built["reports"] / "index.html")
    assert metadata["events"].value == 20


def test_a_rebuild_of_unchanged_events_draws_nothing_again(built, tmp_path):
    """The demo's second run built the reports over the first's: same pages, same files."""
    first = reports.build_reports(built["published"], tmp_path, 5)
    stamps = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "events").iterdir()}
    second = reports.build_reports(built["published"], tmp_path, 5)
    assert {p.name: p.stat().st_mtime_ns for p in (tmp_path / "events").iterdir()} == stamps
    assert len(stamps) == 10 and second.pages == first.pages == 5
    print(f"reports: {first.seconds} s drawn, {second.seconds} s unchanged")


def test_a_hostile_headline_is_text_and_only_http_links_are_links():
    event = ("e1", "hack", "<script>alert(1)</script>", "2025-01-27 10:00", 1, 1, None)
    page = reports.event_page(event, [], [("<b>x</b>", "javascript:alert(1)", "2025", "f"),
                                          ("ok", "https://example.com/a?b=1&c=2", "2025", "f")],
                              [], (moves.Window(0, 0, "[0,0]"), moves.Window(-1, 1, "[-1,+1]")))
    text = page.decode()
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert 'href="javascript' not in text and "&lt;b&gt;x&lt;/b&gt;" in text
    assert 'href="https://example.com/a?b=1&amp;c=2"' in text

"""The UI that `make ui` starts serves one asset graph: ingestion assets and dbt models, and a
browser (Debian's headless Chromium, driven by playwright) draws it."""

import os
import signal
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import requests

from tests.conftest import REPO, VENV_BIN, environment

pytestmark = pytest.mark.slow

ASSET_NODES = "{ assetNodes { assetKey { path } groupName dependencyKeys { path } } }"
CHROMIUM = Path("/usr/bin/chromium")
# The machine's network is closed: without these Chromium waits on its own background requests.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SCREENSHOT = REPO / "tests" / "artifacts" / "ui_asset_graph.png"  # git-ignored, kept


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


url_of: dict[str, int] = {}  # the UI's URL -> its process group


@pytest.fixture(scope="module")
def ui(tmp_path_factory):
    home = tmp_path_factory.mktemp("dagster_home")
    port = free_port()
    # the command `make ui` runs (it gives DAGSTER_HOME our dagster.yaml: no telemetry, no
    # welcome dialog), in its own process group so every child is stopped
    process = subprocess.Popen(
        [str(VENV_BIN / "newsimpact"), "ui", "--port", str(port)],
        cwd=REPO, env=environment(DAGSTER_HOME=str(home)), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    url_of[url] = process.pid
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{url}/server_info", timeout=2).ok:
                    break
            except requests.ConnectionError:
                time.sleep(1)
        yield url
    finally:
        stop_group(process)


def stop_group(process: subprocess.Popen) -> None:
    """Stop a process started in its own group, and every child of it (the UI's servers)."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def asset_nodes(ui: str) -> list[dict]:
    deadline, nodes = time.monotonic() + 60, []
    while time.monotonic() < deadline and not nodes:  # the code location loads after start-up
        answer = requests.post(f"{ui}/graphql", json={"query": ASSET_NODES}, timeout=30).json()
        nodes = answer.get("data", {}).get("assetNodes") or []
        time.sleep(0 if nodes else 2)
    return nodes


def test_ui_serves_one_graph_from_feeds_to_impacts(ui):
    nodes = asset_nodes(ui)
    parents = {"/".join(n["assetKey"]["path"]): {"/".join(d["path"]) for d in n["dependencyKeys"]}
               for n in nodes}
    groups = {"/".join(n["assetKey"]["path"]): n["groupName"] for n in nodes}
    assert groups["raw/news_items"] == "ingestion" and groups["marts/fct_event_impact"] == "marts"
    upstream, frontier = set(), ["marts/fct_event_impact"]
    while frontier:
        for parent in parents[frontier.pop()] - upstream:
            upstream.add(parent)
            frontier.append(parent)
    assert {"raw/news_items", "raw/prices", "raw/sessions", "seeds/assets"} <= upstream
    assert requests.get(ui, timeout=10).status_code == 200


def listening(process_group: int) -> set[tuple[str, int]]:
    """(address, port) of every TCP socket that a process of the group listens on, read from
    /proc (the webserver, the daemon, the code servers they start)."""
    inodes = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[2]) != process_group:
                continue
            inodes |= {os.readlink(fd)[8:-1] for fd in (stat.parent / "fd").iterdir()
                       if os.readlink(fd).startswith("socket:[")}
        except (OSError, ValueError):
            continue  # a process that ended meanwhile
    found = set()
    for table in ("tcp", "tcp6"):
        for line in Path(f"/proc/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # state 0A: LISTEN
                address, port = fields[1].split(":")
                raw = bytes.fromhex(address)
                if table == "tcp":
                    found.add((socket.inet_ntop(socket.AF_INET, raw[::-1]), int(port, 16)))
                else:
                    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                    found.add((socket.inet_ntop(socket.AF_INET6, words), int(port, 16)))
    return found


def test_the_ui_and_its_servers_listen_on_loopback_only(ui):
    asset_nodes(ui)  # the code location is up, with its server
    sockets = listening(url_of[ui])
    print("the UI's processes listen on", sorted(sockets))
    assert ("127.0.0.1", int(ui.rsplit(":", 1)[1])) in sockets
    assert {address for address, _ in sockets} <= {"127.0.0.1", "::1"}, sockets


def drawn(page) -> tuple[dict[str, dict], list[tuple[str, dict]]]:
    """What the graph shows: its group boxes {name: box} and its asset nodes [(label, box)]."""
    boxes = page.locator("svg foreignObject").evaluate_all(
        """elements => elements.map(e => ({group: e.classList.contains('group'),
             label: e.textContent.trim(), x: +e.getAttribute('x'), y: +e.getAttribute('y'),
             width: +e.getAttribute('width'), height: +e.getAttribute('height')}))""")
    groups = {b["label"]: b for b in boxes if b["group"]}
    return groups, [(b["label"], b) for b in boxes if not b["group"] and b["label"]]


def inside(box: dict, group: dict) -> bool:
    return (group["x"] <= box["x"] and box["x"] + box["width"] <= group["x"] + group["width"]
            and group["y"] <= box["y"] and box["y"] + box["height"] <= group["y"] + group["height"])


def test_a_browser_draws_the_asset_graph(ui):
    """Global asset lineage with the ingestion and marts groups open (the others stay one box
    each, so the whole graph fits the window): the feeds' and prices' assets inside the
    ingestion box, fct_event_impact inside the marts box. The screenshot is kept in
    tests/artifacts/ui_asset_graph.png."""
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is absent: `apt-get install chromium` (.ci/run does)")
    from playwright.sync_api import sync_playwright

    all_groups = {n["groupName"] for n in asset_nodes(ui)}
    assert {"ingestion", "marts"} <= all_groups
    # the page's own URL for open groups (what the graph's "expand all" writes into it)
    expanded = ",".join(f"global@global:{group}" for group in ("ingestion", "marts"))
    url = f"{ui}/asset-groups?expanded={quote(expanded)}"
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(url, wait_until="domcontentloaded", timeout=60_000)
            try:
                page.wait_for_function(
                    "() => [...document.querySelectorAll('svg foreignObject')]"
                    ".some(e => e.textContent.trim() === 'fct_event_impact')", timeout=120_000)
                time.sleep(1)  # let the edges' layout settle for the picture
            finally:
                page.screenshot(path=str(SCREENSHOT), full_page=True)
                print(f"screenshot of {url}: {SCREENSHOT}")
            assert page.get_by_text("Global asset lineage").first.is_visible()
            groups, nodes = drawn(page)
        finally:
            browser.close()
    # one box per group, open or not (raw/fetch_log, a dbt source nothing materializes, is in
    # the "default" group, which the graph leaves out)
    assert {"ingestion", "staging", "intermediate", "marts", "serving"} <= set(groups) \
        <= all_groups
    labels = {label for label, _ in nodes}
    assert {"news_items", "prices", "sessions", "fct_event_impact", "fct_asset_move"} <= labels
    for label, box in nodes:
        if label in ("news_items", "prices", "sessions"):
            assert inside(box, groups["ingestion"]), label
        if label == "fct_event_impact":
            assert inside(box, groups["marts"]), label
    assert SCREENSHOT.stat().st_size > 20_000  # a drawn graph, not a blank page

"""The UI that `make ui` starts serves one asset graph: ingestion assets and dbt models."""

import os
import signal
import socket
import subprocess
import time

import pytest
import requests

from tests.conftest import REPO, VENV_BIN, environment

pytestmark = pytest.mark.slow

ASSET_NODES = "{ assetNodes { assetKey { path } groupName dependencyKeys { path } } }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def ui(tmp_path):
    port = free_port()
    # the command the ui target runs, in its own process group so every child is stopped
    process = subprocess.Popen(
        [str(VENV_BIN / "dagster"), "dev", "-h", "127.0.0.1", "-p", str(port)],
        cwd=REPO, env=environment(DAGSTER_HOME=str(tmp_path)), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
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
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def test_ui_serves_one_graph_from_feeds_to_impacts(ui):
    deadline, nodes = time.monotonic() + 60, []
    while time.monotonic() < deadline and not nodes:  # the code location loads after start-up
        answer = requests.post(f"{ui}/graphql", json={"query": ASSET_NODES}, timeout=30).json()
        nodes = answer.get("data", {}).get("assetNodes") or []
        time.sleep(0 if nodes else 2)
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

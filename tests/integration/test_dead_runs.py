"""A run whose process is killed is marked failed and its pool slot freed before the next run
needs it (orchestration/runtime/runs.py), with real processes and a real Dagster instance."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from dagster import DagsterInstance, DagsterRunStatus

from orchestration.runtime import runs
from tests.conftest import REPO, environment


def test_a_live_process_is_alive_and_a_killed_one_is_dead():
    child = subprocess.Popen(["sleep", "60"])
    tags = {runs.HOST: runs.owner_tags()[runs.HOST], runs.PID: str(child.pid),
            runs.STARTED_AT: runs.process_start(child.pid)}
    assert not runs.is_dead(tags)
    assert runs.is_dead({**tags, runs.STARTED_AT: "1"})  # the pid, reused by a later process
    assert not runs.is_dead({**tags, runs.HOST: "elsewhere"})  # not judged from here
    assert not runs.is_dead({})  # a run with no owner recorded
    child.kill()
    child.wait()
    assert runs.is_dead(tags)


def claimed(instance) -> list:
    return [slot.run_id for slot in instance.event_log_storage.get_concurrency_info(
        "warehouse").claimed_slots]


@pytest.mark.slow
def test_a_killed_run_is_reaped_and_the_next_run_gets_the_slot(tmp_path, monkeypatch):
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    env = environment(DAGSTER_HOME=str(home))
    worker = [sys.executable, "-m", "tests.integration.dead_run_worker"]
    first = subprocess.Popen([*worker, "600"], cwd=REPO, env=env, stdout=subprocess.PIPE,
                             text=True)
    assert first.stdout.readline().strip() == "holding"  # inside its step, slot claimed
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    with DagsterInstance.get() as instance:
        [dead] = instance.get_runs()
        assert dead.status == DagsterRunStatus.STARTED and claimed(instance) == [dead.run_id]
        [line] = runs.reap_dead_runs(instance)
        assert line.startswith(f"run {dead.run_id[:8]} (holder) its process (pid {first.pid})"
                               " is gone: marked failed")
        assert instance.get_run_by_id(dead.run_id).status == DagsterRunStatus.FAILURE
        assert claimed(instance) == [] and runs.reap_dead_runs(instance) == []
    began = time.monotonic()
    second = subprocess.run([*worker, "0"], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=120)
    assert second.returncode == 0, second.stderr[-2000:]
    assert time.monotonic() - began < 60  # it did not wait for the dead run's slot
    with DagsterInstance.get() as instance:
        assert [r.status for r in instance.get_runs()] == [DagsterRunStatus.SUCCESS,
                                                           DagsterRunStatus.FAILURE]


def test_a_run_that_opens_the_warehouse_records_its_process(tmp_path):
    """Runs the daemon launches get their owner from the warehouse resource, not the CLI."""
    from dagster import asset, materialize

    from orchestration.runtime.resources import WarehouseResource

    @asset
    def touches(warehouse: WarehouseResource):
        with warehouse.get_connection() as con:
            con.execute("select 1")

    with DagsterInstance.ephemeral() as instance:
        result = materialize([touches], instance=instance, resources={
            "warehouse": WarehouseResource(database=str(tmp_path / "w.duckdb"))})
        tags = instance.get_run_by_id(result.run_id).tags
    assert tags[runs.PID] == str(os.getpid()) and not runs.is_dead(tags)


HOLD = """
import sys, time
from pathlib import Path
from orchestration.runtime.runs import writer_lock
with writer_lock(Path(sys.argv[1])):
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_a_second_writer_waits_and_says_for_whom(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    first = subprocess.Popen([sys.executable, "-c", HOLD, str(warehouse), "3"], cwd=REPO,
                             stdout=subprocess.PIPE, text=True)
    assert first.stdout.readline().strip() == "holding"
    began = time.monotonic()
    second = subprocess.run([sys.executable, "-c", HOLD, str(warehouse), "0"], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    waited = time.monotonic() - began
    first.wait()
    lines = second.stdout.splitlines()
    assert lines[0].startswith(f"newsimpact: waiting for pid {first.pid} (")
    assert lines[0].endswith(f"which is writing {warehouse}") and lines[1] == "holding"
    assert waited > 1  # it waited for the first to let go


def test_a_killed_writer_never_blocks_the_next(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    first = subprocess.Popen([sys.executable, "-c", HOLD, str(warehouse), "600"], cwd=REPO,
                             stdout=subprocess.PIPE, text=True)
    assert first.stdout.readline().strip() == "holding"
    first.kill()
    first.wait()
    second = subprocess.run([sys.executable, "-c", HOLD, str(warehouse), "0"], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert second.stdout.splitlines() == ["holding"]  # the kernel released the dead one's lock

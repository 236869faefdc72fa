"""Runs whose process died, found and marked failed before they can hold up the next run; and
the writer lock that makes a second `newsimpact` run wait for the first.

Every run records which process executes it (tags newsimpact/host, newsimpact/pid and the
process's start time, set when the run first opens the warehouse). A run still STARTING,
STARTED or CANCELING whose process is gone (killed, crashed, machine rebooted) is marked
FAILURE and the pool slots it held are freed, so the next run is not left waiting for it:
the CLI does this before it starts a run, and the reap_dead_runs sensor every minute under
the daemon. (Dagster's own run monitoring cannot: its default run launcher does not check
run workers' health, and runs that `newsimpact` executes in its own process have no worker.)
"""

from __future__ import annotations

import fcntl
import os
import socket
import sys
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from dagster import (
    DagsterInstance,
    DagsterRunStatus,
    DefaultSensorStatus,
    RunsFilter,
    SensorEvaluationContext,
    SkipReason,
    sensor,
)

HOST, PID, STARTED_AT = "newsimpact/host", "newsimpact/pid", "newsimpact/process_start"
ACTIVE = [DagsterRunStatus.STARTING, DagsterRunStatus.STARTED, DagsterRunStatus.CANCELING]


def process_start(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), which
    tells a live process from a later one that reuses its pid; None when there is no such
    process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def owner_tags() -> dict[str, str]:
    """The tags that name this process as the one executing a run."""
    pid = os.getpid()
    return {HOST: socket.gethostname(), PID: str(pid), STARTED_AT: process_start(pid) or ""}


def claim(instance: DagsterInstance, run_id: str) -> None:
    """Record this process as the run's (once: a run keeps the process that started it)."""
    run = instance.get_run_by_id(run_id)
    if run is not None and PID not in run.tags:
        instance.add_run_tags(run_id, owner_tags())


def is_dead(tags: dict[str, str]) -> bool:
    """Whether the process the tags name is gone. Runs of another host, or with no owner
    recorded, are never judged from here."""
    if tags.get(HOST) != socket.gethostname() or not tags.get(PID, "").isdigit():
        return False
    started = process_start(int(tags[PID]))
    return started is None or (bool(tags.get(STARTED_AT)) and started != tags[STARTED_AT])


def reap_dead_runs(instance: DagsterInstance) -> list[str]:
    """Mark failed every active run whose process is gone and free its pool slots; one line
    per run reaped."""
    reaped = []
    for record in instance.get_run_records(RunsFilter(statuses=ACTIVE)):
        run = record.dagster_run
        if not is_dead(run.tags):
            continue
        message = (f"its process (pid {run.tags[PID]}) is gone: marked failed by newsimpact, "
                   "its pool slots freed")
        instance.report_run_failed(run, message)
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        reaped.append(f"run {run.run_id[:8]} ({run.job_name}) {message}")
    return reaped


_HELD: dict[Path, int] = {}  # the writer locks this process holds, and how deeply


def say_line(line: str) -> None:
    print(line, flush=True)


@contextmanager
def writer_lock(warehouse: Path, holder: str | None = None, say=say_line):
    """Hold the warehouse's writer lock: every run that writes the warehouse (a `newsimpact`
    command for its whole ingest, build and publish; a run the daemon launches, from its
    resources' set-up to their teardown), and a backup or restore. A second writer waits and
    says for whom, instead of failing on DuckDB's file lock. Re-entrant in one process (the CLI
    holds it around the runs it executes in process). The kernel drops the lock when its
    process dies, so a killed run never blocks the next."""
    path = warehouse.with_name(f".{warehouse.name}.writer")
    if _HELD.get(path):
        _HELD[path] += 1
        try:
            yield
        finally:
            _HELD[path] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            held_by = handle.read().strip() or "another process"
            say(f"newsimpact: waiting for {held_by}, which is writing {warehouse}")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} ({holder or ' '.join(sys.argv[:2])}, since "
                     f"{datetime.now().astimezone():%Y-%m-%d %H:%M:%S %Z})\n")
        handle.flush()
        _HELD[path] = 1
        try:
            yield
        finally:
            del _HELD[path]
            handle.seek(0)
            handle.truncate()


@sensor(minimum_interval_seconds=60, default_status=DefaultSensorStatus.RUNNING)
def reap_dead_runs_sensor(context: SensorEvaluationContext):
    """Under the daemon: runs whose process died are marked failed and their slots freed, so
    the schedule's next run does not wait behind them."""
    reaped = reap_dead_runs(context.instance)
    for line in reaped:
        context.log.warning(line)
    return SkipReason("; ".join(reaped) or "no run whose process died")

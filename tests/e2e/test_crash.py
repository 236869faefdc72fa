"""Crash safety, proven by killing real runs: `newsimpact run` over a week of the demo (ingest,
dbt build, publish, reports) in its own process group, SIGKILLed at points spread over the
run. After each kill the warehouse opens and every table is in its before or its after state,
no archived landing file is partial, and the next run reaps the dead one (no run left STARTED,
no pool slot claimed) and converges to exactly the tables of an uninterrupted run.

The kill points: NEWSIMPACT_CRASH_POINTS of them (4 in `make test`; 20 for the full harness:
`NEWSIMPACT_CRASH_POINTS=20 .venv/bin/pytest tests/e2e/test_crash.py`, about 40 minutes), dealt
in turn to the phases of the uninterrupted run (ingest, dbt build, publish, reports, timed from
its event log) and spread evenly inside each, so that every phase is hit however short."""

import hashlib
import os
import shutil
import signal
import subprocess
import time

import duckdb
import pytest
from dagster import DagsterEventType, DagsterInstance, DagsterRunStatus

from tests.conftest import REPO, VENV_BIN, environment

pytestmark = pytest.mark.slow

BEFORE = ("2025-01-13", "2025-01-24")  # the state each killed run starts from
WEEK = ("2025-01-25", "2025-01-31")  # what the killed runs, and the uninterrupted one, add
POINTS = int(os.environ.get("NEWSIMPACT_CRASH_POINTS", "4"))
BOOKKEEPING = {"loaded_at"}  # when a row was written, not what it says
LOGS = {"raw.fetch_log"}  # a log of every fetch, killed ones included: grows, never converges


def newsimpact(home, first, last, **popen):
    env = environment(NEWSIMPACT_WAREHOUSE=str(home / "warehouse" / "w.duckdb"),
                      DAGSTER_HOME=str(home / "dagster_home"), NEWSIMPACT_TRANSPORT="replay")
    command = [str(VENV_BIN / "newsimpact"), "run", "--first-day", first, "--last-day", last]
    return subprocess.Popen(command, cwd=REPO, env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            **popen)


def finish(process, timeout=900) -> str:
    out, _ = process.communicate(timeout=timeout)
    assert process.returncode == 0, out[-3000:]
    return out


PHASES = {"ingest": None, "dbt build": "newsimpact_dbt_assets",  # phase: its step
          "publish": "serving__published_warehouse", "reports": "reports__event_reports"}


def phases(home, began: float, ended: float) -> dict[str, tuple[float, float]]:
    """Each phase of the run in home as (start, end) in seconds after its launch: ingest is
    the ingest run, the others the transform run's steps, from their step events."""
    bounds = {}
    with DagsterInstance.from_config(str(home / "dagster_home")) as instance:
        runs = {run.job_name: run for run in instance.get_runs(limit=2)}  # the newest two
        kinds = {DagsterEventType.RUN_START, DagsterEventType.STEP_START,
                 DagsterEventType.STEP_SUCCESS, DagsterEventType.RUN_SUCCESS}
        for job, run in runs.items():
            for record in instance.get_records_for_run(run.run_id, of_type=kinds).records:
                entry = record.event_log_entry
                step = entry.step_key or job
                first, last = bounds.get(step, (entry.timestamp, entry.timestamp))
                bounds[step] = (min(first, entry.timestamp), max(last, entry.timestamp))
    spans = {phase: bounds[step or "ingest"] for phase, step in PHASES.items()}
    return {phase: (max(0.0, first - began), min(ended, last) - began)
            for phase, (first, last) in spans.items()}


def kill_points(spans: dict[str, tuple[float, float]], n: int) -> list[tuple[str, float]]:
    """n points dealt to the phases in turn, evenly spaced inside each."""
    names = list(spans)
    dealt = {name: [i for i in range(n) if i % len(names) == k] for k, name in enumerate(names)}
    points = []
    for name, indices in dealt.items():
        first, last = spans[name]
        points += [(name, first + (last - first) * (j + 0.5) / len(indices))
                   for j in range(len(indices))]
    return sorted(points, key=lambda point: point[1])


def table_hashes(database) -> dict[str, str]:
    with duckdb.connect(str(database), read_only=True) as con:
        tables = con.execute("""select schema_name, table_name from duckdb_tables()
                                where database_name = current_database()""").fetchall()
        hashes = {}
        for schema, table in tables:
            name = f"{schema}.{table}"
            if name in LOGS:
                continue
            columns = [c for (c,) in con.execute(
                "select column_name from duckdb_columns() where schema_name = ? "
                "and table_name = ? and database_name = current_database() "
                "order by column_index", [schema, table]).fetchall() if c not in BOOKKEEPING]
            listed = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f"select {listed} from {name} order by all").fetchall()
            hashes[name] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return hashes


def landing_is_whole(landing) -> None:
    for path in landing.rglob("*"):
        if path.is_file() and path.suffix in (".xml", ".json", ".csv"):
            assert hashlib.sha256(path.read_bytes()).hexdigest() == path.stem, path


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    before = tmp_path_factory.mktemp("before")
    finish(newsimpact(before, *BEFORE))
    after = tmp_path_factory.mktemp("after")
    shutil.copytree(before, after, dirs_exist_ok=True, symlinks=True)
    began = time.time()
    finish(newsimpact(after, *WEEK))
    spans = phases(after, began, time.time())
    print("phases (s after launch):", {k: (round(a, 1), round(b, 1)) for k, (a, b)
                                       in spans.items()})
    return {"before": before, "after": after, "points": kill_points(spans, POINTS),
            "before_hashes": table_hashes(before / "warehouse" / "w.duckdb"),
            "after_hashes": table_hashes(after / "warehouse" / "w.duckdb")}


@pytest.mark.parametrize("point", range(POINTS))
def test_a_run_killed_anywhere_leaves_before_or_after_and_the_next_run_converges(
        states, point, tmp_path):
    home = tmp_path / "home"
    shutil.copytree(states["before"], home, symlinks=True)
    phase, delay = states["points"][point]
    process = newsimpact(home, *WEEK)
    time.sleep(delay)
    os.killpg(process.pid, signal.SIGKILL)  # the CLI, dbt and every other child at once
    process.communicate()
    print(f"killed at {delay:.1f} s, in {phase}")
    database = home / "warehouse" / "w.duckdb"
    killed = table_hashes(database)  # it opens
    for table, digest in killed.items():
        assert digest in (states["before_hashes"].get(table), states["after_hashes"][table]), \
            f"{table} is neither before nor after after a kill at {delay:.1f} s ({phase})"
    landing_is_whole(home / "warehouse" / "landing")
    out = finish(newsimpact(home, *WEEK))
    with DagsterInstance.from_config(str(home / "dagster_home")) as instance:
        statuses = [run.status for run in instance.get_runs()]
        assert DagsterRunStatus.STARTED not in statuses, out
        assert not instance.event_log_storage.get_concurrency_info("warehouse").claimed_slots
    assert table_hashes(database) == states["after_hashes"], f"kill at {delay:.1f} s ({phase})"

"""Crash safety, proven by killing real runs: `newsimpact run` over a week of the demo (ingest,
dbt build, publish, reports) in its own process group, SIGKILLed at points spread over the
run. After each kill the warehouse opens and every table is in its before or its after state,
no archived landing file is partial, and the next run reaps the dead one (no run left STARTED,
no pool slot claimed) and converges to exactly the tables of an uninterrupted run.

The kill points: NEWSIMPACT_CRASH_POINTS of them (4 in `make test`; 20 for the full harness:
`NEWSIMPACT_CRASH_POINTS=20 .venv/bin/pytest tests/e2e/test_crash.py`, about 40 minutes)."""

import hashlib
import os
import shutil
import signal
import subprocess
import time

import duckdb
import pytest
from dagster import DagsterInstance, DagsterRunStatus

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
    began = time.monotonic()
    finish(newsimpact(after, *WEEK))
    return {"before": before, "after": after, "seconds": time.monotonic() - began,
            "before_hashes": table_hashes(before / "warehouse" / "w.duckdb"),
            "after_hashes": table_hashes(after / "warehouse" / "w.duckdb")}


@pytest.mark.parametrize("point", range(POINTS))
def test_a_run_killed_anywhere_leaves_before_or_after_and_the_next_run_converges(
        states, point, tmp_path):
    home = tmp_path / "home"
    shutil.copytree(states["before"], home, symlinks=True)
    delay = states["seconds"] * (point + 0.5) / POINTS  # spread over the whole run
    process = newsimpact(home, *WEEK)
    time.sleep(delay)
    os.killpg(process.pid, signal.SIGKILL)  # the CLI, dbt and every other child at once
    process.communicate()
    database = home / "warehouse" / "w.duckdb"
    killed = table_hashes(database)  # it opens
    for table, digest in killed.items():
        assert digest in (states["before_hashes"].get(table), states["after_hashes"][table]), \
            f"{table} is neither before nor after after a kill at {delay:.1f} s"
    landing_is_whole(home / "warehouse" / "landing")
    out = finish(newsimpact(home, *WEEK))
    with DagsterInstance.from_config(str(home / "dagster_home")) as instance:
        statuses = [run.status for run in instance.get_runs()]
        assert DagsterRunStatus.STARTED not in statuses, out
        assert not instance.event_log_storage.get_concurrency_info("warehouse").claimed_slots
    assert table_hashes(database) == states["after_hashes"], f"kill at {delay:.1f} s"

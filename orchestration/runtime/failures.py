"""Why a run stopped, in one line for the terminal (the whole story stays in the run's log and
in the Dagster UI): the step that failed and the first line of its error, dbt's first failing
node rather than its command line, and for the two faults a user can mend at once, a full disk
(how much room the folder has left) and DuckDB's memory limit (the setting that raises it)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from dagster import DagsterError

from orchestration.settings import DEFAULT_DUCKDB_MEMORY

NO_SPACE = re.compile(r"no space left on device|database or disk is full|errno 28|"
                      r"disk quota exceeded", re.IGNORECASE)
# SQLite says this of a full disk too, and of other faults: told as a full disk only when a
# folder the run writes has little room left
DISK_IO = re.compile(r"disk i/o error", re.IGNORECASE)
LOW_ROOM = 64 * 2**20
OUT_OF_MEMORY = re.compile(r"out of memory", re.IGNORECASE)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
DBT_ERRORS = "Errors parsed from dbt logs:"


def free_bytes(path: Path) -> int:
    """The free space of the filesystem holding path (its nearest existing parent)."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return shutil.disk_usage(path).free


def free_space(path: Path) -> str:
    free = free_bytes(path)
    return f"{free / 2**20:.1f} MB" if free < 2**30 else f"{free / 2**30:.1f} GB"


def first_line(text: str) -> str:
    """The first line that says something: dbt's first error after its command line."""
    text = ANSI.sub("", text)
    if DBT_ERRORS in text:
        text = text.split(DBT_ERRORS, 1)[1]
    return next((line.strip() for line in text.splitlines() if line.strip()), "no message")


def explain(text: str, folders: list[Path], detail: str = "",
            memory: str = DEFAULT_DUCKDB_MEMORY) -> str:
    """The cause in one line (text's first), with what mends it when text or detail (the
    causes behind it) names a full disk or memory (`memory`: DuckDB's limit now)."""
    line, whole = first_line(text), f"{text}\n{detail}"
    if NO_SPACE.search(whole) or (DISK_IO.search(whole)
                                  and min(map(free_bytes, folders)) < LOW_ROOM):
        room = ", ".join(f"{folder} has {free_space(folder)} free" for folder in folders)
        return f"out of disk space ({line}): {room}"
    if OUT_OF_MEMORY.search(whole):
        return f"DuckDB ran out of memory ({line}): raise NEWSIMPACT_DUCKDB_MEMORY (now {memory})"
    return line


def run_failure(result, folders: list[Path], memory: str = DEFAULT_DUCKDB_MEMORY) -> str:
    """The first failed step of a Dagster run result and why it failed: the innermost error
    (Dagster wraps an asset's exception in its own), its causes searched for a full disk."""
    for event in result.get_step_failure_events():
        error = event.step_failure_data.error
        if error is None:
            continue
        chain = [error]
        while chain[-1].cause is not None:
            chain.append(chain[-1].cause)
        innermost = next(e for e in reversed(chain) if e.message.strip())
        causes = "\n".join(e.message for e in chain)
        return f"step {event.step_key}: {explain(innermost.message, folders, causes, memory)}"
    try:
        message = result.get_run_failure_event().message or "no message"
    except DagsterError:  # a run that failed without a failure event (cancelled, for one)
        message = "no step failed and no failure was recorded"
    return explain(message, folders, memory=memory)

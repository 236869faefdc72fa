"""Run only the Dagster `ingest` job over a range of days, in this process, and print one JSON
line: run id, success, seconds (import, job) and each step's seconds.

    NEWSIMPACT_TRANSPORT=landing NEWSIMPACT_SEEDS_DIR=... NEWSIMPACT_WAREHOUSE=... \\
    NEWSIMPACT_LANDING_DIR=... DAGSTER_HOME=... python -m tests.benchmarks.ingest_runner FIRST LAST

bench.py starts it in a subprocess so that the code location reads those variables at import.
"""

from __future__ import annotations

import json
import sys
import time


def step_seconds(instance, run_id: str) -> dict[str, float]:
    """Seconds from each step's start to its success or failure, from the run's event log."""
    started, seconds = {}, {}
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if event is None or not event.step_key:
            continue
        if event.event_type_value == "STEP_START":
            started[event.step_key] = entry.timestamp
        elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
            seconds[event.step_key] = round(entry.timestamp - started[event.step_key], 3)
    return seconds


def main(first_day: str, last_day: str) -> int:
    began = time.perf_counter()
    from dagster import DagsterInstance

    from orchestration.cli.pipeline import QUIET
    from orchestration.definitions import build_defs
    from orchestration.ingestion.jobs import partition_range_tags
    from orchestration.settings import Settings

    imported = time.perf_counter()
    with DagsterInstance.ephemeral() as instance:
        result = build_defs(Settings.from_env()).resolve_job_def("ingest").execute_in_process(
            instance=instance, tags=partition_range_tags(first_day, last_day),
            raise_on_error=False, run_config=QUIET)
        finished = time.perf_counter()
        print(json.dumps({
            "run_id": result.run_id, "success": result.success,
            "import_seconds": round(imported - began, 3),
            "job_seconds": round(finished - imported, 3),
            "steps": step_seconds(instance, result.run_id)}), flush=True)
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))

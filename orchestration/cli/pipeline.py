"""The commands that run the pipeline (demo, run, replay): an ingest run, then a transform run,
each with progress bars and a summary line, on the definitions of the command's settings."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

from orchestration.cli.parser import CliError
from orchestration.runtime.failures import run_failure
from orchestration.runtime.progress import (
    PUBLISHED_PATH,
    PUBLISHED_ROWS,
    REPORTS_EVENTS,
    REPORTS_INDEX,
    ROW_COUNT,
    ROWS_ADDED,
)
from orchestration.settings import REPO_ROOT, Settings, use_dagster_home

# The full event log goes to the Dagster instance (see `make ui`); the terminal gets errors.
QUIET = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}


def ensure_dagster_home(settings: Settings) -> Path:
    """DAGSTER_HOME (default warehouse/dagster_home) with our dagster.yaml, so runs persist and
    the UI started by `make ui` shows them."""
    home = use_dagster_home(settings)
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        shutil.copy(REPO_ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    return home


def prepare_manifest() -> None:
    """dbt's manifest, which the code location loads, made by `dbt parse` when it is missing
    (a clone used without `make`)."""
    from orchestration.transform import project
    from orchestration.transform.resources import dbt_executable

    dbt_project = project.dbt_project
    if Path(dbt_project.manifest_path).is_file():
        return
    print("newsimpact: preparing dbt's manifest (dbt parse) ...", flush=True)
    # (dagster-dbt's preparer would need dbt on PATH and prints dbt's log: a quiet process)
    done = subprocess.run([dbt_executable(), "parse", "--quiet", "--profiles-dir", "."],
                          cwd=dbt_project.project_dir, capture_output=True, text=True)
    if done.returncode != 0:
        raise CliError(f"`dbt parse` failed in {dbt_project.project_dir}: "
                       + ((done.stdout + done.stderr).strip().splitlines() or ["no output"])[-1])


LAYERS = ["seeds", "staging", "intermediate", "marts", "serving", "reports"]  # in build order


def progress_bars(defs, job_name: str, first_day: str, last_day: str):
    """The bars of a run: per ingestion asset (its days), or per layer of the transform."""
    from orchestration.ingestion.jobs import ingest_job
    from orchestration.runtime.progress import Bar, grouped
    from orchestration.transform.jobs import transform_job

    job = {"ingest": ingest_job, "transform": transform_job}[job_name]
    selected = job.selection.resolve(defs.resolve_asset_graph())
    keys = [k.to_user_string() for k in selected]
    if job_name == "ingest":
        days = (date.fromisoformat(last_day) - date.fromisoformat(first_day)).days + 1
        partitioned = {k.to_user_string() for k in selected
                       if defs.resolve_assets_def(k).partitions_def}
        return {k: Bar(k, days if k in partitioned else 1, "days" if k in partitioned
                       else "step") for k in sorted(keys)}, (lambda key: key)
    layers = grouped(keys)
    order = [layer for layer in LAYERS if layer in layers] + sorted(set(layers) - set(LAYERS))
    return ({layer: Bar(layer, layers[layer], "assets") for layer in order},
            lambda key: key.split("/")[0])


def run_pipeline(settings: Settings, first_day: str, last_day: str) -> list[str]:
    """Ingest first_day..last_day as one run, then build the marts in a second run, each with
    progress bars; returns the summary lines. What the runs print (dbt's log among it) goes to
    logs/<job>.log beside the warehouse."""
    from dagster import DagsterInstance
    from rich.console import Console

    from orchestration.definitions import build_defs
    from orchestration.ingestion.jobs import partition_range_tags
    from orchestration.runtime.progress import RunProgress
    from orchestration.runtime.runs import owner_tags, reap_dead_runs
    from orchestration.transform.jobs import TRANSFORMED_BY, window_tags

    defs, folders = build_defs(settings), run_folders(settings)
    log_dir = settings.warehouse.parent / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    console = Console(file=sys.stdout, highlight=False)
    summary = []
    with DagsterInstance.get() as instance:
        for line in reap_dead_runs(instance):
            print(f"newsimpact: {line}", flush=True)
        ingest_tags = {**partition_range_tags(first_day, last_day),
                       TRANSFORMED_BY: "newsimpact"}  # (not the daemon's sensor as well)
        for job_name, tags in (("ingest", ingest_tags),
                               ("transform", window_tags(first_day, last_day))):
            began, run_id = time.monotonic(), str(uuid.uuid4())  # as Dagster makes them
            print(f"newsimpact: {job_name} {first_day}..{last_day} (run {run_id[:8]})",
                  flush=True)
            log = log_dir / f"{job_name}.log"
            bars, label_of = progress_bars(defs, job_name, first_day, last_day)
            # what the run prints, Dagster's error events and their stacks among it, goes to
            # the log; the terminal gets the bars and, if it fails, one line
            with (log.open("w") as handle,
                  RunProgress(instance, run_id, bars, label_of, console),
                  contextlib.redirect_stdout(handle), contextlib.redirect_stderr(handle)):
                result = defs.resolve_job_def(job_name).execute_in_process(
                    instance=instance, tags={**tags, **owner_tags()}, raise_on_error=False,
                    run_config=QUIET, run_id=run_id)
            if not result.success:
                cause = run_failure(result, folders, settings.duckdb_memory)
                raise SystemExit(f"newsimpact: the {job_name} run failed (run {run_id[:8]}): "
                                 f"{cause}; its output is in {log}, its events in `newsimpact ui`")
            summary += run_summary(job_name, bars, time.monotonic() - began)
    return summary


def run_folders(settings: Settings | None) -> list[Path]:
    """Where a run writes: the warehouse's folder (its logs), landing, serving, Dagster's home;
    each named once, and none inside another already named."""
    candidates = ([settings.warehouse.parent, settings.landing_dir, settings.serving,
                   settings.dagster_home] if settings else [REPO_ROOT / "warehouse"])
    folders: list[Path] = []
    for folder in candidates:
        if not any(folder.is_relative_to(named) for named in folders):
            folders.append(folder)
    return folders


def run_summary(job_name: str, bars: dict, seconds: float) -> list[str]:
    """What a run did, from its materializations' metadata."""
    if job_name == "ingest":
        parts = []
        for label, bar in bars.items():
            metadata = next(iter(bar.metadata.values()), {})
            added, total = metadata.get(ROWS_ADDED), metadata.get(ROW_COUNT)
            parts.append(f"{label} {len({p for _, p in bar.done})} {bar.unit}"
                         + (f", {added} new rows" if added is not None else "")
                         + (f", {total} in all" if total is not None else ""))
        return [f"ingest: {seconds:.1f} s: " + "; ".join(parts)]
    built = sum(len(bar.done) for bar in bars.values())
    lines = [f"transform: {seconds:.1f} s: {built} assets built"]
    serving = bars.get("serving")
    for metadata in (serving.metadata.values() if serving else []):
        if PUBLISHED_ROWS in metadata:
            lines.append(f"published: {len(metadata[PUBLISHED_ROWS])} tables to "
                         f"{metadata[PUBLISHED_PATH]}")
    reports = bars.get("reports")
    for metadata in (reports.metadata.values() if reports else []):
        if REPORTS_INDEX in metadata:
            lines.append(f"reports: {metadata.get(REPORTS_EVENTS)} events, "
                         f"{metadata[REPORTS_INDEX]}")
    return lines


def run_only(settings: Settings, args) -> int:
    """replay (and the first half of demo and run): the two runs over the days asked for."""
    from orchestration.runtime.runs import writer_lock  # (Dagster's import: only to run)

    ensure_dagster_home(settings)
    settings.warehouse.parent.mkdir(parents=True, exist_ok=True)
    prepare_manifest()
    with writer_lock(settings.warehouse, f"newsimpact {args.command}"):
        summary = run_pipeline(settings, args.first_day, args.last_day)
    print("\n".join(f"newsimpact: {line}" for line in summary), flush=True)
    return 0


def run_and_report(settings: Settings, args) -> int:
    """demo and run: the two runs, then the top moves of the new published copy."""
    from orchestration.cli.reading import impact_table

    run_only(settings, args)
    print(f"\nTop moves on t0 (p < {args.max_p}), one row per asset and session, "
          f"published copy {settings.published}:\n", flush=True)
    print(impact_table(settings, args.limit, args.max_p, args.all_assets, args.symbols))
    return 0

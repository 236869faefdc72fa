"""The commands that look after the installation: the UI, the Parquet export for Spark,
backup and restore, and the evaluation of the reading of news."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from orchestration.settings import REPO_ROOT, Settings


def start_ui(port: int) -> int:
    """`dagster dev` on 127.0.0.1 (never another interface) until interrupted."""
    dagster = Path(sys.executable).with_name("dagster")
    print(f"newsimpact: the Dagster UI on http://127.0.0.1:{port} (Ctrl-C stops it)",
          flush=True)
    process = subprocess.Popen([str(dagster), "dev", "-h", "127.0.0.1", "-p", str(port)],
                               cwd=REPO_ROOT)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        return process.wait()


def export_raw(settings: Settings, destination: str) -> str:
    from orchestration.transform.spark_export import export_raw as export

    began = time.perf_counter()
    tables = export(settings.warehouse, destination)
    counts = ", ".join(f"{table.table} {table.rows}" for table in tables)
    return (f"newsimpact: exported the raw tables to {destination} in "
            f"{time.perf_counter() - began:.1f} s ({counts} rows)")


def home(settings: Settings, args) -> int:
    """DAGSTER_HOME created with newsimpact's dagster.yaml, and the warehouse's folder."""
    from orchestration.cli.pipeline import ensure_dagster_home

    ensure_dagster_home(settings)
    settings.warehouse.parent.mkdir(parents=True, exist_ok=True)
    return 0


def ui(settings: Settings, args) -> int:
    from orchestration.cli.pipeline import prepare_manifest

    home(settings, args)
    prepare_manifest()
    return start_ui(args.port)


def backup_command(settings: Settings, args) -> int:
    from orchestration.runtime import backup

    print(f"newsimpact: {backup.backup(settings, args.destination).line('backed up')}")
    return 0


def restore_command(settings: Settings, args) -> int:
    from orchestration.runtime import backup

    print(f"newsimpact: {backup.restore(settings, args.source, args.force).line('restored')}")
    return 0


def export_command(settings: Settings, args) -> int:
    print(export_raw(settings, args.destination or settings.raw_url))
    return 0


def evaluate_command(settings: Settings, args) -> int:
    from orchestration.evaluation import news

    feeds = args.feeds or news.FEEDS_REAL
    if args.labels:  # one set, as JSON lines
        print(news.json_lines(news.evaluate(settings, args.labels, feeds), args.mistakes))
        return 0
    records = news.evaluate_all(settings, feeds)
    print(news.table(records) if args.output == "table"
          else news.json_lines(records, args.mistakes))
    return 0

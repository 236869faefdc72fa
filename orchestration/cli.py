"""The `newsimpact` command: the demo, runs over a range of days, the impact report, queries
against the published copy, backups, the Parquet export for Spark and Dagster's home folder."""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import duckdb
import sqlalchemy.exc

from .backup import BackupError
from .deployment import Deployment
from .evaluation import EvaluationError
from .failures import explain, run_failure
from .partitions import FIRST_DAY
from .reference import ReferenceError
from .serving.moves import p_value, pct, top_moves
from .settings import REPO_ROOT, Settings, SettingsError
from .sources.fetched import utcnow
from .spark.export import ExportError

DEMO_LAST_DAY = "2025-02-28"  # the bundled prices end here; the feeds cover 2025-01-13..02-07

# The full event log goes to the Dagster instance (see `make ui`); the terminal gets errors.
QUIET = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}


def ensure_dagster_home() -> Path:
    """DAGSTER_HOME (default warehouse/dagster_home) with our dagster.yaml, so runs persist and
    the UI started by `make ui` shows them."""
    default = REPO_ROOT / "warehouse" / "dagster_home"
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(default)))
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        shutil.copy(Path(__file__).with_name("dagster.yaml"), home / "dagster.yaml")
    return home


def prepare_manifest() -> None:
    """dbt's manifest, which the code location loads, made by `dbt parse` when it is missing
    (a clone used without `make`)."""
    from .project import dbt_project
    from .resources import dbt_executable

    if Path(dbt_project.manifest_path).is_file():
        return
    print("newsimpact: preparing dbt's manifest (dbt parse) ...", flush=True)
    done = subprocess.run([dbt_executable(), "parse", "--quiet", "--profiles-dir", "."],
                          cwd=dbt_project.project_dir, capture_output=True, text=True)
    if done.returncode != 0:
        raise CliError(f"`dbt parse` failed in {dbt_project.project_dir}: "
                       + ((done.stdout + done.stderr).strip().splitlines() or ["no output"])[-1])


LAYERS = ["seeds", "staging", "intermediate", "marts", "serving", "reports"]  # in build order


def progress_bars(defs, job_name: str, first_day: str, last_day: str):
    """The bars of a run: per ingestion asset (its days), or per layer of the transform."""
    from .progress import Bar, grouped

    selected = defs.resolve_job_def(job_name).asset_layer.selected_asset_keys
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


def run_pipeline(first_day: str, last_day: str, log_dir: Path,
                 folders: list[Path]) -> list[str]:
    """Ingest first_day..last_day as one run, then build the marts in a second run, each with
    progress bars; returns the summary lines. What the runs print (dbt's log among it) goes to
    log_dir/<job>.log."""
    from dagster import DagsterInstance
    from rich.console import Console

    from .definitions import defs
    from .progress import RunProgress
    from .runs import owner_tags, reap_dead_runs
    from .schedules import TRANSFORMED_BY, partition_range_tags, window_tags

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
                cause = run_failure(result, folders)
                raise SystemExit(f"newsimpact: the {job_name} run failed (run {run_id[:8]}): "
                                 f"{cause}; its output is in {log}, its events in `newsimpact ui`")
            summary += run_summary(job_name, bars, time.monotonic() - began)
    return summary


def run_folders(settings: Settings | None) -> list[Path]:
    """Where a run writes: the warehouse's folder (its logs), landing, serving, Dagster's home;
    each named once, and none inside another already named."""
    home = os.environ.get("DAGSTER_HOME")
    candidates = ([settings.warehouse.parent, settings.landing_dir, settings.serving]
                  if settings else [REPO_ROOT / "warehouse"]) + ([Path(home)] if home else [])
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
            added, total = metadata.get("rows_added"), metadata.get("dagster/row_count")
            parts.append(f"{label} {len({p for _, p in bar.done})} {bar.unit}"
                         + (f", {added} new rows" if added is not None else "")
                         + (f", {total} in all" if total is not None else ""))
        return [f"ingest: {seconds:.1f} s: " + "; ".join(parts)]
    built = sum(len(bar.done) for bar in bars.values())
    lines = [f"transform: {seconds:.1f} s: {built} assets built"]
    serving = bars.get("serving")
    for metadata in (serving.metadata.values() if serving else []):
        if "rows" in metadata:
            lines.append(f"published: {len(metadata['rows'])} tables to {metadata['path']}")
    reports = bars.get("reports")
    for metadata in (reports.metadata.values() if reports else []):
        if "index" in metadata:
            lines.append(f"reports: {metadata.get('events')} events, {metadata['index']}")
    return lines


class CliError(Exception):
    """Bad input or a missing prerequisite: one line for the user, exit status 2."""


def connect_published(settings: Settings):
    """A read-only connection to the published copy (never to the pipeline's own file)."""

    if not settings.published.is_file():
        raise CliError(f"no published warehouse at {settings.published}: run `newsimpact demo` "
                       "or `newsimpact run` first")
    return duckdb.connect(str(settings.published), read_only=True)


def text_table(header: list[str], rows: list[tuple], right: set[int] = frozenset()) -> str:
    """A fixed-width table: columns in `right` right-aligned (numbers), the others left."""
    cells = [[("" if v is None else str(v)) for v in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def fmt(row) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(row, widths, strict=True))).rstrip()

    return "\n".join([fmt(cells[0]), fmt(["-" * w for w in widths]), *map(fmt, cells[1:])])


def impact_table(settings: Settings, limit: int = 15, max_p: float = 0.01,
                 include_unlinked: bool = False, symbols: list[str] | None = None) -> str:
    """The strongest moves on t0, one row per asset and session, as a fixed-width text table:
    the lead event, the move, and how many events share the session (named the asset). By
    default only moves that an event naming the asset shares; all assets unless `symbols`."""
    with connect_published(settings) as con:
        rows = top_moves(con, limit, max_p, include_unlinked, symbols)
    header = ["lead event", "asset", "t0", "return", "abnormal", "p", "CAR[-1,+1]", "p",
              "events (naming it)"]
    lines = [(f"{etype}: {headline}"[:58], symbol, str(t0), pct(ret), pct(ar), p_value(p_ar),
              pct(car), p_value(p_car), f"{n_events} ({n_linked})")
             for etype, headline, symbol, t0, ret, ar, p_ar, car, p_car, n_events, n_linked
             in rows]
    return text_table(header, lines, right=set(range(3, 9)))


def json_value(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def query(settings: Settings, sql: str, output: str) -> str:
    """Run one SQL statement against the published copy; the result as a table, CSV or JSON."""

    with connect_published(settings) as con:
        try:
            result = con.execute(sql)
        except duckdb.Error as exc:
            raise CliError(f"query failed: {str(exc).splitlines()[0]}") from None
        if result.description is None:
            return ""
        header = [column[0] for column in result.description]
        rows = result.fetchall()
    if output == "json":
        return "\n".join(json.dumps(dict(zip(header, map(json_value, row), strict=True)))
                         for row in rows)
    if output == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerows([header, *rows])
        return buffer.getvalue().rstrip("\n")
    numeric = {i for i, column in enumerate(zip(*rows, strict=True)) if all(
        isinstance(v, (int, float, Decimal)) or v is None for v in column)}
    return text_table(header, [tuple(json_value(v) for v in row) for row in rows], numeric) \
        + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})"


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (what is wrong and where to look), exit 2."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def iso_day(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day: use YYYY-MM-DD") from None


def positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return int(text)


def port_number(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port (1-65535)")
    return int(text)


def probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a p-value in (0, 1]")
    return value


def _report_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--limit", type=positive_int, default=15, help="rows (default 15)")
    parser.add_argument("--max-p", type=probability, default=0.01,
                        help="p-value cut-off on [0,0] (default 0.01)")
    parser.add_argument("--all-assets", action="store_true",
                        help="include moves that no event naming the asset shares")
    parser.add_argument("--symbol", dest="symbols", action="append", metavar="SYMBOL",
                        help="only this asset (repeat for several), e.g. --symbol NVDA")


def _range_args(parser: argparse.ArgumentParser, first: str, last: str) -> None:
    parser.add_argument("--first-day", type=iso_day, default=first,
                        help=f"first UTC day, YYYY-MM-DD (default {first})")
    parser.add_argument("--last-day", type=iso_day, default=last,
                        help=f"last UTC day, YYYY-MM-DD (default {last})")


def check_range(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """The days a run covers must be partitions: from FIRST_DAY to tomorrow (UTC), in order."""
    tomorrow = (utcnow().date() + timedelta(days=1)).isoformat()
    if args.first_day > args.last_day:
        parser.error(f"--first-day {args.first_day} is after --last-day {args.last_day}")
    if args.first_day < FIRST_DAY:
        parser.error(f"--first-day {args.first_day} is before the first day with prices, "
                     f"{FIRST_DAY}")
    if args.last_day > tomorrow:
        parser.error(f"--last-day {args.last_day} is in the future (the last day is {tomorrow})")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = Parser(prog="newsimpact", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    demo = commands.add_parser("demo", help="backfill the bundled window from the recorded "
                                            "snapshots and print the top impacts")
    _range_args(demo, FIRST_DAY, DEMO_LAST_DAY)
    _report_args(demo)
    today = utcnow().date()
    run = commands.add_parser("run", help="ingest a range of days with the configured transport "
                                          "(NEWSIMPACT_TRANSPORT), build the marts, print impacts")
    _range_args(run, (today - timedelta(days=1)).isoformat(), today.isoformat())
    _report_args(run)
    replay = commands.add_parser(
        "replay", help="rebuild the raw tables (then the marts) from warehouse/landing/ alone")
    _range_args(replay, FIRST_DAY, DEMO_LAST_DAY)
    _report_args(commands.add_parser("impacts", help="print the top event impacts"))
    query_parser = commands.add_parser("query", help="run SQL against the published copy of the "
                                                     "marts (warehouse/serving/newsimpact.duckdb)")
    query_parser.add_argument("sql", help="one SQL statement, e.g. \"select * from "
                                          "marts.dim_event limit 5\"")
    query_parser.add_argument("--format", dest="output", choices=["table", "csv", "json"],
                              default="table", help="table (default), csv, or json (one "
                                                    "object per line)")
    report = commands.add_parser("report", help="write the event reports (HTML pages with "
                                                "charts, and an index) from the published copy")
    report.add_argument("--events", type=positive_int, default=20,
                        help="how many events get a page, by impact (default 20)")
    ui = commands.add_parser("ui", help="the Dagster UI on http://127.0.0.1:PORT (runs, "
                                        "assets, backfills)")
    ui.add_argument("--port", type=port_number, default=3000, help="port (default 3000)")
    backup = commands.add_parser("backup", help="snapshot the warehouse, landing/ and the "
                                                "published copy while no run writes")
    backup.add_argument("--to", dest="destination", type=Path, metavar="FOLDER",
                        help="a new folder (default warehouse/backups/<UTC time>)")
    restore = commands.add_parser("restore", help="put a backup in place of the warehouse, "
                                                  "landing/ and the published copy")
    restore.add_argument("source", type=Path, metavar="FOLDER", help="a folder made by backup")
    restore.add_argument("--force", action="store_true",
                         help="replace a warehouse, landing/ or serving/ that exists")
    evaluate = commands.add_parser(
        "evaluate", help="score event types, entity links and sentiment on the labelled real "
                         "news (tests/evaluation/), as JSON lines")
    evaluate.add_argument("--labels", type=Path, help="a labelled CSV (default "
                                                      "tests/evaluation/labelled_news.csv)")
    evaluate.add_argument("--feeds", type=Path, help="the folder of the real feeds the labels "
                                                     "name (default ../shared/data/feeds_real)")
    evaluate.add_argument("--mistakes", action="store_true",
                          help="also one line per item read differently from its label")
    export = commands.add_parser(
        "export-raw", help="write the raw tables as Parquet, the sources of dbt's Spark target")
    export.add_argument("--to", dest="destination", metavar="URL",
                        help="a folder or a filesystem URL such as s3://bucket/raw (default "
                             "NEWSIMPACT_RAW_URL, else raw_parquet/ beside the warehouse)")
    commands.add_parser("home", help="create DAGSTER_HOME with newsimpact's dagster.yaml")
    args = parser.parse_args(argv)
    if hasattr(args, "first_day"):
        check_range(commands.choices[args.command], args)
    return args


# The transport each command imposes (before the code location reads its settings).
TRANSPORT_OF = {"demo": "replay", "replay": "landing"}


def check_symbols(settings: Settings, symbols: list[str] | None) -> None:
    from .reference import load_assets

    known = sorted(asset.symbol for asset in load_assets(settings.seeds_dir))
    unknown = [symbol for symbol in symbols or [] if symbol not in known]
    if unknown:
        raise CliError(f"unknown symbol {unknown[0]!r}: {settings.seeds_dir / 'assets.csv'} has "
                       f"{', '.join(known)}")


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


def write_reports(settings: Settings, events: int) -> str:
    from .reports.events import build_reports

    connect_published(settings).close()  # the one-line error when nothing is published
    built = build_reports(settings.published, settings.reports, events)
    return f"newsimpact: {built.pages} event pages in {built.seconds} s; open {built.index}"


def export_raw(settings: Settings, destination: str) -> str:
    from .spark.export import export_raw as export

    began = time.perf_counter()
    tables = export(settings.warehouse, destination)
    counts = ", ".join(f"{table.table} {table.rows}" for table in tables)
    return (f"newsimpact: exported the raw tables to {destination} in "
            f"{time.perf_counter() - began:.1f} s ({counts} rows)")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.command in TRANSPORT_OF:
        os.environ["NEWSIMPACT_TRANSPORT"] = TRANSPORT_OF[args.command]
    settings = None
    try:
        settings = Settings.from_env()
        Deployment.from_env(settings)  # a bad executor setting: one line here, not in the UI
        check_symbols(settings, getattr(args, "symbols", None))
        if args.command in ("home", "demo", "run", "replay", "ui"):  # the others only read
            ensure_dagster_home()
            settings.warehouse.parent.mkdir(parents=True, exist_ok=True)
        if args.command == "home":
            return 0
        if args.command in ("demo", "run", "replay", "ui"):
            prepare_manifest()
        if args.command == "ui":
            return start_ui(args.port)
        if args.command == "evaluate":
            from .evaluation import news

            records = news.evaluate(args.labels or news.LABELS, args.feeds or news.FEEDS_REAL)
            print(news.json_lines(records, args.mistakes))
            return 0
        if args.command == "export-raw":
            print(export_raw(settings, args.destination or settings.raw_url))
            return 0
        if args.command in ("backup", "restore"):
            from . import backup

            if args.command == "backup":
                done = backup.backup(settings, args.destination).line("backed up")
            else:
                done = backup.restore(settings, args.source, args.force).line("restored")
            print(f"newsimpact: {done}")
            return 0
        if args.command in ("demo", "run", "replay"):
            from .runs import writer_lock  # (Dagster's import, only for the commands that run)

            with writer_lock(settings.warehouse, f"newsimpact {args.command}"):
                summary = run_pipeline(args.first_day, args.last_day,
                                       settings.warehouse.parent / "logs", run_folders(settings))
            print("\n".join(f"newsimpact: {line}" for line in summary), flush=True)
        if args.command == "replay":
            return 0
        if args.command == "query":
            print(query(settings, args.sql, args.output))
            return 0
        if args.command == "report":
            print(write_reports(settings, args.events))
            return 0
        if args.command != "impacts":
            print(f"\nTop moves on t0 (p < {args.max_p}), one row per asset and session, "
                  f"published copy {settings.published}:\n", flush=True)
        print(impact_table(settings, args.limit, args.max_p, args.all_assets, args.symbols))
    except (CliError, SettingsError, ReferenceError, BackupError, EvaluationError,
            ExportError) as exc:
        print(f"newsimpact: {exc}", file=sys.stderr)
        return 2
    # a full disk, for one; Dagster's run storage reports through SQLAlchemy
    except (OSError, sqlite3.Error, duckdb.Error, sqlalchemy.exc.SQLAlchemyError) as exc:
        cause = explain(f"{type(exc).__name__}: {exc}", run_folders(settings))
        print(f"newsimpact: {cause}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

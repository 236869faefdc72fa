"""The `newsimpact` command: the demo, runs over a range of days, the impact report, queries
against the published copy and Dagster's home folder."""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import shutil
import sys
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from .partitions import FIRST_DAY
from .settings import REPO_ROOT, Settings, SettingsError
from .sources.fetched import utcnow

DEMO_LAST_DAY = "2025-02-28"  # the bundled prices end here; the feeds cover 2025-01-13..02-07

# One row per move (asset and t0): the events that share the session are its candidate causes,
# summed up as how many (and how many name the asset) and the lead one (see fct_asset_move).
TOP_IMPACTS_SQL = """
select
    ar.lead_event_type,
    ar.lead_headline,
    ar.symbol,
    ar.t0_date,
    ar.raw_return,
    ar.car as abnormal_return,
    ar.car_p_value as ar_p_value,
    car.car as car_m1_p1,
    car.car_p_value as car_p_value,
    ar.n_events,
    ar.n_linked_events
from marts.fct_asset_move as ar
join marts.fct_asset_move as car
    on car.symbol = ar.symbol and car.t0_date = ar.t0_date and car.window_label = '[-1,+1]'
where ar.window_label = '[0,0]' and ar.car_p_value < ? and (ar.lead_names_asset or ?)
order by abs(ar.car) desc, ar.symbol
limit ?
"""


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


def run_pipeline(first_day: str, last_day: str, log_dir: Path) -> None:
    """Ingest first_day..last_day as one run, then build the marts in a second run. What the
    runs print (dbt's log among it) goes to log_dir/<job>.log."""
    from dagster import DagsterInstance

    from .definitions import defs
    from .schedules import partition_range_tags, window_tags

    log_dir.mkdir(parents=True, exist_ok=True)
    with DagsterInstance.get() as instance:
        for job_name, tags in (("ingest", partition_range_tags(first_day, last_day)),
                               ("transform", window_tags(first_day, last_day))):
            began = time.monotonic()
            print(f"newsimpact: running {job_name}"
                  + f" over {first_day}..{last_day} ...", flush=True)
            log = log_dir / f"{job_name}.log"
            with log.open("w") as handle, contextlib.redirect_stdout(handle):
                result = defs.resolve_job_def(job_name).execute_in_process(
                    instance=instance, tags=tags, raise_on_error=False, run_config=QUIET)
            if not result.success:
                raise SystemExit(f"newsimpact: the {job_name} run failed (run {result.run_id}); "
                                 f"its output is in {log}, its events in `make ui`")
            print(f"newsimpact: {job_name} done in {time.monotonic() - began:.1f} s "
                  f"(run {result.run_id[:8]})", flush=True)


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value * 100:+.2f}%"


def _p(value: float | None) -> str:
    return "" if value is None else ("<0.0001" if value < 1e-4 else f"{value:.4f}")


class CliError(Exception):
    """Bad input or a missing prerequisite: one line for the user, exit status 2."""


def connect_published(settings: Settings):
    """A read-only connection to the published copy (never to the pipeline's own file)."""
    import duckdb

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
                 include_unlinked: bool = False) -> str:
    """The strongest moves on t0, one row per asset and session, as a fixed-width text table:
    the lead event, the move, and how many events share the session (named the asset). By
    default only moves that an event naming the asset shares."""
    with connect_published(settings) as con:
        rows = con.execute(TOP_IMPACTS_SQL, [max_p, include_unlinked, limit]).fetchall()
    header = ["lead event", "asset", "t0", "return", "abnormal", "p", "CAR[-1,+1]", "p",
              "events (naming it)"]
    lines = [(f"{etype}: {headline}"[:58], symbol, str(t0), _pct(ret), _pct(ar), _p(p_ar),
              _pct(car), _p(p_car), f"{n_events} ({n_linked})")
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
    import duckdb

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
    commands.add_parser("home", help="create DAGSTER_HOME with newsimpact's dagster.yaml")
    args = parser.parse_args(argv)
    if hasattr(args, "first_day"):
        check_range(commands.choices[args.command], args)
    return args


# The transport each command imposes (before the code location reads its settings).
TRANSPORT_OF = {"demo": "replay", "replay": "landing"}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.command in TRANSPORT_OF:
        os.environ["NEWSIMPACT_TRANSPORT"] = TRANSPORT_OF[args.command]
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"newsimpact: {exc}", file=sys.stderr)
        return 2
    if args.command in ("home", "demo", "run", "replay"):  # the others read, and create nothing
        ensure_dagster_home()
        settings.warehouse.parent.mkdir(parents=True, exist_ok=True)
    if args.command == "home":
        return 0
    if args.command in ("demo", "run", "replay"):
        run_pipeline(args.first_day, args.last_day, settings.warehouse.parent / "logs")
    if args.command == "replay":
        return 0
    try:
        if args.command == "query":
            print(query(settings, args.sql, args.output))
            return 0
        if args.command != "impacts":
            print(f"\nTop moves on t0 (p < {args.max_p}), one row per asset and session, "
                  f"published copy "
                  f"{settings.published}:\n", flush=True)
        print(impact_table(settings, args.limit, args.max_p, args.all_assets))
    except CliError as exc:
        print(f"newsimpact: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

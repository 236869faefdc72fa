"""The `newsimpact` command: the demo, the impact report and Dagster's home folder."""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from .partitions import FIRST_DAY
from .settings import REPO_ROOT, Settings, SettingsError
from .sources.fetched import utcnow
from .warehouse import connect_read_only

DEMO_LAST_DAY = "2025-02-28"  # the bundled prices end here; the feeds cover 2025-01-13..02-07

TOP_IMPACTS_SQL = """
select
    dim_event.event_type,
    dim_event.headline,
    ar.symbol,
    ar.t0_date,
    ar.raw_return,
    ar.car as abnormal_return,
    ar.car_p_value as ar_p_value,
    car.car as car_m1_p1,
    car.car_p_value as car_p_value,
    ar.is_linked
from marts.fct_event_impact as ar
join marts.fct_event_impact as car
    on car.event_id = ar.event_id and car.symbol = ar.symbol and car.window_label = '[-1,+1]'
join marts.dim_event as dim_event on dim_event.event_id = ar.event_id
where ar.window_label = '[0,0]' and ar.car_p_value < ? and (ar.is_linked or ?)
order by abs(ar.car) desc
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


def impact_table(warehouse: Path, limit: int = 15, max_p: float = 0.01,
                 include_unlinked: bool = False) -> str:
    """The strongest event impacts on t0 as a fixed-width text table; by default only assets
    named in the event's news (an asset-day hit by one event is hit by every event dated then)."""
    with connect_read_only(warehouse) as con:
        rows = con.execute(TOP_IMPACTS_SQL, [max_p, include_unlinked, limit]).fetchall()
    header = ("event", "asset", "t0", "return", "abnormal", "p", "CAR[-1,+1]", "p", "linked")
    lines = [(f"{etype}: {headline}"[:58], symbol, str(t0), _pct(ret), _pct(ar), _p(p_ar),
              _pct(car), _p(p_car), "yes" if linked else "")
             for etype, headline, symbol, t0, ret, ar, p_ar, car, p_car, linked in rows]
    widths = [max(len(str(r[i])) for r in [header, *lines]) for i in range(len(header))]

    def fmt(row) -> str:  # text columns left-aligned, numbers right-aligned
        cells = zip(row, widths, strict=True)
        return "  ".join(str(c).ljust(w) if i < 3 else str(c).rjust(w)
                         for i, (c, w) in enumerate(cells))

    return "\n".join([fmt(header), fmt(["-" * w for w in widths]), *map(fmt, lines)])


def _report_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--limit", type=int, default=15)
    parser.add_argument("--max-p", type=float, default=0.01, help="p-value cut-off on [0,0]")
    parser.add_argument("--all-assets", action="store_true",
                        help="include assets not named in the event's news")


def _range_args(parser: argparse.ArgumentParser, first: str, last: str) -> None:
    parser.add_argument("--first-day", default=first, help=f"first UTC day (default {first})")
    parser.add_argument("--last-day", default=last, help=f"last UTC day (default {last})")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="newsimpact", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
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
    commands.add_parser("home", help="create DAGSTER_HOME with newsimpact's dagster.yaml")
    return parser.parse_args(argv)


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
    ensure_dagster_home()
    settings.warehouse.parent.mkdir(parents=True, exist_ok=True)
    if args.command == "home":
        return 0
    if args.command in ("demo", "run", "replay"):
        run_pipeline(args.first_day, args.last_day, settings.warehouse.parent / "logs")
    if args.command == "replay":
        return 0
    if args.command != "impacts":
        print(f"\nTop event impacts on t0 (p < {args.max_p}), warehouse {settings.warehouse}:\n",
              flush=True)
        # A fresh process reads the result: dagster-dbt keeps dbt's own DuckDB handle open in
        # this one, and DuckDB allows one configuration per file and process.
        return subprocess.call([sys.executable, "-m", "orchestration.cli", "impacts",
                                "--limit", str(args.limit), "--max-p", str(args.max_p)]
                               + (["--all-assets"] if args.all_assets else []))
    print(impact_table(settings.warehouse, args.limit, args.max_p, args.all_assets))
    return 0


if __name__ == "__main__":
    sys.exit(main())

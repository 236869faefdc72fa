"""The command line's grammar: the commands, their arguments, and a usage error in one line."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from orchestration.ingestion.partitions import FIRST_DAY
from orchestration.sources.fetched import utcnow

DESCRIPTION = ("The `newsimpact` command: the demo, runs over a range of days, the impact "
               "report, queries against the published copy, backups, the Parquet export for "
               "Spark and Dagster's home folder.")
DEMO_LAST_DAY = "2025-02-28"  # the bundled prices end here; the feeds cover 2025-01-13..02-07


class CliError(Exception):
    """Bad input or a missing prerequisite: one line for the user, exit status 2."""


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
    parser = Parser(prog="newsimpact", description=DESCRIPTION)
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
        "evaluate", help="score event types, entity links and sentiment on every labelled set "
                         "(development, held-out, the corpus's test split, PhraseBank when "
                         "../shared/data has it), as a table")
    evaluate.add_argument("--labels", type=Path, help="only this labelled CSV, as JSON lines "
                                                      "(e.g. tests/evaluation/labelled_news.csv)")
    evaluate.add_argument("--format", dest="output", choices=["table", "json"], default="table",
                          help="every set as a markdown table (default) or JSON lines")
    evaluate.add_argument("--feeds", type=Path, help="the folder of the real feeds the labels "
                                                     "name (default ../shared/data/feeds_real)")
    evaluate.add_argument("--mistakes", action="store_true",
                          help="with JSON lines: one more per item read differently from its "
                               "label")
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

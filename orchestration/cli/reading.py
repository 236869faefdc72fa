"""The commands that read the published copy: impacts, query and report."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal

import duckdb

from orchestration.cli.parser import CliError
from orchestration.publishing.moves import moves_table
from orchestration.settings import Settings


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
        header, rows, right = moves_table(con, limit, max_p, include_unlinked, symbols, 58)
    return text_table(header, rows, right)


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


def check_symbols(settings: Settings, symbols: list[str] | None) -> None:
    from orchestration.ingestion.reference import load_assets

    known = sorted(asset.symbol for asset in load_assets(settings.seeds_dir))
    unknown = [symbol for symbol in symbols or [] if symbol not in known]
    if unknown:
        raise CliError(f"unknown symbol {unknown[0]!r}: {settings.seeds_dir / 'assets.csv'} has "
                       f"{', '.join(known)}")


def write_reports(settings: Settings, events: int) -> str:
    from orchestration.publishing.reports import build_reports

    connect_published(settings).close()  # the one-line error when nothing is published
    built = build_reports(settings.published, settings.reports, events)
    return f"newsimpact: {built.pages} event pages in {built.seconds} s; open {built.index}"


def impacts(settings: Settings, args) -> int:
    print(impact_table(settings, args.limit, args.max_p, args.all_assets, args.symbols))
    return 0


def query_command(settings: Settings, args) -> int:
    print(query(settings, args.sql, args.output))
    return 0


def report(settings: Settings, args) -> int:
    print(write_reports(settings, args.events))
    return 0

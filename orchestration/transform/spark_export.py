"""The raw tables of the DuckDB warehouse as Parquet, the sources of dbt's Spark target.

Ingestion stays on DuckDB; a Spark cluster reads what it wrote from a folder of Parquet files
(a local path by default, or object storage behind a filesystem URL such as s3://bucket/raw,
through DuckDB's httpfs). News items are partitioned by the day they were first fetched, so a
day's new articles are one folder; the other tables are small. Each table is written beside its
final place and then put there, so a reader never sees half a table on a local path.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.files import aside, put_in_place
from orchestration.ingestion.raw import RAW_TABLES
from orchestration.runtime.warehouse import connect_read_only


class ExportError(RuntimeError):
    """The export cannot run: the message says why."""


@dataclass(frozen=True)
class ExportedTable:
    table: str
    rows: int
    location: str


def is_url(location: str) -> bool:
    return "://" in location


def export_raw(warehouse: Path, destination: str) -> list[ExportedTable]:
    """Write every raw table of `warehouse` under `destination` (a folder or a URL)."""
    if not Path(warehouse).is_file():
        raise ExportError(f"no warehouse at {warehouse}: run the ingestion first")
    try:
        con = connect_read_only(warehouse)
    except duckdb.IOException as exc:  # another process writes it (DuckDB's file lock)
        raise ExportError(f"cannot read {warehouse} while a run writes it: try again when the "
                          f"run ends ({str(exc).splitlines()[0]})") from None
    try:
        if is_url(destination):
            con.execute("install httpfs; load httpfs")
        exported = []
        for table in RAW_TABLES:
            rows = con.execute(f"select count(*) from raw.{table.name}").fetchone()[0]
            final = f"{destination.rstrip('/')}/{table.name}"
            column, expression = table.partition or (None, None)
            columns = f"*, {expression} as {column}" if column else "*"
            _copy(con, f"select {columns} from raw.{table.name}", final, column)
            exported.append(ExportedTable(table.name, rows, final))
        return exported
    finally:
        con.close()


def _copy(con, query: str, final: str, partition: str | None) -> None:
    options = "format parquet, overwrite_or_ignore"
    if partition:
        options += f", partition_by ({partition})"
    if is_url(final):  # object storage has no rename: written in place
        con.execute(f"copy ({query}) to '{final}' ({options})")
        return
    target = Path(final)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = aside(target)
    try:
        if partition:
            con.execute(f"copy ({query}) to '{staging}' ({options})")
        else:
            staging.mkdir()
            con.execute(f"copy ({query}) to '{staging / 'part-0.parquet'}' (format parquet)")
        put_in_place(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)

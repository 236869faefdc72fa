"""The warehouse file as every reader and writer outside dbt opens it: attached under dbt's
catalog name."""

from __future__ import annotations

from pathlib import Path

import duckdb

# The name dbt attaches the warehouse under (dbt/profiles.yml): the models' views name it, so
# every reader opens the file under it, whatever the file is called.
CATALOG = "newsimpact"


def sql_string(value: str) -> str:
    """A SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def attach(con: duckdb.DuckDBPyConnection, path: Path | str, read_only: bool = True) -> None:
    """Attach the warehouse file at `path` to `con` as CATALOG."""
    mode = " (read_only)" if read_only else ""
    con.execute(f"attach {sql_string(str(path))} as {CATALOG}{mode}")


def connect_read_only(path: Path | str) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse file at `path`, attached as CATALOG."""
    con = duckdb.connect()
    attach(con, path)
    con.execute(f"use {CATALOG}")
    return con

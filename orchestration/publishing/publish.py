"""Publishing the marts: after a build, every mart is copied into a new DuckDB file written
aside and renamed over the published one in one step, and into one Parquet file per mart in a
new folder that a symbolic link is switched to. A reader that holds the published file keeps
reading the copy it opened (the rename gives the new copy a new inode; DuckDB's lock is on the
old one), so it never blocks or breaks a run, and it never sees half of a publication.

The published file has the marts' tables and, for the marts that are views in the pipeline
(their rows are a product, see the README), the same views over copies of the tables they
read, named without the pipeline's catalog so that the file opens under any name. Its tables
and columns carry the dbt docs as comments. It is written in DuckDB 1.1's storage format, the
oldest that BI drivers still ship.

On a Spark target the marts come from the Parquet copy that the build writes at its end
(NEWSIMPACT_MARTS_URL, one folder per mart): every mart is then a table, views included.
"""

from __future__ import annotations

import json
import re
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from orchestration.files import aside, put_in_place
from orchestration.runtime.warehouse import CATALOG, attach, sql_string

FILE_NAME = "newsimpact.duckdb"
PARQUET_LINK = "parquet"
STORAGE_VERSION = "v1.1.0"
MARTS = "marts"
STAGED = "published"  # the catalog the new copy is written under
# a relation of the pipeline's catalog as DuckDB writes it in a view's SQL (quoted or not)
RELATION = re.compile(rf'"?\b{CATALOG}"?\."?(\w+)"?\."?(\w+)\b"?')


class PublishError(RuntimeError):
    """The warehouse cannot be published; the message says why."""


@dataclass
class Publication:
    path: Path
    parquet_dir: Path
    rows: dict[str, int] = field(default_factory=dict)  # per table copied, "schema.table"
    seconds: float = 0.0


def models(manifest_path: Path) -> list[dict]:
    """The dbt models of the manifest (none when it is missing)."""
    if not manifest_path.is_file():
        return []
    nodes = json.loads(manifest_path.read_text())["nodes"].values()
    return [node for node in nodes if node["resource_type"] == "model"]


def mart_names(manifest_path: Path) -> list[str]:
    """The models of the marts folder: what is published."""
    return sorted(node["name"] for node in models(manifest_path) if node["fqn"][1:2] == [MARTS])


def mart_docs(manifest_path: Path) -> dict[str, tuple[str, dict[str, str]]]:
    """{model name: (its description, {column: description})} from the dbt manifest."""
    return {node["name"]: (node.get("description") or "",
                           {name: column.get("description") or ""
                            for name, column in node.get("columns", {}).items()})
            for node in models(manifest_path)}


def publish(warehouse: Path, serving_dir: Path, manifest_path: Path,
            marts_url: str = "") -> Publication:
    """Publish the marts of `warehouse`, or those Spark wrote under `marts_url`, into
    `serving_dir` (see the module's docstring)."""
    if not marts_url and not warehouse.is_file():
        raise PublishError(f"no warehouse at {warehouse}: run the pipeline first")
    began = time.perf_counter()
    serving_dir.mkdir(parents=True, exist_ok=True)
    for stale in serving_dir.glob(f".{FILE_NAME}.*.tmp*"):  # left by a publication killed
        stale.unlink()                                     # midway (one writer at a time)
    token = uuid.uuid4().hex[:12]
    staged = aside(serving_dir / FILE_NAME, token)
    parquet_dir = serving_dir / f"parquet.{time.strftime('%Y%m%dT%H%M%S')}.{token}"
    publication = Publication(serving_dir / FILE_NAME, parquet_dir)
    try:
        with duckdb.connect() as con:
            if marts_url:
                attach_parquet_marts(con, marts_url, mart_names(manifest_path))
            else:
                attach(con, warehouse)
            con.execute(f"attach {sql_string(str(staged))} as {STAGED} "
                        f"(storage_version '{STORAGE_VERSION}')")
            con.execute("set enable_progress_bar = false")
            tables = copy_marts(con, mart_docs(manifest_path))
            publication.rows = {f"{schema}.{name}": con.execute(
                f"select count(*) from {STAGED}.{schema}.{name}").fetchone()[0]
                for schema, name in tables}
            write_parquet(con, tables, parquet_dir)
            con.execute(f"detach {STAGED}")
        put_in_place(staged, publication.path)
        switch_link(serving_dir / PARQUET_LINK, parquet_dir)
    finally:
        for leftover in (staged, staged.with_name(staged.name + ".wal")):
            leftover.unlink(missing_ok=True)
        if (serving_dir / PARQUET_LINK).resolve() != parquet_dir.resolve():
            shutil.rmtree(parquet_dir, ignore_errors=True)
    remove_old_parquet(serving_dir, keep=parquet_dir)
    publication.seconds = round(time.perf_counter() - began, 2)
    return publication


def attach_parquet_marts(con, marts_url: str, names: list[str]) -> None:
    """The marts Spark wrote under `marts_url` as views of an in-memory catalog named like the
    warehouse's, which copy_marts then copies as tables."""
    location = marts_url.rstrip("/").replace("s3a://", "s3://", 1)  # Hadoop's name, DuckDB's
    if "://" in location:
        con.execute("install httpfs; load httpfs")
    con.execute(f"attach ':memory:' as {CATALOG}")
    con.execute(f"create schema {CATALOG}.{MARTS}")
    for name in names:
        files = f"{location}/{name}/*.parquet"
        try:
            con.execute(f"create table {CATALOG}.{MARTS}.{name} as "
                        f"select * from read_parquet({sql_string(files)})")
        except duckdb.IOException as exc:
            raise PublishError(f"no Parquet copy of {name} under {marts_url}: build the marts "
                               f"on Spark first ({str(exc).splitlines()[0]})") from None


def copy_marts(con, docs: dict) -> list[tuple[str, str]]:
    """Every mart of the warehouse into the staged file: tables as tables, views as views over
    copies of the relations they read. Returns the (schema, table)s copied; the views are not
    counted, since their rows are a product (91 million for fct_event_window at M)."""
    marts = con.execute(
        "select table_name, table_type from information_schema.tables "
        "where table_catalog = ? and table_schema = ? order by table_name",
        [CATALOG, MARTS]).fetchall()
    if not marts:
        raise PublishError(f"the warehouse has no {MARTS} schema yet: build it first")
    copied: list[tuple[str, str]] = []

    def copy_table(schema: str, name: str) -> None:
        if (schema, name) not in copied:
            con.execute(f"create schema if not exists {STAGED}.{schema}")
            con.execute(f"create table {STAGED}.{schema}.{name} as "
                        f"select * from {CATALOG}.{schema}.{name}")
            comment(con, schema, name, docs.get(name))
            copied.append((schema, name))

    views = dict(con.execute(
        "select view_name, sql from duckdb_views() where database_name = ? and schema_name = ?",
        [CATALOG, MARTS]).fetchall())
    for name, kind in marts:
        if kind != "VIEW":
            copy_table(MARTS, name)
    for name, kind in marts:
        if kind == "VIEW":
            for schema, table in RELATION.findall(views[name]):
                copy_table(schema, table)
            con.execute(f"use {STAGED}")
            con.execute(RELATION.sub(r"\1.\2", views[name]))
            con.execute("use memory")
            comment(con, MARTS, name, docs.get(name), view=True)
    return copied


def comment(con, schema: str, name: str, doc: tuple[str, dict[str, str]] | None,
            view: bool = False) -> None:
    """The dbt docs of a model as comments on the published relation and its columns."""
    if not doc:
        return
    description, columns = doc
    kind = "view" if view else "table"
    if description:
        con.execute(f"comment on {kind} {STAGED}.{schema}.{name} is {sql_string(description)}")
    present = {row[0] for row in con.execute(
        "select column_name from information_schema.columns "
        "where table_catalog = ? and table_schema = ? and table_name = ?",
        [STAGED, schema, name]).fetchall()}
    for column, text in columns.items():
        if text and column in present:
            con.execute(f"comment on column {STAGED}.{schema}.{name}.{column} "
                        f"is {sql_string(text)}")


def write_parquet(con, tables: list[tuple[str, str]], folder: Path) -> None:
    """One Parquet file per table of the published file: each mart table, and for the marts that
    are views, the tables they join (a view's rows are a product: fct_event_window has 91 million
    at M, 4 GB of Parquet a day; its parts have a few million)."""
    folder.mkdir(parents=True)
    for schema, name in tables:
        target = sql_string(str(folder / f"{name}.parquet"))
        con.execute(f"copy {STAGED}.{schema}.{name} to {target} (format parquet, "
                    "compression zstd)")


def switch_link(link: Path, target: Path) -> None:
    """Point `link` at `target` in one step (a new link renamed over the old one)."""
    if link.exists() and not link.is_symlink():
        raise PublishError(f"{link} is not a link made by newsimpact: move it away")
    staged = aside(link)
    staged.symlink_to(target.name)
    put_in_place(staged, link)


def remove_old_parquet(serving_dir: Path, keep: Path) -> None:
    """Delete earlier Parquet folders but the one just published (a reader that has a file of
    an older one open keeps reading it: Linux frees it when the reader closes it)."""
    for folder in serving_dir.glob("parquet.*"):
        if folder.is_dir() and folder.resolve() != keep.resolve():
            shutil.rmtree(folder, ignore_errors=True)

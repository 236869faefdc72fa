"""Backups: the warehouse, its landing archive and the published copy, snapshotted together
while no run writes (under the writer lock), and restored.

A backup is a folder: warehouse/<file>.duckdb, landing/, serving/ and manifest.json, which
lists every file with its size and SHA-256. It is written as <folder>.partial and renamed when
whole, so a backup killed halfway is never taken for one. A restore checks every digest first,
stages the copies beside their targets, then swaps each in with a rename.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from orchestration.files import put_in_place
from orchestration.runtime.warehouse import CATALOG, attach
from orchestration.settings import Settings

MANIFEST = "manifest.json"
FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, in one line."""


@dataclass(frozen=True)
class Done:
    path: Path
    files: int
    bytes: int
    seconds: float

    def line(self, verb: str) -> str:
        return (f"{verb} {self.files} files ({self.bytes / 1e6:.1f} MB) "
                f"{'to' if verb == 'backed up' else 'from'} {self.path} in {self.seconds:.1f} s")


def parts(settings: Settings) -> dict[str, Path]:
    """What a backup holds, by its folder in the backup: the warehouse file, landing/, serving/."""
    return {"warehouse": settings.warehouse, "landing": settings.landing_dir,
            "serving": settings.serving}


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def checkpoint(warehouse: Path) -> None:
    """Fold DuckDB's write-ahead log into the file, so that the file alone is the warehouse."""
    con = duckdb.connect()
    try:
        attach(con, warehouse, read_only=False)
        con.execute(f"checkpoint {CATALOG}")
    except duckdb.Error as exc:
        raise BackupError(f"cannot open {warehouse} to back it up: "
                          f"{str(exc).splitlines()[0]}") from None
    finally:
        con.close()


def copy_part(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, symlinks=False)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def listing(folder: Path) -> dict[str, dict]:
    return {path.relative_to(folder).as_posix(): {"bytes": path.stat().st_size,
                                                  "sha256": digest(path)}
            for path in sorted(folder.rglob("*")) if path.is_file() and path.name != MANIFEST}


def default_destination(settings: Settings) -> Path:
    return settings.warehouse.parent / "backups" / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def backup(settings: Settings, destination: Path | None = None) -> Done:
    """Snapshot the warehouse, landing/ and serving/ into a new folder while no run writes."""
    began = time.monotonic()
    destination = (destination or default_destination(settings)).resolve()
    if destination.exists():
        raise BackupError(f"{destination} already exists: give a new folder")
    if not settings.warehouse.is_file():
        raise BackupError(f"no warehouse at {settings.warehouse}: nothing to back up")
    from orchestration.runtime.runs import (
        writer_lock,  # (Dagster's import, only when a backup is made)
    )

    partial = destination.with_name(destination.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)  # what a killed backup left
    with writer_lock(settings.warehouse, "newsimpact backup"):
        checkpoint(settings.warehouse)
        for name, source in parts(settings).items():
            if source.exists():
                copy_part(source, partial / name / source.name if name == "warehouse"
                          else partial / name)
    files = listing(partial)
    manifest = {"format": FORMAT, "created": datetime.now(UTC).isoformat(timespec="seconds"),
                "warehouse_file": settings.warehouse.name, "files": files}
    (partial / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
    os.replace(partial, destination)  # a new folder: refused if one appeared meanwhile
    return Done(destination, len(files), sum(f["bytes"] for f in files.values()),
                time.monotonic() - began)


def verified_manifest(source: Path) -> dict:
    """The backup's manifest, once every file it lists is there with its digest."""
    try:
        manifest = json.loads((source / MANIFEST).read_text())
        files = manifest["files"]
        stored = manifest["warehouse_file"]
    except FileNotFoundError:
        raise BackupError(f"{source} is not a backup: it has no {MANIFEST}") from None
    except (ValueError, KeyError, TypeError):
        raise BackupError(f"{source / MANIFEST} is not a newsimpact backup manifest") from None
    for name, entry in files.items():
        path = source / name
        if not path.is_file() or digest(path) != entry["sha256"]:
            raise BackupError(f"{source} is damaged: {name} is missing or differs from its "
                              "digest; nothing was restored")
    if not (source / "warehouse" / stored).is_file():
        raise BackupError(f"{source} holds no warehouse file ({stored})")
    return manifest


def restore(settings: Settings, source: Path, force: bool = False) -> Done:
    """Put a backup in place of the warehouse, landing/ and serving/ that settings name."""
    began = time.monotonic()
    source = source.resolve()
    manifest = verified_manifest(source)
    sources = {"warehouse": source / "warehouse" / manifest["warehouse_file"],
               "landing": source / "landing", "serving": source / "serving"}
    targets = parts(settings)
    present = [str(target) for target in targets.values()
               if target.is_file() or (target.is_dir() and any(target.iterdir()))]
    if present and not force:
        raise BackupError(f"{present[0]} exists: restore into an empty place, or pass --force "
                          "to replace it")
    from orchestration.runtime.runs import writer_lock

    with writer_lock(settings.warehouse, "newsimpact restore"):
        staged = {}
        for name, target in targets.items():
            if sources[name].exists():
                staged[name] = target.with_name(f".{target.name}.restoring")
                shutil.rmtree(staged[name], ignore_errors=True)
                staged[name].unlink(missing_ok=True)
                copy_part(sources[name], staged[name])
        for name, target in targets.items():  # every copy is whole: swap them in
            if name == "warehouse":  # the log of the file replaced must not replay onto ours
                target.with_name(target.name + ".wal").unlink(missing_ok=True)
            if name in staged:
                put_in_place(staged[name], target)
    files = manifest["files"]
    return Done(source, len(files), sum(f["bytes"] for f in files.values()),
                time.monotonic() - began)

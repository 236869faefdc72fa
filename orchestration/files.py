"""Write aside, then rename: how every file or folder newsimpact hands to a reader is put in
place (the landing archive, reports, the published copy, backups, the Parquet export), so a
reader or a crash finds the old one or the new one, never half of either."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path


def aside(path: Path, tag: str | None = None) -> Path:
    """A hidden name beside `path` to write to first: .NAME.TAG.tmp (TAG unique by default)."""
    return path.with_name(f".{path.name}.{tag or uuid.uuid4().hex[:8]}.tmp")


def write_atomically(path: Path, data: bytes) -> None:
    """`data` in `path`, written aside and renamed into place."""
    staged = aside(path, str(os.getpid()))
    try:
        staged.write_bytes(data)
        os.replace(staged, path)
    finally:
        staged.unlink(missing_ok=True)


def put_in_place(staged: Path, target: Path) -> None:
    """`staged` (a file, folder or link) moved into `target`'s place; what was there goes. A
    folder cannot be renamed over, nor anything renamed over a folder, so then the old one is
    renamed away first and removed after."""
    target.parent.mkdir(parents=True, exist_ok=True)
    exists = target.exists() or target.is_symlink()
    if not exists or not (_is_folder(staged) or _is_folder(target)):
        os.replace(staged, target)  # a file or link over a file or link, or over nothing
        return
    retired = aside(target, "replaced")
    _remove(retired)
    os.replace(target, retired)
    os.replace(staged, target)
    _remove(retired)


def _is_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _remove(path: Path) -> None:
    if _is_folder(path):
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()

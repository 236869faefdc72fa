"""The landing archive: every fetched body is kept, content-addressed, before it is parsed.

warehouse/landing/<kind>/<source>/<YYYY-MM-DD>/<sha256>.<ext>. The raw tables can be rebuilt
from here without the network.
"""

from __future__ import annotations

import hashlib
import os
import re
from datetime import date
from pathlib import Path

EXTENSIONS = {"feed": "xml", "yahoo": "json", "coinbase": "json", "fred": "csv"}


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)


def archive(landing_dir: Path, kind: str, source: str, day: date, body: bytes,
            extension: str) -> tuple[str, Path]:
    """Write body once (atomically) and return its sha256 and path; an existing copy is kept."""
    digest = hashlib.sha256(body).hexdigest()
    path = landing_dir / kind / _safe(source) / day.isoformat() / f"{digest}.{extension}"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(body)
        os.replace(partial, path)  # a crash leaves a .partial, never a truncated archive file
    return digest, path

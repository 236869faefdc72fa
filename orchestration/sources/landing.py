"""The landing archive: every fetched body is kept, content-addressed, before it is parsed, with
a line per observation beside it, so the raw tables can be rebuilt without the network.

warehouse/landing/<kind>/<source>/<YYYY-MM-DD>/<sha256>.<ext>
warehouse/landing/<kind>/<source>/<YYYY-MM-DD>/observations.jsonl
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime
from pathlib import Path

from orchestration.files import write_atomically
from orchestration.sources.fetched import Fetched

OBSERVATIONS = "observations.jsonl"


BODY_FILE = re.compile(r"[0-9a-f]{64}\.[a-z]+")  # what an observation may point to


def _safe(name: str) -> str:
    """A source id as one folder name: never a separator, never "." or ".."."""
    return re.sub(r"^\.", "_", re.sub(r"[^A-Za-z0-9._-]", "_", name))


def body_path(landing_dir: Path, kind: str, fetched: Fetched, extension: str) -> tuple[str, Path]:
    digest = hashlib.sha256(fetched.body).hexdigest()
    folder = landing_dir / kind / _safe(fetched.source_id) / fetched.observed_at.date().isoformat()
    return digest, folder / f"{digest}.{extension}"


def archive(landing_dir: Path, kind: str, fetched: Fetched, extension: str) -> tuple[str, Path]:
    """Keep the body (written once, atomically) and record this observation of it."""
    digest, path = body_path(landing_dir, kind, fetched, extension)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        write_atomically(path, fetched.body)  # a crash never leaves a truncated archive file
    record = {"source_id": fetched.source_id, "url": fetched.url,
              "observed_at": fetched.observed_at.isoformat(), "file": path.name,
              "window": [d.isoformat() for d in fetched.window] if fetched.window else None,
              "content_type": fetched.headers.get("content-type")}
    with (path.parent / OBSERVATIONS).open("a", encoding="utf-8") as log:
        log.write(json.dumps(record, sort_keys=True) + "\n")
    return digest, path


def observations(landing_dir: Path, kind: str, source_id: str) -> list[Fetched]:
    """Every distinct observation of a source, oldest first, bodies read back from the archive."""
    seen: dict[tuple[str, str], Fetched] = {}
    for log in sorted((landing_dir / kind / _safe(source_id)).glob(f"*/{OBSERVATIONS}")):
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line torn by a crash mid-write; its body is archived, and the
                #           fetch that a re-run makes records the observation again
            if not BODY_FILE.fullmatch(str(record.get("file"))):
                continue  # not a body this archive wrote: never read a path a log line names
            key = (record["file"], record["observed_at"])
            if key in seen:
                continue  # the same capture replayed into the archive again
            window = record.get("window")
            seen[key] = Fetched(
                source_id, record["url"], datetime.fromisoformat(record["observed_at"]),
                body=(log.parent / record["file"]).read_bytes(),
                headers={"content-type": record["content_type"]} if record.get("content_type")
                else {},
                window=tuple(date.fromisoformat(d) for d in window) if window else None)
    return sorted(seen.values(), key=lambda fetched: fetched.observed_at)

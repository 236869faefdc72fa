"""The one path every fetched body takes: archive in landing, parse, log, then write in one
transaction. Assets call this; a failing source is logged and skipped, never fatal to the run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dagster import MaterializeResult, MetadataValue

from orchestration.ingestion import raw as warehouse
from orchestration.runtime.progress import ROW_COUNT, ROWS_ADDED
from orchestration.sources import landing
from orchestration.sources.fetched import Fetched, utcnow


@dataclass
class Batch:
    """What one asset run fetched: fetch_log rows, parsed rows and the sources that failed."""

    run_id: str
    kind: str  # feed | prices
    transport: str
    landing_dir: Path
    log_rows: list[dict] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)

    def add(self, fetched: Fetched, extension: str,
            parse: Callable[[bytes, Fetched, str], tuple[list[dict], str | None]]) -> None:
        """Archive, parse and log one fetch. parse returns (rows, warning); whatever it raises
        fails this source only."""
        log = {
            "fetch_id": f"{self.run_id}-{self.kind}-{len(self.log_rows):05d}",
            "run_id": self.run_id, "kind": self.kind, "source_id": fetched.source_id,
            "url": fetched.url, "transport": self.transport, "observed_at": fetched.observed_at,
            "logged_at": utcnow(), "http_status": fetched.http_status,
            "etag": fetched.headers.get("etag"),
            "last_modified": fetched.headers.get("last-modified"),
            "duration_ms": fetched.duration_ms, "status": "ok", "rows_parsed": 0,
            "attempts": fetched.attempts,
        }
        self.log_rows.append(log)
        if fetched.not_modified:  # the source says nothing changed: nothing to land or parse
            log["status"] = "not_modified"
            return
        if not fetched.ok:
            self._fail(log, fetched.source_id, fetched.error or "no body")
            return
        if self.transport == "landing":  # replaying the archive: it holds this body already
            sha, path = landing.body_path(self.landing_dir, self.kind, fetched, extension)
        else:
            sha, path = landing.archive(self.landing_dir, self.kind, fetched, extension)
        log.update(bytes=len(fetched.body), sha256=sha, landing_path=str(path))
        try:
            rows, warning = parse(fetched.body, fetched, sha)
        except Exception as exc:  # noqa: BLE001 - one bad body fails its source, not the run
            self._fail(log, fetched.source_id, f"{type(exc).__name__}: {exc}")
            return
        log["rows_parsed"] = len(rows)
        if warning:
            log.update(status="warning", message=warning)
            self.warnings[fetched.source_id] = warning
        self.rows.extend(rows)

    def _fail(self, log: dict, source_id: str, message: str) -> None:
        log.update(status="error", message=message)
        self.failed[source_id] = message

    def write(self, con, upsert: Callable[[object, list[dict]], int]) -> int:
        """Write log and rows in one transaction; returns how many new rows the table gained."""
        with warehouse.transaction(con):
            warehouse.append_fetch_log(con, self.log_rows)
            return upsert(con, self.rows)

    def commit(self, context, database, upsert: Callable[[object, list[dict]], int],
               table: str) -> MaterializeResult:
        """Write the batch, log what happened and describe it for the materialization."""
        with database.get_connection() as con:
            added = self.write(con, upsert)
            total = con.execute(f"select count(*) from {table}").fetchone()[0]
        for source, message in self.failed.items():
            context.log.warning(f"{self.kind} source {source} failed: {message}")
        context.log.info(f"{len(self.log_rows)} fetches, {len(self.rows)} rows parsed, "
                         f"{added} new, {total} in {table}")
        return MaterializeResult(metadata={
            "fetches": len(self.log_rows),
            "rows_parsed": len(self.rows),
            ROWS_ADDED: added,
            ROW_COUNT: total,
            "failed_sources": MetadataValue.json(self.failed),
            "warnings": MetadataValue.json(self.warnings),
        })

"""What one fetch produced, whatever the transport."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class Fetched:
    source_id: str
    url: str
    observed_at: datetime  # naive UTC: when the body was current (capture time or request time)
    body: bytes | None = None
    http_status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)  # names lower-cased
    duration_ms: float = 0.0
    error: str | None = None
    attempts: int = 1
    window: tuple[date, date] | None = None  # the dates a price request asked for


    @property
    def not_modified(self) -> bool:
        return self.http_status == 304 and self.error is None

    @property
    def ok(self) -> bool:
        return self.error is None and self.body is not None

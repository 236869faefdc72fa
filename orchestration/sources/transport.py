"""How bodies are fetched: replayed from recorded snapshots (default) or live over HTTP.

Both transports answer the same two questions, so ingestion code does not know which it has:
``feed_fetches(feed, start, end)`` and ``price_fetches(provider, provider_symbol, start, end)``,
each a list of ``Fetched`` (one per request or recorded capture).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import requests

from .providers import get_provider

USER_AGENT = "newsimpact/0.1 (self-hosted news-impact warehouse; +https://github.com/newsimpact)"
MAX_BODY_BYTES = 20 * 1024 * 1024
CAPTURE_TIME = "23:30:00"  # recorded feed captures were taken at this UTC time of their day


@dataclass
class Fetched:
    source_id: str
    url: str
    observed_at: datetime  # naive UTC: when the body was current (capture time or request time)
    body: bytes | None = None
    http_status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    duration_ms: float = 0.0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.body is not None


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class ReplayTransport:
    """Serves seeds/snapshots/: feeds/<feed_id>/<YYYY-MM-DD>.xml (one capture a day) and
    prices/<provider>/<symbol>.<ext> or prices/<provider>/<symbol>/<page> (recorded responses)."""

    name = "replay"

    def __init__(self, snapshots_dir: Path):
        self.snapshots_dir = snapshots_dir

    def feed_fetches(self, feed, start: date, end: date) -> list[Fetched]:
        folder = self.snapshots_dir / "feeds" / feed.feed_id
        fetches = []
        for path in sorted(folder.glob("*.xml")):
            try:
                day = date.fromisoformat(path.stem)
            except ValueError:
                continue
            if start <= day <= end:
                captured = datetime.fromisoformat(f"{day.isoformat()}T{CAPTURE_TIME}")
                fetches.append(self._read(feed.feed_id, path, captured))
        return fetches

    def price_fetches(self, provider: str, provider_symbol: str, start: date, end: date):
        folder = self.snapshots_dir / "prices" / provider
        target = folder / provider_symbol
        paths = sorted(target.iterdir()) if target.is_dir() else sorted(
            p for p in folder.glob(f"{provider_symbol}.*") if p.stem == provider_symbol)
        source_id = f"{provider}:{provider_symbol}"
        if not paths:
            return [Fetched(source_id, str(target), utcnow(),
                            error=f"no recorded response for {source_id} under {folder}")]
        return [self._read(source_id, path, utcnow()) for path in paths]

    def _read(self, source_id: str, path: Path, observed_at: datetime) -> Fetched:
        return Fetched(source_id, path.as_uri(), observed_at, body=path.read_bytes())


class LiveTransport:
    """Plain requests over HTTP: one Session, connect/read timeouts, a User-Agent, a size cap."""

    name = "live"

    def __init__(self, timeout: tuple[float, float] = (5.0, 20.0),
                 max_body_bytes: int = MAX_BODY_BYTES):
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.timeout = timeout
        self.max_body_bytes = max_body_bytes

    def feed_fetches(self, feed, start: date, end: date) -> list[Fetched]:
        # A live feed only shows what it shows now: past days cannot be fetched again.
        today = utcnow().date()
        if not start <= today <= end + timedelta(days=1):
            return []
        return [self.get(feed.feed_id, feed.url)]

    def price_fetches(self, provider: str, provider_symbol: str, start: date, end: date):
        urls = get_provider(provider).request_urls(provider_symbol, start, end)
        return [self.get(f"{provider}:{provider_symbol}", url) for url in urls]

    def get(self, source_id: str, url: str) -> Fetched:
        fetched = Fetched(source_id, url, utcnow())
        began = time.monotonic()
        try:
            with self.session.get(url, timeout=self.timeout, stream=True) as response:
                fetched.http_status = response.status_code
                fetched.headers = dict(response.headers)
                if response.status_code != 200:
                    fetched.error = f"HTTP {response.status_code} {response.reason}"
                else:
                    fetched.body = self._read_capped(response)
        except (requests.RequestException, ValueError) as exc:
            fetched.error = f"{type(exc).__name__}: {exc}"
        fetched.duration_ms = (time.monotonic() - began) * 1000
        return fetched

    def _read_capped(self, response: requests.Response) -> bytes:
        chunks, size = [], 0
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
            if size > self.max_body_bytes:
                raise ValueError(f"body larger than {self.max_body_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)


def make_transport(name: str, snapshots_dir: Path) -> ReplayTransport | LiveTransport:
    return ReplayTransport(snapshots_dir) if name == "replay" else LiveTransport()

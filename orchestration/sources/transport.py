"""How bodies are fetched: replayed from recorded snapshots (default) or live over HTTP.

Both transports answer the same two questions, so ingestion code does not know which it has:
``feed_fetches(feed, start, end, validators)`` and
``price_fetches(provider, provider_symbol, start, end)``, each a list of ``Fetched`` (one per
request or recorded capture). Validators (ETag, Last-Modified) make live feed requests
conditional.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from .fetched import Fetched, utcnow
from .http import HttpClient, HttpPolicy
from .providers import get_provider

CAPTURE_TIME = "23:30:00"  # recorded feed captures were taken at this UTC time of their day
Validators = dict[str, tuple[str | None, str | None]]  # url -> (ETag, Last-Modified)


class ReplayTransport:
    """Serves seeds/snapshots/: feeds/<feed_id>/<YYYY-MM-DD>.xml (one capture a day) and
    prices/<provider>/<symbol>.<ext> or prices/<provider>/<symbol>/<page> (recorded responses)."""

    name = "replay"

    def __init__(self, snapshots_dir: Path):
        self.snapshots_dir = snapshots_dir

    def feed_fetches(self, feed, start: date, end: date,
                     validators: Validators | None = None) -> list[Fetched]:
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
    """The real URLs over HTTP (see http.py for timeouts, retries, caps and pacing)."""

    name = "live"

    def __init__(self, policy: HttpPolicy | None = None, client: HttpClient | None = None):
        self.client = client or HttpClient(policy)

    def feed_fetches(self, feed, start: date, end: date,
                     validators: Validators | None = None) -> list[Fetched]:
        # A live feed only shows what it shows now: past days cannot be fetched again.
        if not start <= utcnow().date() <= end:
            return []
        etag, last_modified = (validators or {}).get(feed.url, (None, None))
        return [self.client.get(feed.feed_id, feed.url, etag, last_modified)]

    def price_fetches(self, provider: str, provider_symbol: str, start: date, end: date):
        urls = get_provider(provider).request_urls(provider_symbol, start, end)
        return [self.client.get(f"{provider}:{provider_symbol}", url) for url in urls]


def make_transport(name: str, snapshots_dir: Path,
                   policy: HttpPolicy | None = None) -> ReplayTransport | LiveTransport:
    return ReplayTransport(snapshots_dir) if name == "replay" else LiveTransport(policy)

"""How bodies are fetched. Three transports answer the same two questions, so ingestion code
does not know which it has:

- ``feed_fetches(feed, start, end, validators)``: the feed documents of the days start..end;
- ``price_fetches(provider, provider_symbol, start, end)``: the responses covering start..end.

``replay`` serves the recorded snapshots in seeds/snapshots/ (the default: no network);
``live`` asks the real URLs over HTTP (validators make feed requests conditional);
``landing`` serves what earlier runs archived in warehouse/landing/ (rebuilds without network).
A local-file provider ("csv") is read from disk whatever the transport.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from orchestration.sources import landing
from orchestration.sources.fetched import Fetched, utcnow
from orchestration.sources.http import HttpClient, HttpPolicy
from orchestration.sources.providers import get_provider
from orchestration.sources.providers.localcsv import split_symbol

TRANSPORTS = ("replay", "live", "landing")
CAPTURE_TIME = "23:30:00"  # recorded feed captures were taken at this UTC time of their day
Validators = dict[str, tuple[str | None, str | None]]  # url -> (ETag, Last-Modified)


def read_local_file(source_id: str, provider_symbol: str, window: tuple[date, date]) -> Fetched:
    """A local price file; its "#TICKER" suffix is for the parser, not part of the path."""
    path = Path(split_symbol(provider_symbol)[0])
    fetched = Fetched(source_id, path.as_uri(), utcnow(), window=window)
    try:
        fetched.body = path.read_bytes()
    except OSError as exc:
        fetched.error = f"cannot read {path}: {exc.strerror}"
    return fetched


class ReplayTransport:
    """Serves seeds/snapshots/: feeds/<feed_id>/<YYYY-MM-DD>.xml (one capture a day) and
    prices/<provider>/<symbol>.<ext> or prices/<provider>/<symbol>/<page> (recorded responses)."""

    name = "replay"

    def __init__(self, snapshots_dir: Path):
        self.snapshots_dir = snapshots_dir

    def feed_fetches(self, feed, start: date, end: date,
                     validators: Validators | None = None) -> list[Fetched]:
        fetches = []
        for path in sorted((self.snapshots_dir / "feeds" / feed.feed_id).glob("*.xml")):
            try:
                day = date.fromisoformat(path.stem)
            except ValueError:
                continue
            if start <= day <= end:
                captured = datetime.fromisoformat(f"{day.isoformat()}T{CAPTURE_TIME}")
                fetches.append(Fetched(feed.feed_id, path.as_uri(), captured,
                                       body=path.read_bytes()))
        return fetches

    def price_fetches(self, provider: str, provider_symbol: str, start: date, end: date):
        source_id = f"{provider}:{provider_symbol}"
        if get_provider(provider).LOCAL_FILE:
            return [read_local_file(source_id, provider_symbol, (start, end))]
        folder = self.snapshots_dir / "prices" / provider
        target = folder / provider_symbol
        paths = sorted(target.iterdir()) if target.is_dir() else sorted(
            p for p in folder.glob(f"{provider_symbol}.*") if p.stem == provider_symbol)
        if not paths:
            return [Fetched(source_id, str(target), utcnow(),
                            error=f"no recorded response for {source_id} under {folder}")]
        return [Fetched(source_id, path.as_uri(), utcnow(), body=path.read_bytes(),
                        window=(start, end)) for path in paths]


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
        source_id, module = f"{provider}:{provider_symbol}", get_provider(provider)
        if module.LOCAL_FILE:
            return [read_local_file(source_id, provider_symbol, (start, end))]
        fetches = [self.client.get(source_id, url)
                   for url in module.request_urls(provider_symbol, start, end)]
        for fetched in fetches:
            fetched.window = (start, end)
        return fetches


class LandingTransport:
    """Serves the archive of earlier runs: every observation of a source, oldest first."""

    name = "landing"

    def __init__(self, landing_dir: Path):
        self.landing_dir = landing_dir

    def feed_fetches(self, feed, start: date, end: date,
                     validators: Validators | None = None) -> list[Fetched]:
        return [fetched for fetched in landing.observations(self.landing_dir, "feed", feed.feed_id)
                if start <= fetched.observed_at.date() <= end]

    def price_fetches(self, provider: str, provider_symbol: str, start: date, end: date):
        source_id = f"{provider}:{provider_symbol}"
        fetches = [fetched for fetched in landing.observations(self.landing_dir, "prices",
                                                               source_id)
                   if fetched.window and fetched.window[0] <= end and start <= fetched.window[1]]
        return fetches or [Fetched(source_id, str(self.landing_dir), utcnow(),
                                   error=f"nothing landed for {source_id} covering {start}..{end}")]


def make_transport(name: str, snapshots_dir: Path, landing_dir: Path,
                   policy: HttpPolicy | None = None):
    if name == "live":
        return LiveTransport(policy)
    if name == "landing":
        return LandingTransport(landing_dir)
    return ReplayTransport(snapshots_dir)

"""Where ingestion finds its reference data and snapshots, and how it reaches its sources."""

from __future__ import annotations

from pathlib import Path

from dagster import ConfigurableResource

from orchestration.ingestion.reference import Asset, Feed, load_assets, load_feeds
from orchestration.sources.feeds import MAX_ITEMS
from orchestration.sources.http import HttpPolicy
from orchestration.sources.transport import make_transport


class SourcesResource(ConfigurableResource):
    """Where ingestion finds its reference data and recorded snapshots, where it archives what it
    fetched, and whether it replays the snapshots or goes live."""

    seeds_dir: str
    landing_dir: str
    transport: str = "replay"
    # live HTTP (see sources/http.py): timeouts in seconds, retries of transient failures,
    # the body-size cap and the pause between two requests to one host
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    retries: int = 3
    backoff_seconds: float = 1.0
    max_wait_seconds: float = 30.0
    max_body_bytes: int = 20 * 1024 * 1024
    min_host_interval: float = 1.0
    # items kept from one fetched document, in document order (more is counted as a warning)
    max_items_per_fetch: int = MAX_ITEMS

    def assets(self) -> list[Asset]:
        return load_assets(Path(self.seeds_dir))

    def feeds(self) -> list[Feed]:
        return load_feeds(Path(self.seeds_dir))

    def landing_path(self) -> Path:
        return Path(self.landing_dir)

    def item_cap(self) -> int:
        if self.max_items_per_fetch < 1:
            raise ValueError(f"sources: max_items_per_fetch={self.max_items_per_fetch}"
                             " must be at least 1")
        return self.max_items_per_fetch

    def http_policy(self) -> HttpPolicy:
        return HttpPolicy(connect_timeout=self.connect_timeout, read_timeout=self.read_timeout,
                          total_timeout=self.total_timeout,
                          retries=self.retries, backoff_seconds=self.backoff_seconds,
                          max_wait_seconds=self.max_wait_seconds,
                          max_body_bytes=self.max_body_bytes,
                          min_host_interval=self.min_host_interval)

    def make_transport(self):
        return make_transport(self.transport, Path(self.seeds_dir) / "snapshots",
                              self.landing_path(), self.http_policy())

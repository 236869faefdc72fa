"""Resources: the DuckDB warehouse, the sources (seeds, landing, transport), dbt and the
published copy."""

from __future__ import annotations

import shutil
import sys
from contextlib import ExitStack
from pathlib import Path

from dagster import ConfigurableResource, InitResourceContext
from dagster_dbt import DbtCliResource
from dagster_duckdb import DuckDBResource
from pydantic import PrivateAttr

from .project import dbt_project
from .reference import Asset, Feed, load_assets, load_feeds
from .runs import claim, writer_lock
from .settings import Settings
from .sources.feeds import MAX_ITEMS
from .sources.http import HttpPolicy
from .sources.transport import make_transport


class WarehouseResource(DuckDBResource):
    """The DuckDB warehouse. A run that uses it holds the writer lock from its set-up to its
    teardown (so a run the daemon launches and a `newsimpact` command never write at once),
    and records its process as the run's, so that a run whose process dies is found and
    marked failed (see orchestration/runs.py)."""

    _writing: ExitStack = PrivateAttr(default_factory=ExitStack)

    def setup_for_execution(self, context: InitResourceContext) -> None:
        super().setup_for_execution(context)
        run = context.run
        if context.instance is not None and run is not None:  # first: a waiting run can die
            claim(context.instance, run.run_id)
        holder = f"run {run.run_id[:8]} of {run.job_name}" if run else None
        self._writing.enter_context(writer_lock(Path(self.database), holder,
                                                say=context.log.warning))

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        self._writing.close()


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


class ServingResource(ConfigurableResource):
    """Where the warehouse is published for readers (see orchestration/serving)."""

    warehouse: str
    serving_dir: str
    marts_url: str = ""  # a Spark target's marts as Parquet: published from there


class SparkResource(ConfigurableResource):
    """Where a Spark target reads the raw tables and writes its marts (all empty when dbt's
    target is DuckDB, which reads and writes the warehouse itself)."""

    raw_url: str = ""
    marts_url: str = ""
    spark_home: str = ""

    @property
    def enabled(self) -> bool:
        return bool(self.raw_url)

    def dbt_environment(self) -> dict[str, str]:
        """What dbt_project.yml and the spark output of profiles.yml read."""
        return {"NEWSIMPACT_RAW_URL": self.raw_url, "NEWSIMPACT_MARTS_URL": self.marts_url,
                "NEWSIMPACT_SPARK_HOME": self.spark_home}


class ReportsResource(ConfigurableResource):
    """Where the event reports are written, and the published copy they are read from."""

    published: str
    reports_dir: str


def dbt_executable() -> str:
    """dbt beside this interpreter (the project's venv) even when the venv is not on PATH."""
    beside = Path(sys.executable).parent / "dbt"
    return str(beside) if beside.exists() else (shutil.which("dbt") or "dbt")


def build_resources(settings: Settings) -> dict:
    spark = (SparkResource(raw_url=settings.raw_url, marts_url=settings.marts_url,
                           spark_home=settings.spark_home)
             if settings.engine == "spark" else SparkResource())
    return {
        "warehouse": WarehouseResource(database=str(settings.warehouse)),
        "sources": SourcesResource(seeds_dir=str(settings.seeds_dir),
                                   landing_dir=str(settings.landing_dir),
                                   transport=settings.transport),
        "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=dbt_executable(),
                              target=settings.dbt_target),
        "serving": ServingResource(warehouse=str(settings.warehouse),
                                   serving_dir=str(settings.serving), marts_url=spark.marts_url),
        "spark": spark,
        "reports": ReportsResource(published=str(settings.published),
                                   reports_dir=str(settings.reports)),
    }

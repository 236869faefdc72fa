"""Resources: the DuckDB warehouse, the sources (seeds, landing, transport) and dbt."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from dagster import ConfigurableResource
from dagster_dbt import DbtCliResource
from dagster_duckdb import DuckDBResource

from .project import dbt_project
from .reference import Asset, Feed, load_assets, load_feeds
from .settings import Settings
from .sources.transport import make_transport


class SourcesResource(ConfigurableResource):
    """Where ingestion finds its reference data and recorded snapshots, where it archives what it
    fetched, and whether it replays the snapshots or goes live."""

    seeds_dir: str
    landing_dir: str
    transport: str = "replay"

    def assets(self) -> list[Asset]:
        return load_assets(Path(self.seeds_dir))

    def feeds(self) -> list[Feed]:
        return load_feeds(Path(self.seeds_dir))

    def landing_path(self) -> Path:
        return Path(self.landing_dir)

    def make_transport(self):
        return make_transport(self.transport, Path(self.seeds_dir) / "snapshots")


def dbt_executable() -> str:
    """dbt beside this interpreter (the project's venv) even when the venv is not on PATH."""
    beside = Path(sys.executable).parent / "dbt"
    return str(beside) if beside.exists() else (shutil.which("dbt") or "dbt")


def build_resources(settings: Settings) -> dict:
    return {
        "warehouse": DuckDBResource(database=str(settings.warehouse)),
        "sources": SourcesResource(seeds_dir=str(settings.seeds_dir),
                                   landing_dir=str(settings.landing_dir),
                                   transport=settings.transport),
        "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=dbt_executable()),
    }

"""Where things live and how sources are reached, read from the environment when asked.

Every path can be overridden so a user can point the pipeline at their own feeds, assets and
warehouse without editing code:

- NEWSIMPACT_SEEDS_DIR   reference CSVs (assets, feeds, entities, event types) and snapshots/
- NEWSIMPACT_WAREHOUSE   the DuckDB file the pipeline writes (dbt's profiles.yml reads it too)
- NEWSIMPACT_LANDING_DIR the archive of every fetched body (default: beside the DuckDB file)
- NEWSIMPACT_SERVING_DIR the published copy of the marts that readers open (default: serving/
                         beside the DuckDB file)
- NEWSIMPACT_REPORTS_DIR the event reports (HTML and charts; default: reports/ beside the DuckDB
                         file)
- NEWSIMPACT_TRANSPORT   "replay" (default: the recorded snapshots, no network), "live" (the real
                         URLs) or "landing" (what earlier runs archived: a rebuild offline)
- NEWSIMPACT_DBT_TARGET  dbt's target in dbt/profiles.yml: "local" (DuckDB, the default),
                         "spark", "spark_thrift" or "spark_http"; on DuckDB runs keep one writer
                         (see orchestration/deployment.py)
- NEWSIMPACT_RAW_URL     on a Spark target, where the raw tables are exported as Parquet for it
                         (a folder or a URL such as s3a://bucket/raw; default: raw_parquet/
                         beside the DuckDB file)
- NEWSIMPACT_MARTS_URL   on a Spark target, where it writes the marts as Parquet, which are then
                         published (default: spark/marts/ beside the DuckDB file)
- NEWSIMPACT_SPARK_HOME  local mode's metastore and tables (default: spark/ beside the DuckDB
                         file)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .sources.transport import TRANSPORTS

REPO_ROOT = Path(__file__).resolve().parent.parent
# dbt target -> the engine that builds the models
DBT_TARGETS = {"local": "duckdb", "spark": "spark", "spark_thrift": "spark", "spark_http": "spark"}


class SettingsError(ValueError):
    """A configuration value that cannot work; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    seeds_dir: Path
    warehouse: Path
    landing_dir: Path
    transport: str = "replay"
    serving_dir: Path | None = None  # None: serving/ beside the warehouse
    reports_dir: Path | None = None  # None: reports/ beside the warehouse
    dbt_target: str = "local"

    @property
    def snapshots_dir(self) -> Path:
        return self.seeds_dir / "snapshots"

    @property
    def serving(self) -> Path:
        return self.serving_dir or self.warehouse.parent / "serving"

    @property
    def reports(self) -> Path:
        return self.reports_dir or self.warehouse.parent / "reports"

    @property
    def engine(self) -> str:
        """The engine of the dbt target: "duckdb" or "spark"."""
        return DBT_TARGETS[self.dbt_target]

    @property
    def raw_url(self) -> str:
        return os.environ.get("NEWSIMPACT_RAW_URL") or str(self.warehouse.parent / "raw_parquet")

    @property
    def spark_home(self) -> str:
        return os.environ.get("NEWSIMPACT_SPARK_HOME") or str(self.warehouse.parent / "spark")

    @property
    def marts_url(self) -> str:
        return os.environ.get("NEWSIMPACT_MARTS_URL") or f"{self.spark_home}/marts"

    @property
    def published(self) -> Path:
        """The published DuckDB file (see orchestration/serving)."""
        return self.serving / "newsimpact.duckdb"

    @classmethod
    def from_env(cls) -> Settings:
        seeds = Path(os.environ.get("NEWSIMPACT_SEEDS_DIR") or REPO_ROOT / "seeds")
        warehouse = Path(
            os.environ.get("NEWSIMPACT_WAREHOUSE") or REPO_ROOT / "warehouse" / "newsimpact.duckdb"
        )
        landing = Path(os.environ.get("NEWSIMPACT_LANDING_DIR") or warehouse.parent / "landing")
        transport = os.environ.get("NEWSIMPACT_TRANSPORT") or "replay"
        serving = os.environ.get("NEWSIMPACT_SERVING_DIR")
        reports = os.environ.get("NEWSIMPACT_REPORTS_DIR")
        return cls(seeds.resolve(), warehouse.resolve(), landing.resolve(), transport,
                   Path(serving).resolve() if serving else None,
                   Path(reports).resolve() if reports else None,
                   os.environ.get("NEWSIMPACT_DBT_TARGET") or "local").validated()

    def validated(self) -> Settings:
        if self.transport not in TRANSPORTS:
            raise SettingsError(
                f"NEWSIMPACT_TRANSPORT={self.transport!r}: expected one of {', '.join(TRANSPORTS)}"
            )
        if self.dbt_target not in DBT_TARGETS:
            raise SettingsError(f"NEWSIMPACT_DBT_TARGET={self.dbt_target!r}: expected one of "
                                f"{', '.join(DBT_TARGETS)} (the targets of dbt/profiles.yml)")
        for name in ("assets.csv", "feeds.csv"):
            if not (self.seeds_dir / name).is_file():
                raise SettingsError(
                    f"seeds directory {self.seeds_dir} has no {name} (set NEWSIMPACT_SEEDS_DIR)"
                )
        return self

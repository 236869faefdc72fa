"""newsimpact's settings: read once from the environment (and the command line's choices), then
passed down to the resources, to dbt (through its environment, `dbt_environment`) and to the
executor. No other module reads newsimpact's variables.

Where things live and how sources are reached:

- NEWSIMPACT_SEEDS_DIR   reference CSVs (assets, feeds, entities, event types) and snapshots/
- NEWSIMPACT_WAREHOUSE   the DuckDB file the pipeline writes (dbt's profiles.yml reads it too)
- NEWSIMPACT_LANDING_DIR the archive of every fetched body (default: beside the DuckDB file)
- NEWSIMPACT_SERVING_DIR the published copy of the marts that readers open (default: serving/
                         beside the DuckDB file)
- NEWSIMPACT_REPORTS_DIR the event reports (HTML and charts; default: reports/ beside the DuckDB
                         file)
- NEWSIMPACT_TRANSPORT   "replay" (default: the recorded snapshots, no network), "live" (the real
                         URLs) or "landing" (what earlier runs archived: a rebuild offline)
- NEWSIMPACT_DUCKDB_MEMORY DuckDB's memory limit in dbt's runs (default 8GB; past it, spill)
- DAGSTER_HOME           Dagster's instance: run history, schedules (default
                         warehouse/dagster_home)

Which engine builds the models, and how a run's steps execute:

- NEWSIMPACT_DBT_TARGET  dbt's target in dbt/profiles.yml: "local" (DuckDB, the default),
                         "spark", "spark_thrift" or "spark_http"; on DuckDB runs keep one writer
- NEWSIMPACT_RAW_URL     on a Spark target, where the raw tables are exported as Parquet for it
                         (a folder or a URL such as s3a://bucket/raw; default: raw_parquet/
                         beside the DuckDB file)
- NEWSIMPACT_MARTS_URL   on a Spark target, where it writes the marts as Parquet, which are then
                         published (default: spark/marts/ beside the DuckDB file)
- NEWSIMPACT_SPARK_HOME  local mode's metastore and tables (default: spark/ beside the DuckDB
                         file)
- NEWSIMPACT_EXECUTOR, NEWSIMPACT_MAX_CONCURRENT, NEWSIMPACT_CELERY_BROKER,
  NEWSIMPACT_K8S_NAMESPACE, NEWSIMPACT_K8S_IMAGE: the executor (see `Deployment` below and
  orchestration/runtime/deployment.py)

Credentials named in source URLs (`${NEWSIMPACT_..._KEY}`) are not settings: they are read at
the moment of the request and never kept (orchestration/sources/secrets.py).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from orchestration.sources.transport import TRANSPORTS

REPO_ROOT = Path(__file__).resolve().parent.parent
# dbt target -> the engine that builds the models
DBT_TARGETS = {"local": "duckdb", "spark": "spark", "spark_thrift": "spark", "spark_http": "spark"}
# executor -> (module, attribute) of its definition; celery and k8s are the `distributed` extra
EXECUTOR_DEFS = {
    "in_process": ("dagster", "in_process_executor"),
    "multiprocess": ("dagster", "multiprocess_executor"),
    "celery": ("dagster_celery", "celery_executor"),
    "k8s": ("dagster_k8s", "k8s_job_executor"),
}
EXECUTORS = tuple(EXECUTOR_DEFS)
DEFAULT_BROKER = "pyamqp://guest@localhost//"
DEFAULT_DUCKDB_MEMORY = "8GB"


class SettingsError(ValueError):
    """A configuration value that cannot work; the message says which and why."""


@dataclass(frozen=True)
class Deployment:
    """How a run's steps execute (NEWSIMPACT_EXECUTOR and the settings of that executor)."""

    executor: str = "in_process"
    max_concurrent: int | None = None  # None: the executor's default
    celery_broker: str = DEFAULT_BROKER
    k8s_namespace: str | None = None  # None: the run launcher's
    k8s_image: str | None = None  # None: the run's

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Deployment:
        executor = env.get("NEWSIMPACT_EXECUTOR") or "in_process"
        if executor not in EXECUTORS:
            raise SettingsError(
                f"NEWSIMPACT_EXECUTOR={executor!r}: expected one of {', '.join(EXECUTORS)}")
        return cls(executor, max_concurrent(env.get("NEWSIMPACT_MAX_CONCURRENT")),
                   env.get("NEWSIMPACT_CELERY_BROKER") or DEFAULT_BROKER,
                   env.get("NEWSIMPACT_K8S_NAMESPACE") or None,
                   env.get("NEWSIMPACT_K8S_IMAGE") or None)


@dataclass(frozen=True)
class Settings:
    seeds_dir: Path
    warehouse: Path
    landing_dir: Path
    transport: str = "replay"
    serving_dir: Path | None = None  # None: serving/ beside the warehouse
    reports_dir: Path | None = None  # None: reports/ beside the warehouse
    dbt_target: str = "local"
    raw_url_setting: str | None = None  # None: raw_parquet/ beside the warehouse
    marts_url_setting: str | None = None  # None: marts/ in spark_home
    spark_home_setting: str | None = None  # None: spark/ beside the warehouse
    duckdb_memory: str = DEFAULT_DUCKDB_MEMORY
    dagster_home_setting: Path | None = None  # None: warehouse/dagster_home of the repository
    deployment: Deployment = field(default_factory=Deployment)

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
    def one_writer(self) -> bool:
        """Whether the models are built in the DuckDB file, which takes one writer."""
        return self.engine == "duckdb"

    @property
    def raw_url(self) -> str:
        return self.raw_url_setting or str(self.warehouse.parent / "raw_parquet")

    @property
    def spark_home(self) -> str:
        return self.spark_home_setting or str(self.warehouse.parent / "spark")

    @property
    def marts_url(self) -> str:
        return self.marts_url_setting or f"{self.spark_home}/marts"

    @property
    def published(self) -> Path:
        """The published DuckDB file (see orchestration/publishing)."""
        return self.serving / "newsimpact.duckdb"

    @property
    def dagster_home(self) -> Path:
        return self.dagster_home_setting or REPO_ROOT / "warehouse" / "dagster_home"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **chosen) -> Settings:
        """The settings of this process: the environment (os.environ unless `env`), with the
        command line's choices (`chosen`, e.g. transport="replay" for the demo) over it."""
        env = os.environ if env is None else env

        def path(name: str) -> Path | None:
            return Path(env[name]).resolve() if env.get(name) else None

        seeds = path("NEWSIMPACT_SEEDS_DIR") or (REPO_ROOT / "seeds").resolve()
        warehouse = path("NEWSIMPACT_WAREHOUSE") or \
            (REPO_ROOT / "warehouse" / "newsimpact.duckdb").resolve()
        read = cls(
            seeds, warehouse, path("NEWSIMPACT_LANDING_DIR") or warehouse.parent / "landing",
            env.get("NEWSIMPACT_TRANSPORT") or "replay", path("NEWSIMPACT_SERVING_DIR"),
            path("NEWSIMPACT_REPORTS_DIR"), env.get("NEWSIMPACT_DBT_TARGET") or "local",
            env.get("NEWSIMPACT_RAW_URL") or None, env.get("NEWSIMPACT_MARTS_URL") or None,
            env.get("NEWSIMPACT_SPARK_HOME") or None,
            env.get("NEWSIMPACT_DUCKDB_MEMORY") or DEFAULT_DUCKDB_MEMORY,
            Path(env["DAGSTER_HOME"]) if env.get("DAGSTER_HOME") else None)
        read = replace(read, **chosen).validated()  # where things are, then how runs execute
        return replace(read, deployment=Deployment.from_env(env)).validated_deployment()

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

    def validated_deployment(self) -> Settings:
        deployment = self.deployment
        module = EXECUTOR_DEFS[deployment.executor][0]
        if importlib.util.find_spec(module) is None:  # found, not imported: the CLI stays quick
            package = module.replace("_", "-")
            raise SettingsError(f"NEWSIMPACT_EXECUTOR={deployment.executor} needs {package}: "
                                "pip install 'newsimpact[distributed]'")
        limited = deployment.executor in ("multiprocess", "k8s")
        if limited and self.one_writer and (deployment.max_concurrent or 1) > 1:
            raise SettingsError(
                f"NEWSIMPACT_MAX_CONCURRENT={deployment.max_concurrent}: the DuckDB target "
                f"(NEWSIMPACT_DBT_TARGET={self.dbt_target}) takes one writer, so one step at a "
                "time; more needs a Spark target")
        return self

    def dbt_environment(self, seed_path: str) -> dict[str, str]:
        """What dbt_project.yml and dbt/profiles.yml read, for a dbt process of these settings
        (`seed_path`: where dbt finds the seeds, relative to the project)."""
        env = {"NEWSIMPACT_WAREHOUSE": str(self.warehouse),
               "NEWSIMPACT_DUCKDB_MEMORY": self.duckdb_memory,
               "NEWSIMPACT_DBT_SEED_PATH": seed_path}
        if self.engine == "spark":
            env |= {"NEWSIMPACT_RAW_URL": self.raw_url, "NEWSIMPACT_MARTS_URL": self.marts_url,
                    "NEWSIMPACT_SPARK_HOME": self.spark_home}
        return env


@contextmanager
def environment(values: Mapping[str, str]) -> Iterator[None]:
    """os.environ with `values` over it, restored after: for the processes started inside
    (dbt, whose resource copies the environment when it starts the process)."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def use_dagster_home(settings: Settings) -> Path:
    """DAGSTER_HOME for Dagster itself (its instance and `dagster dev` read the variable)."""
    os.environ["DAGSTER_HOME"] = str(settings.dagster_home)
    return settings.dagster_home


def max_concurrent(text: str | None) -> int | None:
    if not text:
        return None
    if not text.isdigit() or int(text) < 1:
        raise SettingsError(f"NEWSIMPACT_MAX_CONCURRENT={text!r}: expected a whole number, 1 or "
                            "more")
    return int(text)

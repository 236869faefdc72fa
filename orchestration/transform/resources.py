"""dbt and, on a Spark target, where Spark reads the raw tables and writes its marts."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from dagster import ConfigurableResource
from dagster_dbt import DbtCliResource

from orchestration.settings import REPO_ROOT, Settings, environment
from orchestration.transform.project import DBT_DIR, dbt_project


class SparkResource(ConfigurableResource):
    """Where a Spark target reads the raw tables and writes its marts (all empty when dbt's
    target is DuckDB, which reads and writes the warehouse itself)."""

    raw_url: str = ""
    marts_url: str = ""
    spark_home: str = ""

    @property
    def enabled(self) -> bool:
        return bool(self.raw_url)


def dbt_executable() -> str:
    """dbt beside this interpreter (the project's venv) even when the venv is not on PATH."""
    beside = Path(sys.executable).parent / "dbt"
    return str(beside) if beside.exists() else (shutil.which("dbt") or "dbt")


class DbtResource(DbtCliResource):
    """dbt's command line, started with the settings' environment (the warehouse file, the
    seeds, DuckDB's memory, Spark's folders: what dbt_project.yml and profiles.yml read)."""

    environment: dict[str, str] = {}

    def cli(self, args, **kwargs):
        with environment(self.environment):  # the process starts inside cli()
            return super().cli(args, **kwargs)


def seed_path(seeds_dir: Path) -> str:
    """The seed path for dbt (relative to the project): the repository's seeds/ as they are, a
    user's seeds folder copied inside target/ (see seed-paths in dbt_project.yml for why)."""
    if seeds_dir.resolve() == (REPO_ROOT / "seeds").resolve():
        return "../seeds"
    return os.path.relpath(DBT_DIR / dbt_project.target_path / "user_seeds", DBT_DIR)


# What `make train` writes (the learned reading, the ordinary words): a user's seeds folder
# that has no copy of its own reads with the repository's.
LEARNED_SEEDS = ("reading_weights.csv", "reading_classes.csv", "ordinary_words.csv")


def stage_seeds(seeds_dir: Path) -> None:
    """A user's seeds copied where seed_path() points dbt (nothing for the repository's), with
    the repository's learned reading where the folder has none."""
    staged = DBT_DIR / seed_path(seeds_dir)
    if seed_path(seeds_dir) == "../seeds":
        return
    shutil.rmtree(staged, ignore_errors=True)
    staged.mkdir(parents=True)
    for csv_file in seeds_dir.glob("*.csv"):
        shutil.copy(csv_file, staged / csv_file.name)
    for name in LEARNED_SEEDS:
        if not (staged / name).is_file():
            shutil.copy(REPO_ROOT / "seeds" / name, staged / name)


def transform_resources(settings: Settings) -> dict:
    spark = (SparkResource(raw_url=settings.raw_url, marts_url=settings.marts_url,
                           spark_home=settings.spark_home)
             if settings.engine == "spark" else SparkResource())
    dbt = DbtResource(project_dir=dbt_project, dbt_executable=dbt_executable(),
                      target=settings.dbt_target,
                      environment=settings.dbt_environment(seed_path(settings.seeds_dir)))
    return {"dbt": dbt, "spark": spark}

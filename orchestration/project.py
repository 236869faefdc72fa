"""The dbt project as Dagster sees it. Its manifest is made by `dbt parse` at set-up (make)."""

from __future__ import annotations

from dagster_dbt import DbtProject

from .settings import REPO_ROOT

DBT_DIR = REPO_ROOT / "dbt"

dbt_project = DbtProject(project_dir=DBT_DIR, profiles_dir=DBT_DIR)
dbt_project.prepare_if_dev()

"""The dbt project's folder and the vars it declares, read without loading dbt or Dagster (the
CLI's read-only commands need them and stay quick)."""

from __future__ import annotations

from functools import cache

import yaml

from orchestration.settings import REPO_ROOT

DBT_DIR = REPO_ROOT / "dbt"


@cache
def dbt_vars() -> dict:
    """The vars of dbt_project.yml, as the project declares them (the event study's defaults)."""
    return yaml.safe_load((DBT_DIR / "dbt_project.yml").read_text())["vars"]

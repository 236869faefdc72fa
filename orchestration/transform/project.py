"""The dbt project as Dagster sees it.

Its manifest (dbt/target/manifest.json) is made by `dbt parse` in the Makefile's set-up, before
any command loads the code location; `make ui` re-parses when a model changed.
"""

from functools import cache

import yaml
from dagster_dbt import DbtProject

from orchestration.settings import REPO_ROOT

DBT_DIR = REPO_ROOT / "dbt"

dbt_project = DbtProject(project_dir=DBT_DIR, profiles_dir=DBT_DIR)


@cache
def dbt_vars() -> dict:
    """The vars of dbt_project.yml, as the project declares them (the event study's defaults)."""
    return yaml.safe_load((DBT_DIR / "dbt_project.yml").read_text())["vars"]

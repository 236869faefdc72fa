"""The dbt project as Dagster sees it.

Its manifest (dbt/target/manifest.json) is made by `dbt parse` in the Makefile's set-up, before
any command loads the code location; `make ui` re-parses when a model changed.
"""

from dagster_dbt import DbtProject

from orchestration.transform.dbt_vars import DBT_DIR

dbt_project = DbtProject(project_dir=DBT_DIR, profiles_dir=DBT_DIR)

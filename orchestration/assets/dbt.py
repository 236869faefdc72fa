"""The dbt project as Dagster assets: seeds, staging, intermediate and marts in one lineage graph.

dbt sources named `raw` map to the ingestion assets' keys (raw/<table>) without configuration;
seeds get keys under seeds/, and groups follow the models' folders.
"""


import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dagster import AssetExecutionContext, AssetKey
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from ..project import DBT_DIR, dbt_project
from ..resources import SourcesResource
from ..settings import REPO_ROOT


class NewsimpactTranslator(DagsterDbtTranslator):
    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> AssetKey:
        if dbt_resource_props["resource_type"] == "seed":
            return AssetKey(["seeds", dbt_resource_props["name"]])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        folders = dbt_resource_props.get("fqn", [])[1:-1]
        return folders[0] if folders else "dbt"


def dbt_seed_path(seeds_dir: Path) -> str:
    """The seed path for dbt (relative to the project): the repository's seeds/ as they are, a
    user's seeds folder copied inside target/ (see seed-paths in dbt_project.yml for why)."""
    if seeds_dir.resolve() == (REPO_ROOT / "seeds").resolve():
        return "../seeds"
    staged = DBT_DIR / dbt_project.target_path / "user_seeds"
    shutil.rmtree(staged, ignore_errors=True)
    staged.mkdir(parents=True)
    for csv_file in seeds_dir.glob("*.csv"):
        shutil.copy(csv_file, staged / csv_file.name)
    return os.path.relpath(staged, DBT_DIR)


@dbt_assets(
    manifest=dbt_project.manifest_path,
    dagster_dbt_translator=NewsimpactTranslator(),
    pool="warehouse",
)
def newsimpact_dbt_assets(context: AssetExecutionContext, dbt: DbtCliResource,
                          sources: SourcesResource):
    os.environ["NEWSIMPACT_DBT_SEED_PATH"] = dbt_seed_path(Path(sources.seeds_dir))
    # One fixed target folder: dbt reuses its partial parse, and runs do not pile up folders.
    invocation = dbt.cli(["build"], context=context, target_path=dbt_project.target_path)
    yield from invocation.stream().fetch_row_counts()

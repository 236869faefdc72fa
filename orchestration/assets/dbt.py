"""The dbt project as Dagster assets: seeds, staging, intermediate and marts in one lineage graph.

dbt sources named `raw` map to the ingestion assets' keys (raw/<table>) without configuration;
seeds get keys under seeds/, and groups follow the models' folders.
"""


from collections.abc import Mapping
from typing import Any

from dagster import AssetExecutionContext, AssetKey
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from ..project import dbt_project


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


@dbt_assets(
    manifest=dbt_project.manifest_path,
    dagster_dbt_translator=NewsimpactTranslator(),
    pool="warehouse",
)
def newsimpact_dbt_assets(context: AssetExecutionContext, dbt: DbtCliResource):
    # One fixed target folder: dbt reuses its partial parse, and runs do not pile up folders.
    invocation = dbt.cli(["build"], context=context, target_path=dbt_project.target_path)
    yield from invocation.stream().fetch_row_counts()

"""serving/published_warehouse: the marts published for readers after every build (see
orchestration/serving/publish.py). In the warehouse pool, so that it never overlaps a writer."""

from pathlib import Path

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset
from dagster_dbt import get_asset_key_for_model

from ..project import dbt_project
from ..resources import ServingResource
from ..serving.publish import mart_names, publish
from .dbt import newsimpact_dbt_assets

MART_KEYS = [get_asset_key_for_model([newsimpact_dbt_assets], name)
             for name in mart_names(Path(dbt_project.manifest_path))]


@asset(
    key=["serving", "published_warehouse"],
    group_name="serving",
    deps=MART_KEYS,
    pool="warehouse",
    kinds={"duckdb", "parquet"},
    description="The marts published for readers: serving/newsimpact.duckdb (replaced in one "
                "step) and serving/parquet/<mart>.parquet.",
)
def published_warehouse(context: AssetExecutionContext,
                        serving: ServingResource) -> MaterializeResult:
    done = publish(Path(serving.warehouse), Path(serving.serving_dir),
                   Path(dbt_project.manifest_path))
    context.log.info(f"published {len(done.rows)} tables to {done.path} in {done.seconds} s")
    return MaterializeResult(metadata={
        "path": MetadataValue.path(str(done.path)),
        "parquet": MetadataValue.path(str(done.parquet_dir)),
        "rows": MetadataValue.json(done.rows),
        "seconds": done.seconds,
    })

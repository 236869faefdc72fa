"""The dbt project as Dagster assets: seeds, staging, intermediate and marts in one lineage graph.

dbt sources named `raw` map to the ingestion assets' keys (raw/<table>) without configuration;
seeds get keys under seeds/, and groups follow the models' folders.
"""


import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb
from dagster import AssetExecutionContext, AssetKey, AssetMaterialization, Config, Output
from dagster_dbt import DagsterDbtTranslator, dbt_assets
from dagster_duckdb import DuckDBResource

from orchestration.ingestion.resources import SourcesResource
from orchestration.runtime.progress import ROW_COUNT, built
from orchestration.transform.jobs import MAX_DATE, MIN_DATE
from orchestration.transform.project import dbt_project
from orchestration.transform.resources import DbtResource, SparkResource, stage_seeds
from orchestration.transform.spark_export import export_raw


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


class DbtBuildConfig(Config):
    """full_refresh rebuilds every incremental model from all the raw data (needed after a
    change of dbt vars or of the reference seeds that rules read)."""

    full_refresh: bool = False


def backfills_the_past(warehouse: Path, tags: Mapping[str, str]) -> bool:
    """Whether the run's window ends before raw data already loaded (a backfill into the
    past). The incremental models assume that new data is the newest: their settled t0s and
    market models never look back, so prices that arrive for older days must rebuild in full."""
    last = tags.get(MAX_DATE)
    if not last or not warehouse.is_file():
        return False
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return bool(con.execute(
            "select exists(select 1 from raw.prices where price_date > cast(? as date)) "
            "or exists(select 1 from raw.news_items "
            "where cast(first_fetched_at as date) > cast(? as date))", [last, last]).fetchone()[0])


def build_args(tags: Mapping[str, str], full_refresh: bool) -> list[str]:
    """dbt's arguments: the run's window of new raw data as vars min_date/max_date (a run
    without one builds from everything), and --full-refresh when asked."""
    args = ["build"]
    if tags.get(MIN_DATE) and tags.get(MAX_DATE):
        args += ["--vars", json.dumps({"min_date": tags[MIN_DATE], "max_date": tags[MAX_DATE]})]
    return args + (["--full-refresh"] if full_refresh else [])


def counted_relations(manifest: Mapping[str, Any]) -> dict[str, str]:
    """schema.table of each dbt table and seed by unique_id (without the catalog, whose name
    follows the file when it is opened directly); views are not counted (each count would run
    the view)."""
    return {unique_id: f"{node['schema']}.{node['alias']}"
            for unique_id, node in manifest["nodes"].items()
            if node["resource_type"] in ("model", "seed")
            and node["config"].get("materialized") not in ("view", "ephemeral")}


def with_row_counts(events: list, warehouse: Path, relations: Mapping[str, str]) -> list:
    """The materializations with dagster/row_count, counted once dbt has let go of the file
    (while it runs, DuckDB's lock keeps every other process out)."""
    todo = {i: relations.get(str(e.metadata["unique_id"].value)) for i, e in enumerate(events)
            if isinstance(e, (Output, AssetMaterialization)) and "unique_id" in e.metadata}
    todo = {i: relation for i, relation in todo.items() if relation}
    if not todo or not warehouse.is_file():
        return events
    counted = list(events)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for i, relation in todo.items():
            try:
                rows = con.execute(f"select count(*) from {relation}").fetchone()[0]
            except duckdb.Error:
                continue  # a relation dbt dropped after building it: no count to give
            counted[i] = events[i].with_metadata({**events[i].metadata,
                                                  ROW_COUNT: rows})
    return counted


@dbt_assets(
    manifest=dbt_project.manifest_path,
    dagster_dbt_translator=NewsimpactTranslator(),
    pool="warehouse",
)
def newsimpact_dbt_assets(context: AssetExecutionContext, dbt: DbtResource,
                          sources: SourcesResource, warehouse: DuckDBResource,
                          spark: SparkResource, config: DbtBuildConfig):
    stage_seeds(Path(sources.seeds_dir))
    target_path = dbt_project.target_path
    if spark.enabled:  # ingestion stays on DuckDB; Spark reads its raw tables as Parquet
        exported = export_raw(Path(warehouse.database), spark.raw_url)
        context.log.info(f"exported {sum(table.rows for table in exported)} raw rows to "
                         f"{spark.raw_url}")
        target_path = target_path / "spark"  # DuckDB's manifest stays the code location's
    past = not config.full_refresh and backfills_the_past(Path(warehouse.database),
                                                          context.run.tags)
    if past:
        context.log.info(f"the window ends on {context.run.tags[MAX_DATE]}, before data "
                         "already loaded: a backfill into the past, built in full")
    args = build_args(context.run.tags, config.full_refresh or past)
    context.log.info(f"dbt {' '.join(args)}")
    # One fixed target folder: dbt reuses its partial parse, and runs do not pile up folders.
    invocation = dbt.cli(args, context=context, target_path=target_path)
    # dagster-dbt's fetch_row_counts() counts while dbt still holds the file, and fails with a
    # traceback per model; the counts are taken after the build instead. Each model is logged
    # as dbt finishes it (the CLI's progress bar follows those lines).
    held, relations = [], ({} if spark.enabled else counted_relations(
        json.loads(Path(dbt_project.manifest_path).read_text())))
    try:
        for event in invocation.stream():
            if isinstance(event, Output):
                key = context.asset_key_for_output(event.output_name)
                built(context, key.to_user_string())
            held.append(event)
    except Exception:  # a failed build still records what it built, then fails
        yield from with_row_counts(held, Path(warehouse.database), relations)
        raise
    yield from with_row_counts(held, Path(warehouse.database), relations)

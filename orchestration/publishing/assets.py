"""serving/published_warehouse: the marts published for readers after every build (see
orchestration/publishing/publish.py). In the warehouse pool, so that it never overlaps a writer.
Its materializations carry a preview of the published copy: the top moves (the rows of
`newsimpact impacts`) and the rows of every table, as markdown."""

from pathlib import Path

import duckdb
from dagster import AssetExecutionContext, Config, MaterializeResult, MetadataValue, asset
from dagster_dbt import get_asset_key_for_model

from orchestration.publishing.moves import moves_table
from orchestration.publishing.publish import Publication, mart_names, publish
from orchestration.publishing.reports import build_reports
from orchestration.publishing.resources import ReportsResource, ServingResource
from orchestration.runtime.progress import (
    PUBLISHED_PATH,
    PUBLISHED_ROWS,
    REPORTS_EVENTS,
    REPORTS_INDEX,
)
from orchestration.transform.assets import newsimpact_dbt_assets
from orchestration.transform.project import dbt_project

MART_KEYS = [get_asset_key_for_model([newsimpact_dbt_assets], name)
             for name in mart_names(Path(dbt_project.manifest_path))]
PREVIEW_ROWS = 10
PREVIEW_MAX_P = 0.01


def cell(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def markdown_table(header: list[str], rows: list[list[str]], right: set[int]) -> str:
    rule = ["---:" if i in right else "---" for i in range(len(header))]
    return "\n".join("| " + " | ".join(map(cell, row)) + " |" for row in [header, rule, *rows])


def preview(publication: Publication) -> str:
    """Markdown: the top moves of the published copy, then the rows of each table copied (the
    view marts fct_event_impact and fct_event_window are products of the tables they read)."""
    with duckdb.connect(str(publication.path), read_only=True) as con:
        header, rows, right = moves_table(con, PREVIEW_ROWS, PREVIEW_MAX_P)
    counts = [[name, f"{rows:,}"] for name, rows in sorted(publication.rows.items())]
    return "\n\n".join([
        f"**Top {len(rows)} moves on t0** (p < {PREVIEW_MAX_P}, one row per asset and session)",
        markdown_table(header, rows, right) if rows else "_none_",
        "**Rows per table** (`fct_event_impact` and `fct_event_window` are views over the "
        "`intermediate` tables)",
        markdown_table(["table", "rows"], counts, right={1}),
    ])


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
                   Path(dbt_project.manifest_path), serving.marts_url)
    context.log.info(f"published {len(done.rows)} tables to {done.path} in {done.seconds} s")
    return MaterializeResult(metadata={
        PUBLISHED_PATH: MetadataValue.path(str(done.path)),
        "parquet": MetadataValue.path(str(done.parquet_dir)),
        PUBLISHED_ROWS: MetadataValue.json(done.rows),
        "seconds": done.seconds,
        "preview": MetadataValue.md(preview(done)),
    })


class ReportConfig(Config):
    """How many events get a page (the index lists the same ones, by impact)."""

    top_events: int = 20


@asset(
    key=["reports", "event_reports"],
    group_name="reports",
    deps=[["serving", "published_warehouse"]],
    kinds={"html", "matplotlib"},
    description="Per event: an HTML page with its CAR paths against the benchmark, CAR by asset "
                "with 95% intervals and its headlines; an index of events by impact.",
)
def event_reports(context: AssetExecutionContext, reports: ReportsResource,
                  config: ReportConfig) -> MaterializeResult:
    if config.top_events < 1:
        raise ValueError(f"top_events={config.top_events}: give at least 1")
    built = build_reports(Path(reports.published), Path(reports.reports_dir), config.top_events)
    context.log.info(f"{built.pages} event pages and the index {built.index} in {built.seconds} s")
    return MaterializeResult(metadata={
        REPORTS_INDEX: MetadataValue.path(str(built.index)),
        REPORTS_EVENTS: built.pages,
        "seconds": built.seconds,
    })

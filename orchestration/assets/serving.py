"""serving/published_warehouse: the marts published for readers after every build (see
orchestration/serving/publish.py). In the warehouse pool, so that it never overlaps a writer.
Its materializations carry a preview of the published copy: the top moves (the rows of
`newsimpact impacts`) and the rows of every table, as markdown."""

from pathlib import Path

import duckdb
from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset
from dagster_dbt import get_asset_key_for_model

from ..project import dbt_project
from ..resources import ServingResource
from ..serving.moves import p_value, pct, top_moves
from ..serving.publish import Publication, mart_names, publish
from .dbt import newsimpact_dbt_assets

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
        moves = top_moves(con, PREVIEW_ROWS, PREVIEW_MAX_P)
    header = ["lead event", "asset", "t0", "return", "abnormal", "p", "CAR[-1,+1]", "p",
              "events (naming it)"]
    rows = [[f"{etype}: {headline}", symbol, str(t0), pct(ret), pct(ar), p_value(p_ar),
             pct(car), p_value(p_car), f"{n_events} ({n_linked})"]
            for etype, headline, symbol, t0, ret, ar, p_ar, car, p_car, n_events, n_linked
            in moves]
    counts = [[name, f"{rows:,}"] for name, rows in sorted(publication.rows.items())]
    return "\n\n".join([
        f"**Top {len(rows)} moves on t0** (p < {PREVIEW_MAX_P}, one row per asset and session)",
        markdown_table(header, rows, right=set(range(3, 9))) if rows else "_none_",
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
        "path": MetadataValue.path(str(done.path)),
        "parquet": MetadataValue.path(str(done.parquet_dir)),
        "rows": MetadataValue.json(done.rows),
        "seconds": done.seconds,
        "preview": MetadataValue.md(preview(done)),
    })

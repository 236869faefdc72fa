"""reports/event_reports: an HTML page and a chart per event, and an index by impact, built
from the published copy after each publication (see orchestration/reports)."""

from pathlib import Path

from dagster import AssetExecutionContext, Config, MaterializeResult, MetadataValue, asset

from ..reports.events import build_reports
from ..resources import ReportsResource


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
        "index": MetadataValue.path(str(built.index)),
        "events": built.pages,
        "seconds": built.seconds,
    })

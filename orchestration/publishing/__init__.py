"""Publishing, the last step: the marts copied to a file of their own that readers open (BI
tools, notebooks, `newsimpact query`), never the pipeline's own file; and the event reports
built from that copy.

- publish.py: the published DuckDB copy and its Parquet files, switched in whole
- moves.py: the top moves, as the CLI, the UI's preview and the reports show them
- reports.py: an HTML page and a chart per event, and an index
- assets.py: the assets serving/published_warehouse and reports/event_reports
- resources.py: where the copy and the reports are written
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dagster import Definitions

    from orchestration.settings import Settings


def defs(settings: Settings) -> Definitions:
    from dagster import Definitions

    from orchestration.publishing.assets import event_reports, published_warehouse
    from orchestration.publishing.resources import ReportsResource, ServingResource

    marts_url = settings.marts_url if settings.engine == "spark" else ""
    return Definitions(
        assets=[published_warehouse, event_reports],
        resources={"serving": ServingResource(warehouse=str(settings.warehouse),
                                              serving_dir=str(settings.serving),
                                              marts_url=marts_url),
                   "reports": ReportsResource(published=str(settings.published),
                                              reports_dir=str(settings.reports))},
    )

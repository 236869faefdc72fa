"""Where the published copy and the event reports are written."""

from __future__ import annotations

from dagster import ConfigurableResource


class ServingResource(ConfigurableResource):
    """Where the warehouse is published for readers (see orchestration/publishing)."""

    warehouse: str
    serving_dir: str
    marts_url: str = ""  # a Spark target's marts as Parquet: published from there


class ReportsResource(ConfigurableResource):
    """Where the event reports are written, and the published copy they are read from."""

    published: str
    reports_dir: str

"""The transform, the second step: the dbt project (dbt/) built over the raw tables, on DuckDB
or on Spark, into the marts; started after every successful ingest run.

- project.py: the dbt project as Dagster sees it (its manifest)
- assets.py: the dbt models, seeds and tests as Dagster assets and checks
- jobs.py: the transform job and the sensor that starts it after an ingest run
- resources.py: dbt's command line with the settings' environment, and Spark's folders
- spark_export.py: the raw tables exported as Parquet, the sources of a Spark target
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dagster import Definitions

    from orchestration.settings import Settings


def defs(settings: Settings) -> Definitions:
    from dagster import Definitions

    from orchestration.transform.assets import newsimpact_dbt_assets
    from orchestration.transform.jobs import transform_after_ingest, transform_job
    from orchestration.transform.resources import transform_resources

    return Definitions(assets=[newsimpact_dbt_assets], jobs=[transform_job],
                       sensors=[transform_after_ingest], resources=transform_resources(settings))

"""What every step runs on: the warehouse file and its one writer, the executor, runs whose
process died, backups, progress and failures told in one line.

- warehouse.py: the warehouse file attached under dbt's catalog name
- resources.py: the warehouse as a Dagster resource, held by one writer
- runs.py: the writer lock, and dead runs found and marked failed (with its sensor)
- deployment.py: the executor, from the settings
- backup.py: backup and restore of the warehouse, landing/ and the published copy
- progress.py: the progress events steps log, and the bars the CLI draws from them
- failures.py: a failed run's cause in one line
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dagster import Definitions

    from orchestration.settings import Settings


def defs(settings: Settings) -> Definitions:
    from dagster import Definitions

    from orchestration.runtime.deployment import executor_def
    from orchestration.runtime.resources import WarehouseResource
    from orchestration.runtime.runs import reap_dead_runs_sensor

    return Definitions(sensors=[reap_dead_runs_sensor],
                       resources={"warehouse": WarehouseResource(database=str(settings.warehouse))},
                       executor=executor_def(settings))

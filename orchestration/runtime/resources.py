"""The DuckDB warehouse as a Dagster resource, held by one writer at a time."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from dagster import InitResourceContext
from dagster_duckdb import DuckDBResource
from pydantic import PrivateAttr

from orchestration.runtime.runs import claim, writer_lock


class WarehouseResource(DuckDBResource):
    """The DuckDB warehouse. A run that uses it holds the writer lock from its set-up to its
    teardown (so a run the daemon launches and a `newsimpact` command never write at once),
    and records its process as the run's, so that a run whose process dies is found and
    marked failed (see orchestration/runtime/runs.py)."""

    _writing: ExitStack = PrivateAttr(default_factory=ExitStack)

    def setup_for_execution(self, context: InitResourceContext) -> None:
        super().setup_for_execution(context)
        run = context.run
        if context.instance is not None and run is not None:  # first: a waiting run can die
            claim(context.instance, run.run_id)
        holder = f"run {run.run_id[:8]} of {run.job_name}" if run else None
        self._writing.enter_context(writer_lock(Path(self.database), holder,
                                                say=context.log.warning))

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        self._writing.close()

"""How a run's steps execute: the executor the code location gives its jobs, from the settings
(NEWSIMPACT_EXECUTOR and its companions, read in orchestration/settings.py), and the one-writer
rule that goes with the dbt target.

- "in_process" (default: every step in the run's process), "multiprocess" (a process per step),
  "celery" (steps as tasks of Celery workers) or "k8s" (a Kubernetes job per step)
- NEWSIMPACT_MAX_CONCURRENT: steps at once within a run, for multiprocess and k8s (default: the
  executor's own); only 1 on DuckDB

One writer: a DuckDB file takes one writer, so on the DuckDB target (NEWSIMPACT_DBT_TARGET=local)
the executors run one step at a time, and the instance limits the `warehouse` pool to one step
(orchestration/dagster.yaml and orchestration/deploy/). On Spark the executors run steps side by
side and orchestration/deploy/dagster.spark.yaml lifts the pool limit; the steps that still
open the DuckDB file (ingestion) wait for each other on its writer lock (runtime/runs.py).

The run launcher belongs to the instance, not to the code location: orchestration/deploy/ holds
the instance files of the Celery and Kubernetes set-ups.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from orchestration.settings import EXECUTOR_DEFS, Settings

if TYPE_CHECKING:
    from dagster import ExecutorDefinition


def step_limit(settings: Settings) -> dict:
    """The executor's max_concurrent: 1 on DuckDB, else the setting if there is one."""
    limit = 1 if settings.one_writer else settings.deployment.max_concurrent
    return {} if limit is None else {"max_concurrent": limit}


def executor_config(settings: Settings) -> dict | None:
    """What the executor is configured with (None: it is used as it is)."""
    deployment = settings.deployment
    if deployment.executor == "multiprocess":
        return step_limit(settings)
    if deployment.executor == "celery":
        return {"broker": deployment.celery_broker}
    if deployment.executor == "k8s":
        where = {"job_namespace": deployment.k8s_namespace, "job_image": deployment.k8s_image}
        return {**step_limit(settings), **{k: v for k, v in where.items() if v}}
    return None


def executor_def(settings: Settings) -> ExecutorDefinition:
    """The definition for Definitions(executor=...)."""
    module, name = EXECUTOR_DEFS[settings.deployment.executor]
    definition = getattr(importlib.import_module(module), name)
    config = executor_config(settings)
    return definition if config is None else definition.configured(config)

"""How a run's steps execute: the executor the code location gives its jobs, chosen from the
environment, and the one-writer rule that goes with the dbt target.

- NEWSIMPACT_EXECUTOR       "in_process" (default: every step in the run's process),
                            "multiprocess" (a process per step), "celery" (steps as tasks of
                            Celery workers) or "k8s" (a Kubernetes job per step)
- NEWSIMPACT_MAX_CONCURRENT steps at once within a run, for multiprocess and k8s (default: the
                            executor's own); only 1 on DuckDB
- NEWSIMPACT_CELERY_BROKER  the broker the celery executor and its workers share (default
                            pyamqp://guest@localhost//)
- NEWSIMPACT_K8S_NAMESPACE  the namespace of the step jobs (default: the run launcher's)
- NEWSIMPACT_K8S_IMAGE      the image of the step jobs (default: the image of the run)

One writer: a DuckDB file takes one writer, so on the DuckDB target (NEWSIMPACT_DBT_TARGET=local)
the executors run one step at a time, and the instance limits the `warehouse` pool to one step
(orchestration/dagster.yaml and orchestration/deploy/). On Spark the executors run steps side by
side and orchestration/deploy/dagster.spark.yaml lifts the pool limit; the steps that still
open the DuckDB file (ingestion) wait for each other on its writer lock (orchestration/runs.py).

The run launcher belongs to the instance, not to the code location: orchestration/deploy/ holds
the instance files of the Celery and Kubernetes set-ups.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .settings import DBT_TARGETS, Settings, SettingsError

if TYPE_CHECKING:
    from dagster import ExecutorDefinition

# executor -> (module, attribute) of its definition; celery and k8s are the `distributed` extra
EXECUTOR_DEFS = {
    "in_process": ("dagster", "in_process_executor"),
    "multiprocess": ("dagster", "multiprocess_executor"),
    "celery": ("dagster_celery", "celery_executor"),
    "k8s": ("dagster_k8s", "k8s_job_executor"),
}
EXECUTORS = tuple(EXECUTOR_DEFS)
DEFAULT_BROKER = "pyamqp://guest@localhost//"


@dataclass(frozen=True)
class Deployment:
    executor: str = "in_process"
    dbt_target: str = "local"
    max_concurrent: int | None = None  # None: the executor's default
    celery_broker: str = DEFAULT_BROKER
    k8s_namespace: str | None = None  # None: the run launcher's
    k8s_image: str | None = None  # None: the run's

    @classmethod
    def from_env(cls, settings: Settings) -> Deployment:
        env = os.environ
        executor = env.get("NEWSIMPACT_EXECUTOR") or "in_process"
        if executor not in EXECUTORS:
            raise SettingsError(
                f"NEWSIMPACT_EXECUTOR={executor!r}: expected one of {', '.join(EXECUTORS)}")
        return cls(executor, settings.dbt_target,
                   max_concurrent(env.get("NEWSIMPACT_MAX_CONCURRENT")),
                   env.get("NEWSIMPACT_CELERY_BROKER") or DEFAULT_BROKER,
                   env.get("NEWSIMPACT_K8S_NAMESPACE") or None,
                   env.get("NEWSIMPACT_K8S_IMAGE") or None).validated()

    @property
    def one_writer(self) -> bool:
        """Whether the dbt target is DuckDB, whose file takes one writer."""
        return DBT_TARGETS[self.dbt_target] == "duckdb"

    def validated(self) -> Deployment:
        module = EXECUTOR_DEFS[self.executor][0]
        if importlib.util.find_spec(module) is None:  # found, not imported: the CLI stays quick
            package = module.replace("_", "-")
            raise SettingsError(f"NEWSIMPACT_EXECUTOR={self.executor} needs {package}: "
                                "pip install 'newsimpact[distributed]'")
        limited = self.executor in ("multiprocess", "k8s")
        if limited and self.one_writer and (self.max_concurrent or 1) > 1:
            raise SettingsError(
                f"NEWSIMPACT_MAX_CONCURRENT={self.max_concurrent}: the DuckDB target "
                f"(NEWSIMPACT_DBT_TARGET={self.dbt_target}) takes one writer, so one step at a "
                "time; more needs a Spark target")
        return self

    def step_limit(self) -> dict:
        """The executor's max_concurrent: 1 on DuckDB, else the setting if there is one."""
        limit = 1 if self.one_writer else self.max_concurrent
        return {} if limit is None else {"max_concurrent": limit}

    def executor_config(self) -> dict | None:
        """What the executor is configured with (None: it is used as it is)."""
        if self.executor == "multiprocess":
            return self.step_limit()
        if self.executor == "celery":
            return {"broker": self.celery_broker}
        if self.executor == "k8s":
            where = {"job_namespace": self.k8s_namespace, "job_image": self.k8s_image}
            return {**self.step_limit(), **{k: v for k, v in where.items() if v}}
        return None

    def executor_def(self) -> ExecutorDefinition:
        """The definition for Definitions(executor=...)."""
        module, name = EXECUTOR_DEFS[self.executor]
        definition = getattr(importlib.import_module(module), name)
        config = self.executor_config()
        return definition if config is None else definition.configured(config)


def max_concurrent(text: str | None) -> int | None:
    if not text:
        return None
    if not text.isdigit() or int(text) < 1:
        raise SettingsError(f"NEWSIMPACT_MAX_CONCURRENT={text!r}: expected a whole number, 1 or "
                            "more")
    return int(text)

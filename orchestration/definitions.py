"""The code location: one `defs(settings)` per step of the pipeline, merged.

`build_defs(settings)` is what the CLI runs with the settings it read; `defs` is what Dagster's
tools load (`dagster dev`, the daemon, run workers), with the settings of their environment.
"""

from __future__ import annotations

import dagster as dg

from orchestration import ingestion, publishing, runtime, transform
from orchestration.settings import Settings

DOMAINS = (ingestion, transform, publishing, runtime)  # in pipeline order


def build_defs(settings: Settings) -> dg.Definitions:
    return dg.Definitions.merge(*(domain.defs(settings) for domain in DOMAINS))


@dg.definitions
def defs() -> dg.Definitions:
    return build_defs(Settings.from_env())

"""The dbt project built on Spark: the raw tables exported as Parquet, then `dbt build --target
spark` over them (local mode in the dbt process by default; a cluster by the profile's
spark_thrift or spark_http output). The marts can be copied out as Parquet at the end of the
run (NEWSIMPACT_MARTS_URL), which is what the comparison with DuckDB's build reads.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..project import DBT_DIR
from ..settings import REPO_ROOT
from .export import ExportedTable, export_raw

DEFAULT_SPARK_HOME = REPO_ROOT / "warehouse" / "spark"
DEFAULT_RAW_URL = str(REPO_ROOT / "warehouse" / "raw_parquet")


class SparkBuildError(RuntimeError):
    """dbt's Spark build failed: the message holds its error lines."""


@dataclass(frozen=True)
class SparkBuild:
    exported: list[ExportedTable]
    export_seconds: float
    build_seconds: float
    target: str


def build_on_spark(warehouse: Path, raw_url: str = DEFAULT_RAW_URL, *,
                   marts_url: str | None = None, spark_home: Path = DEFAULT_SPARK_HOME,
                   target: str = "spark", log=print) -> SparkBuild:
    """Export the raw tables of `warehouse` to `raw_url` and build the project on `target`."""
    started = time.monotonic()
    exported = export_raw(warehouse, raw_url)
    export_seconds = round(time.monotonic() - started, 1)
    log(f"exported {sum(table.rows for table in exported)} raw rows to {raw_url} "
        f"in {export_seconds} s")
    started = time.monotonic()
    _dbt_build(_environment(raw_url, marts_url, spark_home), target, log)
    return SparkBuild(exported, export_seconds, round(time.monotonic() - started, 1), target)


def _environment(raw_url: str, marts_url: str | None, spark_home: Path) -> dict[str, str]:
    spark_home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, NEWSIMPACT_RAW_URL=raw_url, NEWSIMPACT_SPARK_HOME=str(spark_home),
               DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    if marts_url:
        env["NEWSIMPACT_MARTS_URL"] = marts_url
    return env


def _dbt_build(env: dict[str, str], target: str, log) -> None:
    """dbt in its own process (its JVM ends with it), its progress lines passed on."""
    dbt = Path(sys.executable).with_name("dbt")
    command = [str(dbt), "build", "--target", target, "--project-dir", str(DBT_DIR),
               "--profiles-dir", str(DBT_DIR), "--target-path", f"target/{target}",
               "--log-format", "text"]
    errors: list[str] = []
    with subprocess.Popen(command, cwd=DBT_DIR, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True) as process:
        for line in process.stdout:
            line = line.rstrip()
            if " of " in line and ("START" not in line) or "Done." in line:
                log(line)  # one line per node finished, and the summary
            if "ERROR" in line or "Error" in line or "FAIL" in line:
                errors.append(line)
        if process.wait() != 0:
            raise SparkBuildError("dbt build --target {} failed:\n{}".format(
                target, "\n".join(errors[-20:]) or f"exit status {process.returncode}"))

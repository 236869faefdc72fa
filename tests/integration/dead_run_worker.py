"""A run that holds the warehouse pool's slot until it is killed: the stand-in for a
`newsimpact` process killed during its dbt step (python -m tests.integration.dead_run_worker
SECONDS, with DAGSTER_HOME set)."""

import sys
import time

from dagster import DagsterInstance, job, op

from orchestration.runtime.runs import owner_tags


@op(pool="warehouse")
def hold_the_warehouse():
    print("holding", flush=True)
    time.sleep(float(sys.argv[1]))


@job
def holder():
    hold_the_warehouse()


if __name__ == "__main__":
    with DagsterInstance.get() as instance:
        holder.execute_in_process(instance=instance, tags=owner_tags())

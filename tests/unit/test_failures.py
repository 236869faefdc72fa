"""One line for a failed run: dbt's first failing node, and what mends a full disk or memory."""

import shutil

from dagster import asset, materialize

from orchestration.runtime.failures import explain, free_space, run_failure
from orchestration.settings import Settings

DBT = ("DagsterDbtCliRuntimeError: The dbt CLI process with command\n\n`dbt build --vars {}`\n\n"
       "failed with exit code `1`.\n\nErrors parsed from dbt logs:\n\n"
       "\x1b[0m27 of 188 FAIL 1 accepted_values_stg_entities_entity_type "
       "\x1b[31m[FAIL 1]\x1b[0m\n\n"
       "Failure in test accepted_values_stg_entities_entity_type\n")


def test_dbt_failures_are_told_by_their_first_failing_node(tmp_path):
    assert explain(DBT, [tmp_path]) == (
        "27 of 188 FAIL 1 accepted_values_stg_entities_entity_type [FAIL 1]")


def test_a_full_disk_names_each_folder_and_its_free_space(tmp_path):
    line = explain("OSError: [Errno 28] No space left on device", [tmp_path / "not" / "yet"])
    free_mb = shutil.disk_usage(tmp_path).free / 2**20
    expected_free = f"{free_mb:.1f} MB" if free_mb < 1024 else f"{free_mb / 1024:.1f} GB"
    assert line == (f"out of disk space (OSError: [Errno 28] No space left on device): "
                    f"{tmp_path}/not/yet has {expected_free} free")
    assert free_space(tmp_path / "not" / "yet") == expected_free  # its nearest existing parent


def test_a_cause_behind_the_error_counts_too(tmp_path):
    line = explain("DagsterExecutionStepExecutionError: error in op", [tmp_path],
                   "IOException: IO Error: could not write file: No space left on device")
    assert line.startswith("out of disk space (DagsterExecutionStepExecutionError: error in op): ")


def test_out_of_memory_names_the_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSIMPACT_DUCKDB_MEMORY", "512MB")
    memory = Settings.from_env().duckdb_memory  # read once, then passed down
    line = explain("OutOfMemoryException: Out of Memory Error: failed to allocate", [tmp_path],
                   memory=memory)
    assert line == ("DuckDB ran out of memory (OutOfMemoryException: Out of Memory Error: failed "
                    "to allocate): raise NEWSIMPACT_DUCKDB_MEMORY (now 512MB)")


def test_anything_else_is_its_first_line(tmp_path):
    assert explain("ValueError: bad\nmore", [tmp_path]) == "ValueError: bad"


def failed_run(error: Exception):
    @asset(name="broken")
    def broken():
        raise error

    return materialize([broken], raise_on_error=False)


def test_a_failed_step_is_told_by_its_own_error_not_dagsters_wrapper(tmp_path):
    result = failed_run(ValueError("sources: max_items_per_fetch=0 must be at least 1"))
    assert run_failure(result, [tmp_path]) == (
        "step broken: ValueError: sources: max_items_per_fetch=0 must be at least 1")


def test_a_step_that_filled_the_disk_says_how_much_room_is_left(tmp_path):
    result = failed_run(OSError(28, "No space left on device"))
    assert run_failure(result, [tmp_path]).startswith(
        f"step broken: out of disk space (OSError: [Errno 28] No space left on device): "
        f"{tmp_path} has ")


def test_a_disk_io_error_with_room_to_spare_is_not_called_a_full_disk(tmp_path):
    assert explain("OperationalError: disk I/O error", [tmp_path]) == (
        "OperationalError: disk I/O error")

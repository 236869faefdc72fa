"""Out of room: the demo on a real filesystem too small for it (a tmpfs, which needs root), and
DuckDB under a memory limit too small for dbt. Each stops in one line that says what to mend,
and once the disk has room again the next demo ends with the tables of an undisturbed one."""

import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, VENV_BIN, environment
from tests.e2e.conftest import MARTS, RAW_TABLES, snapshot

pytestmark = pytest.mark.slow


def demo_in(home: Path, **settings: str) -> subprocess.CompletedProcess:
    env = environment(NEWSIMPACT_WAREHOUSE=str(home / "warehouse" / "w.duckdb"),
                      DAGSTER_HOME=str(home / "dagster_home"), **settings)
    return subprocess.run([str(VENV_BIN / "newsimpact"), "demo"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=900)


def said(result: subprocess.CompletedProcess) -> list[str]:
    """What the run said, without its progress bars."""
    return [line for line in (result.stdout + result.stderr).splitlines()
            if line.startswith("newsimpact:") or "Traceback" in line or "Error" in line]


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=True)


def test_a_full_disk_is_one_line_and_the_next_run_recovers(small_disk, demo):
    full = demo_in(small_disk)
    assert full.returncode == 1
    [line] = [line for line in said(full) if not line.startswith(("newsimpact: ingest ",
                                                                 "newsimpact: transform "))]
    assert line.startswith("newsimpact: out of disk space (")
    assert f"{small_disk}/warehouse has " in line and " MB free" in line
    assert "Traceback" not in full.stdout + full.stderr
    # room again: the next demo completes, and its tables are those of an undisturbed demo
    subprocess.run(["mount", "-o", "remount,size=600m", str(small_disk)], check=True)
    again = demo_in(small_disk)
    assert again.returncode == 0, said(again)
    recovered = snapshot(small_disk / "warehouse" / "w.duckdb")
    for table in [*RAW_TABLES, *MARTS]:
        assert recovered[table] == demo["after"][table], table


def test_duckdb_out_of_memory_names_the_setting(tmp_path):
    result = demo_in(tmp_path, NEWSIMPACT_DUCKDB_MEMORY="20MB")
    assert result.returncode == 1
    [line] = [line for line in said(result) if "run failed" in line]
    assert line.startswith("newsimpact: the transform run failed (run ")
    assert "step newsimpact_dbt_assets: DuckDB ran out of memory (" in line
    assert "raise NEWSIMPACT_DUCKDB_MEMORY (now 20MB)" in line
    assert "Traceback" not in result.stdout + result.stderr

"""`newsimpact backup` and `newsimpact restore` on the demo's warehouse: a backup restored into a
fresh folder gives identical raw tables, marts and published copy; its landing archive replayed
into an empty warehouse gives the same marts; a damaged backup is refused whole."""

import subprocess

import pytest

from tests.conftest import REPO, VENV_BIN, environment
from tests.e2e.conftest import MARTS, RAW_TABLES, snapshot
from tests.e2e.test_demo import seeds_without_snapshots

pytestmark = pytest.mark.slow


def newsimpact(*args, home, **env):
    where = {"NEWSIMPACT_WAREHOUSE": str(home / "warehouse" / "e2e.duckdb"),
             "NEWSIMPACT_LANDING_DIR": str(home / "warehouse" / "landing"),
             "DAGSTER_HOME": str(home / "dagster_home"), **env}
    return subprocess.run([str(VENV_BIN / "newsimpact"), *args], cwd=REPO,
                          env=environment(**where), capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def backed_up(demo, tmp_path_factory):
    home = demo["database"].parent.parent
    folder = tmp_path_factory.mktemp("backups") / "first"
    made = newsimpact("backup", "--to", str(folder), home=home)
    assert made.returncode == 0, made.stdout + made.stderr
    assert made.stdout.startswith("newsimpact: backed up "), made.stdout
    return folder


def test_a_restored_backup_has_the_same_tables_and_published_copy(demo, backed_up, tmp_path):
    done = newsimpact("restore", str(backed_up), home=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    restored = snapshot(tmp_path / "warehouse" / "e2e.duckdb")
    for name in [*RAW_TABLES, *MARTS, "fetch_log_rows"]:
        assert restored[name] == demo["after"][name], name
    published = demo["database"].parent / "serving" / "newsimpact.duckdb"
    assert (tmp_path / "warehouse" / "serving" / "newsimpact.duckdb").read_bytes() \
        == published.read_bytes()
    answer = newsimpact("query", "select count(*) from marts.dim_event", "--format", "csv",
                        home=tmp_path)
    assert answer.returncode == 0 and int(answer.stdout.split()[-1]) > 0, answer.stderr
    again = newsimpact("restore", str(backed_up), home=tmp_path)
    assert again.returncode == 2 and "pass --force" in again.stderr, again.stderr
    assert newsimpact("restore", str(backed_up), "--force", home=tmp_path).returncode == 0


def test_the_backed_up_landing_replays_into_the_same_marts(demo, backed_up, tmp_path):
    restored = newsimpact("restore", str(backed_up), home=tmp_path / "restored")
    assert restored.returncode == 0, restored.stderr
    replayed = newsimpact(
        "replay", home=tmp_path / "replayed",
        NEWSIMPACT_LANDING_DIR=str(tmp_path / "restored" / "warehouse" / "landing"),
        NEWSIMPACT_SEEDS_DIR=str(seeds_without_snapshots(tmp_path)))
    assert replayed.returncode == 0, replayed.stdout[-3000:] + replayed.stderr[-3000:]
    rebuilt = snapshot(tmp_path / "replayed" / "warehouse" / "e2e.duckdb")
    for name in [*RAW_TABLES, *MARTS]:
        assert rebuilt[name] == demo["before"][name], name


def test_a_damaged_backup_is_refused_and_nothing_is_restored(backed_up, tmp_path):
    damaged = tmp_path / "damaged"
    subprocess.run(["cp", "-r", str(backed_up), str(damaged)], check=True)
    body = next(p for p in sorted((damaged / "landing").rglob("*.xml")))
    body.write_bytes(body.read_bytes()[:-10])
    done = newsimpact("restore", str(damaged), home=tmp_path / "target")
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"is damaged: landing/{body.relative_to(damaged / 'landing')}" in done.stderr
    assert not (tmp_path / "target" / "warehouse" / "e2e.duckdb").exists()
    assert "Traceback" not in done.stderr


def test_a_backup_never_overwrites_and_names_what_is_missing(backed_up, tmp_path):
    exists = newsimpact("backup", "--to", str(backed_up), home=tmp_path)
    assert exists.returncode == 2 and "already exists" in exists.stderr, exists.stderr
    empty = newsimpact("backup", "--to", str(tmp_path / "b"), home=tmp_path / "nothing")
    assert empty.returncode == 2 and "no warehouse at" in empty.stderr, empty.stderr
    not_one = newsimpact("restore", str(tmp_path), home=tmp_path / "x")
    assert not_one.returncode == 2 and "is not a backup" in not_one.stderr, not_one.stderr

"""The house by concern: the steps' layers hold, few modules stand at the top, the settings are
read in one module and once per command."""

import ast
import subprocess

import pytest

from orchestration import cli
from orchestration.settings import Settings
from tests.conftest import REPO, VENV_BIN

PACKAGE = REPO / "orchestration"
# the modules that may read the environment: the settings, and the credentials of source URLs
# (read at the moment of a request, never kept: orchestration/sources/secrets.py)
READS_ENVIRONMENT = {"settings.py", "sources/secrets.py"}


def test_each_step_imports_only_the_steps_below_it():
    done = subprocess.run([str(VENV_BIN / "lint-imports")], cwd=REPO, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "4 kept, 0 broken" in done.stdout


def test_four_modules_stand_beside_the_packages():
    modules = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert modules == ["__init__.py", "definitions.py", "files.py", "settings.py"]
    packages = sorted(path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file())
    assert packages == ["cli", "evaluation", "ingestion", "publishing", "runtime", "sources",
                        "transform"]


def environment_uses(tree: ast.AST) -> list[int]:
    """Lines that touch os.environ or call os.getenv / os.putenv."""
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            and node.value.id == "os" and node.attr in ("environ", "getenv", "putenv")]


def test_no_module_but_the_settings_reads_or_writes_the_environment():
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        lines = environment_uses(ast.parse(path.read_text()))
        if lines and name not in READS_ENVIRONMENT:
            found[name] = lines
    assert found == {}
    # and the check sees a use when there is one
    assert environment_uses(ast.parse("import os\nx = os.environ.get('A')")) == [2]


@pytest.mark.parametrize("argv", [["home"], ["impacts"], ["query", "select 1"]])
def test_a_command_reads_the_settings_once(argv, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSIMPACT_WAREHOUSE", str(tmp_path / "w" / "newsimpact.duckdb"))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))
    reads = []
    real = Settings.from_env.__func__

    def counted(cls, *args, **kwargs):
        reads.append(kwargs)
        return real(cls, *args, **kwargs)

    monkeypatch.setattr(Settings, "from_env", classmethod(counted))
    cli.main(argv)
    assert len(reads) == 1


def test_where_things_are_is_checked_before_how_runs_execute(tmp_path):
    from orchestration.settings import SettingsError

    bad = {"NEWSIMPACT_TRANSPORT": "pigeon", "NEWSIMPACT_EXECUTOR": "spaceship"}
    with pytest.raises(SettingsError, match="^NEWSIMPACT_TRANSPORT='pigeon'"):
        Settings.from_env(bad)
    with pytest.raises(SettingsError, match=f"^seeds directory {tmp_path} has no assets.csv"):
        Settings.from_env({"NEWSIMPACT_SEEDS_DIR": str(tmp_path),
                           "NEWSIMPACT_MAX_CONCURRENT": "many"})
    with pytest.raises(SettingsError, match="^NEWSIMPACT_EXECUTOR='spaceship'"):
        Settings.from_env({"NEWSIMPACT_EXECUTOR": "spaceship"})
    chosen = Settings.from_env({"NEWSIMPACT_TRANSPORT": "live"}, transport="replay")
    assert chosen.transport == "replay"  # the command's choice over the environment

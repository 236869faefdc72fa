"""Shared fixtures: paths, the dbt manifest, a scratch environment for the pipeline."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SNAPSHOTS = SEEDS / "snapshots"
SHARED_DATA = REPO.parent / "shared" / "data"
VENV_BIN = Path(sys.executable).parent


def pytest_sessionstart(session) -> None:
    # The code location reads dbt's manifest at import; `make test` makes it, this covers a
    # bare `pytest` on a fresh clone.
    if not (REPO / "dbt" / "target" / "manifest.json").exists():
        subprocess.run([str(VENV_BIN / "dbt"), "parse", "--quiet", "--profiles-dir", "."],
                       cwd=REPO / "dbt", check=True)


def shared_data(*parts: str) -> Path:
    """A folder of ../shared/data, or a skip when this machine has none."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (real third-party data is optional)")
    return path


def environment(**overrides: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(overrides)
    return env

"""Documentation that is data (issue 8): `dbt docs generate` passes on the demo's warehouse, and
its catalog - every column each model, seed and source really has - is described in the
manifest, column by column; no description names a column that no longer exists."""

import json
import shutil
import subprocess

import pytest

from tests.conftest import REPO, VENV_BIN, environment

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def docs(demo, tmp_path_factory) -> tuple[dict, dict]:
    """(manifest, catalog) of `dbt docs generate` over a copy of the demo's warehouse (dbt
    attaches it read-write; the copy keeps the shared demo as the other tests found it)."""
    home = tmp_path_factory.mktemp("docs")
    database = home / "warehouse.duckdb"
    shutil.copy(demo["database"], database)
    target = home / "target"
    result = subprocess.run(
        [str(VENV_BIN / "dbt"), "docs", "generate", "--quiet", "--profiles-dir", ".",
         "--target-path", str(target)],
        cwd=REPO / "dbt", env=environment(NEWSIMPACT_WAREHOUSE=str(database)),
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return (json.loads((target / "manifest.json").read_text()),
            json.loads((target / "catalog.json").read_text()))


def documented(manifest: dict) -> dict[str, dict]:
    """The nodes that hold data: models, seeds and sources, by unique_id."""
    nodes = {uid: node for uid, node in manifest["nodes"].items()
             if node["resource_type"] in ("model", "seed")}
    return nodes | manifest["sources"]


def test_every_column_of_every_relation_is_described(docs):
    manifest, catalog = docs
    nodes = documented(manifest)
    relations = catalog["nodes"] | catalog["sources"]
    assert sorted(set(nodes) - set(relations)) == []  # every node was built and catalogued
    missing = []
    for uid, relation in sorted(relations.items()):
        described = {name.lower() for name, column in nodes[uid]["columns"].items()
                     if column.get("description", "").strip()}
        missing += [f"{uid}.{name}" for name in relation["columns"]
                    if name.lower() not in described]
    assert missing == []


def test_no_description_names_a_missing_column(docs):
    manifest, catalog = docs
    relations = catalog["nodes"] | catalog["sources"]
    stale = [f"{uid}.{name}" for uid, node in sorted(documented(manifest).items())
             for name in node["columns"]
             if name.lower() not in {column.lower() for column in relations[uid]["columns"]}]
    assert stale == []


def test_the_layers_are_all_there(docs):
    """The catalog covers what the check claims: the models of each layer, the seeds and the
    raw tables (a catalog left empty would pass the checks above)."""
    manifest, catalog = docs
    relations = catalog["nodes"] | catalog["sources"]
    layers = {}
    for uid in relations:
        node = documented(manifest)[uid]
        layer = node["fqn"][1] if node["resource_type"] == "model" else node["resource_type"]
        layers[layer] = layers.get(layer, 0) + 1
    assert layers["staging"] >= 9 and layers["intermediate"] >= 21 and layers["marts"] >= 10
    assert layers["seed"] >= 5 and layers["source"] >= 4

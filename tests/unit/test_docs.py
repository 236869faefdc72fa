"""Documentation that is data (issue 8): every dbt node is described, and every column that can be
known without building the warehouse - those declared in YAML, the seeds' CSV headers, the raw
tables' DDL. The columns of the models themselves are checked against a built warehouse's
catalog in tests/e2e/test_docs_catalog.py."""

import csv
import json
import subprocess

import duckdb
import pytest

from orchestration.ingestion.raw import DDL
from tests.conftest import REPO, SEEDS, VENV_BIN

DESCRIBED = {"model", "seed", "analysis"}  # nodes; sources and exposures are kept apart


def undescribed(manifest: dict) -> list[str]:
    """Every node, source and exposure without a description, and every column declared in
    YAML without one, as `unique_id` or `unique_id.column`."""
    nodes = [node for node in manifest["nodes"].values() if node["resource_type"] in DESCRIBED]
    nodes += [*manifest["sources"].values(), *manifest["exposures"].values()]
    missing = [node["unique_id"] for node in nodes if not node.get("description", "").strip()]
    missing += [f"{node['unique_id']}.{name}" for node in nodes
                for name, column in node.get("columns", {}).items()
                if not column.get("description", "").strip()]
    return sorted(missing)


def undescribed_columns(node: dict, columns: list[str]) -> list[str]:
    """The columns of `columns` that `node` does not describe."""
    described = {name.lower() for name, column in node.get("columns", {}).items()
                 if column.get("description", "").strip()}
    return [f"{node['unique_id']}.{name}" for name in columns if name.lower() not in described]


@pytest.fixture(scope="module")
def manifest(tmp_path_factory) -> dict:
    """A manifest parsed now from the project as it is (dbt/target may be stale), written aside
    so that the code location's manifest is left alone."""
    target = tmp_path_factory.mktemp("dbt_target")
    result = subprocess.run(
        [str(VENV_BIN / "dbt"), "parse", "--quiet", "--profiles-dir", ".",
         "--target-path", str(target)],
        cwd=REPO / "dbt", capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return json.loads((target / "manifest.json").read_text())


def test_every_node_and_declared_column_is_described(manifest):
    assert undescribed(manifest) == []


def test_the_check_finds_a_missing_description(manifest):
    """Guard against a check that passes whatever: blank one description of each kind."""
    broken = json.loads(json.dumps(manifest))
    node = broken["nodes"]["model.newsimpact.stg_assets"]
    node["columns"]["sector"]["description"] = ""
    broken["sources"]["source.newsimpact.raw.prices"]["description"] = " "
    del broken["exposures"]["exposure.newsimpact.event_reports"]["description"]
    assert undescribed(broken) == ["exposure.newsimpact.event_reports",
                                   "model.newsimpact.stg_assets.sector",
                                   "source.newsimpact.raw.prices"]
    del node["columns"]["symbol"]
    assert undescribed_columns(node, ["symbol", "sector", "calendar"]) \
        == ["model.newsimpact.stg_assets.symbol", "model.newsimpact.stg_assets.sector"]


def test_every_seed_column_is_described(manifest):
    seeds = {node["name"]: node for node in manifest["nodes"].values()
             if node["resource_type"] == "seed"}
    files = sorted(SEEDS.glob("*.csv"))
    assert sorted(seeds) == sorted(path.stem for path in files)
    missing = []
    for path in files:
        with path.open(newline="") as handle:
            header = next(csv.reader(handle))
        missing += undescribed_columns(seeds[path.stem], header)
    assert missing == []


def test_every_raw_column_is_described(manifest):
    """The raw tables as ingestion creates them (orchestration/ingestion/raw.py), against the
    sources of dbt/models/staging/_sources.yml."""
    with duckdb.connect() as con:
        con.execute(DDL)
        tables = {}
        for table, column in con.execute(
                "select table_name, column_name from duckdb_columns() "
                "where schema_name = 'raw' order by table_name, column_index").fetchall():
            tables.setdefault(table, []).append(column)
    sources = {node["name"]: node for node in manifest["sources"].values()
               if node["source_name"] == "raw"}
    assert sorted(sources) == sorted(tables)
    missing = [name for table, columns in tables.items()
               for name in undescribed_columns(sources[table], columns)]
    assert missing == []

"""Entities from the asset list, measured on a universe of 220 real assets
(tests/evaluation/universe.csv) over the labelled corpus's 4,564 headlines: the entities that
int_entities derives for the 208 assets no written entity stands for link the headlines that
name them (universe_mentions.csv, labelled by reading: LABELLING.md, "Company mentions"), and
little else."""

import csv
import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from orchestration.evaluation import news
from orchestration.evaluation.corpus import CORPUS, SPLITS
from orchestration.ingestion.raw import transaction, upsert_news_items
from orchestration.runtime.warehouse import connect_read_only
from tests.conftest import REPO, VENV_BIN

pytestmark = pytest.mark.slow
EVALUATION = REPO / "tests" / "evaluation"
FLOORS = {"precision": 0.9, "recall": 0.8}  # README, "Entities from the asset list"


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    """Every corpus headline's derived entities, by item_ref, with the universe as assets.csv."""
    work = tmp_path_factory.mktemp("universe")
    labels = [label for split in SPLITS for label in news.load_labels(CORPUS, split=split)]
    rows, _ = news.news_rows(labels, Path("/nonexistent"))
    database = work / "warehouse.duckdb"
    with duckdb.connect(str(database)) as con, transaction(con):
        upsert_news_items(con, rows)
    staged = REPO / "dbt" / "target" / "universe_seeds"
    shutil.rmtree(staged, ignore_errors=True)
    shutil.copytree(REPO / "seeds", staged, ignore=shutil.ignore_patterns("snapshots"))
    shutil.copy(EVALUATION / "universe.csv", staged / "assets.csv")
    try:
        done = subprocess.run(
            [str(VENV_BIN / "dbt"), "build", "--quiet", "--profiles-dir", ".", "-s",
             "+int_entity_mentions", "--exclude", "test_type:data",
             "--target-path", str(work / "target")],
            cwd=REPO / "dbt", capture_output=True, text=True, timeout=600,
            env={**os.environ, "NEWSIMPACT_WAREHOUSE": str(database),
                 "NEWSIMPACT_DBT_SEED_PATH": "target/universe_seeds"})
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    assert done.returncode == 0, done.stdout[-3000:]
    with connect_read_only(database) as con:
        article_of = dict(con.execute(
            "select guid, md5(article_key) from staging.stg_news_items").fetchall())
        # the entities standing for an asset of the universe that entities.csv does not list
        unlisted = universe_symbols() - written_symbols()
        stands = {entity_id: set(symbols.split("|")) & unlisted
                  for entity_id, symbols in con.execute(
                      "select entity_id, symbols from intermediate.int_entities"
                      " where is_derived or derived_aliases <> ''").fetchall()}
        derived = [e for (e,) in con.execute(
            "select entity_id from intermediate.int_entities where is_derived").fetchall()]
        found: dict[str, set[str]] = {}
        for article_id, entity_id in con.execute(
                "select article_id, entity_id from intermediate.int_entity_mentions").fetchall():
            found.setdefault(article_id, set()).update(stands.get(entity_id, ()))
    return ({label.item_ref: found.get(article_of[label.guid], set()) for label in labels},
            stands, derived)


def universe_symbols() -> set[str]:
    with (EVALUATION / "universe.csv").open(newline="") as handle:
        return {row["symbol"] for row in csv.DictReader(handle)}


def written_symbols() -> set[str]:
    with (REPO / "seeds" / "entities.csv").open(newline="") as handle:
        return {s for row in csv.DictReader(handle) for s in row["symbols"].split("|")}


def truth() -> dict[str, set[str]]:
    with (EVALUATION / "universe_mentions.csv").open(newline="") as handle:
        return {row["item_ref"]: {s for s in row["companies"].split("|") if s}
                for row in csv.DictReader(handle)}


def test_every_unlisted_asset_gets_an_entity(linked):
    _, stands, derived = linked
    assert len(universe_symbols()) >= 200
    # 220 less SPY (an ETF), the 11 entities.csv lists and the 3 whose name a written entity
    # holds (apple, meta, alibaba: they gain the symbol)
    assert len(derived) == 205
    assert stands["apple"] == {"AAPL"} and stands["alibaba"] == {"BABA"}
    assert stands["asset_amd"] == {"AMD"} and "asset_nvda" not in stands


def test_derived_links_reach_their_floors_on_labelled_headlines(linked):
    found, _, _ = linked
    labelled = truth()
    # every headline with a derived link is labelled, and the labels name universe assets only
    assert {ref for ref, symbols in found.items() if symbols} <= set(labelled)
    said = {(ref, s) for ref, symbols in found.items() for s in symbols}
    true = {(ref, s) for ref, symbols in labelled.items() for s in symbols}
    precision, recall = len(said & true) / len(said), len(said & true) / len(true)
    assert len(true) > 300
    assert precision >= FLOORS["precision"], (precision, sorted(said - true)[:20])
    assert recall >= FLOORS["recall"], (recall, sorted(true - said)[:20])

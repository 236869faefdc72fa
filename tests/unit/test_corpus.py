"""The labelled corpus: real headlines with provenance, every value allowed, every type with at
least 150 examples, split by time, and a second labelling that agrees with the first."""

import csv
import re
from collections import Counter

import pytest

from orchestration.evaluation import EvaluationError
from orchestration.evaluation.corpus import (
    CORPUS,
    PROVENANCE,
    SECOND,
    SPLITS,
    agreement,
    kappa,
    read_rows,
    split_of,
)
from tests.conftest import REPO

TYPES = ["ai_model_release", "crypto_policy", "earnings", "export_controls", "investment_deal",
         "market_selloff", "monetary_policy", "trade_tariff"]


def entity_ids() -> list[str]:
    with (REPO / "seeds" / "entities.csv").open(newline="") as handle:
        return sorted(row["entity_id"] for row in csv.DictReader(handle))


@pytest.fixture(scope="module")
def corpus():
    return read_rows(CORPUS)


def test_every_row_is_a_dated_headline_with_its_provenance_and_allowed_labels(corpus):
    known = set(entity_ids())
    assert len(corpus) >= 3000
    assert len({row["item_ref"] for row in corpus}) == len(corpus)
    assert len({row["title"].lower() for row in corpus}) == len(corpus)
    for row in corpus:
        assert re.fullmatch(r"20(1[5-9]|2[0-5])-\d\d-\d\d", row["published"]), row
        assert row["event_type"] in ["", *TYPES], row
        assert row["sentiment"] in ("negative", "neutral", "positive"), row
        links = row["entities"].split("|") if row["entities"] else []
        assert links == sorted(set(links)) and set(links) <= known, row
        assert all(row[field] for field in PROVENANCE), row
        assert re.fullmatch(r"[0-9a-f]{40}", row["commit"]), row
        assert row["split"] == split_of(row["published"]), row


def test_every_type_has_150_examples_and_false_friends_outnumber_them(corpus):
    counts = Counter(row["event_type"] for row in corpus)
    assert {t: counts[t] >= 150 for t in TYPES} == dict.fromkeys(TYPES, True), counts
    assert counts[""] > sum(counts[t] for t in TYPES)
    assert set(Counter(row["split"] for row in corpus)) == set(SPLITS)
    years = Counter(row["published"][:4] for row in corpus)
    assert sorted(years) == [str(y) for y in range(2015, 2026)]


def test_the_second_labelling_agrees_beyond_chance(corpus):
    found = agreement(corpus, read_rows(SECOND), entity_ids())
    assert found["rows"] == 320
    assert round(found["event_type"], 3) == 0.930
    assert round(found["sentiment"], 3) == 0.864
    assert round(found["entities"], 3) == 1.0
    assert min(v for k, v in found.items() if k.startswith("event_type:")) > 0.8


def test_kappa_by_hand():
    # observed 3/4; chance (2*1 + 2*3) / 16 = 1/2; kappa (0.75 - 0.5) / 0.5
    assert kappa([("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]) == 0.5
    assert kappa([("a", "a"), ("a", "a")]) == 1.0


def test_a_missing_file_is_one_line(tmp_path):
    with pytest.raises(EvaluationError, match="no labelled set at"):
        read_rows(tmp_path / "none.csv")

"""The labelled corpus (tests/evaluation/corpus.csv): real, dated headlines with their provenance,
labelled by meaning under tests/evaluation/LABELLING.md, split by time into train, dev and test;
and the agreement of its second, independent labelling (corpus_second.csv) as Cohen's kappa."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from orchestration.evaluation import EvaluationError
from orchestration.settings import REPO_ROOT

CORPUS = REPO_ROOT / "tests" / "evaluation" / "corpus.csv"
SECOND = REPO_ROOT / "tests" / "evaluation" / "corpus_second.csv"
SPLITS = ("train", "dev", "test")
PROVENANCE = ("repository", "path", "commit")


def split_of(published: str) -> str:
    """train: to 2022; dev: 2023; test: 2024 on (which also holds the outlets first seen then)."""
    year = published[:4]
    return "train" if year <= "2022" else "dev" if year == "2023" else "test"


def read_rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    except FileNotFoundError:
        raise EvaluationError(f"no labelled set at {path}") from None


def kappa(pairs: list[tuple[object, object]]) -> float:
    """Cohen's kappa of two labellers' decisions on the same items."""
    observed = sum(a == b for a, b in pairs) / len(pairs)
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first.keys() | second.keys()) / len(pairs) ** 2
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def agreement(corpus: list[dict[str, str]], second: list[dict[str, str]],
              entity_ids: list[str]) -> dict[str, float]:
    """Kappa per field over the rows both labellings hold: the event type (none included), the
    sentiment, and every (row, entity) link decision; then each type as yes/no."""
    first = {row["item_ref"]: row for row in corpus}
    both = [(first[row["item_ref"]], row) for row in second if row["item_ref"] in first]
    if not both:
        raise EvaluationError("the second labelling shares no item_ref with the corpus")

    def links(row) -> set[str]:
        return set(filter(None, row["entities"].split("|")))

    found = {"rows": len(both),
             "event_type": kappa([(a["event_type"], b["event_type"]) for a, b in both]),
             "sentiment": kappa([(a["sentiment"], b["sentiment"]) for a, b in both]),
             "entities": kappa([(e in links(a), e in links(b)) for a, b in both
                                for e in entity_ids])}
    types = sorted({a["event_type"] for a, _ in both} - {""})
    found |= {f"event_type:{t}": kappa([(a["event_type"] == t, b["event_type"] == t)
                                        for a, b in both]) for t in types}
    return found

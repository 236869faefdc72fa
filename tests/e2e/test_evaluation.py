"""`newsimpact evaluate` on the labelled real news (tests/evaluation/labelled_news.csv): it runs
on a fresh clone, prints its figures as JSON lines, and the figures hold. Where a target of
issue 10 is not reached yet the floor is the figure reached, so that no change can make the
reading of real news worse unnoticed (README, "How well it reads real news")."""

import json
import subprocess

import pytest

from tests.conftest import REPO, VENV_BIN, shared_data

pytestmark = pytest.mark.slow

TARGETS = {"event_precision": 0.85, "event_recall": 0.6, "entity_precision": 0.95,
           "entity_recall": 0.85, "sentiment_accuracy": 0.7}
FLOORS = {"event_precision": 0.5, "event_recall": 0.39, "sentiment_accuracy": 0.67}  # reached


def evaluate(*args) -> list[dict]:
    done = subprocess.run([str(VENV_BIN / "newsimpact"), "evaluate", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.fixture(scope="module")
def figures():
    shared_data("feeds_real")  # the feeds' summaries are part of the set
    records = evaluate()
    by = {(r["metric"], r.get("event_type") or r.get("method")): r for r in records}
    return records, by


def test_every_item_is_read_with_its_feed_and_every_figure_printed(figures):
    records, by = figures
    head = records[0]
    assert head["metric"] == "set" and head["items"] == 215 and head["with_feed_summary"] == 122
    types = {r["event_type"] for r in records if r["metric"] == "event_type"}
    assert {"overall", "market_selloff", "trade_tariff", "export_controls", "crypto_policy",
            "monetary_policy", "earnings", "investment_deal", "ai_model_release"} <= types
    assert not [r for r in records if r["metric"] == "mistake"]  # only with --mistakes


def test_entity_links_reach_their_targets(figures):
    _, by = figures
    links = by[("entity_links", None)]
    assert links["precision"] >= TARGETS["entity_precision"], links
    assert links["recall"] >= TARGETS["entity_recall"], links


def test_sentiment_beats_the_general_purpose_alternative(figures):
    _, by = figures
    ours, vader = by[("sentiment", "newsimpact")], by[("sentiment", "vader")]
    assert ours["accuracy"] > vader["accuracy"], (ours, vader)
    assert ours["accuracy"] >= FLOORS["sentiment_accuracy"], ours


def test_event_types_hold_their_floor(figures):
    _, by = figures
    overall = by[("event_type", "overall")]
    assert overall["precision"] >= FLOORS["event_precision"], overall
    assert overall["recall"] >= FLOORS["event_recall"], overall


def test_mistakes_are_listed_on_request(figures):
    records = evaluate("--mistakes")
    mistakes = [r for r in records if r["metric"] == "mistake"]
    assert mistakes and {"kind", "title"} <= set(mistakes[0])

"""`newsimpact evaluate` on labelled real news: it runs on a fresh clone, prints its figures as
JSON lines, and the figures hold. The development set (tests/evaluation/labelled_news.csv),
which the rules were revised against and the learned reading is trained on, must reach issue
10's targets overall and for every type with ten or more examples; the held-out set
(heldout_news.csv), labelled after the rules were written and never used to tune or train
anything, must keep the figures the learned reading gives it (README, "How well it reads real
news")."""

import json
import subprocess

import pytest

from tests.conftest import REPO, VENV_BIN, shared_data

pytestmark = pytest.mark.slow

TARGETS = {"event_precision": 0.85, "event_recall": 0.6, "entity_precision": 0.95,
           "entity_recall": 0.85, "sentiment_accuracy": 0.7}
DEVELOPMENT = REPO / "tests" / "evaluation" / "labelled_news.csv"
HELD_OUT = REPO / "tests" / "evaluation" / "heldout_news.csv"
HELD_OUT_FLOORS = {"event_precision": 0.86, "event_recall": 0.79, "sentiment_accuracy": 0.67}


def evaluate(*args) -> list[dict]:
    done = subprocess.run([str(VENV_BIN / "newsimpact"), "evaluate", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.fixture(scope="module")
def figures():
    shared_data("feeds_real")  # the feeds' summaries are part of the set
    records = evaluate("--labels", str(DEVELOPMENT))
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


def test_sentiment_reaches_its_target_and_beats_the_general_purpose_alternative(figures):
    _, by = figures
    ours, vader = by[("sentiment", "newsimpact")], by[("sentiment", "vader")]
    assert ours["accuracy"] > vader["accuracy"], (ours, vader)
    assert ours["accuracy"] >= TARGETS["sentiment_accuracy"], ours


def test_event_types_reach_their_targets_overall_and_for_every_type(figures):
    records, _ = figures
    types = [r for r in records if r["metric"] == "event_type"
             and (r["event_type"] == "overall" or r["labelled"] >= 10)]
    assert len(types) == 9
    for figure in types:
        assert figure["precision"] >= TARGETS["event_precision"], figure
        assert figure["recall"] >= TARGETS["event_recall"], figure


def test_the_held_out_set_keeps_its_figures():
    records = evaluate("--labels", str(HELD_OUT))
    by = {(r["metric"], r.get("event_type") or r.get("method")): r for r in records}
    assert by[("set", None)]["items"] == 99
    overall = by[("event_type", "overall")]
    assert overall["precision"] >= HELD_OUT_FLOORS["event_precision"], overall
    assert overall["recall"] >= HELD_OUT_FLOORS["event_recall"], overall
    links = by[("entity_links", None)]
    assert links["precision"] >= TARGETS["entity_precision"], links
    assert links["recall"] >= TARGETS["entity_recall"], links
    ours, vader = by[("sentiment", "newsimpact")], by[("sentiment", "vader")]
    assert ours["accuracy"] >= HELD_OUT_FLOORS["sentiment_accuracy"], ours
    assert ours["accuracy"] > vader["accuracy"], (ours, vader)
    # the learned sentiment against the lexicon it has as a feature: 0.69 against 0.58
    assert ours["accuracy"] > by[("sentiment", "lexicon")]["accuracy"] + 0.05, ours


def test_mistakes_are_listed_on_request(figures):
    records = evaluate("--labels", str(DEVELOPMENT), "--mistakes")
    mistakes = [r for r in records if r["metric"] == "mistake"]
    assert mistakes and {"kind", "title"} <= set(mistakes[0])


def test_every_set_is_scored_in_one_run_as_one_table(figures):
    """The development, held-out and corpus test sets (PhraseBank too when ../shared/data has
    it), with the same figures as each set alone."""
    _, development = figures
    done = subprocess.run([str(VENV_BIN / "newsimpact"), "evaluate"], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = {line.split(" | ")[0].strip("| "): line for line in done.stdout.splitlines()}
    overall = development[("event_type", "overall")]
    assert rows["development (trained on)"].startswith(
        f"| development (trained on) | 215 | {overall['precision']:.2f} / "
        f"{overall['recall']:.2f} / ")
    assert rows["held-out"].startswith("| held-out | 99 | ")
    assert rows["corpus test"].startswith("| corpus test | 1,243 | ")
    records = evaluate("--format", "json")
    sets = {r["set"] for r in records}
    assert {"development (trained on)", "held-out", "corpus test"} <= sets
    corpus = {(r["metric"], r.get("event_type") or r.get("method")): r for r in records
              if r["set"] == "corpus test"}
    assert corpus[("event_type", "overall")]["labelled"] == 507  # the test split's typed rows
    # the learned reading against the hand rules alone (var event_reading 'rules'), on the sets
    # it was not trained on: better F1 on both (README, "How well it reads real news")
    for name in ("corpus test", "held-out"):
        of = {(r["metric"], r.get("event_type")): r for r in records if r["set"] == name}
        learned, rules = of[("event_type", "overall")], of[("event_type_rules", "overall")]
        assert learned["f1"] > rules["f1"] + 0.05, (name, learned, rules)
    assert corpus[("sentiment", "newsimpact")]["macro_f1"] is not None
    if "PhraseBank 75%" in sets:  # sentiment only: 3,448 distinct sentences
        bank = [r for r in records if r["set"] == "PhraseBank 75%"]
        assert {r["metric"] for r in bank} == {"sentiment"}
        assert bank[0]["labelled"] == 3448

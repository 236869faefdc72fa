"""How well newsimpact reads real news: event types, entity links and sentiment, scored against
the labelled set (tests/evaluation/labelled_news.csv, rules in LABELLING.md beside it).

The labelled items go the way every article goes: the real feeds they came from (when
../shared/data/feeds_real is present; else their headlines alone) and the added headlines, as one
RSS document, are parsed by the feed parser, written to a scratch warehouse and classified by
the dbt models themselves. Nothing here classifies: it only compares.
"""

from __future__ import annotations

import csv
import html
import json
import subprocess
import tempfile
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import duckdb

from orchestration.evaluation import EvaluationError
from orchestration.ingestion.raw import transaction, upsert_news_items
from orchestration.runtime.warehouse import connect_read_only
from orchestration.settings import REPO_ROOT, Settings, environment
from orchestration.sources.feeds import parse_feed

LABELS = REPO_ROOT / "tests" / "evaluation" / "labelled_news.csv"
HELD_OUT = REPO_ROOT / "tests" / "evaluation" / "heldout_news.csv"
FEEDS_REAL = REPO_ROOT.parent / "shared" / "data" / "feeds_real"
# Financial PhraseBank (sentiment only; for evaluation alone, never for training or tuning)
PHRASEBANK = REPO_ROOT.parent / "shared" / "data" / "phrasebank" / "Sentences_75Agree.txt"
FEED_ID = "evaluation"
SELECTION = "+int_article_types +int_entity_mentions +int_article_sentiment"
SENTIMENTS = ("negative", "neutral", "positive")
COLUMNS = ("item_ref", "published", "title", "event_type", "entities", "sentiment")
# event types by the learned reading, which is not yet the warehouse's default (dbt_project.yml)
LEARNED = ("--vars", "{event_reading: learned}")


@dataclass(frozen=True)
class Label:
    item_ref: str
    published: date
    title: str
    event_type: str | None
    entities: frozenset[str]
    sentiment: str

    @property
    def guid(self) -> str:
        return self.item_ref.split("#", 1)[1] if "#" in self.item_ref else self.item_ref


def load_labels(path: Path, split: str | None = None) -> list[Label]:
    """The labelled rows of a CSV (only those of `split` when given: the corpus's)."""
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
    except FileNotFoundError:
        raise EvaluationError(f"no labelled set at {path}") from None
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise EvaluationError(f"{path}: missing column(s) {', '.join(missing)}")
    labels = []
    for line, row in enumerate(rows, start=2):
        if split is not None and row.get("split") != split:
            continue
        if any(row.get(column) is None for column in COLUMNS):
            raise EvaluationError(f"{path}:{line}: the row has fewer fields than the header")
        try:
            sentiment = row["sentiment"].strip()
            if sentiment not in SENTIMENTS:
                raise ValueError(f"sentiment {sentiment!r} is not one of {', '.join(SENTIMENTS)}")
            labels.append(Label(row["item_ref"].strip(), date.fromisoformat(row["published"]),
                                row["title"], row["event_type"].strip() or None,
                                frozenset(e for e in row["entities"].split("|") if e),
                                sentiment))
        except ValueError as exc:
            raise EvaluationError(f"{path}:{line}: {exc}") from None
    return labels


def headline_feed(labels: list[Label]) -> bytes:
    """The labelled items that no stored feed holds, as one RSS document of their headlines."""
    items = "".join(
        f"<item><title>{html.escape(label.title)}</title>"
        f"<guid isPermaLink=\"false\">{html.escape(label.guid)}</guid>"
        f"<pubDate>{datetime.combine(label.published, datetime.min.time()):%a, %d %b %Y} "
        "12:00:00 GMT</pubDate></item>" for label in labels)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>labelled headlines</title>{items}</channel></rss>").encode()


def news_rows(labels: list[Label], feeds_dir: Path) -> tuple[list[dict], int]:
    """Parsed rows for every labelled item, and how many came with their feed's summary."""
    fetched_at = datetime(2026, 1, 1)  # after every item: no date is taken as the future
    rows, from_feeds = {}, set()
    if feeds_dir.is_dir():
        for path in sorted(feeds_dir.glob("*.xml")):
            for item in parse_feed(path.read_bytes(), FEED_ID, fetched_at).items:
                rows.setdefault(item.guid, item)
                from_feeds.add(item.guid)
    rest = [label for label in labels if label.guid not in from_feeds]
    for item in parse_feed(headline_feed(rest), FEED_ID, fetched_at).items:
        rows.setdefault(item.guid, item)
    wanted = {label.guid for label in labels}
    kept = [{**item.__dict__, "landing_sha256": None, "loaded_at": fetched_at}
            for guid, item in rows.items() if guid in wanted]
    return kept, len(wanted & from_feeds)


def classify(settings: Settings, rows: list[dict], workdir: Path, selection: str = SELECTION,
             extra: tuple[str, ...] = ()) -> duckdb.DuckDBPyConnection:
    """The dbt models run over the rows in a scratch warehouse; a connection to its results."""
    database = workdir / "evaluation.duckdb"
    with duckdb.connect(str(database)) as con, transaction(con):
        upsert_news_items(con, rows)
    build(settings, workdir, selection, extra)
    return connect_read_only(database)


def rule_types(settings: Settings, workdir: Path) -> dict[str, str]:
    """The scratch warehouse's articles read by the hand rules alone (var event_reading
    'rules'): the previous reading, for comparison. Leaves int_article_types rebuilt so."""
    build(settings, workdir, "int_article_types", ["--full-refresh", "--vars",
                                                    "{event_reading: rules}"])
    with connect_read_only(workdir / "evaluation.duckdb") as con:
        return dict(con.execute("select article_id, event_type from "
                                "intermediate.int_article_types").fetchall())


def build(settings: Settings, workdir: Path, selection: str, extra=()) -> None:
    from orchestration.transform.project import dbt_project
    from orchestration.transform.resources import dbt_executable, seed_path

    scratch = replace(settings, seeds_dir=REPO_ROOT / "seeds",
                      warehouse=workdir / "evaluation.duckdb")
    with environment(scratch.dbt_environment(seed_path(scratch.seeds_dir))):
        done = subprocess.run([dbt_executable(), "build", "--quiet", "--profiles-dir", ".",
                               "--select", selection, "--exclude", "test_type:data",
                               "--target-path", str(workdir / "target"), *extra],
                              cwd=dbt_project.project_dir, capture_output=True, text=True)
    if done.returncode != 0:
        raise EvaluationError("dbt build of the classifying models failed: "
                              + ((done.stdout + done.stderr).strip().splitlines()
                                 or ["no output"])[-1])


def phrasebank_labels(path: Path = PHRASEBANK) -> list[Label]:
    """PhraseBank's sentences (`sentence@label`, Latin-1) as labels of sentiment alone; none
    when ../shared/data is absent. Its sentences are distinct but five; each is kept once."""
    if not path.is_file():
        return []
    labels, seen = [], set()
    for number, line in enumerate(path.read_text(encoding="latin-1").splitlines(), start=1):
        sentence, _, sentiment = line.rpartition("@")
        if sentence and sentiment.strip() in SENTIMENTS and sentence not in seen:
            seen.add(sentence)
            labels.append(Label(f"phrasebank:{number}", date(2014, 1, 1), sentence.strip(),
                                None, frozenset(), sentiment.strip()))
    return labels


def ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 3) if denominator else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if not precision or not recall:
        return None if precision is None or recall is None else 0.0
    return round(2 * precision * recall / (precision + recall), 3)


def macro_f1(pairs: list[tuple[str, str]]) -> float | None:
    """The mean over the three sentiments of each one's F1 (labelled, said)."""
    scores = []
    for mood in SENTIMENTS:
        said = sum(1 for _, s in pairs if s == mood)
        truth = sum(1 for t, _ in pairs if t == mood)
        right = sum(1 for t, s in pairs if t == s == mood)
        scores.append(f1(ratio(right, said), ratio(right, truth)) or 0.0)
    return round(sum(scores) / len(scores), 3) if pairs else None


def scores(labels: list[Label], con) -> list[dict]:
    """One record per figure: event types (per type and overall), entity links, sentiment; then
    one per mistake."""
    article_of = dict(con.execute(
        "select guid, md5(article_key) from staging.stg_news_items").fetchall())
    types = dict(con.execute("select article_id, event_type from intermediate.int_article_types"
                             ).fetchall())
    links = defaultdict(set)  # article -> the entities it is linked to
    for article_id, entity_id in con.execute(
            "select article_id, entity_id from intermediate.int_entity_mentions").fetchall():
        links[article_id].add(entity_id)
    moods, lexicon = {}, {}
    for article_id, mood, lexicon_mood in con.execute(
            "select article_id, sentiment_class, lexicon_sentiment_class from "
            "intermediate.int_article_sentiment").fetchall():
        moods[article_id], lexicon[article_id] = mood, lexicon_mood
    records, mistakes = [], []
    predicted = {label: types.get(article_of.get(label.guid)) for label in labels}
    records += type_records(labels, predicted)
    for label in labels:
        if predicted[label] != label.event_type:
            mistakes.append({"metric": "mistake", "kind": "event_type", "title": label.title,
                             "labelled": label.event_type, "predicted": predicted[label]})
    truth_links = {(label, e) for label in labels for e in label.entities}
    said_links = {(label, e) for label in labels for e in links[article_of.get(label.guid)]}
    right_links = truth_links & said_links
    records.append({"metric": "entity_links", "labelled": len(truth_links),
                    "predicted": len(said_links), "correct": len(right_links),
                    "precision": ratio(len(right_links), len(said_links)),
                    "recall": ratio(len(right_links), len(truth_links))})
    for label, entity in sorted(truth_links ^ said_links, key=lambda x: (x[0].title, x[1])):
        mistakes.append({"metric": "mistake", "kind": "entity_missed" if (label, entity)
                         in truth_links else "entity_false", "title": label.title,
                         "entity": entity})
    moods_of = {label: moods.get(article_of.get(label.guid), "neutral") for label in labels}
    right_moods = sum(moods_of[label] == label.sentiment for label in labels)
    records.append({"metric": "sentiment", "method": "newsimpact", "labelled": len(labels),
                    "correct": right_moods, "accuracy": ratio(right_moods, len(labels)),
                    "macro_f1": macro_f1([(label.sentiment, moods_of[label])
                                          for label in labels])})
    lexicon_of = {label: lexicon.get(article_of.get(label.guid), "neutral") for label in labels}
    right_lexicon = sum(lexicon_of[label] == label.sentiment for label in labels)
    records.append({"metric": "sentiment", "method": "lexicon", "labelled": len(labels),
                    "correct": right_lexicon, "accuracy": ratio(right_lexicon, len(labels)),
                    "macro_f1": macro_f1([(label.sentiment, lexicon_of[label])
                                          for label in labels])})
    records.append(vader_record(labels, dict(con.execute(
        "select article_id, title || '. ' || summary from intermediate.int_articles"
    ).fetchall()), article_of))
    for label in labels:
        if moods_of[label] != label.sentiment:
            mistakes.append({"metric": "mistake", "kind": "sentiment", "title": label.title,
                             "labelled": label.sentiment, "predicted": moods_of[label]})
    return records + mistakes


def type_records(labels: list[Label], predicted: dict[Label, str | None]) -> list[dict]:
    """Precision, recall and F1 of the event types said, per type and overall."""
    records = []
    names = sorted({label.event_type for label in labels if label.event_type}
                   | {t for t in predicted.values() if t})
    for name in [*names, None]:
        truth = [label for label in labels if (label.event_type == name if name
                                               else label.event_type)]
        said = [label for label in labels if (predicted[label] == name if name
                                              else predicted[label])]
        right = [label for label in said if predicted[label] == label.event_type]
        records.append({"metric": "event_type", "event_type": name or "overall",
                        "labelled": len(truth), "predicted": len(said), "correct": len(right),
                        "precision": ratio(len(right), len(said)),
                        "recall": ratio(len(right), len(truth)),
                        "f1": f1(ratio(len(right), len(said)), ratio(len(right), len(truth)))})
    return records


def vader_record(labels: list[Label], texts: dict[str, str], article_of: dict) -> dict:
    """The well-known general-purpose alternative, VADER (its lexicon ships in its package),
    on the same texts, with its authors' thresholds (compound beyond +-0.05)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer, pairs = SentimentIntensityAnalyzer(), []
    for label in labels:
        compound = analyzer.polarity_scores(texts.get(article_of.get(label.guid), label.title)
                                            )["compound"]
        said = "positive" if compound > 0.05 else "negative" if compound < -0.05 else "neutral"
        pairs.append((label.sentiment, said))
    right = sum(truth == said for truth, said in pairs)
    return {"metric": "sentiment", "method": "vader", "labelled": len(labels), "correct": right,
            "accuracy": ratio(right, len(labels)), "macro_f1": macro_f1(pairs)}


def evaluate(settings: Settings, labels_path: Path = LABELS,
             feeds_dir: Path = FEEDS_REAL) -> list[dict]:
    labels = load_labels(labels_path)
    rows, with_summaries = news_rows(labels, feeds_dir)
    with (tempfile.TemporaryDirectory(prefix="newsimpact-evaluate-") as workdir,
          classify(settings, rows, Path(workdir), extra=LEARNED) as con):
        records = scores(labels, con)
    head = {"metric": "set", "labels": str(labels_path), "items": len(labels),
            "with_feed_summary": with_summaries, "headline_only": len(labels) - with_summaries}
    return [head, *records]


def label_sets() -> list[tuple[str, list[Label]]]:
    """Every labelled set, by name: the development and held-out sets, the corpus's test split,
    and PhraseBank (sentiment only) when ../shared/data holds it."""
    from orchestration.evaluation.corpus import CORPUS

    sets = [("development (trained on)", load_labels(LABELS)), ("held-out", load_labels(HELD_OUT)),
            ("corpus test", load_labels(CORPUS, split="test"))]
    phrasebank = phrasebank_labels()
    return sets + ([("PhraseBank 75%", phrasebank)] if phrasebank else [])


def evaluate_all(settings: Settings, feeds_dir: Path = FEEDS_REAL) -> list[dict]:
    """Every set scored in one build of the classifying models; each record names its set."""
    sets = label_sets()
    every = list({label.guid: label for _, labels in sets for label in labels}.values())
    rows, _ = news_rows(every, feeds_dir)
    records = []
    with tempfile.TemporaryDirectory(prefix="newsimpact-evaluate-") as workdir:
        with classify(settings, rows, Path(workdir), extra=LEARNED) as con:
            article_of = dict(con.execute(
                "select guid, md5(article_key) from staging.stg_news_items").fetchall())
            for name, labels in sets:
                typed = any(label.event_type or label.entities for label in labels)
                records += [{"set": name, **record} for record in scores(labels, con)
                            if typed or record["metric"] == "sentiment"]
        previous = rule_types(settings, Path(workdir))
        for name, labels in sets:
            if any(label.event_type or label.entities for label in labels):
                said = {label: previous.get(article_of.get(label.guid)) for label in labels}
                records += [{"set": name, **record, "metric": "event_type_rules"}
                            for record in type_records(labels, said)]
    return records


def cell(record: dict | None, *keys: str) -> str:
    if record is None:
        return "—"
    return " / ".join("—" if record.get(key) is None else f"{record[key]:.2f}" for key in keys)


def table(records: list[dict]) -> str:
    """The figures as markdown: one row per set, then event types per type and set."""
    by = {(r["set"], r["metric"], r.get("event_type") or r.get("method")): r for r in records
          if r["metric"] != "mistake"}
    names = list(dict.fromkeys(r["set"] for r in records))
    lines = ["| set | items | event types P / R / F1 | previous rules P / R / F1 | entities P / R"
             " | sentiment acc / macro-F1 | lexicon acc / macro-F1 | VADER acc / macro-F1 |",
             "|---|---:|---|---|---|---|---|---|"]
    for name in names:
        cells = [cell(by.get((name, "event_type", "overall")), "precision", "recall", "f1"),
                 cell(by.get((name, "event_type_rules", "overall")), "precision", "recall",
                      "f1"),
                 cell(by.get((name, "entity_links", None)), "precision", "recall"),
                 cell(by.get((name, "sentiment", "newsimpact")), "accuracy", "macro_f1"),
                 cell(by.get((name, "sentiment", "lexicon")), "accuracy", "macro_f1"),
                 cell(by.get((name, "sentiment", "vader")), "accuracy", "macro_f1")]
        items = by[(name, "sentiment", "newsimpact")]["labelled"]
        lines.append(f"| {name} | {items:,} | " + " | ".join(cells) + " |")
    typed = [name for name in names if (name, "event_type", "overall") in by]
    types = sorted({key[2] for key in by if key[1] == "event_type"} - {"overall"})
    lines += ["", "| event type | " + " | ".join(f"{name} P / R / F1 (n)" for name in typed)
              + " |", "|---|" + "---|" * len(typed)]
    for event_type in types:
        cells = []
        for name in typed:
            record = by.get((name, "event_type", event_type))
            labelled = record["labelled"] if record else 0
            cells.append(f"{cell(record, 'precision', 'recall', 'f1')} ({labelled})")
        lines.append(f"| {event_type} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def json_lines(records: list[dict], mistakes: bool) -> str:
    return "\n".join(json.dumps(record) for record in records
                     if mistakes or record["metric"] != "mistake")

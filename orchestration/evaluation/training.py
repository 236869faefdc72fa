"""`make train`: the learned reading, fitted on the labelled corpus and written as seeds.

The corpus's train and dev splits (tests/evaluation/corpus.csv) and the development set
(labelled_news.csv, the demo's January 2025) go through the parser and the dbt model
int_article_features (every feature kept: var reading_features 'all') in a scratch warehouse,
so the words are cut exactly as the warehouse cuts them when it scores. A multinomial logistic
regression over those features (event types: each type and none; sentiment: its three classes)
is fitted with scikit-learn, a development dependency only; its regularisation (and for event
types a probability threshold per type) is chosen on out-of-fold predictions (five folds by
publication day), then it is refitted on all of them. The corpus's test split and the held-out
set are never read here. Written sorted and rounded, so that the same corpus gives the
same files byte for byte:

  seeds/reading_weights.csv   model, class, feature, weight (|weight| >= MIN_WEIGHT)
  seeds/reading_classes.csv   model, class, intercept, threshold
  seeds/ordinary_words.csv    word: the titles' lower-case words (see ordinary_words)
"""

from __future__ import annotations

import csv
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from orchestration.evaluation import EvaluationError
from orchestration.evaluation.corpus import CORPUS, SPLITS
from orchestration.evaluation.news import LABELS, Label, classify, load_labels, news_rows
from orchestration.settings import REPO_ROOT, Settings

SEEDS = REPO_ROOT / "seeds"
WEIGHTS, CLASSES = "reading_weights.csv", "reading_classes.csv"
ORDINARY_WORDS = "ordinary_words.csv"
NONE, NEUTRAL = "none", "neutral"  # the reference classes
FOLDS = 5
MIN_DOCUMENTS = 2        # a feature seen in fewer training titles carries no weight
# smaller weights are left out of the seed: on the training titles this changes 14 decisions
# of 3,536 and halves the rows (55k to 26k), which a Spark seed load feels
MIN_WEIGHT = 0.1
DIGITS = 4
C_GRID = (0.25, 0.5, 1.0, 2.0, 4.0)
THRESHOLDS = tuple(round(0.30 + 0.05 * i, 2) for i in range(13))  # 0.30 .. 0.90


@dataclass(frozen=True)
class Examples:
    labels: list[Label]
    features: list[frozenset[str]]


def corpus_features(settings: Settings, splits=("train", "dev")) -> Examples:
    """The labelled rows of the corpus's splits and of the development set (the demo's own
    window, January 2025), with the features the warehouse computes for them."""
    labels = [label for split in splits for label in load_labels(CORPUS, split=split)]
    labels += load_labels(LABELS)
    rows, _ = news_rows(labels, Path("/nonexistent"))  # the corpus's headlines alone
    with (tempfile.TemporaryDirectory(prefix="newsimpact-train-") as workdir,
          classify(settings, rows, Path(workdir), selection="+int_article_features",
                   extra=("--vars", "{reading_features: all}")) as con):
        article_of = dict(con.execute(
            "select guid, md5(article_key) from staging.stg_news_items").fetchall())
        found: dict[str, set[str]] = {}
        for article_id, feature in con.execute(
                "select article_id, feature from intermediate.int_article_features"
                " order by article_id, feature").fetchall():
            found.setdefault(article_id, set()).add(feature)
    return Examples(labels, [frozenset(found.get(article_of.get(label.guid), ()))
                             for label in labels])


def fold_of(label: Label) -> int:
    """Folds by publication day: items of one day (often one story twice) stay together."""
    return zlib.crc32(label.published.isoformat().encode()) % FOLDS


def vocabulary(features: list[frozenset[str]]) -> list[str]:
    counts: dict[str, int] = {}
    for row in features:
        for feature in row:
            counts[feature] = counts.get(feature, 0) + 1
    return sorted(f for f, n in counts.items() if n >= MIN_DOCUMENTS)


def matrix(features: list[frozenset[str]], columns: list[str]):
    from scipy.sparse import csr_matrix

    index = {feature: i for i, feature in enumerate(columns)}
    rows, cols = [], []
    for row, present in enumerate(features):
        for feature in sorted(present):
            if feature in index:
                rows.append(row)
                cols.append(index[feature])
    return csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(features), len(columns)))


def fit(features: list[frozenset[str]], targets: list[str], c: float):
    from sklearn.linear_model import LogisticRegression

    columns = vocabulary(features)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, tol=1e-8)
    model.fit(matrix(features, columns), targets)
    return model, columns


def out_of_fold(examples: Examples, targets: list[str], c: float) -> list[dict[str, float]]:
    """Each example's class probabilities from a model fitted without its fold."""
    probabilities: list[dict[str, float]] = [{} for _ in targets]
    folds = [fold_of(label) for label in examples.labels]
    for fold in range(FOLDS):
        inside = [i for i, f in enumerate(folds) if f != fold]
        model, columns = fit([examples.features[i] for i in inside],
                             [targets[i] for i in inside], c)
        outside = [i for i, f in enumerate(folds) if f == fold]
        predicted = model.predict_proba(matrix([examples.features[i] for i in outside], columns))
        for i, row in zip(outside, predicted, strict=True):
            probabilities[i] = dict(zip(model.classes_, row, strict=True))
    return probabilities


def thresholds_for(targets: list[str], probabilities: list[dict[str, float]]) -> dict[str, float]:
    """Per type, the threshold of THRESHOLDS with the best F1 for that type (ties: the higher)."""
    chosen = {}
    for name in sorted(set(targets) - {NONE}):
        best = (-1.0, 0.0)
        labelled = sum(target == name for target in targets)
        for threshold in THRESHOLDS:
            said = [decide(p, {name: threshold}) == name for p in probabilities]
            right = sum(s and target == name for s, target in zip(said, targets, strict=True))
            precision, recall = right / max(sum(said), 1), right / labelled
            f = 2 * precision * recall / (precision + recall) if right else 0.0
            best = max(best, (f, threshold))
        chosen[name] = best[1]
    return chosen


def decide(probabilities: dict[str, float], thresholds: dict[str, float]) -> str:
    best = max(sorted(probabilities), key=lambda name: probabilities[name])
    return best if best != NONE and probabilities[best] >= thresholds.get(best, 0.0) else NONE


def micro_scores(targets: list[str], said: list[str]) -> tuple[float, float, float]:
    right = sum(t == s != NONE for t, s in zip(targets, said, strict=True))
    predicted = sum(s != NONE for s in said)
    labelled = sum(t != NONE for t in targets)
    precision = right / predicted if predicted else 0.0
    recall = right / labelled if labelled else 0.0
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f


@dataclass(frozen=True)
class Reading:
    """A fitted model as the seeds hold it: weights relative to its reference class (a softmax
    does not change when one class's scores are taken from every class's), so the reference
    class (none; neutral) needs no weights."""
    model: str
    reference: str
    c: float
    intercepts: dict[str, float]
    thresholds: dict[str, float]
    weights: dict[tuple[str, str], float]  # (class, feature) -> weight
    out_of_fold: tuple[float, ...]


def train_event_types(examples: Examples, progress=print) -> Reading:
    """Event types from the words, pairs and rule hits (not the lexicon); C and a threshold per
    type by out-of-fold F1."""
    examples = only(examples, ("w:", "b:", "rule:", "guarded:"))
    targets = [label.event_type or NONE for label in examples.labels]
    best = None
    for c in C_GRID:
        probabilities = out_of_fold(examples, targets, c)
        thresholds = thresholds_for(targets, probabilities)
        scores = micro_scores(targets, [decide(p, thresholds) for p in probabilities])
        progress(f"event types, C={c}: out-of-fold precision {scores[0]:.3f}, "
                 f"recall {scores[1]:.3f}, F1 {scores[2]:.3f}")
        if best is None or scores[2] > best[0][2]:
            best = (scores, c, thresholds)
    scores, c, thresholds = best
    return reading("event_type", NONE, examples, targets, c, thresholds, scores)


def train_sentiment(examples: Examples, progress=print) -> Reading:
    """Sentiment from the words, pairs and the lexicon's class of the article; C by out-of-fold
    accuracy; the likeliest class is said (no thresholds)."""
    examples = only(examples, ("w:", "b:", "lexicon:"))
    targets = [label.sentiment for label in examples.labels]
    best = None
    for c in C_GRID:
        probabilities = out_of_fold(examples, targets, c)
        said = [max(sorted(p), key=lambda name, p=p: p[name]) for p in probabilities]
        accuracy = sum(s == t for s, t in zip(said, targets, strict=True)) / len(targets)
        progress(f"sentiment, C={c}: out-of-fold accuracy {accuracy:.3f}")
        if best is None or accuracy > best[0][0]:
            best = ((accuracy,), c)
    scores, c = best
    return reading("sentiment", NEUTRAL, examples, targets, c, {}, scores)


def only(examples: Examples, kinds: tuple[str, ...]) -> Examples:
    return Examples(examples.labels, [frozenset(f for f in row if f.startswith(kinds))
                                      for row in examples.features])


def reading(model_name: str, reference: str, examples: Examples, targets: list[str], c: float,
            thresholds: dict[str, float], scores: tuple[float, ...]) -> Reading:
    """The model refitted on every example, as weights relative to the reference class."""
    model, columns = fit(examples.features, targets, c)
    classes = [str(name) for name in model.classes_]
    base = classes.index(reference)
    weights, intercepts = {}, {}
    for k, name in enumerate(classes):
        if name == reference:
            continue
        intercepts[name] = round(float(model.intercept_[k] - model.intercept_[base]), DIGITS)
        for j, feature in enumerate(columns):
            weight = round(float(model.coef_[k, j] - model.coef_[base, j]), DIGITS)
            if abs(weight) >= MIN_WEIGHT:
                weights[(name, feature)] = weight
    return Reading(model_name, reference, c, intercepts,
                   {name: thresholds.get(name, 0.0) for name in intercepts}, weights, scores)


def write_seeds(readings: list[Reading], seeds_dir: Path) -> None:
    from orchestration.files import write_atomically

    weight_rows = [["model", "class", "feature", "weight"]]
    class_rows = [["model", "class", "intercept", "threshold"]]
    for reading in sorted(readings, key=lambda r: r.model):
        class_rows.append([reading.model, reading.reference, "0", "0"])
        for name in sorted(reading.intercepts):
            class_rows.append([reading.model, name, f"{reading.intercepts[name]:.{DIGITS}f}",
                               f"{reading.thresholds[name]:.2f}"])
        for (name, feature), weight in sorted(reading.weights.items()):
            weight_rows.append([reading.model, name, feature, f"{weight:.{DIGITS}f}"])
    for name, rows in ((WEIGHTS, weight_rows), (CLASSES, class_rows)):
        write_atomically(seeds_dir / name, csv_text(rows).encode())


def csv_text(rows: list[list[str]]) -> str:
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def ordinary_words(labels: list[Label]) -> list[str]:
    """The words the corpus's headlines write in lower case after their first word, twice or
    more ("target", "all", "now", "cost"): a company name or ticker that is one of them is an
    ordinary word, and int_entities derives no alias of it (only titles are read, no labels)."""
    counts: dict[str, int] = {}
    for label in labels:
        for word in label.title.split()[1:]:
            word = word.strip(".,;:!?'\"()[]{}‘’“”")
            if word.isalpha() and word.islower() and word.isascii():
                counts[word] = counts.get(word, 0) + 1
    return sorted(word for word, count in counts.items() if count >= 2)


def main(settings: Settings, progress=print, seeds_dir: Path = SEEDS) -> list[Reading]:
    """Fit every learned reading on the labelled examples and write its seeds to seeds_dir,
    with the ordinary words of the corpus's titles."""
    from orchestration.files import write_atomically

    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise EvaluationError("make train needs scikit-learn, a development dependency: "
                              "pip install -e '.[dev]'") from None
    progress("reading the corpus's train and dev splits through the warehouse's features ...")
    examples = corpus_features(settings)
    progress(f"{len(examples.labels):,} labelled headlines")
    readings = [train_event_types(examples, progress), train_sentiment(examples, progress)]
    write_seeds(readings, seeds_dir)
    every_title = [label for split in SPLITS for label in load_labels(CORPUS, split=split)]
    words = ordinary_words(every_title)
    write_atomically(seeds_dir / ORDINARY_WORDS, csv_text([["word"]] + [[w] for w in words]
                                                         ).encode())
    progress(f"{len(words):,} ordinary words (the corpus's lower-case words) in "
             f"{seeds_dir / ORDINARY_WORDS}")
    for reading in readings:
        progress(f"{reading.model}: C={reading.c}, {len(reading.weights):,} weights"
                 + (f", thresholds {dict(sorted(reading.thresholds.items()))}"
                    if reading.model == "event_type"
                    else ""))
    progress(f"wrote {seeds_dir / WEIGHTS} and {seeds_dir / CLASSES}")
    return readings


if __name__ == "__main__":
    import sys

    try:
        main(Settings.from_env())
    except EvaluationError as exc:
        print(f"make train: {exc}", file=sys.stderr)
        sys.exit(2)

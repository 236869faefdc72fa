"""The linear-time models against the rules they replace, on generated news (the benchmark
generator at size XS): entity mentions against the alias regular expressions applied to every
article, stories against a comparison of every two articles of a window, event types against
the generator's Python mirror of the rules (the hand rules alone: var event_reading 'rules').
Same rows, exactly."""

import re
import shutil
import subprocess
from datetime import datetime

import pytest

from orchestration.runtime.warehouse import connect_read_only
from tests.benchmarks import generator as gen
from tests.conftest import REPO, VENV_BIN, environment

WINDOW_MINUTES, SIMILARITY = 48 * 60, 0.5


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("rules")
    gen.Generator("XS", seed=11, landing_days=0).write(out)
    staged = REPO / "dbt" / "target" / "rules_seeds"
    shutil.rmtree(staged, ignore_errors=True)
    shutil.copytree(out / "seeds", staged, ignore=shutil.ignore_patterns("snapshots"))
    result = subprocess.run(
        [str(VENV_BIN / "dbt"), "build", "--profiles-dir", ".", "--quiet",
         "-s", "+int_stories", "+int_entity_mentions", "+int_article_types",
         "--indirect-selection", "cautious", "--vars", "{event_reading: rules}"],
        cwd=REPO / "dbt",
        env=environment(NEWSIMPACT_WAREHOUSE=str(out / "warehouse.duckdb"),
                        NEWSIMPACT_DBT_SEED_PATH="target/rules_seeds"),
        capture_output=True, text=True, timeout=600)
    shutil.rmtree(staged, ignore_errors=True)
    assert result.returncode == 0, result.stdout[-3000:]
    return connect_read_only(str(out / "warehouse.duckdb"))


def alias_pattern(alias: str) -> re.Pattern:
    """The rule as it was written: word boundaries where the alias starts or ends with a word
    character, case kept for aliases of at most 4 characters or in capitals (ASCII \\w)."""
    flags = re.ASCII | (0 if len(alias) <= 4 or alias == alias.upper() else re.IGNORECASE)
    return re.compile(("\\b" if re.match(r"\w", alias, re.ASCII) else "") + re.escape(alias)
                      + ("\\b" if re.search(r"\w$", alias, re.ASCII) else ""), flags)


def test_entity_mentions_equal_the_alias_patterns_on_every_article(built):
    aliases = [(entity, alias_pattern(alias), -1 if false_friend else 1)
               for entity, alias, false_friend in built.execute(
                   "select entity_id, alias, is_false_friend "
                   "from intermediate.int_entity_aliases").fetchall()]
    counted = {}
    for article, title, summary in built.execute(
            "select article_id, title, summary from intermediate.int_articles").fetchall():
        for entity, pattern, sign in aliases:
            title_hits, summary_hits = len(pattern.findall(title)), len(pattern.findall(summary))
            if title_hits + summary_hits:
                first = pattern.search(title) if sign > 0 else None
                hits = counted.setdefault((article, entity), [0, 0, None])
                hits[0] += sign * title_hits
                hits[1] += sign * summary_hits
                if first and (hits[2] is None or first.start() < hits[2]):
                    hits[2] = first.start()
    expected = {key: [max(t, 0), max(s, 0), p if t > 0 else None]
                for key, (t, s, p) in counted.items() if max(t, 0) + max(s, 0)}
    found = {(a, e): [t, s, p] for a, e, t, s, p in built.execute(
        "select article_id, entity_id, title_hits, summary_hits, title_position "
        "from intermediate.int_entity_mentions").fetchall()}
    assert len(expected) > 500
    assert found == expected


def test_article_types_equal_the_python_mirror_of_the_rules_on_every_article(built):
    """int_article_types (SQL, RE2) and generator.classify (Python re) read the same seed."""
    rules = gen.event_rules()
    expected = {}
    for article, title, summary in built.execute(
            "select article_id, title, summary from intermediate.int_articles").fetchall():
        event_type = gen.classify(title, summary, rules)
        if event_type:
            expected[article] = event_type
    found = dict(built.execute(
        "select article_id, event_type from intermediate.int_article_types").fetchall())
    assert len(expected) > 20
    assert found == expected


def minute(stamp: datetime) -> int:
    return int(stamp.timestamp() // 60)  # datediff('minute') counts minute boundaries


def test_stories_equal_a_comparison_of_every_two_articles(built):
    articles = sorted(built.execute(
        "select published_at, article_id, title from intermediate.int_articles").fetchall())
    words = {a: {w for w in re.findall("[a-z0-9]+", t.lower()) if len(w) >= 3}
             for _, a, t in articles}
    parent = {}
    for i, (published, later, _) in enumerate(articles):
        for earlier_published, earlier, _ in articles[:i]:  # oldest first: the first match wins
            if minute(published) - minute(earlier_published) > WINDOW_MINUTES:
                continue
            shared, union = words[later] & words[earlier], words[later] | words[earlier]
            if words[later] and len(shared) >= SIMILARITY * len(union):
                parent[later] = earlier
                break
    def root(article: str) -> str:
        while article in parent:
            article = parent[article]
        return article
    expected = {a: root(a) for _, a, _ in articles}
    found = dict(built.execute(
        "select article_id, story_root_id from intermediate.int_stories").fetchall())
    assert sum(1 for a in expected if expected[a] != a) > 10  # stories of several articles
    assert found == expected

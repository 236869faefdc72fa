"""The analyst questions (dbt/analyses/questions, see tests/questions.py) against the demo's
published copy: every file runs there as it is and returns exactly the rows its comment
expects, in order."""

import duckdb
import pytest

from tests.questions import cell, questions

pytestmark = pytest.mark.slow

QUESTIONS = questions()


@pytest.fixture(scope="module")
def published(demo):
    path = demo["database"].parent / "serving" / "newsimpact.duckdb"
    with duckdb.connect(str(path), read_only=True) as con:
        yield con


def test_there_are_at_least_ten_questions():
    assert len(QUESTIONS) >= 10


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.name for q in QUESTIONS])
def test_question_returns_its_expected_rows(published, question):
    result = published.execute(question.path.read_text())  # the file as a reader runs it
    assert [column[0] for column in result.description] == question.columns
    assert [[cell(value) for value in row] for row in result.fetchall()] == question.rows

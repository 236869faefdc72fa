"""The analyst questions' page and dbt properties are generated from the SQL files (see
tests/questions.py): they must be up to date, and every file must be a question dbt knows and
the published copy can run as it is."""

import re

from tests.questions import PAGE, PROPERTIES, questions, render_page, render_properties

QUESTIONS = questions()


def test_page_and_properties_are_up_to_date():
    hint = "stale: run .venv/bin/python -m tests.questions"
    assert PAGE.read_text() == render_page(QUESTIONS), hint
    assert PROPERTIES.read_text() == render_properties(QUESTIONS), hint


def test_questions_read_only_the_published_marts():
    """Plain SQL (no Jinja, so dbt compiles it to itself) naming marts.<table> only: nothing of
    the pipeline's catalog, which the published file does not have."""
    assert len(QUESTIONS) >= 10
    for question in QUESTIONS:
        assert "{{" not in question.sql and "{%" not in question.sql, question.name
        assert "newsimpact." not in question.sql, question.name
        relations = re.findall(r"\b(?:from|join)\s+([\w.]+)", question.sql)
        assert relations and all(name.startswith("marts.") for name in relations), \
            (question.name, relations)
        assert question.rows, f"{question.name}: expects no rows"

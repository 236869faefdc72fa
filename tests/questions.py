"""The analyst questions of dbt/analyses/questions: one SQL file per question, each carrying its
own expectation (the feedparser corpus's idiom: adding a case is adding a file).

A file opens with a comment: the question, a line `--`, then the answer on the demo data as a
markdown table (`-- | column | ... |`, a separator row, one row per expected row). The SQL that
follows names the published copy's relations as they are there (`marts.<table>`), so the file
runs as is against warehouse/serving/newsimpact.duckdb.

`.venv/bin/python -m tests.questions` rewrites the page (README.md) and the dbt properties
(_questions.yml) of the folder from the files; tests/unit/test_questions_page.py fails when
either is stale, tests/e2e/test_questions.py runs every question against the demo's published
copy.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

FOLDER = REPO / "dbt" / "analyses" / "questions"
PAGE = FOLDER / "README.md"
PROPERTIES = FOLDER / "_questions.yml"


@dataclass(frozen=True)
class Question:
    name: str  # the file's stem, also the dbt analysis's name
    text: str  # the question, one line
    columns: list[str]
    rows: list[list[str]]  # the expected rows, each value as cell() writes it
    sql: str  # the statement, without the leading comment

    @property
    def path(self) -> Path:
        return FOLDER / f"{self.name}.sql"


def cells(line: str) -> list[str]:
    """`| a | b |` → ["a", "b"]."""
    return [part.strip() for part in line.strip().strip("|").split("|")]


def parse(path: Path) -> Question:
    lines = path.read_text().splitlines()
    comment = []
    while lines and lines[0].startswith("--"):
        comment.append(lines.pop(0)[2:].strip())
    if "" not in comment:
        raise ValueError(f"{path.name}: the leading comment needs the question, `--`, a table")
    blank = comment.index("")
    text = " ".join(comment[:blank])
    table = [line for line in comment[blank + 1:] if line.startswith("|")]
    if not text.endswith("?") or len(table) < 2:
        raise ValueError(f"{path.name}: no question ending in '?' or no expected table")
    columns, rows = cells(table[0]), [cells(line) for line in table[2:]]
    for row in rows:
        if len(row) != len(columns):
            raise ValueError(f"{path.name}: row {row} does not have {len(columns)} cells")
    return Question(path.stem, text, columns, rows, "\n".join(lines).strip() + "\n")


def questions() -> list[Question]:
    return [parse(path) for path in sorted(FOLDER.glob("*.sql"))]


def cell(value) -> str:
    """A result value as the expected tables write it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(round(value, 6))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def render_page(items: list[Question]) -> str:
    parts = [
        "# Analyst questions, answered in SQL\n",
        "Each question is one file of this folder, written against the **published copy** of "
        "the marts\n(`warehouse/serving/newsimpact.duckdb`, tables `marts.<name>`), so that it "
        "runs there as it is:\n",
        "```sh\nduckdb -readonly warehouse/serving/newsimpact.duckdb "
        "< dbt/analyses/questions/01_deepseek_monday_losers.sql\n"
        '.venv/bin/newsimpact query "$(cat dbt/analyses/questions/01_deepseek_monday_losers.sql)"'
        "\n```\n",
        "Under each question is its answer on the demo data (`make demo`); "
        "`tests/e2e/test_questions.py`\nruns every file against the demo's published copy and "
        "checks that it returns exactly these rows.\nTo add a question, add a file: the question "
        "as its leading comment, a line `--`, the expected\nrows as a markdown table in the same "
        "comment, then the SQL; then regenerate this page and the\ndbt properties beside it with "
        "`.venv/bin/python -m tests.questions`. dbt knows the files as\nanalyses (plain SQL, no "
        "`ref()`, so that they run against the published file as they are):\n"
        "`dbt compile` and `dbt docs generate` show them with the question as description.\n",
    ]
    for item in items:
        header = "| " + " | ".join(item.columns) + " |"
        separator = "|" + "|".join("---" for _ in item.columns) + "|"
        table = [header, separator] + ["| " + " | ".join(row) + " |" for row in item.rows]
        parts.append(f"## {int(item.name.split('_')[0])}. {item.text}\n")
        parts.append(f"[`{item.name}.sql`]({item.name}.sql)\n")
        parts.append(f"```sql\n{item.sql}```\n")
        parts.append("On the demo data:\n")
        parts.append("\n".join(table) + "\n")
    return "\n".join(parts)


def render_properties(items: list[Question]) -> str:
    lines = ["version: 2", "",
             "# Written by `.venv/bin/python -m tests.questions` from the questions' leading",
             "# comments; do not edit by hand.", "analyses:"]
    for item in items:
        lines.append(f"  - name: {json.dumps(item.name)}")
        lines.append(f"    description: {json.dumps(item.text, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    found = questions()
    PAGE.write_text(render_page(found))
    PROPERTIES.write_text(render_properties(found))
    print(f"{len(found)} questions: wrote {PAGE.relative_to(REPO)} and "
          f"{PROPERTIES.relative_to(REPO)}")

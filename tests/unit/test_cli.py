"""The `newsimpact` command's answers to bad input: one line on stderr that says what is wrong,
exit status 2, no traceback, and nothing created."""

import json
import shutil
from pathlib import Path

import pytest

from orchestration import cli
from orchestration.cli import parser, pipeline


@pytest.mark.parametrize("argv, message", [
    (["run", "--first-day", "2025-13-40"],
     "newsimpact run: argument --first-day: '2025-13-40' is not a day: use YYYY-MM-DD"),
    (["run", "--first-day", "2025-1-2"], "'2025-1-2' is not a day: use YYYY-MM-DD"),
    (["run", "--first-day", "2025-01-31", "--last-day", "2025-01-20"],
     "newsimpact run: --first-day 2025-01-31 is after --last-day 2025-01-20"),
    (["demo", "--first-day", "2023-12-31"],
     "newsimpact demo: --first-day 2023-12-31 is before the first day with prices, 2024-01-02"),
    (["run", "--last-day", "2999-01-01"], "newsimpact run: --last-day 2999-01-01 is in the future"),
    (["impacts", "--limit", "-3"], "argument --limit: '-3' is not a positive whole number"),
    (["impacts", "--max-p", "2"], "argument --max-p: '2' is not a p-value in (0, 1]"),
    (["query"], "the following arguments are required: sql"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["ui", "--port", "99999"], "argument --port: '99999' is not a port (1-65535)"),
    (["report", "--events", "0"], "argument --events: '0' is not a positive whole number"),
])
def test_bad_arguments_get_one_line_and_exit_2(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSIMPACT_WAREHOUSE", str(tmp_path / "w" / "newsimpact.duckdb"))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    with pytest.raises(SystemExit) as exited:
        cli.main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and err.endswith("--help)\n")
    assert list(tmp_path.iterdir()) == []


def test_a_good_range_passes():
    args = parser.parse_args(["run", "--first-day", "2025-01-20", "--last-day", "2025-01-31"])
    assert (args.first_day, args.last_day) == ("2025-01-20", "2025-01-31")


@pytest.mark.parametrize("argv", [["impacts", "--symbol", "NVDX"],
                                  ["demo", "--symbol", "NVDA", "--symbol", "nvda"]])
def test_an_unknown_symbol_gets_one_line_naming_the_known_ones(argv, capsys, tmp_path,
                                                               monkeypatch):
    monkeypatch.setenv("NEWSIMPACT_WAREHOUSE", str(tmp_path / "w" / "newsimpact.duckdb"))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"newsimpact: unknown symbol {argv[-1]!r}: ")
    assert "NVDA, ORCL" in err
    assert list(tmp_path.iterdir()) == []  # checked before anything is created


def test_report_without_a_published_copy_gets_one_line_and_creates_nothing(capsys, tmp_path,
                                                                            monkeypatch):
    monkeypatch.setenv("NEWSIMPACT_WAREHOUSE", str(tmp_path / "w" / "newsimpact.duckdb"))
    assert cli.main(["report"]) == 2
    assert capsys.readouterr().err.startswith("newsimpact: no published warehouse at ")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_a_missing_dbt_manifest_is_prepared_by_dbt_parse(tmp_path, monkeypatch):
    """A clone used without `make` has no dbt/target: the CLI runs `dbt parse` itself."""
    from dagster_dbt import DbtProject

    from orchestration.transform import project
    from tests.conftest import REPO

    shutil.copytree(REPO / "dbt", tmp_path / "dbt", ignore=shutil.ignore_patterns(
        "target", "logs"))
    shutil.copytree(REPO / "seeds", tmp_path / "seeds", ignore=shutil.ignore_patterns(
        "snapshots"))
    copy = DbtProject(project_dir=tmp_path / "dbt", profiles_dir=tmp_path / "dbt")
    monkeypatch.setattr(project, "dbt_project", copy)
    assert not Path(copy.manifest_path).exists()
    pipeline.prepare_manifest()
    nodes = json.loads(Path(copy.manifest_path).read_text())["nodes"]
    assert "model.newsimpact.fct_event_impact" in nodes


@pytest.mark.parametrize("content, message", [
    (None, "no labelled set at"),
    ("item_ref,source,published,title,event_type,entities,sentiment\n"
     "a,CNBC,2025-01-27,Stocks fall,,,gloomy\n", ":2: sentiment 'gloomy' is not one of"),
    ("item_ref,source,published,title,event_type,entities,sentiment\n"
     "a,CNBC,27/01/2025,Stocks fall,,,negative\n", ":2: Invalid isoformat string"),
    ("item_ref,title\na,Stocks fall\n", "missing column(s) published, event_type, entities"),
    ("item_ref,source,published,title,event_type,entities,sentiment\na,CNBC\n",
     ":2: the row has fewer fields than the header"),
])
def test_a_bad_labelled_set_gets_one_line_and_exit_2(content, message, capsys, tmp_path):
    labels = tmp_path / "labels.csv"
    if content is not None:
        labels.write_text(content)
    assert cli.main(["evaluate", "--labels", str(labels)]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1, err

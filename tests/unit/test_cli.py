"""The `newsimpact` command's answers to bad input: one line on stderr that says what is wrong,
exit status 2, no traceback, and nothing created."""

import pytest

from orchestration import cli


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
    args = cli.parse_args(["run", "--first-day", "2025-01-20", "--last-day", "2025-01-31"])
    assert (args.first_day, args.last_day) == ("2025-01-20", "2025-01-31")

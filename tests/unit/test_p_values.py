"""The p-value macros as dbt renders them (dbt/macros/normal_p_value.sql, student_t.sql), run
in DuckDB and held against 50-digit mpmath, to the precision README's "The method" promises:

- the normal two-sided p within 1e-15 of the exact value, relatively, while p >= 1e-300;
- the Student two-sided p within max(2e-15, 5e-16 |ln p|) relatively (p is as sensitive as that
  to the last bit of t: 4e-13 at p = 1e-300);
- log10 p within 2e-15 of the exact value, relatively where |log10 p| > 1 (absolutely below),
  also where p underflows, and by the shortcut the view uses (log10 of the p column down to
  1e-300).

The exact values are those of the doubles the SQL is given, so the rounding of t or z to a
double is no part of the error."""

import json
import math
import random
import subprocess

import duckdb
import mpmath
import pytest

from tests.conftest import REPO, VENV_BIN, environment

mpmath.mp.dps = 50

DFS = [1, 2, 3, 5, 30, 199, 200, 201, 1000, 100_000]
TS = [0.0, 1e-8, 0.1, 0.5, 0.99, 1.0, 1.01, 1.5, 1.96, 2.5, 3.0, 5.0, 7.0, 10.0, 15.0, 20.0,
      25.0, 30.0, 37.0, 40.0]
ZS = [0.0, 1e-8, 0.3, 0.99, 1.0, 1.01, 1.5, 1.96, 2.5, 3.29, 5.0, 8.0, 10.0, 15.0, 20.0, 26.0,
      30.0, 35.0, 37.0, 37.5, 38.0, 40.0, 50.0]

QUERY = """select t, df,
    {{ student_t_p_value('t', 'df') }} as p,
    {{ student_t_log10_p_value('t', 'df') }} as log10_p,
    {{ student_t_log10_p_value('t', 'df', p=student_t_p_value('t', 'df')) }} as log10_p_of_p,
    {{ normal_p_value('t') }} as normal_p,
    {{ normal_log10_p_value('t') }} as normal_log10_p,
    {{ normal_log10_p_value('t', p=normal_p_value('t')) }} as normal_log10_p_of_p
from grid"""


def grid() -> list[tuple[float, float]]:
    """The (t, df) pairs: every t of TS at every df of DFS with both signs, a seeded sample of
    t up to 40 and df up to 10^6, and the normal's z of ZS (at df = 1, the Student p unused)."""
    pairs = [(sign * t, float(df)) for t in TS for df in DFS for sign in (1, -1)]
    rng = random.Random(22)
    pairs += [(rng.choice((1, -1)) * math.exp(rng.uniform(math.log(1e-3), math.log(40))),
               float(rng.choice([1, 2, 4, 7, 12, 60, 150, 238, 500, 5000, 10**6])))
              for _ in range(300)]
    pairs += [(sign * z, 1.0) for z in ZS for sign in (1, -1)]
    return pairs


@pytest.fixture(scope="module")
def compiled(tmp_path_factory) -> str:
    """QUERY compiled by dbt in a private target path (no warehouse is read)."""
    home = tmp_path_factory.mktemp("p_values")
    done = subprocess.run(
        [str(VENV_BIN / "dbt"), "compile", "--quiet", "--output", "json", "--profiles-dir", ".",
         "--target-path", str(home / "target"), "--log-path", str(home / "logs"),
         "--inline", QUERY],
        cwd=REPO / "dbt", env=environment(NEWSIMPACT_WAREHOUSE=str(home / "w.duckdb")),
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return json.loads(done.stdout)["compiled"]


def run(sql: str, pairs: list[tuple[float | None, float | None]]) -> list[dict]:
    """The compiled query over a table `grid` of (t, df) pairs, in DuckDB."""
    with duckdb.connect() as con:
        con.execute("create table grid (t double, df double)")
        con.executemany("insert into grid values (?, ?)", pairs)
        cursor = con.execute(sql)
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


@pytest.fixture(scope="module")
def results(compiled) -> list[dict]:
    return run(compiled, grid())


def student_p(t: float, df: float) -> mpmath.mpf:
    """P(|T| >= |t|) = I_x(df / 2, 1 / 2), x = df / (df + t^2) (A&S 26.7.1)."""
    t, df = mpmath.mpf(t), mpmath.mpf(df)
    return mpmath.betainc(df / 2, mpmath.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def normal_p(z: float) -> mpmath.mpf:
    return mpmath.erfc(abs(mpmath.mpf(z)) / mpmath.sqrt(2))


def relative_error(value: float, exact: mpmath.mpf) -> float:
    return float(abs(mpmath.mpf(value) - exact) / exact)


def log10_error(value: float, exact: mpmath.mpf) -> float:
    """Relative where |log10 p| > 1, absolute below."""
    exact_log = mpmath.log10(exact)
    return float(abs(mpmath.mpf(value) - exact_log) / max(1, abs(exact_log)))


def test_student_p_values_keep_their_relative_precision(results):
    worst = []
    for row in results:
        exact = student_p(row["t"], row["df"])
        if exact >= mpmath.mpf("1e-300"):
            bound = max(2e-15, 5e-16 * abs(float(mpmath.ln(exact))))
            worst.append((relative_error(row["p"], exact) / bound, row["t"], row["df"]))
    assert len(worst) > 500
    assert max(worst)[0] <= 1, max(worst)


def test_normal_p_values_keep_their_relative_precision(results):
    worst = [(relative_error(row["normal_p"], normal_p(row["t"])) / 1e-15, row["t"])
             for row in results if normal_p(row["t"]) >= mpmath.mpf("1e-300")]
    assert max(worst)[0] <= 1, max(worst)


@pytest.mark.parametrize("column,exact", [
    ("log10_p", lambda row: student_p(row["t"], row["df"])),
    ("log10_p_of_p", lambda row: student_p(row["t"], row["df"])),
    ("normal_log10_p", lambda row: normal_p(row["t"])),
    ("normal_log10_p_of_p", lambda row: normal_p(row["t"])),
])
def test_log10_p_values_hold_where_p_underflows(results, column, exact):
    worst = max((log10_error(row[column], exact(row)) / 2e-15, row["t"], row["df"])
                for row in results)
    assert worst[0] <= 1, worst
    # the grid reaches below the doubles: p is 0 (or subnormal) there, log10 p is not
    underflowed = [row for row in results if exact(row) < mpmath.mpf("1e-320")]
    assert underflowed and all(row[column] < -320 for row in underflowed)


def test_the_strongest_results_do_not_tie(results):
    """The issue's case: p = 1.3e-30 was stored as 2.2e-16, the rounding of 1 - p; now every
    t of the grid at df = 30 beyond 1 has a p of its own, decreasing with |t|."""
    at_30 = sorted((abs(row["t"]), row["p"]) for row in results
                   if row["df"] == 30 and row["t"] >= 1 and row["t"] in TS)
    values = [p for _, p in at_30]
    assert all(a > b for a, b in zip(values, values[1:], strict=False)), at_30


def test_undefined_statistics_have_no_p_value(compiled):
    """A null t, a NaN, or df < 1 give null; an infinite t (no spread) gives p = 0."""
    nan, null, df_below_1, infinite = run(
        compiled, [(math.nan, 3.0), (None, 3.0), (2.0, 0.5), (-math.inf, 5.0)])
    names = ["p", "log10_p", "log10_p_of_p", "normal_p", "normal_log10_p",
             "normal_log10_p_of_p"]
    assert all(null[name] is None and nan[name] is None for name in names)
    assert all(df_below_1[name] is None for name in names[:3])
    assert [infinite[name] for name in names] == [0.0, -math.inf, -math.inf] * 2

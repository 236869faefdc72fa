"""The placebo study (tests/benchmarks/placebo.py): its statistics on inputs small enough to work
out by hand, and a short seeded simulation in which the naive tests over-reject under clustered,
overlapping events while the dependence-adjusted ones keep their size."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from tests.benchmarks import placebo


def test_car_variance_is_the_prediction_error_formula():
    # s^2 (L + L^2/n + (S - L mbar)^2 / Sxx) = 1e-4 (3 + 0.09 + 0.027^2 / 0.01)
    value = placebo.car_variance(1e-4, 100, 3, 0.03, 0.001, 0.01)
    assert value == pytest.approx(1e-4 * (3 + 0.09 + 0.0729), rel=1e-12)


def test_market_model_is_ols_over_tau_minus_250_to_minus_11():
    rng = np.random.default_rng(0)
    market = rng.normal(0, 0.01, 300)
    returns = (0.001 + 1.3 * market + rng.normal(0, 0.02, 300))[:, None]
    prices = placebo.Prices("test", ["A"], returns, market)
    residuals, s2, mbar, sxx, ar, rm = placebo.market_model(prices, 0, 280)
    beta, alpha = np.polyfit(market[30:270], returns[30:270, 0], 1)
    assert residuals == pytest.approx(returns[30:270, 0] - alpha - beta * market[30:270])
    assert s2 == pytest.approx((residuals**2).sum() / 238)
    assert (mbar, sxx) == pytest.approx((market[30:270].mean(), 240 * market[30:270].var()))
    assert ar == pytest.approx(returns[275:286, 0] - alpha - beta * market[275:286])
    assert rm == pytest.approx(market[275:286])


def test_two_identical_windows_count_once_in_the_adjusted_patell_z():
    # one asset, one t0, twice: the windows share all L sessions, so c = 1 and rbar = 1
    assets, t0 = np.array([3, 3]), np.array([50, 50])
    c = placebo.pair_correlations(assets, t0, np.eye(2), 11)
    assert c[0, 1] == 1.0
    scar, df = np.array([1.7, 1.7]), np.array([238.0, 238.0])
    twice = placebo.inflate_z(placebo.patell_z(scar, df), placebo.mean_pair(c), 2)
    assert twice == pytest.approx(placebo.patell_z(scar[:1], df[:1]), rel=1e-12)


def test_pair_correlations_follow_the_overlap_of_the_windows():
    # events: asset 0 on session 10, asset 0 on 13 (windows share 8 of 11), asset 1 on 10
    assets, t0 = np.array([0, 0, 1]), np.array([10, 13, 10])
    residual = np.array([[1.0, 0.9, 0.3], [0.9, 1.0, 0.5], [0.3, 0.5, 1.0]])
    c = placebo.pair_correlations(assets, t0, residual, 11)
    assert c[0, 1] == pytest.approx(8 / 11)  # one asset: rho = 1
    assert c[0, 2] == pytest.approx(0.3)  # one date: the residual correlation
    assert c[1, 2] == pytest.approx(0.3 * 8 / 11)  # neither: the same-date mean, 0.3
    assert placebo.mean_pair(c) == pytest.approx((8 / 11 + 0.3 + 2.4 / 11) / 3)
    # the warehouse's r sees only the same-date pair: 0.3 over 3 pairs
    assert placebo.same_date_r(assets, t0, residual) == pytest.approx(0.1)
    # a one-day window: nothing of two different sessions overlaps
    assert placebo.pair_correlations(assets, t0, residual, 1)[0, 1] == 0.0


def test_adjustments_by_hand():
    assert placebo.shrink_t(2.0, 0.1, 3) == pytest.approx(2 * math.sqrt(0.9 / 1.2))
    assert placebo.shrink_t(2.0, 1.0, 3) is None
    assert placebo.inflate_z(3.0, 0.5, 3) == pytest.approx(3 / math.sqrt(2))
    assert placebo.effective_n(0.1, 11) == pytest.approx(5.5)
    assert placebo.sign_z(np.array([1.0, -1.0, 1.0, 1.0]), np.full(4, 0.5)) == 1.0
    assert placebo.sign_correlation(np.array([0.0, 0.5, 1.0])) == pytest.approx([0, 1 / 3, 1])
    assert placebo.t_ratio(np.array([1.0, 2.0, 3.0])) == pytest.approx(2 / (1 / math.sqrt(3)))
    assert placebo.t_ratio(np.array([2.0, 2.0])) is None


def test_rank_tests_by_hand():
    assert placebo.centred_ranks(np.array([[3.0, 1.0, 2.0]])) == pytest.approx(
        np.array([[0.25, -0.25, 0.0]]))
    # four estimation days each; both SCARs / sd(SCAR) rank 5th of T = 5:
    # mean ranks (0, -1/12, -1/12, -1/6, 1/3), S^2 = 22/720, Z^2 = 40/11, t^2 = Z^2 * 3 / (4 - Z^2)
    est = np.array([[0.1, -0.2, 0.4, 0.0], [0.3, 0.5, -0.1, 0.2]])
    u = placebo.grank_ranks(est, np.array([2.0, 1.0]))
    t, df = placebo.grank_t(u)
    assert (t, df) == (pytest.approx(math.sqrt(30)), 3)
    # the same last-day ranks against the uniform variance (T - 1) / (12 (T + 1)) = 1/18
    assert placebo.adjusted_rank_z(u[:, -1:], 5, 0.0) == pytest.approx(
        (2 / 3) / math.sqrt(2 / 18))
    # Corrado on day 0 of [-5, +5] (column 4 + 5 of 15): ranks 15 and 1 cancel
    event = np.zeros((2, 11))
    event[:, 5] = [9.0, -9.0]
    assert placebo.corrado_z(placebo.corrado_ranks(est, event), 0, 0) == pytest.approx(0.0)


def test_calendar_portfolios_count_one_assets_overlapping_windows_once():
    # windows [-1, +1] of asset 3 at t0 10 and 11 and asset 5 at t0 11: sessions 9 {3},
    # 10 {3, 3, 5}, 11 {3, 3, 5}, 12 {3, 5}
    weights, variance = placebo.calendar_portfolios(
        np.array([3, 3, 5]), np.array([10, 11, 11]), 0.25, -1, 1)
    assert weights == pytest.approx(
        np.array([[1, 1 / 3, 1 / 3], [1 / 3, 1 / 3, 1 / 2], [1 / 3, 1 / 3, 1 / 2]]))
    # V_d = ((1 - rho) sum_a c_a^2 + rho W^2) / W^2: 1, then (0.75 * 5 + 0.25 * 9) / 9 twice,
    # then (0.75 * 2 + 0.25 * 4) / 4
    assert variance == pytest.approx(1 + 2 * 6 / 9 + 2.5 / 4)
    # one asset alone: every session is one observation, whatever its windows' overlap
    assert placebo.calendar_portfolios(np.array([3, 3]), np.array([10, 11]), 0.25, -5, 5)[1] == (
        pytest.approx(12.0))
    sar = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
    # sessions' portfolios 1, (2 + 4 + 7) / 3, (3 + 5 + 8) / 3, (6 + 9) / 2: their sum over
    # sqrt(sum V_d)
    assert placebo.calendar_time_z(sar, weights, 4.0) == pytest.approx(
        (1 + 13 / 3 + 16 / 3 + 7.5) / 2)


@pytest.fixture(scope="module")
def overlapping():
    """300 samples of the clustered + overlapping design on generated prices, seed 11."""
    prices = placebo.generated_prices(np.random.default_rng(11))
    tally = placebo.simulate(prices, 300, 11, designs=("overlapping",),
                             windows=((0, 0), (-5, 5)), effects=(0.0, 0.02))
    return lambda test, window=(-5, 5), effect=0.0: tally.rates(
        ("overlapping", window, test, effect))["reject_5pct"]


def test_naive_tests_over_reject_clustered_overlapping_events(overlapping):
    assert overlapping("bmp_t") > 0.15
    assert overlapping("cross_sectional_t") > 0.15
    assert overlapping("patell_z") > 0.15
    # the warehouse's adjustment sees same-date pairs only, not one asset's overlapping windows
    assert overlapping("kolari_pynnonen_t") > 0.09


def test_dependence_adjusted_tests_keep_their_size(overlapping):
    for test in ("adjusted_bmp_t", "adjusted_cross_sectional_t", "adjusted_patell_z",
                 "adjusted_sign_z_arcsin", "adjusted_corrado_z", "adjusted_grank_z",
                 "calendar_time_z"):
        for window in ((0, 0), (-5, 5)):
            assert 0.02 <= overlapping(test, window) <= 0.09, (test, window)


def test_the_rank_tests_own_variance_misses_overlapping_windows(overlapping):
    # the time series of mean ranks lines events up by relative day, not by calendar session
    assert overlapping("corrado_z") > 0.09
    assert overlapping("grank_t") > 0.09


def test_the_sign_test_needs_the_correlation_of_signs(overlapping):
    # the warehouse divides by the sign correlation of rbar, (2 / pi) asin(rbar): dividing by
    # rbar itself over-corrected (two signs correlate less than their CARs)
    for window in ((0, 0), (-5, 5)):
        assert 0.02 <= overlapping("adjusted_sign_z", window) <= 0.09, window


def test_a_two_percent_effect_is_found_on_day_zero(overlapping):
    assert overlapping("adjusted_bmp_t", (0, 0), 0.02) > 0.8


def test_cli_prints_json_lines(capsys):
    assert placebo.main(["--samples", "2", "--prices", "generated", "--seed", "3"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    sizes = [x for x in lines if x.get("kind") == "size"]
    assert len(sizes) == 3 * 3 * len(placebo.TESTS)
    assert all(x["samples"] == 2 and x["prices"] == "generated" for x in sizes)
    assert {"target", "met"} <= set(next(x for x in sizes if x["design"] == "overlapping"))


@pytest.mark.parametrize("argv", [["--samples", "0"], ["--samples", "x"], ["--prices", "csv"],
                                  ["--format", "html"]])
def test_cli_refuses_bad_arguments(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        placebo.main(argv)
    assert exit_.value.code == 2
    assert "error:" in capsys.readouterr().err

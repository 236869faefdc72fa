"""Proof by simulation (Brown & Warner 1985): the size and power of every type-level test, with
pseudo-events clustered in time the way news clusters (issue 22, item 5).

    .venv/bin/python -m tests.benchmarks.placebo [--samples 1000] [--seed 7]
        [--prices real|generated] [--format json|markdown]

stdout gets one JSON line per (design, window, test, planted effect), or with --format markdown
the tables for the README; progress goes to stderr.

Prices. `real` (the default when ../shared/data/prices exists): the adjusted closes of the 14
stocks of growwanalysis_nasdaq100 (AAPL.csv and ASML.csv repeat every column; the first copy is
the stock's) against QQQ's close (cole_krudwig_rl_regime_trading, split- not dividend-adjusted),
on QQQ's sessions 2020-01-02..2025-11-28; simple returns. `generated`: 1,500 sessions of 14 assets,
R = alpha + beta Rm + e with Rm = 0.0003 + 0.012 m, e = sd (w f + sqrt(1 - w^2) u), where m, f (a
common sector factor) and u are Student t with 4 df scaled to unit variance, w ~ U(0.4, 0.6) (so
residuals correlate by w_i w_j, 0.16..0.36), sd ~ U(0.01, 0.03), beta ~ U(0.5, 1.8).

The event study of one pseudo-event (asset a, t0), as the warehouse does it: OLS of R on Rm over
tau in [-250, -11] (n = 240 of the asset's sessions, all priced), AR = R - alpha - beta Rm,
CAR = sum of AR over [tau1, tau2] (L sessions), Var(CAR) = s^2 (L + L^2/n + (S - L mbar)^2 / Sxx),
s^2 = SSR / (n - 2), S the sum of Rm over the window, mbar and Sxx the mean and the sum of squared
deviations of Rm over the estimation window; SCAR = CAR / sqrt(Var), df = n - 2. Windows [0,0],
[-1,+1], [-5,+5].

Designs (one sample = N pseudo-events at random, no planted effect for size):
  independent   40 events on 40 dates at least 11 sessions apart (no two [-5,+5] windows meet),
                each of a random asset;
  clustered     4 dates at least 11 sessions apart, 10 distinct assets on each (N = 40);
  overlapping   3 clusters (dates at least 16 sessions apart) of 8 assets on a date d plus 5 of
                those 8 again on d + k, k uniform in 1..5 (N = 39): one asset's [-5,+5] windows
                share 11 - k sessions (the demo has two that share 8 of 11).
Power: the planted abnormal return (0.5%, 1%, 2%) is added to the return of each pseudo-event's
asset on its t0 session, so every event window of that asset that covers the session sees it
(the same asset's neighbour 3 sessions later too). Estimation windows are left unplanted: one
ends 11 sessions before its t0, so it never holds an overlapping neighbour's t0, and a same-asset
event further back (independent and clustered designs) would only add one day in 240.

The tests, over the N events of a sample (two-sided; t-tests against Student t with N - 1 df,
the rest against the normal unless said):
  cross_sectional_t     CAAR / (sd(CAR) / sqrt(N));
  patell_z              sum SCAR / sqrt(sum df / (df - 2));
  bmp_t                 mean(SCAR) / (sd(SCAR) / sqrt(N)) (Boehmer, Musumeci & Poulsen 1991);
  kolari_pynnonen_t     the warehouse's before issue 22: bmp_t sqrt((1 - r) / (1 + (N - 1) r)),
                        r the sum of the estimation-residual correlations of the pairs sharing
                        a t0 date,
                        over all N (N - 1) / 2 pairs (other pairs count 0);
  sign_z                (w - N p) / sqrt(N p (1 - p)), w the positive CARs, p the mean over
                        events of the share of positive estimation residuals (Cowan 1992);
  adjusted_*            the dependence-aware rbar: c_ij = rho_ij ov_ij / L, ov_ij the calendar
                        sessions both windows cover, rho_ij = 1 for one asset, the residual
                        correlation for two assets on one t0, and for two assets on different
                        dates the mean of the sample's same-date cross-asset correlations (0
                        without any); rbar = sum_{i<j} c_ij / (N (N - 1) / 2),
                        N_eff = N / (1 + (N - 1) rbar).
                        adjusted_cross_sectional_t = cross_sectional_t sqrt((1 - rbar) /
                        (1 + (N - 1) rbar)); adjusted_patell_z = patell_z / sqrt(1 + (N - 1)
                        rbar) (Kolari & Pynnonen 2010); adjusted_bmp_t = bmp_t sqrt((1 - rbar) /
                        (1 + (N - 1) rbar)); the two t forms are undefined when N_eff < 2;
                        adjusted_sign_z = sign_z / sqrt(1 + (N - 1) (2 / pi) arcsin(rbar)), as
                        the warehouse computes it (it keeps sums, not pairs): the sign
                        correlation of the mean correlation;
  adjusted_sign_z_arcsin  sign_z / sqrt(1 + (N - 1) rbar_sign), rbar_sign the mean over pairs of
                        (2 / pi) arcsin(c_ij), the correlation of the signs of two normal
                        variables correlated c_ij (Sheppard): signs are less correlated than
                        the CARs, so rbar over-corrects the sign test;
  corrado_z             Corrado (1989), multi-day as Cowan (1992): each event's 240 estimation
                        residuals / s and 11 event-window ARs / their forecast standard error
                        s sqrt(1 + 1/n + (Rm - mbar)^2 / Sxx) ranked together (T = 251),
                        U = rank / (T + 1) - 1/2, Ubar_t the mean over events on relative day t,
                        Z = sum_{t in window} Ubar_t / (sqrt(L) S), S^2 = mean over the T days
                        of Ubar_t^2;
  adjusted_corrado_z    the warehouse's corrado_z (int_asset_t0_ranks, fct_event_type_impact;
                        it ranks the days of the span of its CAR windows, [-5, +5], with the
                        one-day forecast error of each model, and gives ties their mean rank):
                        the same ranks, sum over events and window days of U against the
                        variance the ranks have under dependence, N L (T - 1) / (12 (T + 1))
                        (1 + (N - 1) rbar) (rank and Pearson correlations differ by < 0.02);
  grank_t               Kolari & Pynnonen (2011): GSAR = the 240 estimation residuals / s and,
                        as one more day, SCAR / sd over events of SCAR; U and Ubar_t as above
                        (T = 241), Z = Ubar_0 / S, t = Z sqrt((T - 2) / (T - 1 - Z^2)),
                        Student t with T - 2 df. The time series of Ubar_t carries the
                        correlation of events that share calendar days (clustering-robust);
  adjusted_grank_z      the warehouse's grank_z (sums of L consecutive residuals all present):
                        the window as one day, ranked like with like: SCAR (not restandardised
                        by sd(SCAR)) among the 241 - L sums of L consecutive estimation
                        residuals / s, each over sqrt(L) (T = 242 - L); Z = sum over events of
                        U / sqrt(N (T - 1) / (12 (T + 1)) (1 + (N - 1) rbar));
  calendar_time_z       the warehouse's calendar_time_z (Jaffe 1974, Mandelker 1974, with each
                        return standardised): per calendar session d that some window covers,
                        the portfolio P_d = the mean over the W_d events whose window covers d of
                        their AR over its one-day forecast error; with no event its variance is
                        V_d = ((1 - rho) sum_a c_a^2 + rho W_d^2) / W_d^2, c_a the members of
                        asset a (one asset's windows move as one), rho the mean residual
                        correlation of two assets on one t0 date (0 if none); over the D
                        sessions, Z = sum P_d / sqrt(sum V_d) (sessions taken as independent).
Each line reports the rejection rate at 5% and 1% over the samples where the test is defined,
with its binomial standard error; size lines of the overlapping design carry the issue's target
(5% rejections within [3%, 7%]).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

PRICES = Path(__file__).resolve().parents[3] / "shared" / "data" / "prices"
STOCKS, BENCHMARK = "growwanalysis_nasdaq100", "cole_krudwig_rl_regime_trading/QQQ.csv"
ESTIMATION, EVENT = (-250, -11), (-5, 5)
WINDOWS = [(0, 0), (-1, 1), (-5, 5)]
EFFECTS = [0.0, 0.005, 0.01, 0.02]
LEVELS = (0.05, 0.01)
TARGET = (0.03, 0.07)


# ------------------------------------------------------------------------------ prices
@dataclass(frozen=True)
class Prices:
    source: str
    symbols: list[str]
    returns: np.ndarray  # (sessions, assets), nan where an asset has no return
    market: np.ndarray  # (sessions,)

    def eligible(self) -> np.ndarray:
        """(sessions, assets): t0 whose estimation and event windows are all priced."""
        span = EVENT[1] - ESTIMATION[0] + 1
        ok = np.isfinite(self.returns) & np.isfinite(self.market)[:, None]
        counts = np.vstack([np.zeros((1, ok.shape[1])), np.cumsum(ok, axis=0)])
        found = np.zeros(ok.shape, dtype=bool)
        t0 = np.arange(-ESTIMATION[0], len(ok) - EVENT[1])
        found[t0] = counts[t0 + EVENT[1] + 1] - counts[t0 + ESTIMATION[0]] == span
        return found


def real_prices(root: Path = PRICES) -> Prices:
    market = pd.read_csv(root / BENCHMARK).set_index("Date")["close"]
    # AAPL.csv and ASML.csv carry every column twice; pandas calls the copy "Adj Close.1"
    closes = pd.DataFrame({path.stem: pd.read_csv(path).set_index("Date")["Adj Close"]
                           for path in sorted((root / STOCKS).glob("*.csv"))})
    market = market[market.index >= closes.index.min()]
    closes = closes.reindex(market.index)
    returns = closes.pct_change(fill_method=None).to_numpy()
    return Prices("real", list(closes.columns), returns, market.pct_change().to_numpy())


def generated_prices(rng: np.random.Generator, sessions: int = 1500, assets: int = 14) -> Prices:
    def fat(shape):  # Student t, 4 df, unit variance
        return rng.standard_t(4, shape) / math.sqrt(2)

    market = 3e-4 + 0.012 * fat(sessions)
    loading = rng.uniform(0.4, 0.6, assets)
    residual = rng.uniform(0.01, 0.03, assets) * (
        loading * fat(sessions)[:, None] + np.sqrt(1 - loading**2) * fat((sessions, assets)))
    returns = (rng.normal(0, 2e-4, assets) + rng.uniform(0.5, 1.8, assets) * market[:, None]
               + residual)
    return Prices("generated", [f"G{i:02d}" for i in range(assets)], returns, market)


# ------------------------------------------------------------------------------ designs
def spaced_dates(rng: np.random.Generator, low: int, high: int, k: int, gap: int) -> np.ndarray:
    """k sessions in [low, high], pairwise at least gap apart, uniformly over such sets."""
    free = high - low + 1 - (k - 1) * (gap - 1)
    return low + np.sort(rng.choice(free, k, replace=False)) + np.arange(k) * (gap - 1)


Design = tuple[np.ndarray, np.ndarray]  # the events' assets and t0 sessions


def independent(rng: np.random.Generator, eligible: np.ndarray, low: int, high: int) -> Design:
    t0 = spaced_dates(rng, low, high, 40, 11)
    assets = [rng.choice(np.flatnonzero(eligible[t])) for t in t0]
    return np.array(assets), t0


def clustered(rng: np.random.Generator, eligible: np.ndarray, low: int, high: int) -> Design:
    dates = spaced_dates(rng, low, high, 4, 11)
    assets = [rng.choice(np.flatnonzero(eligible[t]), 10, replace=False) for t in dates]
    return np.concatenate(assets), np.repeat(dates, 10)


def overlapping(rng: np.random.Generator, eligible: np.ndarray, low: int, high: int) -> Design:
    assets, t0 = [], []
    for date in spaced_dates(rng, low, high - 5, 3, 16):
        first = rng.choice(np.flatnonzero(eligible[date]), 8, replace=False)
        again = rng.choice(first, 5, replace=False)
        assets += [first, again]
        t0 += [np.full(8, date), np.full(5, date + rng.integers(1, 6))]
    return np.concatenate(assets), np.concatenate(t0)


DESIGNS = {"independent": independent, "clustered": clustered, "overlapping": overlapping}


# ------------------------------------------------------------------------------ event study
def car_variance(s2, n, length, rm_sum, mbar, sxx):
    """The market model's Var(CAR) with the prediction-error correction."""
    return s2 * (length + length**2 / n + (rm_sum - length * mbar) ** 2 / sxx)


def market_model(prices: Prices, asset: int, t0: int) -> tuple:
    """One (asset, t0): estimation residuals, s^2, mbar, Sxx, and AR and Rm over [-5, +5]."""
    estimation = slice(t0 + ESTIMATION[0], t0 + ESTIMATION[1] + 1)
    event = slice(t0 + EVENT[0], t0 + EVENT[1] + 1)
    r, m = prices.returns[estimation, asset], prices.market[estimation]
    mbar, deviation = m.mean(), m - m.mean()
    sxx = deviation @ deviation
    beta = deviation @ (r - r.mean()) / sxx
    alpha = r.mean() - beta * mbar
    residuals = r - alpha - beta * m
    rm = prices.market[event]
    ar = prices.returns[event, asset] - alpha - beta * rm
    return residuals, residuals @ residuals / (len(r) - 2), mbar, sxx, ar, rm


@dataclass
class Panel:
    """The N pseudo-events of one sample: all that does not change with the planted effect."""

    assets: np.ndarray
    t0: np.ndarray
    residuals: np.ndarray  # (N, n) estimation residuals
    s2: np.ndarray
    mbar: np.ndarray
    sxx: np.ndarray
    ar: np.ndarray  # (N, 11) abnormal returns over [-5, +5], nothing planted
    rm: np.ndarray  # (N, 11)

    def __post_init__(self):
        # hits (N, 11): 1 on the sessions that are some event's t0 of the same asset, where a
        # planted effect lands
        days = self.t0[:, None] + np.arange(EVENT[0], EVENT[1] + 1)
        self.hits = np.zeros(days.shape)
        for asset, t0 in zip(self.assets, self.t0, strict=True):
            self.hits += (self.assets[:, None] == asset) & (days == t0)
        self.correlation = np.corrcoef(self.residuals)  # read only for pairs of one t0
        self.n = self.residuals.shape[1]
        self.est_sar = self.residuals / np.sqrt(self.s2)[:, None]
        # the forecast standard error of each event-window day's AR, for the rank tests
        self.event_se = np.sqrt(self.s2[:, None] * (
            1 + 1 / self.n + (self.rm - self.mbar[:, None]) ** 2 / self.sxx[:, None]))
        self.share_positive = (self.residuals > 0).mean(axis=1)
        self.kp_r = same_date_r(self.assets, self.t0, self.correlation)


class Fits(dict):
    """Market models by (asset, t0), fitted once: later samples draw the same pairs again."""

    def __init__(self, prices: Prices):
        super().__init__()
        self.prices = prices

    def panel(self, assets: np.ndarray, t0: np.ndarray) -> Panel:
        keys = list(zip(assets.tolist(), t0.tolist(), strict=True))
        for key in keys:
            if key not in self:
                self[key] = market_model(self.prices, *key)
        columns = [np.array(c) for c in zip(*(self[k] for k in keys), strict=True)]
        return Panel(assets, t0, *columns)


# ------------------------------------------------------------------------------ statistics
def t_ratio(x: np.ndarray) -> float | None:
    """mean / (sd / sqrt(N)); undefined without spread."""
    sd = x.std(ddof=1)
    return float(x.mean() / (sd / math.sqrt(len(x)))) if sd > 0 else None


def patell_z(scar: np.ndarray, df: np.ndarray) -> float:
    return float(scar.sum() / math.sqrt((df / (df - 2)).sum()))


def shrink_t(t: float | None, r: float, n: int) -> float | None:
    """A t-ratio of n observations of mean pairwise correlation r (Kolari & Pynnonen 2010):
    the mean's variance grows by 1 + (n - 1) r and the sample variance shrinks by 1 - r."""
    if t is None or not (r < 1 and 1 + (n - 1) * r > 0):
        return None
    return t * math.sqrt((1 - r) / (1 + (n - 1) * r))


def inflate_z(z: float, r: float, n: int) -> float | None:
    """A sum of n unit-variance scores of mean pairwise correlation r, back to unit variance."""
    return z / math.sqrt(1 + (n - 1) * r) if 1 + (n - 1) * r > 0 else None


def effective_n(r: float, n: int) -> float:
    return n / (1 + (n - 1) * r) if 1 + (n - 1) * r > 0 else math.inf


def mean_pair(c: np.ndarray) -> float:
    """The mean of c_ij over the N (N - 1) / 2 pairs i < j."""
    n = len(c)
    return float(np.triu(c, 1).sum() / (n * (n - 1) / 2)) if n > 1 else 0.0


def same_date_r(assets: np.ndarray, t0: np.ndarray, correlation: np.ndarray) -> float:
    """The warehouse's Kolari-Pynnonen r: pairs on one t0 date, every other pair 0."""
    same = (t0[:, None] == t0) & (assets[:, None] != assets)
    return mean_pair(np.where(same, correlation, 0.0))


def pair_correlations(assets: np.ndarray, t0: np.ndarray, correlation: np.ndarray,
                      length: int) -> np.ndarray:
    """c_ij = rho_ij ov_ij / L: the correlation of two CARs over windows of L sessions."""
    same_asset, same_date = assets[:, None] == assets, t0[:, None] == t0
    # two assets on different dates: the sample's mean same-date cross-asset correlation
    rho = np.where(same_asset, 1.0, np.where(same_date, correlation,
                                             cross_asset_r(assets, t0, correlation)))
    overlap = np.clip(length - np.abs(t0[:, None] - t0), 0, length)
    return rho * overlap / length


def sign_z(car: np.ndarray, share_positive: np.ndarray) -> float:
    n, p = len(car), share_positive.mean()
    return float(((car > 0).sum() - n * p) / math.sqrt(n * p * (1 - p)))


def centred_ranks(values: np.ndarray) -> np.ndarray:
    """U = rank / (T + 1) - 1/2 within each row of T values (ties have probability 0)."""
    ranks = values.argsort(axis=1).argsort(axis=1) + 1
    return ranks / (values.shape[1] + 1) - 0.5


def corrado_ranks(est_sar: np.ndarray, event_sar: np.ndarray) -> np.ndarray:
    """(N, n + 11): each event's estimation and event-window SARs ranked together."""
    return centred_ranks(np.hstack([est_sar, event_sar]))


def corrado_z(u: np.ndarray, start: int, end: int) -> float:
    """Corrado (1989); over a window of L days the sum of the mean ranks (Cowan 1992)."""
    ubar = u.mean(axis=0)
    window = ubar[-(EVENT[1] - EVENT[0] + 1):][event_days(start, end)]
    return float(window.sum() / math.sqrt((end - start + 1) * np.mean(ubar**2)))


def grank_ranks(est_sar: np.ndarray, scar: np.ndarray) -> np.ndarray | None:
    """(N, n + 1): the estimation SARs and the window's SCAR / sd(SCAR) as one more day."""
    sd = scar.std(ddof=1)
    return centred_ranks(np.column_stack([est_sar, scar / sd])) if sd > 0 else None


def grank_t(u: np.ndarray | None) -> tuple[float | None, int]:
    """Kolari & Pynnonen (2011): the last day's mean rank against the time series of them."""
    if u is None:
        return None, 0
    ubar, days = u.mean(axis=0), u.shape[1]
    z = ubar[-1] / math.sqrt(np.mean(ubar**2))
    return float(z * math.sqrt((days - 2) / (days - 1 - z**2))), days - 2


def cumulative_sars(est_sar: np.ndarray, length: int) -> np.ndarray:
    """(N, n - L + 1): every L-session sum of the estimation SARs over sqrt(L), what a window's
    SCAR is without an event, so that a SCAR's rank is taken among its own kind."""
    sums = np.cumsum(np.hstack([np.zeros((len(est_sar), 1)), est_sar]), axis=1)
    return (sums[:, length:] - sums[:, :-length]) / math.sqrt(length)


def adjusted_rank_z(u: np.ndarray, days: int, r: float) -> float | None:
    """The window's ranks (N, L), of `days` ranked per event, summed, against their variance
    under dependence: N L (T - 1) / (12 (T + 1)) (1 + (N - 1) r)."""
    n, length = u.shape
    variance = n * length * (days - 1) / (12 * (days + 1)) * (1 + (n - 1) * r)
    return float(u.sum() / math.sqrt(variance)) if variance > 0 else None


def sign_correlation(c: np.ndarray) -> np.ndarray:
    """The correlation of the signs of two normal variables correlated c (Sheppard)."""
    return 2 / math.pi * np.arcsin(np.clip(c, -1, 1))


def calendar_portfolios(assets: np.ndarray, t0: np.ndarray, rho: float, start: int, end: int):
    """Weights w (N, L), 1 / W_d (W_d the members whose window covers session d), so that
    sum(w SAR) = sum_d P_d, and sum_d V_d: V_d = ((1 - rho) sum_a c_a^2 + rho W_d^2) / W_d^2,
    c_a the members of asset a on d (one asset's members move as one; two assets' at rho)."""
    days = t0[:, None] + np.arange(start, end + 1)
    weights, variance = np.zeros(days.shape), 0.0
    for day in np.unique(days):
        members = np.flatnonzero((days == day).any(axis=1))
        weights[days == day] = 1 / len(members)
        per_asset = np.unique(assets[members], return_counts=True)[1]
        variance += (1 - rho) * (per_asset**2).sum() / len(members) ** 2 + rho
    return weights, variance


def cross_asset_r(assets: np.ndarray, t0: np.ndarray, correlation: np.ndarray) -> float:
    """The mean residual correlation of two assets on one t0 date (0 if no such pair)."""
    cross = np.triu((t0[:, None] == t0) & (assets[:, None] != assets), 1)
    return float(correlation[cross].mean()) if cross.any() else 0.0


def calendar_time_z(ar: np.ndarray, weights: np.ndarray, variance: float) -> float:
    return float((ar * weights).sum() / math.sqrt(variance))


# ------------------------------------------------------------------------------ one sample
def event_days(start: int, end: int) -> slice:
    """The columns of [start, end] in an (N, 11) array over [-5, +5]."""
    return slice(start - EVENT[0], end - EVENT[0] + 1)


@dataclass(frozen=True)
class Context:
    """What the tests of one sample and window need besides the ARs."""

    rbar: float  # the dependence-aware mean correlation of the CARs
    rbar_sign: float  # ... of their signs
    weights: np.ndarray  # the calendar-time portfolios
    variance: float

    @classmethod
    def of(cls, panel: Panel, window: tuple[int, int]) -> Context:
        start, end = window
        c = pair_correlations(panel.assets, panel.t0, panel.correlation, end - start + 1)
        return cls(mean_pair(c), mean_pair(sign_correlation(c)),
                   *calendar_portfolios(panel.assets, panel.t0,
                                        cross_asset_r(panel.assets, panel.t0, panel.correlation),
                                        start, end))


def window_tests(panel: Panel, ar: np.ndarray, window: tuple[int, int], ctx: Context) -> dict:
    """Every test of one sample and window: name -> (statistic or None, df; inf = normal)."""
    days = event_days(*window)
    car = ar[:, days].sum(axis=1)
    scar = car / np.sqrt(car_variance(panel.s2, panel.n, days.stop - days.start,
                                      panel.rm[:, days].sum(axis=1), panel.mbar, panel.sxx))
    return {**parametric_tests(panel, car, scar, ctx), **rank_tests(panel, ar, scar, window, ctx),
            "calendar_time_z": (calendar_time_z(ar[:, days] / panel.event_se[:, days],
                                                ctx.weights, ctx.variance), math.inf)}


def parametric_tests(panel: Panel, car: np.ndarray, scar: np.ndarray, ctx: Context) -> dict:
    n, r = len(car), ctx.rbar
    cs, bmp, sign = t_ratio(car), t_ratio(scar), sign_z(car, panel.share_positive)
    patell = patell_z(scar, np.full(n, panel.n - 2.0))
    spread = effective_n(r, n) >= 2  # the cross-sectional forms need two observations
    return {
        "cross_sectional_t": (cs, n - 1),
        "patell_z": (patell, math.inf),
        "bmp_t": (bmp, n - 1),
        "kolari_pynnonen_t": (shrink_t(bmp, panel.kp_r, n), n - 1),
        "sign_z": (sign, math.inf),
        "adjusted_cross_sectional_t": (shrink_t(cs, r, n) if spread else None, n - 1),
        "adjusted_patell_z": (inflate_z(patell, r, n), math.inf),
        "adjusted_bmp_t": (shrink_t(bmp, r, n) if spread else None, n - 1),
        # the warehouse's: the sign correlation of the mean correlation (it keeps only sums)
        "adjusted_sign_z": (inflate_z(sign, float(sign_correlation(np.asarray(r))), n), math.inf),
        "adjusted_sign_z_arcsin": (inflate_z(sign, ctx.rbar_sign, n), math.inf),
    }


def rank_tests(panel: Panel, ar: np.ndarray, scar: np.ndarray, window: tuple[int, int],
               ctx: Context) -> dict:
    days = event_days(*window)
    corrado = corrado_ranks(panel.est_sar, ar / panel.event_se)
    in_window = corrado[:, corrado.shape[1] - ar.shape[1]:][:, days]
    cumulative = centred_ranks(np.column_stack([
        cumulative_sars(panel.est_sar, days.stop - days.start), scar]))
    return {
        "corrado_z": (corrado_z(corrado, *window), math.inf),
        "adjusted_corrado_z": (adjusted_rank_z(in_window, corrado.shape[1], ctx.rbar), math.inf),
        "grank_t": grank_t(grank_ranks(panel.est_sar, scar)),
        "adjusted_grank_z": (adjusted_rank_z(cumulative[:, -1:], cumulative.shape[1], ctx.rbar),
                             math.inf),
    }


class Tally(defaultdict):
    """(design, window, test, effect) -> [(statistic or nan, df)] over the samples."""

    def __init__(self):
        super().__init__(list)

    def add(self, key: tuple, value: float | None, df: float) -> None:
        self[key].append((math.nan if value is None else value, df))

    def rates(self, key: tuple) -> dict:
        """Rejection rates at 5% and 1% over the samples where the test is defined."""
        values, df = np.array(self[key]).T
        defined = np.isfinite(values)
        z, df = np.abs(values[defined]), df[defined]
        p = np.where(np.isinf(df), 2 * stats.norm.sf(z), 2 * stats.t.sf(z, np.minimum(df, 1e9)))
        out = {"samples": len(values), "defined": int(defined.sum())}
        for level in LEVELS:
            rate = float((p < level).mean()) if len(p) else math.nan
            label = f"{level * 100:g}pct"
            out[f"reject_{label}"] = round(rate, 4)
            out[f"se_{label}"] = round(math.sqrt(rate * (1 - rate) / max(len(p), 1)), 4)
        return out


def simulate(prices: Prices, samples: int, seed: int, designs=tuple(DESIGNS),
             windows=tuple(WINDOWS), effects=tuple(EFFECTS), progress=None) -> Tally:
    """Draw `samples` samples of every design, plant every effect, run every test."""
    rng, eligible = np.random.default_rng(seed), prices.eligible()
    dates = np.flatnonzero(eligible.sum(axis=1) >= 10)
    low, high = int(dates.min()), int(dates.max())
    assert len(dates) == high - low + 1, "the dates with 10 priced assets must be one range"
    fits, tally = Fits(prices), Tally()
    for sample in range(samples):
        for design in designs:
            panel = fits.panel(*DESIGNS[design](rng, eligible, low, high))
            contexts = {window: Context.of(panel, window) for window in windows}
            for window in windows:
                tally.add((design, window, "rbar", None), contexts[window].rbar, math.inf)
            tally.add((design, None, "kp_r", None), panel.kp_r, math.inf)
            for effect in effects:
                ar = panel.ar + effect * panel.hits
                for window in windows:
                    tests = window_tests(panel, ar, window, contexts[window])
                    for test, (value, df) in tests.items():
                        tally.add((design, window, test, effect), value, df)
        if progress and (sample + 1) % 100 == 0:
            progress(sample + 1)
    return tally


# ------------------------------------------------------------------------------ output
def label(window: tuple[int, int]) -> str:
    return "[" + ",".join(f"{d:+d}" if d else "0" for d in window) + "]"


def records(tally: Tally, meta: dict) -> list[dict]:
    out = []
    for key in tally:
        design, window, test, effect = key
        if effect is None:
            continue
        line = {"design": design, "window": label(window), "test": test, "effect": effect,
                "kind": "power" if effect else "size", **tally.rates(key), **meta}
        if design == "overlapping" and not effect:
            line["target"] = "size at 5% within [3%, 7%]"
            line["met"] = TARGET[0] <= line["reject_5pct"] <= TARGET[1]
        out.append(line)
    return out


def diagnostics(tally: Tally) -> list[dict]:
    """The mean dependence the adjusted tests saw, per design and window."""
    out = []
    for (design, window, name, _), values in tally.items():
        if name in ("rbar", "kp_r"):
            mean = float(np.mean([v for v, _ in values]))
            out.append({"design": design, "window": label(window) if window else None,
                        "diagnostic": f"mean_{name}", "value": round(mean, 4)})
    return out


TESTS = ["cross_sectional_t", "patell_z", "bmp_t", "kolari_pynnonen_t", "sign_z",
         "adjusted_cross_sectional_t", "adjusted_patell_z", "adjusted_bmp_t", "adjusted_sign_z",
         "adjusted_sign_z_arcsin", "corrado_z", "adjusted_corrado_z", "grank_t",
         "adjusted_grank_z", "calendar_time_z"]


def percent(value: float) -> str:
    return "—" if value is None or math.isnan(value) else f"{100 * value:.1f}"


def markdown(lines: list[dict], notes: list[dict], meta: dict) -> str:
    """One table per window: size at 5% and 1% per design, power under the overlapping design."""
    found = {(x["design"], x["window"], x["test"], x["effect"]): x for x in lines}
    rbar = {(x["design"], x["window"]): x["value"] for x in notes if x["diagnostic"] == "mean_rbar"}
    se = math.sqrt(0.05 * 0.95 / meta["samples"])
    out = [f"Rejection rates in % over {meta['samples']} samples ({meta['prices']} prices, seed "
           f"{meta['seed']}); binomial standard error at a true 5%: {100 * se:.1f} points (the "
           "samples share one price history, so the true error is somewhat larger). Size: no "
           "planted effect; power: the effect added to the t0 return of each event's asset, "
           "overlapping design, 5% level.", ""]
    for window in map(label, WINDOWS):
        out += [f"Window {window} (mean rbar: clustered "
                f"{rbar[('clustered', window)]:.3f}, overlapping "
                f"{rbar[('overlapping', window)]:.3f})", "",
                "| test | indep. 5% | 1% | clustered 5% | 1% | overlapping 5% | 1% | in [3, 7] "
                "| power 0.5% | 1% | 2% |", "|---" * 11 + "|"]
        out += [table_row(found, window, test) for test in TESTS] + [""]
    return "\n".join(out)


def table_row(found: dict, window: str, test: str) -> str:
    cells = [percent(found[(d, window, test, 0.0)][f"reject_{level}pct"])
             for d in DESIGNS for level in (5, 1)]
    cells.append("yes" if found[("overlapping", window, test, 0.0)]["met"] else "**no**")
    cells += [percent(found[("overlapping", window, test, e)]["reject_5pct"])
              for e in EFFECTS[1:]]
    return f"| {test} | " + " | ".join(cells) + " |"


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return int(text)


class Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message}\n")  # one line, without the usage block


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = Parser(prog="python -m tests.benchmarks.placebo",
                    description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=positive, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--prices", choices=["real", "generated"], default=None,
                        help="real closes from ../shared/data/prices (the default when present) "
                             "or the simulated one-factor market")
    parser.add_argument("--format", choices=["json", "markdown"], default="json")
    args = parser.parse_args(argv)
    if args.prices == "real" and not PRICES.exists():
        parser.error(f"--prices real: {PRICES} is absent")
    args.prices = args.prices or ("real" if PRICES.exists() else "generated")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    prices_seed, sample_seed = np.random.SeedSequence(args.seed).spawn(2)
    prices = (real_prices() if args.prices == "real"
              else generated_prices(np.random.default_rng(prices_seed)))
    began = time.perf_counter()

    def progress(done: int) -> None:
        print(f"placebo: {done}/{args.samples} samples, {time.perf_counter() - began:.0f} s",
              file=sys.stderr, flush=True)

    tally = simulate(prices, args.samples, sample_seed, progress=progress)
    meta = {"samples": args.samples, "seed": args.seed, "prices": args.prices}
    lines, notes = records(tally, meta), diagnostics(tally)
    if args.format == "markdown":
        print(markdown(lines, notes, meta))
    else:
        for line in lines + notes:
            print(json.dumps(line), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""An independent reference: the event study recomputed in Python (pandas, statsmodels OLS per
event and asset, scipy's distributions) from the raw tables, row by row against
fct_event_impact and fct_event_type_impact, to 1e-9; the p-values' log10 columns too."""

import itertools
import math
from collections import defaultdict
from pathlib import Path

import mpmath
import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats

from orchestration.runtime.warehouse import connect_read_only
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow

WINDOWS = [(0, 0), (-1, 1), (0, 1), (0, 3), (0, 5), (-5, 5)]
ESTIMATION = (-250, -11)
MIN_MARKET_MODEL, MIN_FALLBACK = 60, 10


def asset_series(con, seeds: Path) -> dict[str, pd.DataFrame]:
    """Per asset: its calendar's sessions, adjusted closes, returns against the previous priced
    session, and the benchmark's return over the same span."""
    assets = pd.read_csv(seeds / "assets.csv", dtype=str, keep_default_na=False)
    sessions = con.execute("select * from raw.sessions").df()
    prices = con.execute("select symbol, price_date, adj_close, volume from raw.prices "
                         "where adj_close > 0").df()
    horizon = prices.price_date.max() + pd.Timedelta(days=31)
    series = {}
    for asset in assets.itertuples():
        own = prices[prices.symbol == asset.symbol].set_index("price_date")
        frame = sessions[(sessions.calendar == asset.calendar)
                         & (sessions.session_date >= own.index.min())
                         & (sessions.session_date <= horizon)].sort_values("session_date")
        frame = frame.reset_index(drop=True)
        frame["adj"] = frame.session_date.map(own.adj_close)
        frame["volume"] = frame.session_date.map(own.volume)
        frame["carried"] = frame.adj.ffill()
        frame["previous_date"] = frame.session_date.where(frame.adj.notna()).ffill().shift(1)
        frame["r"] = frame.adj / frame.carried.shift(1) - 1
        frame["happened"] = frame.session_date <= own.index.max()
        series[asset.symbol] = (frame, asset.benchmark_symbol)
    for frame, benchmark in series.values():
        frame["rm"] = np.nan
        if benchmark:
            level = series[benchmark][0].set_index("session_date").carried
            frame["rm"] = (frame.session_date.map(level) / frame.previous_date.map(level) - 1
                           ).where(frame.r.notna())
    return {symbol: frame for symbol, (frame, _) in series.items()}


def fit(estimation: pd.DataFrame) -> dict | None:
    paired = estimation[estimation.rm.notna()]
    if len(paired) >= MIN_MARKET_MODEL and paired.rm.var() > 0:
        ols = sm.OLS(paired.r.to_numpy(), sm.add_constant(paired.rm.to_numpy())).fit()
        return {"model": "market_model", "alpha": ols.params[0], "beta": ols.params[1],
                "n": int(ols.nobs), "s2": ols.mse_resid, "df": int(ols.df_resid),
                "m": paired.rm.mean(), "sxx": ((paired.rm - paired.rm.mean()) ** 2).sum()}
    if len(paired) >= MIN_FALLBACK:
        excess = paired.r - paired.rm
        return {"model": "market_adjusted", "alpha": 0.0, "beta": 1.0, "n": len(paired),
                "s2": excess.var(ddof=1), "df": len(paired) - 1}
    if len(estimation) >= MIN_FALLBACK:
        return {"model": "mean_adjusted", "alpha": estimation.r.mean(), "beta": 0.0,
                "n": len(estimation), "s2": estimation.r.var(ddof=1), "df": len(estimation) - 1}
    return None


def estimation_residuals(estimation: pd.DataFrame, model: dict) -> pd.Series:
    expected = model["alpha"] + model["beta"] * (
        estimation.rm if model["model"] != "mean_adjusted" else 0)
    residual = (estimation.r - expected).to_numpy()
    return pd.Series(residual, index=estimation.session_date.to_numpy()).dropna()


def standardised_returns(event_window: pd.DataFrame, model: dict) -> pd.Series:
    """Each event-window day's AR over its one-day forecast error, by date: s times
    sqrt(1 + 1/n + (Rm - m)^2 / Sxx) for the market model, sqrt(1 + 1/n) mean-adjusted, 1
    market-adjusted."""
    rm = event_window.rm if model["model"] != "mean_adjusted" else 0
    ar = (event_window.r - model["alpha"] - model["beta"] * rm).dropna()
    if model["model"] == "market_model":
        factor = 1 + 1 / model["n"] + (event_window.rm[ar.index] - model["m"]) ** 2 / model["sxx"]
    else:
        factor = 1 + 1 / model["n"] if model["model"] == "mean_adjusted" else 1.0
    scaled = ar / (math.sqrt(model["s2"]) * np.sqrt(factor))
    return pd.Series(scaled.to_numpy(), index=event_window.session_date[ar.index].to_numpy())


def corrado_ranks(sars: pd.Series, model: dict, residuals: pd.Series) -> pd.Series:
    """U = rank / (T + 1) - 1/2 of each event-window day with an abnormal return, by date: its
    standardised AR ranked (ties at their mean) among the estimation residuals over s and the
    other event days (Corrado 1989)."""
    scaled = np.concatenate([residuals.to_numpy() / math.sqrt(model["s2"]), sars.to_numpy()])
    ranks = stats.rankdata(scaled)[len(residuals):]
    out = pd.Series(ranks / (len(scaled) + 1) - 0.5, index=sars.index)
    out.attrs["T"] = len(scaled)
    return out


def grank(residuals: pd.Series, s: float, length: int, scar: float | None) -> dict:
    """GRANK's U of a window's SCAR among the sums of `length` consecutive estimation residuals
    (all present) over s sqrt(L), and its variance (T - 1) / (12 (T + 1)), T = sums + 1
    (Kolari & Pynnonen 2011, the window as one day)."""
    sums = residuals.rolling(length, min_periods=length).sum().dropna() / (s * math.sqrt(length))
    if scar is None or not len(sums):
        return {"ref_grank_u": np.nan, "ref_grank_variance": np.nan}
    days = len(sums) + 1
    rank = 1 + (sums < scar).sum() + 0.5 * (sums == scar).sum()
    return {"ref_grank_u": rank / (days + 1) - 0.5,
            "ref_grank_variance": (days - 1) / (12 * (days + 1))}


def reference_rows(con, seeds: Path) -> tuple[pd.DataFrame, dict]:
    """Every (event, asset, window) row, and every pair's estimation residuals by date."""
    series = asset_series(con, seeds)
    events = con.execute("select event_id, first_seen_at from marts.dim_event").df()
    rows, residuals = [], {}
    for event in events.itertuples():
        for symbol, frame in series.items():
            later = frame.index[frame.close_at >= event.first_seen_at]
            if not len(later):
                continue
            t0 = later[0]
            est = frame.iloc[max(t0 + ESTIMATION[0], 0): max(t0 + ESTIMATION[1] + 1, 0)]
            model = fit(est[est.r.notna()])
            if model is None:
                continue
            residuals[(event.event_id, symbol)] = estimation_residuals(est, model)
            sars = standardised_returns(frame.iloc[max(t0 - 5, 0): t0 + 6], model)
            ranks = corrado_ranks(sars, model, residuals[(event.event_id, symbol)])
            expected_est = model["alpha"] + model["beta"] * (
                est.rm if model["model"] != "mean_adjusted" else 0)
            est_residuals = (est.r - expected_est).reset_index(drop=True)
            for start, end in WINDOWS:
                window = frame.iloc[max(t0 + start, 0): t0 + end + 1]
                expected = model["alpha"] + model["beta"] * (
                    window.rm if model["model"] != "mean_adjusted" else 0)
                ar = (window.r - expected).dropna()
                length = len(ar)
                if model["model"] == "market_model":
                    drift = window.rm[ar.index].sum() - length * model["m"]
                    variance = model["s2"] * (length + length**2 / model["n"]
                                              + drift**2 / model["sxx"])
                elif model["model"] == "market_adjusted":
                    variance = model["s2"] * length
                else:
                    variance = model["s2"] * (length + length**2 / model["n"])
                t = ar.sum() / math.sqrt(variance) if length else None
                days = ranks.index.intersection(window.session_date[ar.index])
                rows.append({
                    "event_id": event.event_id, "symbol": symbol, "window_start": start,
                    "window_end": end, "ref_t0": frame.session_date[t0].date(),
                    "ref_model": model["model"], "ref_beta": model["beta"],
                    "ref_car": ar.sum(), "ref_t": t,
                    "ref_p": 2 * stats.t.sf(abs(t), model["df"]) if t is not None else None,
                    "ref_raw": float(np.prod(1 + window.r.dropna()) - 1),
                    "ref_volume": window.volume.mean() / est.volume.mean(),
                    "ref_obs": length, "ref_df": model["df"],
                    "ref_sessions": frozenset(window.session_date),
                    "ref_complete": len(window) == end - start + 1 and window.happened.all(),
                    **grank(est_residuals, math.sqrt(model["s2"]), end - start + 1, t),
                    "ref_rank_sum": ranks[days].sum(),
                    "ref_sars": sars[days].to_dict(),
                    "ref_rank_variance": len(days) * (ranks.attrs["T"] - 1)
                                         / (12 * (ranks.attrs["T"] + 1)),
                })
    return pd.DataFrame(rows), residuals


def compute_reference(database: Path, seeds: Path):
    with connect_read_only(str(database)) as con:
        rows, residuals = reference_rows(con, seeds)
        marts = {table: con.execute(f"select * from marts.{table}").df()
                 for table in ("fct_event_impact", "fct_event_type_impact", "dim_event")}
    return rows, residuals, marts, seeds


@pytest.fixture(scope="module")
def reference(demo):
    return compute_reference(demo["database"], SEEDS)


def assert_close(both: pd.DataFrame, pairs: list[tuple[str, str]]) -> None:
    """Equal to 1e-9, relative where a value exceeds 1: a t statistic of two nearly equal CARs
    (-1912.458, a standard deviation of 1e-4) keeps only its first 12 digits in either sum."""
    for mart, ref in pairs:
        difference = (both[mart].astype(float) - both[ref].astype(float)).abs()
        scale = np.maximum(1.0, both[ref].astype(float).abs()).fillna(1.0)
        both_missing = both[mart].isna() & both[ref].isna()
        assert (difference.fillna(0)[~both_missing] < 1e-9 * scale[~both_missing]).all() and (
            both[mart].isna() == both[ref].isna()).all(), (
            mart, both.loc[difference.fillna(np.inf).idxmax()].to_dict())


def log10_p(statistic, df=None) -> float:
    """log10 of the two-sided p-value of a statistic: Student's t with df degrees of freedom, or
    the normal when df is None. scipy's survival functions (norm.logsf keeps its digits far in
    the tail); where scipy's t.sf underflows (below 1e-300, which the marts' _log10 columns go
    on past) the incomplete beta function I_x(df / 2, 1 / 2), x = df / (df + t^2), to 50 digits."""
    if statistic is None or pd.isna(statistic):
        return np.nan
    if df is None:
        return (math.log(2) + stats.norm.logsf(abs(statistic))) / math.log(10)
    sf = stats.t.sf(abs(statistic), df)
    if sf > 1e-300:
        return math.log10(2 * sf)
    with mpmath.workdps(50):
        t, df = mpmath.mpf(float(statistic)), mpmath.mpf(float(df))
        return float(mpmath.log10(mpmath.betainc(df / 2, mpmath.mpf(1) / 2, 0, df / (df + t * t),
                                                 regularized=True)))


def test_every_impact_row_matches_the_reference(reference):
    check_impacts(reference)


def test_every_event_type_row_matches_the_reference(reference):
    check_event_types(reference)


def check_impacts(reference) -> None:
    reference, _, marts, _ = reference
    marts = marts["fct_event_impact"]
    both = marts.merge(reference, on=["event_id", "symbol", "window_start", "window_end"],
                       how="outer", indicator=True)
    assert (both._merge == "both").all(), both._merge.value_counts()
    assert len(both) > 1000
    assert (pd.to_datetime(both.t0_date).dt.date == both.ref_t0).all()
    assert (both.model == both.ref_model).all()
    assert (both.window_obs == both.ref_obs).all()
    assert (both.is_complete == both.ref_complete).all()
    assert_close(both, [("car", "ref_car"), ("car_t", "ref_t"), ("car_p_value", "ref_p"),
                        ("beta", "ref_beta"), ("raw_return", "ref_raw"),
                        ("abnormal_volume", "ref_volume")])
    both["ref_p_log10"] = [log10_p(t, df) for t, df in zip(both.ref_t, both.ref_df, strict=True)]
    assert_close(both, [("car_p_value_log10", "ref_p_log10")])


def correlation(first: pd.Series, second: pd.Series) -> float:
    """The residual correlation the Kolari-Pynnonen adjustment uses: each series standardised
    over its own estimation window, their products summed over the dates both have (Pearson's
    correlation when the two windows cover the same dates)."""
    def standardised(series: pd.Series) -> pd.Series:
        centred = series - series.mean()
        scale = np.sqrt((centred ** 2).sum())
        return centred / scale if scale > 0 else centred * 0.0
    return float((standardised(first) * standardised(second)).dropna().sum())


def pair_correlations(group: pd.DataFrame, residuals: dict) -> tuple[list, list, float]:
    """Every pair of the group's rows with the correlation of their CARs, c = rho * shared
    sessions / L: on one t0 date rho is the residual correlation and the windows coincide; on
    different dates rho is 1 for one asset and otherwise the mean same-date correlation of two
    assets of the group. Returns the same-date correlations, the different-date ones and the
    number of different-date pairs whose windows' spans of dates meet."""
    pairs = list(itertools.combinations(group.itertuples(), 2))
    same_date = [(a, b, correlation(residuals[(a.event_id, a.symbol)],
                                    residuals[(b.event_id, b.symbol)]))
                 for a, b in pairs if a.ref_t0 == b.ref_t0]
    two_assets = [c for a, b, c in same_date if a.symbol != b.symbol]
    rho = sum(two_assets) / len(two_assets) if two_assets else 0.0
    length = group.window_end.iloc[0] - group.window_start.iloc[0] + 1
    across, overlapping = [], 0
    for a, b in pairs:
        if a.ref_t0 != b.ref_t0:
            shared = len(a.ref_sessions & b.ref_sessions)
            overlapping += (min(a.ref_sessions) <= max(b.ref_sessions)
                            and min(b.ref_sessions) <= max(a.ref_sessions))
            across.append((1.0 if a.symbol == b.symbol else rho) * shared / length)
    return [c for _, _, c in same_date], across, overlapping, rho


def calendar_time_z(group: pd.DataFrame, rho: float) -> float:
    """Jaffe-Mandelker in calendar time: on each date some window covers, the mean standardised
    AR of the rows holding it, P_d, with variance ((1 - rho) sum_a c_a^2 + rho W^2) / W^2 (W
    rows, c_a of asset a); sum P_d over the square root of sum V_d."""
    days = defaultdict(list)
    for row in group.itertuples():
        for date, sar in row.ref_sars.items():
            days[date].append((row.symbol, sar))
    total, variance = 0.0, 0.0
    for members in days.values():
        w = len(members)
        counts = pd.Series([symbol for symbol, _ in members]).value_counts()
        total += sum(sar for _, sar in members) / w
        variance += ((1 - rho) * (counts**2).sum() + rho * w * w) / (w * w)
    return total / math.sqrt(variance) if variance > 0 else np.nan


def type_level(rows: pd.DataFrame, residuals: dict) -> pd.DataFrame:
    """The tests by event type, linkage and asset, and by event type, linkage and asset
    class, each adjusted for the correlation of the pairs' CARs."""
    out = []
    for (event_type, linkage, grouping, key, start, end), group in _groups(rows):
        n, car, scar = len(group), group.ref_car, group.ref_t.astype(float)
        # one (asset, t0) series repeated has no spread: the t-tests are undefined
        spread = len(group[["symbol", "ref_t0"]].drop_duplicates()) > 1
        same_date, across, overlapping, rho = pair_correlations(group, residuals)
        pairs = n * (n - 1) / 2
        r = sum(same_date) / pairs if n > 1 else None
        rbar = (sum(same_date) + sum(across)) / pairs if n > 1 else 0.0
        inflation = 1 + (n - 1) * rbar
        n_effective = n / inflation
        defined = spread and n_effective >= 2 - 1e-9 and rbar < 1 and inflation > 0
        factor = np.sqrt((1 - rbar) / inflation) if defined else None
        bmp = stats.ttest_1samp(scar, 0) if spread else None
        share = np.mean([(residuals[(e, s)] > 0).mean() for e, s in zip(group.event_id,
                                                                      group.symbol, strict=True)])
        sign_z = ((car > 0).sum() - n * share) / np.sqrt(n * share * (1 - share))
        sign_z /= np.sqrt(1 + (n - 1) * 2 / np.pi * np.arcsin(np.clip(round(rbar, 12), -1, 1)))
        cross = stats.ttest_1samp(car, 0).statistic * factor if defined else None
        kp = bmp.statistic * factor if defined else None
        patell = scar.sum() / np.sqrt((group.ref_df / (group.ref_df - 2)).sum())
        patell /= np.sqrt(inflation)
        ranks = group.ref_rank_sum.sum() / np.sqrt(group.ref_rank_variance.sum() * inflation)
        granks = group.ref_grank_u.sum() / np.sqrt(group.ref_grank_variance.sum() * inflation)
        calendar = calendar_time_z(group, rho)
        out.append({
            "event_type": event_type, "linkage": linkage, "grouping": grouping,
            "group_key": key,
            "window_start": start, "window_end": end, "ref_n": n, "ref_caar": car.mean(),
            "ref_cs_t": cross,
            "ref_cs_p": 2 * stats.t.sf(abs(cross), n - 1) if cross is not None else None,
            "ref_patell": patell, "ref_patell_p": 2 * stats.norm.sf(abs(patell)),
            "ref_r": r, "ref_rbar": rbar if n > 1 else None, "ref_n_effective": n_effective,
            "ref_overlapping": overlapping, "ref_kp": kp,
            "ref_kp_p": 2 * stats.t.sf(abs(kp), n - 1) if kp is not None else None,
            "ref_sign": sign_z, "ref_sign_p": 2 * stats.norm.sf(abs(sign_z)),
            "ref_corrado": ranks, "ref_corrado_p": 2 * stats.norm.sf(abs(ranks)),
            "ref_grank": granks, "ref_grank_p": 2 * stats.norm.sf(abs(granks)),
            "ref_calendar": calendar, "ref_calendar_p": 2 * stats.norm.sf(abs(calendar))})
    return pd.DataFrame(out)


def _groups(rows: pd.DataFrame):
    complete = rows[rows.ref_complete & rows.ref_t.notna()]
    for grouping, column in (("asset", "symbol"), ("asset_class", "asset_class")):
        for (event_type, linkage, key, start, end), group in complete.groupby(
                ["event_type", "linkage", column, "window_start", "window_end"]):
            yield (event_type, linkage, grouping, key, start, end), group


def check_event_types(reference) -> None:
    rows, residuals, marts, seeds = reference
    classes = pd.read_csv(seeds / "assets.csv", dtype=str).set_index("symbol").asset_class
    rows = rows.merge(marts["dim_event"][["event_id", "event_type"]], on="event_id")
    rows["asset_class"] = rows.symbol.map(classes)
    # which assets an event names is the entity linker's answer, not the event study's
    linked = marts["fct_event_impact"][["event_id", "symbol", "is_linked"]].drop_duplicates()
    rows = rows.merge(linked, on=["event_id", "symbol"])
    rows["linkage"] = np.where(rows.is_linked, "linked", "spillover")
    ref = type_level(rows, residuals)
    both = marts["fct_event_type_impact"].merge(
        ref, on=["event_type", "linkage", "grouping", "group_key", "window_start",
                 "window_end"],
        how="outer", indicator=True)
    assert (both._merge == "both").all(), both._merge.value_counts()
    assert (both.n == both.ref_n).all()
    assert (both.n_overlapping_pairs == both.ref_overlapping).all()
    assert_close(both, [("caar", "ref_caar"), ("cross_sectional_t", "ref_cs_t"),
                        ("cross_sectional_p", "ref_cs_p"), ("patell_z", "ref_patell"),
                        ("patell_p", "ref_patell_p"), ("mean_residual_correlation", "ref_r"),
                        ("mean_pair_correlation", "ref_rbar"), ("n_effective", "ref_n_effective"),
                        ("kolari_pynnonen_t", "ref_kp"), ("kolari_pynnonen_p", "ref_kp_p"),
                        ("sign_z", "ref_sign"), ("sign_p", "ref_sign_p"),
                        ("corrado_z", "ref_corrado"), ("corrado_p", "ref_corrado_p"),
                        ("grank_z", "ref_grank"), ("grank_p", "ref_grank_p"),
                        ("calendar_time_z", "ref_calendar"), ("calendar_time_p", "ref_calendar_p")])
    # each p-value's log10, from the reference's statistic (the Student ones with N - 1 df)
    for column, statistic, student in [("cross_sectional_p_log10", "ref_cs_t", True),
                                       ("patell_p_log10", "ref_patell", False),
                                       ("kolari_pynnonen_p_log10", "ref_kp", True),
                                       ("sign_p_log10", "ref_sign", False),
                                       ("corrado_p_log10", "ref_corrado", False),
                                       ("grank_p_log10", "ref_grank", False),
                                       ("calendar_time_p_log10", "ref_calendar", False)]:
        both["ref_" + column] = [log10_p(value, n - 1 if student else None)
                                 for value, n in zip(both[statistic], both.ref_n, strict=True)]
        assert_close(both, [(column, "ref_" + column)])


def reference_bursts(con, baseline_days=7, ratio=3, minimum=4, gap_days=1) -> set:
    """Attention bursts recomputed in pandas from the article-entity bridge: (entity, time)."""
    mentions = con.execute("""select b.entity_id, n.published_at
        from marts.bridge_news_entity b join marts.fct_news_item n using (article_id)""").df()
    mentions["day"] = mentions.published_at.dt.normalize()
    days = pd.date_range(mentions.day.min(), mentions.day.max(), freq="D")
    found = set()
    for entity, group in mentions.groupby("entity_id"):
        counts = group.groupby("day").size().reindex(days, fill_value=0)
        baseline = counts.shift(1).rolling(baseline_days).mean()  # the days before, full only
        burst_days = [day for day in days if not np.isnan(baseline[day])
                      and counts[day] >= minimum and counts[day] >= ratio * baseline[day]]
        runs = []
        for day in burst_days:
            if runs and (day - runs[-1][-1]).days <= gap_days + 1:
                runs[-1].append(day)
            else:
                runs.append([day])
        for run in runs:
            first = run[0]
            needed = max(minimum, int(np.ceil(ratio * baseline[first])))
            times = sorted(group[group.day == first].published_at)
            found.add((entity, times[needed - 1]))
    return found


def test_attention_bursts_match_the_reference(demo):
    with connect_read_only(str(demo["database"])) as con:
        expected = reference_bursts(con)
        actual = {(entity, first_seen) for entity, first_seen in con.execute(
            "select primary_entity_id, first_seen_at from intermediate.int_signal_articles "
            "where event_type = 'attention_burst'").fetchall()}
    assert len(expected) >= 10 and actual == expected

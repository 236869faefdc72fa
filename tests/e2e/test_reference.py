"""An independent reference: the event study recomputed in Python (pandas, numpy least squares,
scipy's Student t) from the raw tables, row by row against fct_event_impact, to 1e-9."""

import math

import duckdb
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from tests.conftest import SEEDS

pytestmark = pytest.mark.slow

WINDOWS = [(0, 0), (-1, 1), (0, 1), (0, 3), (0, 5), (-5, 5)]
ESTIMATION = (-250, -11)
MIN_MARKET_MODEL, MIN_FALLBACK = 60, 10


def asset_series(con) -> dict[str, pd.DataFrame]:
    """Per asset: its calendar's sessions, adjusted closes, returns against the previous priced
    session, and the benchmark's return over the same span."""
    assets = pd.read_csv(SEEDS / "assets.csv", dtype=str, keep_default_na=False)
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
        design = np.column_stack([np.ones(len(paired)), paired.rm.to_numpy()])
        coef, *_ = np.linalg.lstsq(design, paired.r.to_numpy(), rcond=None)
        residuals = paired.r.to_numpy() - design @ coef
        n = len(paired)
        return {"model": "market_model", "alpha": coef[0], "beta": coef[1], "n": n,
                "s2": residuals @ residuals / (n - 2), "df": n - 2, "m": paired.rm.mean(),
                "sxx": ((paired.rm - paired.rm.mean()) ** 2).sum()}
    if len(paired) >= MIN_FALLBACK:
        excess = paired.r - paired.rm
        return {"model": "market_adjusted", "alpha": 0.0, "beta": 1.0, "n": len(paired),
                "s2": excess.var(ddof=1), "df": len(paired) - 1}
    if len(estimation) >= MIN_FALLBACK:
        return {"model": "mean_adjusted", "alpha": estimation.r.mean(), "beta": 0.0,
                "n": len(estimation), "s2": estimation.r.var(ddof=1), "df": len(estimation) - 1}
    return None


def reference_rows(con) -> pd.DataFrame:
    series = asset_series(con)
    events = con.execute("select event_id, first_seen_at from marts.dim_event").df()
    rows = []
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
                rows.append({
                    "event_id": event.event_id, "symbol": symbol, "window_start": start,
                    "window_end": end, "ref_t0": frame.session_date[t0].date(),
                    "ref_model": model["model"], "ref_beta": model["beta"],
                    "ref_car": ar.sum(), "ref_t": t,
                    "ref_p": 2 * stats.t.sf(abs(t), model["df"]) if t is not None else None,
                    "ref_raw": float(np.prod(1 + window.r.dropna()) - 1),
                    "ref_volume": window.volume.mean() / est.volume.mean(),
                    "ref_obs": length,
                    "ref_complete": len(window) == end - start + 1 and window.happened.all(),
                })
    return pd.DataFrame(rows)


def test_every_impact_row_matches_the_reference(demo):
    with duckdb.connect(str(demo["database"]), read_only=True) as con:
        reference = reference_rows(con)
        marts = con.execute("select * from marts.fct_event_impact").df()
    both = marts.merge(reference, on=["event_id", "symbol", "window_start", "window_end"],
                       how="outer", indicator=True)
    assert (both._merge == "both").all(), both._merge.value_counts()
    assert len(both) > 3000
    assert (pd.to_datetime(both.t0_date).dt.date == both.ref_t0).all()
    assert (both.model == both.ref_model).all()
    assert (both.window_obs == both.ref_obs).all()
    assert (both.is_complete == both.ref_complete).all()
    for mart, ref in [("car", "ref_car"), ("car_t", "ref_t"), ("car_p_value", "ref_p"),
                      ("beta", "ref_beta"), ("raw_return", "ref_raw"),
                      ("abnormal_volume", "ref_volume")]:
        difference = (both[mart].astype(float) - both[ref].astype(float)).abs()
        assert difference.max() < 1e-9, (mart, both.loc[difference.idxmax()].to_dict())

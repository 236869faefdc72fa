"""Author the recorded price-provider responses that the offline demo replays.

Writes seeds/snapshots/prices/{yahoo,coinbase,fred}/ as if Yahoo Finance (v8 chart), Coinbase
Exchange (daily candles) and FRED (fredgraph.csv) had been asked on 2025-03-01 for the daily bars of
2024-01-02..2025-02-28. Only the closes of the record window 2025-01-13..2025-02-07 are the public
record (typed in below); every other number is simulated with a one-factor market model. See
seeds/snapshots/prices/README.md for what is real and what is not.

This is an authoring tool, not runtime code: it may use numpy and exchange_calendars. It is
deterministic (fixed seed, per-series generators), so running it again rewrites identical bytes.

    python seeds/snapshots/authoring/build_prices.py
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path

import exchange_calendars as xcals
import numpy as np
import pandas as pd

OUT = Path(__file__).resolve().parents[1] / "prices"
FIRST, LAST = pd.Timestamp("2024-01-02"), pd.Timestamp("2025-02-28")
RECORD_FIRST, RECORD_LAST = pd.Timestamp("2025-01-13"), pd.Timestamp("2025-02-07")
ANCHOR_DAY = pd.Timestamp("2025-01-24")  # where series without record closes are pinned
SEED = 20250301

# Public closing prices on the sessions of the record window, in session order (XNYS sessions for
# US symbols, XTKS for 9984.T, every UTC day for crypto). Unadjusted closes; where the source only
# had dividend-adjusted closes (ORCL, 9984.T) they were divided back by the one factor that makes
# every close a whole tick. Sources are listed in the README.
RECORD_CLOSES = {
    "SPY": (581.39, 582.19, 592.78, 591.64, 597.58, 603.05, 606.44, 609.75, 607.97, 599.37,
            604.52, 601.81, 605.04, 601.82, 597.77, 601.78, 604.22, 606.32, 600.77),
    "QQQ": (505.56, 505.08, 516.7, 513.08, 521.74, 524.8, 531.51, 532.64, 529.63, 514.21,
            521.81, 520.83, 523.05, 522.29, 518.11, 524.47, 526.85, 529.6, 522.92),
    "NASDAQCOM": (19088.1, 19044.39, 19511.23, 19338.29, 19630.2, 19756.78, 20009.34, 20053.68,
                  19954.3, 19341.83, 19733.59, 19632.32, 19681.75, 19627.44, 19391.96,
                  19654.01, 19692.33, 19791.99, 19523.4),
    "NVDA": (133.23, 131.76, 136.24, 133.57, 137.71, 140.83, 147.07, 147.22, 142.62, 118.42,
             128.99, 123.7, 124.65, 120.07, 116.66, 118.65, 124.83, 128.68, 129.84),
    "AVGO": (225.29, 224.7, 228.0, 229.41, 237.44, 240.31, 240.91, 240.28, 244.7, 202.13,
             207.36, 206.35, 215.66, 221.27, 217.73, 222.43, 232.0, 231.36, 224.87),
    "MSFT": (417.19, 415.67, 426.31, 424.58, 429.03, 428.5, 446.2, 446.71, 444.06, 434.56,
             447.2, 442.33, 414.99, 415.06, 410.92, 412.37, 413.29, 415.82, 409.75),
    "ORCL": (153.92, 156.31, 158.31, 159.54, 161.03, 172.57, 184.22, 186.47, 183.6, 158.28,
             164.0, 162.02, 170.38, 170.06, 168.6, 167.89, 171.66, 172.35, 174.46),
    "TSLA": (403.31, 396.36, 428.22, 413.82, 426.5, 424.07, 415.11, 412.38, 406.58, 397.15,
             398.09, 389.1, 400.28, 404.6, 383.68, 392.21, 378.17, 374.32, 361.62),
    "COIN": (251.2, 255.37, 274.93, 281.63, 295.48, 294.19, 295.85, 296.01, 298.0, 277.99,
             281.82, 291.0, 301.3, 291.33, 284.41, 280.39, 275.14, 270.37, 274.49),
    "MSTR": (328.4, 342.17, 360.62, 367.0, 396.5, 389.1, 377.31, 373.12, 353.67, 347.92,
             335.93, 341.25, 340.09, 334.79, 347.09, 348.31, 336.7, 325.46, 327.56),
    "9984.T": (9007.0, 9001.0, 9202.0, 9080.0, 9271.0, 9248.0, 10230.0, 10755.0, 10560.0,
               9681.0, 9176.0, 9399.0, 9299.0, 9411.0, 9455.0, 9525.0, 9671.0, 9766.0, 9683.0),
    "BTC-USD": (94516.52, 96534.05, 100504.49, 99756.91, 104462.04, 104408.07, 101089.61,
                102016.66, 106146.27, 103653.07, 103960.17, 104819.48, 104714.65, 102682.5,
                102087.69, 101332.48, 103703.21, 104735.3, 102405.02, 100655.91, 97688.98,
                101405.42, 97871.82, 96615.45, 96593.3, 96529.09),
    "ETH-USD": (3135.5, 3223.68, 3450.54, 3308.35, 3474.11, 3305.79, 3208.96, 3278.04, 3327.41,
                3240.22, 3334.71, 3309.55, 3317.27, 3236.13, 3178.92, 3077.11, 3113.0, 3247.78,
                3298.27, 3118.33, 2868.69, 2884.57, 2735.05, 2787.78, 2688.4, 2622.21),
}

# Session moves as reported in the press (approximate, not exact closes) for series without a
# record file; the rest of their window is simulated.
REPORTED_MOVES = {
    "TSM": {"2025-01-27": -0.133},
    "VST": {"2025-01-22": 0.04, "2025-01-27": -0.283},
    "CEG": {"2025-01-22": 0.05, "2025-01-27": -0.208},
    "NIKKEI225": {"2025-01-22": 0.0158, "2025-01-27": -0.0092},
}


@dataclass(frozen=True)
class Spec:
    symbol: str
    provider: str          # yahoo, coinbase or fred
    calendar: str          # XNYS, XTKS or CRYPTO
    market: str | None     # factor series it loads on (None: it is a factor)
    beta: float
    vol: float             # idiosyncratic daily vol (a factor's own vol)
    start: float           # rough level of the first bar: the simulated drift is steered there
    end: float             # rough level of the last bar
    volume: float          # typical daily volume, shares or coins (0: none published)
    anchor: float | None = None  # simulated close on ANCHOR_DAY when there are no record closes
    mean: float = 0.0      # a factor's mean daily return
    fred_digits: int = 2   # decimals FRED prints (NASDAQCOM comes as 19954.300)


# Factors first: dependants read the factor's finished returns.
SPECS = [
    Spec("SPY", "yahoo", "XNYS", None, 0.0, 0.008, 472.0, 594.0, 45e6, mean=0.0008),
    Spec("NIKKEI225", "fred", "XTKS", None, 0.0, 0.011, 33300.0, 37150.0, 0,
         anchor=39930.0, mean=0.0003),
    Spec("BTC-USD", "coinbase", "CRYPTO", None, 0.0, 0.028, 45000.0, 84400.0, 12000.0),
    Spec("QQQ", "yahoo", "XNYS", "SPY", 1.15, 0.003, 402.0, 508.0, 30e6),
    Spec("NASDAQCOM", "fred", "XNYS", "SPY", 1.2, 0.0035, 14760.0, 18850.0, 0, fred_digits=3),
    Spec("NVDA", "yahoo", "XNYS", "SPY", 1.8, 0.023, 48.2, 124.9, 250e6),
    Spec("AVGO", "yahoo", "XNYS", "SPY", 1.5, 0.020, 110.0, 199.4, 24e6),
    Spec("TSM", "yahoo", "XNYS", "SPY", 1.3, 0.016, 104.0, 181.0, 12e6, anchor=211.0),
    Spec("MSFT", "yahoo", "XNYS", "SPY", 1.0, 0.010, 371.0, 397.0, 17e6),
    Spec("ORCL", "yahoo", "XNYS", "SPY", 1.1, 0.015, 105.0, 166.3, 7e6),
    Spec("TSLA", "yahoo", "XNYS", "SPY", 2.0, 0.030, 248.0, 293.0, 75e6),
    Spec("VST", "yahoo", "XNYS", "SPY", 1.4, 0.025, 38.0, 134.0, 5e6, anchor=199.0),
    Spec("CEG", "yahoo", "XNYS", "SPY", 1.3, 0.023, 116.0, 251.0, 2.5e6, anchor=352.0),
    Spec("COIN", "yahoo", "XNYS", "SPY", 2.2, 0.035, 165.0, 205.0, 8e6),
    Spec("MSTR", "yahoo", "XNYS", "SPY", 2.8, 0.045, 68.0, 250.0, 12e6),
    Spec("9984.T", "yahoo", "XTKS", "NIKKEI225", 1.6, 0.018, 6300.0, 8600.0, 7e6),
    Spec("ETH-USD", "coinbase", "CRYPTO", "BTC-USD", 1.1, 0.020, 2360.0, 2240.0, 160000.0),
]

# Yahoo meta per symbol: exchangeName, fullExchangeName, instrumentType, first trade day, names.
YAHOO_META = {
    "NVDA": ("NMS", "NasdaqGS", "EQUITY", "1999-01-22", "NVIDIA Corporation", "NVIDIA Corporation"),
    "AVGO": ("NMS", "NasdaqGS", "EQUITY", "2009-08-06", "Broadcom Inc.", "Broadcom Inc."),
    "TSM": ("NYQ", "NYSE", "EQUITY", "1997-10-09",
            "Taiwan Semiconductor Manufacturing Company Limited",
            "Taiwan Semiconductor Manufactur"),
    "MSFT": ("NMS", "NasdaqGS", "EQUITY", "1986-03-13", "Microsoft Corporation",
             "Microsoft Corporation"),
    "ORCL": ("NYQ", "NYSE", "EQUITY", "1986-03-12", "Oracle Corporation", "Oracle Corporation"),
    "TSLA": ("NMS", "NasdaqGS", "EQUITY", "2010-06-29", "Tesla, Inc.", "Tesla, Inc."),
    "VST": ("NYQ", "NYSE", "EQUITY", "2017-05-10", "Vistra Corp.", "Vistra Corp."),
    "CEG": ("NMS", "NasdaqGS", "EQUITY", "2022-01-19", "Constellation Energy Corporation",
            "Constellation Energy Corporat"),
    "COIN": ("NMS", "NasdaqGS", "EQUITY", "2021-04-14", "Coinbase Global, Inc.",
             "Coinbase Global, Inc."),
    "MSTR": ("NMS", "NasdaqGS", "EQUITY", "1998-06-11", "MicroStrategy Incorporated",
             "MicroStrategy Incorporated"),
    "SPY": ("PCX", "NYSEArca", "ETF", "1993-01-29", "SPDR S&P 500 ETF Trust", "SPDR S&P 500"),
    "QQQ": ("NGM", "NasdaqGM", "ETF", "1999-03-10", "Invesco QQQ Trust, Series 1",
            "Invesco QQQ Trust, Series 1"),
    "9984.T": ("JPX", "Tokyo", "EQUITY", "2000-01-04", "SoftBank Group Corp.",
               "SOFTBANK GROUP CORP"),
}

# Ex-dates and per-share amounts (split-adjusted, as Yahoo shows them) as publicly announced,
# from the author's notes: approximate, not checked against a source.
DIVIDENDS = {
    "MSFT": [("2024-02-14", 0.75), ("2024-05-15", 0.75), ("2024-08-15", 0.75),
             ("2024-11-21", 0.83), ("2025-02-20", 0.83)],
    "ORCL": [("2024-01-10", 0.40), ("2024-04-09", 0.40), ("2024-07-11", 0.40),
             ("2024-10-10", 0.40), ("2025-01-10", 0.40)],
    "AVGO": [("2024-03-20", 0.525), ("2024-06-21", 0.525), ("2024-09-23", 0.53),
             ("2024-12-23", 0.59)],
    "TSM": [("2024-03-14", 0.44), ("2024-06-13", 0.49), ("2024-09-12", 0.50),
            ("2024-12-12", 0.69)],
    "NVDA": [("2024-03-05", 0.004), ("2024-06-11", 0.01), ("2024-09-12", 0.01),
             ("2024-12-05", 0.01)],
    "VST": [("2024-03-20", 0.2175), ("2024-06-20", 0.219), ("2024-09-20", 0.2195),
            ("2024-12-20", 0.221)],
    "CEG": [("2024-02-13", 0.3525), ("2024-05-14", 0.3525), ("2024-08-14", 0.3525),
            ("2024-11-14", 0.3525)],
    "SPY": [("2024-03-15", 1.5949), ("2024-06-21", 1.7593), ("2024-09-20", 1.7458),
            ("2024-12-20", 1.9663)],
    "QQQ": [("2024-03-18", 0.763), ("2024-06-24", 0.7615), ("2024-09-23", 0.6769),
            ("2024-12-23", 0.8347)],
    "9984.T": [("2024-03-28", 22.0), ("2024-09-27", 22.0)],
}
SPLITS = {"NVDA": [("2024-06-10", 10)], "AVGO": [("2024-07-15", 10)], "MSTR": [("2024-08-08", 10)]}

VALID_RANGES = ["1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "ytd", "max"]


# --- calendars -------------------------------------------------------------------------------

def sessions(calendar: str) -> pd.DatetimeIndex:
    """Sessions of the range plus the one before it (its close is Yahoo's chartPreviousClose)."""
    if calendar == "CRYPTO":
        return pd.date_range(FIRST - pd.Timedelta(days=1), LAST, freq="D")
    cal = xcals.get_calendar(calendar)
    days = cal.sessions_in_range(FIRST, LAST)
    return days.insert(0, cal.previous_session(days[0]))


def open_stamps(calendar: str, days: pd.DatetimeIndex) -> list[int]:
    """Yahoo stamps a daily bar with its session's open; Coinbase with 00:00 UTC."""
    if calendar == "CRYPTO":
        return [int(d.timestamp()) for d in days]
    cal = xcals.get_calendar(calendar)
    return [int(cal.session_open(d).timestamp()) for d in days]


def early_closes(calendar: str) -> set:
    return set() if calendar == "CRYPTO" else set(xcals.get_calendar(calendar).early_closes)


# --- returns and closes ----------------------------------------------------------------------

def rng_for(symbol: str, purpose: str) -> np.random.Generator:
    # One generator per series and purpose, so editing one series leaves the others unchanged.
    return np.random.default_rng([SEED, zlib.crc32(symbol.encode()), zlib.crc32(purpose.encode())])


def shocks(rng: np.random.Generator, n: int) -> np.ndarray:
    """Unit-variance Student-t(5) draws (daily returns have fatter tails than a normal), capped
    at 5 sigma so that no invented day outdoes the real news days of the record window."""
    return np.clip(rng.standard_t(5, n) / np.sqrt(5 / 3), -5, 5)


def near(spec: Spec, level: float, spread: float, purpose: str) -> float:
    """A rough target level, blurred so the simulated path does not land on a round number."""
    return level * float(np.exp(spread * rng_for(spec.symbol, purpose).standard_normal()))


def raw_returns(spec: Spec, market: np.ndarray | None, window: np.ndarray) -> np.ndarray:
    """alpha-free one-factor returns; the drift (alpha) is added when the level is pinned."""
    n = len(window)
    eps = spec.vol * shocks(rng_for(spec.symbol, "returns"), n)
    if market is None:
        return spec.mean + eps
    # Remove the sample's chance correlation with the market outside the record window, so an
    # estimation-window OLS finds the intended beta rather than a draw around it.
    out = ~window
    out[0] = False  # days[0] has no return of its own
    m = market[out] - market[out].mean()
    eps[out] -= (eps[out] @ m) / (m @ m) * m
    return spec.beta * market + eps


def drift_to_hit(raw: np.ndarray, ratio: float) -> float:
    """The constant daily alpha that makes prod(1 + raw + alpha) equal ratio (bisection)."""
    lo, hi = -0.2, 0.2
    for _ in range(200):
        mid = (lo + hi) / 2
        if np.log1p(raw + mid).sum() < np.log(ratio):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def window_closes(spec: Spec, days: pd.DatetimeIndex, raw: np.ndarray,
                  window: np.ndarray) -> np.ndarray:
    """Closes on the record-window sessions: the record, or a simulated path through an anchor."""
    idx = np.flatnonzero(window)
    if spec.symbol in RECORD_CLOSES:
        closes = np.array(RECORD_CLOSES[spec.symbol], dtype=float)
        assert len(closes) == len(idx), f"{spec.symbol}: record closes do not match sessions"
        return closes
    moves = {pd.Timestamp(d): r for d, r in REPORTED_MOVES.get(spec.symbol, {}).items()}
    ret = np.array([moves.get(days[i], raw[i]) for i in idx])
    k = int(np.flatnonzero(days[idx] == ANCHOR_DAY)[0])
    growth = np.cumprod(np.r_[1.0, 1 + ret[1:]])  # close relative to the window's first close
    return near(spec, spec.anchor, 0.01, "anchor") * growth / growth[k]


def build_closes(spec: Spec, days: pd.DatetimeIndex, market: np.ndarray | None) -> np.ndarray:
    """Close path: record window fixed, simulated before and after with a constant drift that
    lands the first bar (days[1]) near spec.start and the last near spec.end, so that the levels
    look plausible."""
    window = (days >= RECORD_FIRST) & (days <= RECORD_LAST)
    raw = raw_returns(spec, market, window)
    i0, i1 = np.flatnonzero(window)[[0, -1]]
    closes = np.empty(len(days))
    closes[window] = window_closes(spec, days, raw, window)
    start, end = near(spec, spec.start, 0.03, "start"), near(spec, spec.end, 0.03, "end")
    a = drift_to_hit(raw[2:i0 + 1], closes[i0] / start)  # lands closes[1] on start
    for t in range(i0, 0, -1):
        closes[t - 1] = closes[t] / (1 + raw[t] + a)
    post = raw[i1 + 1:]
    b = drift_to_hit(post, end / closes[i1])
    for t in range(i1 + 1, len(days)):
        closes[t] = closes[t - 1] * (1 + raw[t] + b)
    return round_tick(spec, closes)


def round_tick(spec: Spec, prices: np.ndarray) -> np.ndarray:
    """Round to the trading tick: whole yen (5 yen above 10,000) for Tokyo shares, else 0.01."""
    if spec.calendar == "XTKS" and spec.provider == "yahoo":
        tick = np.where(prices > 10000, 5.0, 1.0)
        return np.round(prices / tick) * tick
    return np.round(prices, 2)


# --- open, high, low, volume -----------------------------------------------------------------

def total_vol(spec: Spec, factor_vol: float) -> float:
    return float(np.hypot(spec.beta * factor_vol, spec.vol))


def ohlcv(spec: Spec, days: pd.DatetimeIndex, closes: np.ndarray, sigma: float) -> pd.DataFrame:
    """Simulated open/high/low/volume around the closes (index: days[1:])."""
    rng = rng_for(spec.symbol, "bars")
    prev, close = closes[:-1], closes[1:]
    ret = close / prev - 1
    n = len(close)
    if spec.calendar == "CRYPTO":  # trades round the clock: a day opens where the last closed
        gap = rng.normal(0, 0.0005, n)
    else:  # about half of a day's move happens overnight, news days included
        gap = 0.5 * ret + rng.normal(0, 0.25 * sigma, n)
    open_ = round_tick(spec, prev * (1 + gap))
    high = np.maximum(open_, close) * (1 + np.abs(rng.normal(0, 0.5 * sigma, n)))
    low = np.minimum(open_, close) * (1 - np.abs(rng.normal(0, 0.5 * sigma, n)))
    high = np.maximum(round_tick(spec, high), np.maximum(open_, close))
    low = np.minimum(round_tick(spec, low), np.minimum(open_, close))
    # Day-to-day noise plus a surge proportional to the move in sigmas (kept out of the noise,
    # so news days reliably stand out).
    volume = spec.volume * (np.exp(rng.normal(0, 0.2, n)) + 0.4 * np.abs(ret) / sigma)
    volume *= quiet_days(spec, days[1:])
    return pd.DataFrame({"open": open_, "high": high, "low": low, "close": close,
                         "volume": volume}, index=days[1:])


def quiet_days(spec: Spec, days: pd.DatetimeIndex) -> np.ndarray:
    """Half-day sessions and crypto weekends trade less."""
    if spec.calendar == "CRYPTO":
        return np.where(days.day_of_week >= 5, 0.6, 1.0)
    short = early_closes(spec.calendar)
    return np.array([0.45 if d in short else 1.0 for d in days])


# --- Yahoo -----------------------------------------------------------------------------------

def adjclose(bars: pd.DataFrame, prev_close: float, dividends: list) -> np.ndarray:
    """Yahoo's back-adjustment: before each ex-date, scale by 1 - amount / the prior close.
    Only dividends inside the requested range are known to the response."""
    factor = np.ones(len(bars))
    closes = np.r_[prev_close, bars["close"].to_numpy()]
    for day, amount in dividends:
        e = bars.index.get_loc(pd.Timestamp(day))
        factor[:e] *= 1 - amount / closes[e]  # closes[e] is the close before the ex-date
    return bars["close"].to_numpy() * factor


def yahoo_events(symbol: str, stamp_of: dict) -> dict:
    events = {}
    if symbol in DIVIDENDS:
        events["dividends"] = {str(stamp_of[d]): {"amount": a, "date": stamp_of[d]}
                               for d, a in DIVIDENDS[symbol]}
    if symbol in SPLITS:
        events["splits"] = {str(stamp_of[d]): {"date": stamp_of[d], "numerator": float(r),
                                               "denominator": 1.0, "splitRatio": f"{r}:1"}
                            for d, r in SPLITS[symbol]}
    return events


def trading_period(calendar: str) -> dict:
    """currentTradingPeriod as shown on the recording day (a Saturday): Friday's session."""
    cal = xcals.get_calendar(calendar)
    start = int(cal.session_open(LAST).timestamp())
    end = int(cal.session_close(LAST).timestamp())
    zone, offset = ("EST", -18000) if calendar == "XNYS" else ("JST", 32400)
    pre, post = (start - 19800, end + 14400) if calendar == "XNYS" else (start, end)

    def period(a: int, b: int) -> dict:
        return {"timezone": zone, "start": a, "end": b, "gmtoffset": offset}

    return {"pre": period(pre, start), "regular": period(start, end), "post": period(end, post)}


def local_open(day: str, us: bool) -> int:
    """The market's opening time that day, in UTC seconds (older than the calendar's history)."""
    zone, hour = ("America/New_York", "09:30") if us else ("Asia/Tokyo", "09:00")
    return int(pd.Timestamp(f"{day} {hour}", tz=zone).timestamp())


def yahoo_meta(spec: Spec, bars: pd.DataFrame, prev_close: float) -> dict:
    exch, full, kind, first_day, long_name, short_name = YAHOO_META[spec.symbol]
    us = spec.calendar == "XNYS"
    cal = xcals.get_calendar(spec.calendar)
    last = bars.iloc[-1]
    year = bars[bars.index > LAST - pd.Timedelta(days=365)]
    return {
        "currency": "USD" if us else "JPY", "symbol": spec.symbol, "exchangeName": exch,
        "fullExchangeName": full, "instrumentType": kind,
        "firstTradeDate": local_open(first_day, us),
        "regularMarketTime": int(cal.session_close(LAST).timestamp()),
        "hasPrePostMarketData": us, "gmtoffset": -18000 if us else 32400,
        "timezone": "EST" if us else "JST",
        "exchangeTimezoneName": "America/New_York" if us else "Asia/Tokyo",
        "regularMarketPrice": float(last["close"]),
        "fiftyTwoWeekHigh": float(year["high"].max()), "fiftyTwoWeekLow": float(year["low"].min()),
        "regularMarketDayHigh": float(last["high"]), "regularMarketDayLow": float(last["low"]),
        "regularMarketVolume": int(last["volume"]), "longName": long_name,
        "shortName": short_name, "chartPreviousClose": float(prev_close), "priceHint": 2,
        "currentTradingPeriod": trading_period(spec.calendar), "dataGranularity": "1d",
        "range": "", "validRanges": VALID_RANGES,
    }


def write_yahoo(spec: Spec, bars: pd.DataFrame, prev_close: float) -> None:
    stamps = open_stamps(spec.calendar, bars.index)
    stamp_of = {d.strftime("%Y-%m-%d"): s for d, s in zip(bars.index, stamps, strict=True)}
    result = {"meta": yahoo_meta(spec, bars, prev_close), "timestamp": stamps}
    events = yahoo_events(spec.symbol, stamp_of)
    if events:
        result["events"] = events
    quote = {k: [float(v) for v in bars[k]] for k in ("open", "high", "low", "close")}
    quote["volume"] = [int(v) for v in bars["volume"]]
    adj = adjclose(bars, prev_close, DIVIDENDS.get(spec.symbol, []))
    result["indicators"] = {"quote": [quote],
                            "adjclose": [{"adjclose": [round(float(v), 4) for v in adj]}]}
    write(OUT / "yahoo" / f"{spec.symbol}.json", {"chart": {"result": [result], "error": None}})


# --- Coinbase and FRED -----------------------------------------------------------------------

def write_coinbase(spec: Spec, bars: pd.DataFrame) -> None:
    """Pages of at most 300 UTC days, oldest page first; each page lists newest candle first."""
    stamps = open_stamps("CRYPTO", bars.index)
    candles = [[s, float(r.low), float(r.high), float(r.open), float(r.close),
                round(float(r.volume), 8)] for s, r in zip(stamps, bars.itertuples(), strict=True)]
    for page, first in enumerate(range(0, len(candles), 300), start=1):
        write(OUT / "coinbase" / spec.symbol / f"{page:02d}.json", candles[first:first + 300][::-1])


def write_fred(spec: Spec, bars: pd.DataFrame) -> None:
    """Every weekday of the range; exchange holidays stay empty, as FRED leaves them."""
    lines = [f"observation_date,{spec.symbol}"]
    for day in pd.bdate_range(FIRST, LAST):
        value = f"{bars.at[day, 'close']:.{spec.fred_digits}f}" if day in bars.index else ""
        lines.append(f"{day:%Y-%m-%d},{value}")
    path = OUT / "fred" / f"{spec.symbol}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def write(path: Path, doc) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")


# --- main ------------------------------------------------------------------------------------

def main() -> None:
    factor_returns, factor_vols = {}, {}
    for spec in SPECS:
        days = sessions(spec.calendar)
        market = factor_returns.get(spec.market)
        closes = build_closes(spec, days, market)
        if spec.market is None:
            factor_returns[spec.symbol] = np.r_[0.0, closes[1:] / closes[:-1] - 1]
            factor_vols[spec.symbol] = spec.vol
        sigma = spec.vol if spec.market is None else total_vol(spec, factor_vols[spec.market])
        bars = ohlcv(spec, days, closes, sigma)
        if spec.provider == "yahoo":
            write_yahoo(spec, bars, closes[0])
        elif spec.provider == "coinbase":
            write_coinbase(spec, bars)
        else:
            write_fred(spec, bars)


if __name__ == "__main__":
    main()

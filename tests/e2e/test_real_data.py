"""The same independent reference check on real price histories: the bundled feeds over the
real files in ../shared/data (through the local CSV provider), skipped when they are absent."""

import shutil
import subprocess
from datetime import date

import pytest

from tests.conftest import REPO, SEEDS, SHARED_DATA, VENV_BIN, environment
from tests.e2e.test_reference import check_event_types, check_impacts, compute_reference

pytestmark = pytest.mark.slow

PRICES = SHARED_DATA / "prices"
# growwanalysis's one-ticker files, concatenated into one long file that "#TICKER" picks from
LONG_FILE = "growwanalysis_nasdaq100/long.csv"
LONG_TICKERS = ("AVGO", "MSFT", "TSLA", "MSTR")
# symbol, class, calendar, benchmark, file under ../shared/data/prices
REAL_ASSETS = [
    ("NVDA", "equity", "XNYS", "SPY", "cole_krudwig_rl_regime_trading/NVDA.csv"),
    ("AVGO", "equity", "XNYS", "SPY", f"{LONG_FILE}#AVGO"),
    ("MSFT", "equity", "XNYS", "SPY", f"{LONG_FILE}#MSFT"),
    ("TSLA", "equity", "XNYS", "SPY", f"{LONG_FILE}#TSLA"),
    ("MSTR", "equity", "XNYS", "BTC-USD", f"{LONG_FILE}#MSTR"),
    ("ORCL", "equity", "XNYS", "SPY", "drrobanthony_market_data_excerpt/ORCL.csv"),
    ("COIN", "equity", "XNYS", "SPY", "drrobanthony_market_data_excerpt/COIN.csv"),
    ("9984.T", "equity", "XTKS", "", "kimuradaichisi_stock_trading_bot/9984.T.csv"),
    ("SPY", "etf", "XNYS", "", "cole_krudwig_rl_regime_trading/spy.csv"),
    ("QQQ", "etf", "XNYS", "SPY", "cole_krudwig_rl_regime_trading/QQQ.csv"),
    ("^IXIC", "index", "XNYS", "SPY", "fred/NASDAQCOM.csv"),
    ("BTC-USD", "crypto", "CRYPTO", "", "cole_krudwig_rl_regime_trading/BTC-USD.csv"),
    ("ETH-USD", "crypto", "CRYPTO", "BTC-USD", "koi_west_stock_predictor/ETH-USD.csv"),
]


@pytest.fixture(scope="module")
def real_run(tmp_path_factory):
    if not PRICES.exists():
        pytest.skip(f"{PRICES} is absent (real third-party data is optional)")
    home = tmp_path_factory.mktemp("real")
    seeds = home / "seeds"
    shutil.copytree(SEEDS, seeds, ignore=shutil.ignore_patterns("prices", "authoring"))
    lines = ["symbol,name,asset_class,exchange,calendar,currency,benchmark_symbol,provider,"
             "provider_symbol,sector"]
    for *_, file in REAL_ASSETS:  # local price files live in the seeds folder
        (seeds / "real" / file).parent.mkdir(parents=True, exist_ok=True)
        if "#" not in file:
            shutil.copy(PRICES / file, seeds / "real" / file)
    with open(seeds / "real" / LONG_FILE, "w") as long_file:
        for n, ticker in enumerate(LONG_TICKERS):
            rows = (PRICES / "growwanalysis_nasdaq100" / f"{ticker}.csv").read_text().splitlines()
            long_file.writelines(row + "\n" for row in rows[(n > 0):])  # one header
    lines += [f"{s},{s},{c},,{cal},,{b},csv,real/{f}," for s, c, cal, b, f in REAL_ASSETS]
    (seeds / "assets.csv").write_text("\n".join(lines) + "\n")
    database = home / "warehouse" / "real.duckdb"
    result = subprocess.run(
        [str(VENV_BIN / "newsimpact"), "run", "--first-day", "2024-01-02",
         "--last-day", "2025-02-28"], cwd=REPO, capture_output=True, text=True, timeout=900,
        env=environment(NEWSIMPACT_WAREHOUSE=str(database), NEWSIMPACT_SEEDS_DIR=str(seeds),
                        NEWSIMPACT_TRANSPORT="replay", DAGSTER_HOME=str(home / "dagster_home")))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    # dbt read the user's seeds from a copy and left the originals alone
    assert (seeds / "assets.csv").read_text().startswith("symbol,name,asset_class")
    return compute_reference(database, seeds)


def test_real_prices_give_the_public_record(real_run):
    *_, marts, _ = real_run
    impacts = marts["fct_event_impact"].merge(marts["dim_event"], on="event_id")
    nvda = impacts[(impacts.symbol == "NVDA") & (impacts.window_label == "[0,0]")
                   & (impacts.first_seen_at.dt.date == date(2025, 1, 25))
                   & (impacts.primary_entity_id == "deepseek")]
    [raw] = nvda.raw_return.tolist()
    assert raw == pytest.approx(118.42 / 142.62 - 1, abs=1e-4)  # -16.97%, the real close
    assert nvda.car.item() < -0.10 and nvda.car_p_value.item() < 0.01
    # Broadcom comes from a long file of four tickers, picked by "#AVGO"
    avgo = impacts[(impacts.symbol == "AVGO") & (impacts.window_label == "[0,0]")
                   & (impacts.first_seen_at.dt.date == date(2025, 1, 25))
                   & (impacts.primary_entity_id == "deepseek")]
    assert avgo.raw_return.item() == pytest.approx(202.13 / 244.70 - 1, abs=1e-4)  # -17.40%


def test_real_data_impacts_match_the_reference(real_run):
    check_impacts(real_run)


def test_real_data_event_types_match_the_reference(real_run):
    check_event_types(real_run)

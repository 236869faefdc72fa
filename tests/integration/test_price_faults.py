"""The price half of the fault matrix, through the prices asset: a missing day, a zero volume,
a duplicated date, a split, and a provider that fails so the next in the fallback order serves."""

import shutil

import duckdb
import pytest
from dagster import DagsterInstance, materialize
from dagster_duckdb import DuckDBResource

from orchestration.ingestion.checks import build_price_source_checks, prices_have_no_gaps
from orchestration.ingestion.jobs import partition_range_tags
from orchestration.ingestion.prices import prices
from orchestration.ingestion.reference import load_assets
from orchestration.ingestion.resources import SourcesResource
from orchestration.ingestion.sessions import sessions
from tests.conftest import SEEDS

# Sessions 21-28 January 2025 of a stock that split 2-for-1 before the open on the 27th: the
# file is as a user's own export has it, with its faults.
FAULTY = """Date,Open,High,Low,Close,Adj Close,Volume
2025-01-21,100.0,101.0,99.0,100.0,50.0,1000
2025-01-22,100.0,103.0,99.5,102.0,51.0,0
2025-01-24,102.0,105.0,101.0,104.0,52.0,1200
2025-01-24,102.0,105.0,101.0,104.5,52.25,1250
2025-01-27,52.0,53.0,51.0,52.5,52.5,2600
2025-01-28,52.5,54.0,52.0,53.0,53.0,2400
"""


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns("snapshots"))
    (folder / "mine").mkdir()
    (folder / "mine" / "faulty.csv").write_text(FAULTY)
    (folder / "assets.csv").write_text(
        "symbol,name,asset_class,exchange,calendar,currency,benchmark_symbol,provider,"
        "provider_symbol,sector\n"
        "FLT,Faulty Inc.,equity,NYSE,XNYS,USD,,csv,mine/faulty.csv,\n"
        "BKP,Backed Up Inc.,equity,NYSE,XNYS,USD,,yahoo|csv,NOPE|mine/faulty.csv,\n")
    return folder


def run(tmp_path, seeds):
    sources = SourcesResource(seeds_dir=str(seeds), landing_dir=str(tmp_path / "landing"))
    checks = [build_price_source_checks(load_assets(seeds), seeds), prices_have_no_gaps]
    with DagsterInstance.ephemeral() as instance:
        return materialize([prices, sessions, *checks], instance=instance,
                           tags=partition_range_tags("2025-01-21", "2025-01-28"),
                           resources={"sources": sources, "warehouse": DuckDBResource(
                               database=str(tmp_path / "prices.duckdb"))})


def bars(tmp_path, symbol):
    with duckdb.connect(str(tmp_path / "prices.duckdb"), read_only=True) as con:
        return {str(day): rest for day, *rest in con.execute(
            "select price_date, close, adj_close, volume from raw.prices where symbol = ? "
            "order by price_date", [symbol]).fetchall()}


def test_faulty_series_is_stored_as_it_should_be(tmp_path, seeds):
    result = run(tmp_path, seeds)
    assert result.success
    stored = bars(tmp_path, "FLT")
    assert "2025-01-23" not in stored  # the missing day stays missing ...
    gaps = next(e for e in result.get_asset_check_evaluations()
                if e.check_name == "prices_have_no_gaps")
    assert not gaps.passed  # ... and the gap check names it
    assert gaps.metadata["by_symbol"].value == {"BKP": ["2025-01-23"], "FLT": ["2025-01-23"]}
    assert stored["2025-01-22"][2] == 0.0  # a zero volume is a zero, not a missing value
    assert stored["2025-01-24"] == [104.5, 52.25, 1250.0]  # duplicated date: the last bar
    # the split halves the close, not the adjusted close that returns are computed on
    assert stored["2025-01-27"][0] / stored["2025-01-24"][0] == pytest.approx(0.5024, abs=1e-4)
    assert stored["2025-01-27"][1] / stored["2025-01-24"][1] == pytest.approx(1.0048, abs=1e-4)


def test_fallback_provider_serves_when_the_first_fails(tmp_path, seeds):
    result = run(tmp_path, seeds)
    assert bars(tmp_path, "BKP") == bars(tmp_path, "FLT")
    with duckdb.connect(str(tmp_path / "prices.duckdb"), read_only=True) as con:
        log = con.execute("select source_id, status, message from raw.fetch_log "
                          "order by fetch_id").fetchall()
    assert log[1][0] == "yahoo:NOPE" and log[1][1] == "error"
    assert log[1][2].startswith("no recorded response for yahoo:NOPE")
    assert log[2][0].endswith("mine/faulty.csv") and log[2][1] == "ok"
    checks = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert checks["prices_BKP"] and checks["prices_FLT"]


def test_a_missing_local_file_fails_its_check_only(tmp_path, seeds):
    (seeds / "mine" / "faulty.csv").unlink()
    result = run(tmp_path, seeds)
    assert result.success
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert not evaluations["prices_FLT"].passed
    assert "cannot read" in evaluations["prices_FLT"].metadata["problem"].value


def test_a_ticker_of_a_long_file_is_read_through_a_run(tmp_path, seeds):
    # one file holding two tickers, as screeners and data vendors export them
    (seeds / "mine" / "long.csv").write_text(
        "Date,Symbol,Close\n2025-01-24,AVGO,244.70\n2025-01-24,NVDA,142.62\n"
        "2025-01-27,AVGO,202.13\n2025-01-27,NVDA,118.42\n")
    (seeds / "assets.csv").write_text(
        "symbol,name,asset_class,exchange,calendar,currency,benchmark_symbol,provider,"
        "provider_symbol,sector\n"
        "AVGO,Broadcom,equity,NASDAQ,XNYS,USD,,csv,mine/long.csv#AVGO,\n"
        "NVDA,NVIDIA,equity,NASDAQ,XNYS,USD,,csv,mine/long.csv#NVDA,\n")
    assert run(tmp_path, seeds).success
    assert {day: close for day, (close, *_) in bars(tmp_path, "AVGO").items()} == {
        "2025-01-24": 244.70, "2025-01-27": 202.13}
    assert {day: close for day, (close, *_) in bars(tmp_path, "NVDA").items()} == {
        "2025-01-24": 142.62, "2025-01-27": 118.42}


def test_a_provider_that_stops_delivering_goes_stale(tmp_path, seeds):
    (seeds / "mine" / "fresh.csv").write_text(
        "Date,Close\n" + "".join(f"2025-01-{day},{100 + day}\n"
                                 for day in (21, 22, 23, 24, 27, 28)))
    (seeds / "mine" / "frozen.csv").write_text("Date,Close\n2025-01-21,10\n2025-01-22,11\n")
    (seeds / "assets.csv").write_text(
        "symbol,name,asset_class,exchange,calendar,currency,benchmark_symbol,provider,"
        "provider_symbol,sector\n"
        "FRSH,Fresh,equity,NYSE,XNYS,USD,,csv,mine/fresh.csv,\n"
        "FRZN,Frozen,equity,NYSE,XNYS,USD,,csv,mine/frozen.csv,\n")
    evaluations = {e.check_name: e for e in run(tmp_path, seeds).get_asset_check_evaluations()}
    assert evaluations["prices_FRSH"].passed
    assert not evaluations["prices_FRZN"].passed  # answers, but 4 sessions behind by the 28th
    assert evaluations["prices_FRZN"].metadata["problem"].value == (
        "stale: newest bar 2025-01-22, 4 sessions behind")

"""Reference CSVs and settings: a bad value is refused with its file, line and field."""

import shutil

import pytest

from orchestration.ingestion.reference import ReferenceError, load_assets, load_feeds
from orchestration.settings import Settings, SettingsError
from tests.conftest import SEEDS


def test_bundled_reference_data_is_complete():
    assets = {a.symbol: a for a in load_assets(SEEDS)}
    assert len(assets) >= 15
    assert {"NVDA", "AVGO", "TSM", "MSFT", "ORCL", "TSLA", "VST", "CEG", "9984.T", "QQQ", "SPY",
            "BTC-USD", "ETH-USD", "COIN", "MSTR"} <= set(assets)
    assert assets["BTC-USD"].calendar == "CRYPTO" and assets["9984.T"].calendar == "XTKS"
    feeds = load_feeds(SEEDS)
    assert len(feeds) >= 5 and {f.format for f in feeds} == {"rss", "atom"}


@pytest.fixture
def seeds_copy(tmp_path):
    for name in ("assets.csv", "feeds.csv"):
        shutil.copy(SEEDS / name, tmp_path / name)
    return tmp_path


def test_unknown_provider_names_the_line(seeds_copy):
    path = seeds_copy / "assets.csv"
    path.write_text(path.read_text().replace(",yahoo,NVDA", ",bloomberg,NVDA"))
    with pytest.raises(ReferenceError, match=r"assets.csv:2: provider='bloomberg' is not one of"):
        load_assets(seeds_copy)


def test_missing_column_is_named(seeds_copy):
    (seeds_copy / "feeds.csv").write_text("feed_id,name,url\nx,X,https://x.test/rss\n")
    with pytest.raises(ReferenceError, match="missing column"):
        load_feeds(seeds_copy)


def test_non_http_feed_url_is_refused(seeds_copy):
    (seeds_copy / "feeds.csv").write_text("feed_id,name,url,format\nx,X,file:///etc/passwd,rss\n")
    with pytest.raises(ReferenceError, match="is not http"):
        load_feeds(seeds_copy)


@pytest.mark.parametrize("feed_id", ["../../etc", "a/b", "..", ".hidden", "x y"])
def test_a_feed_id_that_would_leave_its_folder_is_refused(seeds_copy, feed_id):
    (seeds_copy / "feeds.csv").write_text(f"feed_id,name,url,format\n{feed_id},X,"
                                          "https://x.test/rss,rss\n")
    with pytest.raises(ReferenceError, match=r"feeds.csv:2: feed_id=.*letters, digits"):
        load_feeds(seeds_copy)


@pytest.mark.parametrize("provider,symbol", [("yahoo", "../../NVDA"), ("fred", "a/b"),
                                             ("coinbase", ".."), ("csv", "../outside.csv"),
                                             ("csv", "/etc/passwd"), ("csv", "link/x.csv")])
def test_a_price_source_that_would_leave_its_folder_is_refused(seeds_copy, provider, symbol):
    (seeds_copy / "outside").mkdir()
    (seeds_copy / "link").symlink_to(seeds_copy.parent)  # a link inside that points outside
    path = seeds_copy / "assets.csv"
    path.write_text(path.read_text().replace(",yahoo,NVDA", f",{provider},{symbol}"))
    with pytest.raises(ReferenceError, match=r"assets.csv:2: provider_symbol"):
        load_assets(seeds_copy)


def test_a_local_file_inside_the_seeds_folder_is_taken(seeds_copy):
    path = seeds_copy / "assets.csv"
    path.write_text(path.read_text().replace(",yahoo,NVDA", ",csv,prices/nvda.csv#NVDA"))
    nvda = next(a for a in load_assets(seeds_copy) if a.symbol == "NVDA")
    assert nvda.price_sources(seeds_copy) == [("csv", f"{seeds_copy.resolve()}/prices/nvda.csv"
                                                      "#NVDA")]


def test_bad_transport_and_missing_seeds_are_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSIMPACT_TRANSPORT", "carrier-pigeon")
    with pytest.raises(SettingsError, match="NEWSIMPACT_TRANSPORT='carrier-pigeon'"):
        Settings.from_env()
    monkeypatch.setenv("NEWSIMPACT_TRANSPORT", "replay")
    monkeypatch.setenv("NEWSIMPACT_SEEDS_DIR", str(tmp_path))
    with pytest.raises(SettingsError, match="has no assets.csv"):
        Settings.from_env()

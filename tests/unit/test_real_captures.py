"""Real third-party material in ../shared/data, read through our parsers (skipped when absent)."""

import io
import json
from datetime import UTC, date, datetime

import feedparser
import pytest

from orchestration.sources.feeds import ENTITY_DECLARATION, FeedError, parse_feed
from orchestration.sources.providers import coinbase
from tests.conftest import SHARED_DATA, shared_data

CORPUS = SHARED_DATA / "feedparser-tests"
FOLDERS = sorted({p.parent.relative_to(CORPUS) for p in CORPUS.rglob("*.xml")}) \
    if CORPUS.exists() else []


def test_coinbase_candle_matches_its_independent_parse():
    path = shared_data("api_responses", "coinbase_exchange", "coinbaseexchange.json")
    [case] = json.loads(path.read_text())["methods"]["fetchOHLCV"]
    [bar] = coinbase.parse(json.dumps(case["httpResponse"]).encode(), "BTC-USD")
    [[stamp_ms, open_, high, low, close, volume]] = case["parsedResponse"]
    day = datetime.fromtimestamp(stamp_ms / 1000, UTC).date()
    assert bar.price_date == day == date(2024, 3, 13)
    assert (bar.open, bar.high, bar.low, bar.close, bar.volume) == (open_, high, low, close, volume)


@pytest.mark.skipif(not FOLDERS, reason="../shared/data/feedparser-tests is absent")
@pytest.mark.parametrize("folder", FOLDERS, ids=str)
def test_feedparser_corpus_never_crashes_a_run(folder):
    """Every document gives items or a FeedError; entity declarations are always refused; a
    document whose entries feedparser reads with a title and an id or link yields items."""
    surprises = []
    for path in sorted((CORPUS / folder).glob("*.xml")):
        body = path.read_bytes()
        try:
            parsed = parse_feed(body, "corpus", datetime(2025, 1, 27))
        except FeedError:
            continue
        except Exception as exc:  # noqa: BLE001 - collecting what must not happen
            surprises.append(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        if ENTITY_DECLARATION.search(body):
            surprises.append(f"{path.name}: entity declaration accepted")
        usable = [e for e in feedparser.parse(io.BytesIO(body)).entries
                  if e.get("title") and (e.get("id") or e.get("link"))]
        if usable and not parsed.items:
            surprises.append(f"{path.name}: {len(usable)} usable entries, no item")
    assert not surprises, "\n".join(surprises)

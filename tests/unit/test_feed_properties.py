"""Generated feeds, valid and broken, through the real parser (hypothesis, 500 examples each):
the parse never fails but with FeedError, every good item is kept as it was written, and what
is kept is bounded, clean and dated within range."""

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from orchestration.sources.feeds import CONTROL, EARLIEST, LIMITS, FeedError, parse_feed

FETCHED = datetime(2025, 1, 27, 23, 30)
EXAMPLES = settings(max_examples=500, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# words as feeds write them: letters in several scripts, digits, punctuation, no markup
WORD = st.text(st.characters(codec="utf-8", categories=["L", "N"]), min_size=1, max_size=12)
TITLE = st.lists(WORD, min_size=1, max_size=8).map(" ".join)
GOOD_DATE = st.datetimes(min_value=datetime(1990, 1, 2), max_value=FETCHED)
ANY_DATE = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30))
LINK = st.one_of(
    st.builds(lambda path: f"https://example.com/{path}", st.from_regex(r"[a-z0-9/-]{1,40}",
                                                                      fullmatch=True)),
    st.sampled_from(["file:///etc/passwd", "javascript:alert(1)", "data:text/html,x", ""]),
)
NOISE = st.text(st.characters(codec="utf-8"), max_size=3_000)  # control characters, huge, ...


def reads_as_mojibake(text: str) -> bool:
    """Text that is UTF-8 read as Latin-1 ("Ã©" for "é"): feedparser repairs it on purpose, the
    commoner case by far, so "Âª" written on purpose is kept as "ª"."""
    try:
        return text.encode("iso-8859-1").decode("utf-8") != text
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False


def item(guid: str, title: str, link: str, published: datetime | None) -> str:
    date = "" if published is None else \
        f"<pubDate>{format_datetime(published.replace(tzinfo=UTC), usegmt=True)}</pubDate>"
    return (f"<item><title>{escape(title)}</title><guid isPermaLink=\"false\">{guid}</guid>"
            f"<link>{escape(link)}</link>{date}</item>")


def document(items: list[str]) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t'
            f'</title>{"".join(items)}</channel></rss>').encode()


@EXAMPLES
@given(st.lists(st.tuples(TITLE, LINK, GOOD_DATE), min_size=1, max_size=20))
def test_every_good_item_is_kept_as_written(entries):
    assume(not any(reads_as_mojibake(title) for title, _, _ in entries))
    body = document([item(f"g{i}", title, link, published)
                     for i, (title, link, published) in enumerate(entries)])
    items = {it.guid: it for it in parse_feed(body, "f", FETCHED).items}
    assert set(items) == {f"g{i}" for i in range(len(entries))}
    for i, (title, link, published) in enumerate(entries):
        kept = items[f"g{i}"]
        assert kept.title == title
        assert kept.link == (link if link.startswith("https://") else None)
        assert kept.published_at == published.replace(microsecond=0)
        assert not kept.published_is_fallback


@EXAMPLES
@given(st.lists(st.tuples(NOISE, NOISE, st.one_of(st.none(), ANY_DATE)), max_size=8),
       st.integers(min_value=0, max_value=20_000), st.binary(max_size=64))
def test_any_document_parses_or_is_refused_and_what_is_kept_is_bounded(entries, cut, junk):
    body = document([item(f"g{i}", title, link, published)
                     for i, (title, link, published) in enumerate(entries)])
    body = body[:cut] + junk  # truncated, with trailing garbage
    try:
        parsed = parse_feed(body, "f", FETCHED)
    except FeedError:
        return
    for kept in parsed.items:
        for name in ("title", "summary", "guid", "link", "author"):
            value = getattr(kept, name)
            assert value is None or (len(value) <= LIMITS[name] and not CONTROL.search(value))
        assert kept.link is None or kept.link.lower().startswith(("http://", "https://"))
        assert EARLIEST <= kept.published_at <= FETCHED + timedelta(days=1)
        assert kept.title


def test_mojibake_is_repaired_by_feedparser_and_only_mojibake():
    assert reads_as_mojibake("Ã©t") and not reads_as_mojibake("été") and not reads_as_mojibake("a")
    body = document([item("g0", "CafÃ© Ã©clair", "", None), item("g1", "Café éclair", "", None)])
    titles = {it.guid: it.title for it in parse_feed(body, "f", FETCHED).items}
    assert titles == {"g0": "Café éclair", "g1": "Café éclair"}

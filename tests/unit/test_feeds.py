"""Feed parsing: dates across time zones, canonical links, plain-text summaries, bad documents."""

import time
import tracemalloc
from datetime import datetime

import pytest

from orchestration.ingestion.resources import SourcesResource
from orchestration.sources.feeds import FeedError, canonical_link, parse_feed, plain_text
from tests.conftest import SNAPSHOTS, shared_data

FEEDS = SNAPSHOTS / "feeds"
FETCHED = datetime(2025, 1, 27, 23, 30)


def parse(feed_id: str, day: str, fetched_at: datetime = FETCHED):
    return parse_feed((FEEDS / feed_id / f"{day}.xml").read_bytes(), feed_id, fetched_at)


def by_title(items, start: str):
    return next(item for item in items if item.title.startswith(start))


def test_rss_pubdate_with_an_offset_is_read_as_utc():
    items = parse("marketwatch_top_stories", "2025-01-27").items
    item = by_title(items, "Nvidia plunges at the open")  # pubDate ... 09:50:00 -0500
    assert item.published_at == datetime(2025, 1, 27, 14, 50)
    assert not item.published_is_fallback
    assert item.categories == ["Markets", "Semiconductors"]


def test_atom_entries_parse_with_their_offsets():
    items = parse("the_verge", "2025-01-26").items
    assert items and all(not item.published_is_fallback for item in items)
    assert all(item.link.startswith("https://www.theverge.com/") for item in items)


def test_tracking_parameters_do_not_make_a_second_article():
    shared = "https://www.cnbc.com/2025/01/26/deepseek-overtakes-chatgpt-top-free-app-store.html"
    cnbc = {i.canonical_link for i in parse("cnbc_top_news", "2025-01-26").items}
    tele = [i for i in parse("cointelegraph", "2025-01-26").items if "deepseek-overtakes" in i.link]
    assert shared in cnbc
    assert tele and "utm_source" in tele[0].link and tele[0].canonical_link == shared


def test_item_without_a_date_takes_the_fetch_time_and_is_flagged():
    items = parse("cointelegraph", "2025-02-05", fetched_at=datetime(2025, 2, 5, 23, 30)).items
    undated = by_title(items, "ETHDenver")
    assert undated.published_is_fallback
    assert undated.published_at == datetime(2025, 2, 5, 23, 30)


def test_summaries_are_plain_text():
    items = parse("marketwatch_top_stories", "2025-01-27").items
    assert all("<" not in item.summary and "&amp;" not in item.summary for item in items)
    assert by_title(items, "Nvidia loses $589 billion").summary.startswith("Nvidia closed down 17%")


def test_items_get_stable_keys_per_feed():
    first = {i.item_id for i in parse("coindesk", "2025-01-27").items}
    again = {i.item_id for i in parse("coindesk", "2025-01-27").items}
    assert first == again and len(first) == 4


@pytest.mark.parametrize(("url", "expected"), [
    ("https://Example.COM/a/b?utm_source=rss&utm_medium=feed", "https://example.com/a/b"),
    ("https://example.com/a?id=7&fbclid=xyz#comments", "https://example.com/a?id=7"),
    ("https://example.com", "https://example.com/"),
    (None, None),
])
def test_canonical_link(url, expected):
    assert canonical_link(url) == expected


def test_plain_text_strips_tags_and_entities():
    html = "<p>Nvidia&#8217;s <strong>drop</strong> &amp; more</p>"
    assert plain_text(html) == "Nvidia’s drop & more"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss version="2.0"><channel><title>&lol2;</title></channel></rss>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&xxe;</title><guid>1</guid></item></channel></rss>"""


@pytest.mark.parametrize(("body", "message"), [
    (BILLION_LAUGHS, "declares XML entities"),
    (EXTERNAL_ENTITY, "declares XML entities"),
    (BILLION_LAUGHS.decode().replace('"1.0"?>', '"1.0" encoding="UTF-16"?>', 1).encode("utf-16"),
     "declares XML entities"),
    (b"<?xml version=\"1.0\"?><!-- " + b"x" * 70_000 + b" -->" + BILLION_LAUGHS[21:],
     "declares XML entities"),
    (b"<html><body>502 Bad Gateway</body></html>", "not a feed"),
    (b"", "not a feed"),
])
def test_unusable_documents_raise_feed_error(body, message):
    with pytest.raises(FeedError, match=message):
        parse_feed(body, "x", FETCHED)


def test_truncated_feed_keeps_its_complete_items_and_warns():
    body = (FEEDS / "cnbc_top_news" / "2025-01-27.xml").read_bytes()
    cut = body[: body.index(b"</item>", len(body) // 2) + len(b"</item>") + 40]
    parsed = parse_feed(cut, "cnbc_top_news", FETCHED)
    assert parsed.warning and "recoverable feed problem" in parsed.warning
    assert len(parsed.items) >= 3


def test_a_path_shaped_body_is_never_opened_as_a_file():
    with pytest.raises(FeedError):
        parse_feed(b"/etc/passwd", "x", FETCHED)


def test_real_cnbc_capture_parses():
    folder = shared_data("feeds_real")
    for path in sorted(folder.glob("*.xml")):
        parsed = parse_feed(path.read_bytes(), "cnbc", FETCHED)
        assert len(parsed.items) >= 30, path.name
        assert all(item.title and not item.published_is_fallback for item in parsed.items)


RSS_091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title>
<link>https://old.test/</link><description>d</description>
<item><title>Nvidia &amp; friends</title><link>https://old.test/a?utm_source=x</link>
<description>&lt;b&gt;bold&lt;/b&gt; claim</description></item></channel></rss>"""
RDF_10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.test/"><title>RDF</title><link>https://rdf.test/</link>
<description>d</description></channel>
<item rdf:about="https://rdf.test/1"><title>Bitcoin slips</title><link>https://rdf.test/1</link>
<dc:date>2025-01-27T09:10:00+09:00</dc:date></item></rdf:RDF>"""
ATOM_03 = b"""<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#">
<title>Atom 0.3</title><entry><title>Stargate</title><id>tag:a.test,2025:1</id>
<link rel="alternate" href="https://a.test/1"/><issued>2025-01-21T16:35:00-05:00</issued>
<modified>2025-01-21T16:35:00-05:00</modified></entry></feed>"""


@pytest.mark.parametrize(("body", "title", "published", "link"), [
    (RSS_091, "Nvidia & friends", None, "https://old.test/a"),
    (RDF_10, "Bitcoin slips", datetime(2025, 1, 27, 0, 10), "https://rdf.test/1"),
    (ATOM_03, "Stargate", datetime(2025, 1, 21, 21, 35), "https://a.test/1"),
], ids=["rss-0.91", "rss-1.0", "atom-0.3"])
def test_older_formats(body, title, published, link):
    [item] = parse_feed(body, "x", FETCHED).items
    assert item.title == title and item.canonical_link == link
    assert item.published_at == (published or FETCHED)
    assert item.published_is_fallback == (published is None)


def rss(*items: str, prolog: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    return (f'{prolog}<rss version="2.0"><channel><title>t</title>{"".join(items)}'
            "</channel></rss>")


LAUGHS = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol" * 10}">'
                 for i in range(10))  # &l9; would be 3·10^10 characters


# EBCDIC, the UTF-16/32 forms with and without a byte-order mark, UTF-7, single- and multi-byte
# legacy codecs: every kind of encoding that feedparser decodes a document from
ENCODINGS = ["cp037", "cp500", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
             "utf-32-le", "utf-32-be", "utf-7", "utf-8", "iso-8859-1", "windows-1252", "koi8-r",
             "shift_jis", "euc-jp", "gb18030", "big5", "euc-kr"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_entity_declarations_are_refused_in_any_encoding_within_a_second_and_100_mb(encoding):
    document = rss('<item><title>&l9;</title><guid>g</guid></item>',
                   prolog=f'<?xml version="1.0" encoding="{encoding}"?>'
                          f"<!DOCTYPE rss [{LAUGHS}]>")
    tracemalloc.start()
    began = time.monotonic()
    try:
        with pytest.raises(FeedError, match="declares XML entities"):
            parse_feed(document.encode(encoding), "f", FETCHED)
        seconds, peak = time.monotonic() - began, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert seconds < 1 and peak < 100 * 2**20, (seconds, peak)


def test_a_document_feedparser_misreads_expands_nothing():
    """Turkish EBCDIC (cp1026) is read as cp037, where its "!" is another letter: the
    declaration is no declaration in the text parsed, and the reference stays as written."""
    document = rss('<item><title>&l9;</title><guid>g</guid></item>',
                   prolog='<?xml version="1.0" encoding="cp1026"?>'
                          f"<!DOCTYPE rss [{LAUGHS}]>").encode("cp1026")
    assert [item.title for item in parse_feed(document, "f", FETCHED).items] == ["&l9;"]


def test_hostile_fields_are_bounded_cleaned_and_reported():
    document = rss(
        f"<item><title>{'A' * 50_000}</title><guid>long</guid>"
        f"<link>https://example.com/{'x' * 10_000}</link></item>",
        "<item><title>nul\x00 and\x07bell</title><guid>ctl</guid></item>",
        "<item><title>local file</title><guid>file</guid><link>file:///etc/passwd</link></item>",
        "<item><title>no key</title><link>javascript:alert(1)</link></item>",
        "<item><title>year one</title><guid>y1</guid>"
        "<pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate></item>",
        "<item><title>far future</title><guid>y9999</guid>"
        "<pubDate>Fri, 31 Dec 9999 00:00:00 GMT</pubDate></item>",
        "<item><title>fine</title><guid>ok</guid>"
        "<pubDate>Mon, 27 Jan 2025 14:50:00 GMT</pubDate></item>")
    parsed = parse_feed(document.encode(), "f", FETCHED)
    items = {item.guid: item for item in parsed.items}
    assert set(items) == {"long", "ctl", "file", "y1", "y9999", "ok"}  # "no key" has none
    assert items["long"].title == "A" * 1_000 and len(items["long"].link) == 2_048
    assert items["ctl"].title == "nul andbell"  # dropped, not replaced
    assert items["file"].link is None and items["file"].canonical_link is None
    for guid in ("y1", "y9999"):
        assert items[guid].published_is_fallback and items[guid].published_at == FETCHED
    assert items["ok"].published_at == datetime(2025, 1, 27, 14, 50)
    assert not items["ok"].published_is_fallback
    for note in ("title cut to 1000 characters (1)", "link cut to 2048 characters (1)",
                 "link that is not http(s) dropped (2)",
                 "date outside 1990..the fetch day taken as none (2)",
                 "item without a title, or without an id and an http(s) link, skipped (1)"):
        assert note in parsed.warning, parsed.warning


def test_a_document_with_more_items_than_the_cap_keeps_the_first_in_document_order():
    full = parse("cnbc_top_news", "2025-01-27").items
    capped = parse_feed((FEEDS / "cnbc_top_news" / "2025-01-27.xml").read_bytes(),
                        "cnbc_top_news", FETCHED, max_items=3)
    assert [item.item_id for item in capped.items] == [item.item_id for item in full[:3]]
    assert capped.warning == (f"items cut to the first 3 of {len(full)} (max_items_per_fetch)")


def test_an_item_cap_below_one_is_refused_in_one_line():
    sources = SourcesResource(seeds_dir="seeds", landing_dir="landing", max_items_per_fetch=0)
    with pytest.raises(ValueError, match="^sources: max_items_per_fetch=0 must be at least 1$"):
        sources.item_cap()

"""Feed bytes → normalised news items (pure: no I/O besides the bytes handed in)."""

from __future__ import annotations

import calendar
import hashlib
import html
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import feedparser
from feedparser.encodings import convert_to_utf8

# Query parameters that only track the reader; an article with and without them is one article.
TRACKING_PARAMS = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ncid|__source)$")
# Entity declarations are how billion-laughs and external-entity attacks start; no feed needs one.
# XML keywords are case-sensitive. The declaration is looked for in the text feedparser will
# parse (its own decoding, whatever the document's encoding) and, cheaply first, in the bytes in
# every encoding XML allows.
ENTITY = "<!ENTITY"
ENTITY_DECLARATION = re.compile(b"|".join(
    re.escape(ENTITY.encode(encoding))
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")))
# What an item may hold: longer text is cut (with a warning), control characters are dropped,
# only http(s) links are article URLs, and dates outside [1990, the fetch + 1 day] are no dates.
LIMITS = {"title": 1_000, "summary": 20_000, "link": 2_048, "guid": 1_024, "author": 300,
          "category": 100}
MAX_CATEGORIES = 50
# Far above what real feeds publish (tens to a few hundred): a document with more is a template
# gone wild or a hostile server, and the first items in document order are kept.
MAX_ITEMS = 5_000
EARLIEST = datetime(1990, 1, 1)
LATEST_AHEAD = timedelta(days=1)
ASCII_ENCODINGS = re.compile(r"(utf-?8|us-ascii|ascii|iso-?8859-\d+|latin-?1|(windows|cp)-?125\d)$",
                             re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class FeedError(ValueError):
    """A document that is not a usable feed; the message says why."""


@dataclass(frozen=True)
class NewsItem:
    item_id: str
    feed_id: str
    guid: str
    link: str | None
    canonical_link: str | None
    title: str
    summary: str
    author: str | None
    categories: list[str]
    published_at: datetime  # naive UTC
    published_is_fallback: bool  # True when the item had no date and took the fetch time
    first_fetched_at: datetime  # naive UTC


@dataclass
class ParsedFeed:
    items: list[NewsItem] = field(default_factory=list)
    warning: str | None = None  # feedparser's "bozo" complaint about a recoverable document


def canonical_link(url: str | None) -> str | None:
    """The article's URL without tracking parameters or fragment, scheme and host lower-cased."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not TRACKING_PARAMS.match(k.lower())]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       urlencode(query), ""))


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("p", "br", "div", "li"):
            self.chunks.append(" ")


def plain_text(fragment: str | None) -> str:
    """HTML (as feeds put in descriptions) → one line of plain text."""
    if not fragment:
        return ""
    extractor = _TextExtractor()
    extractor.feed(fragment)
    extractor.close()
    return re.sub(r"\s+", " ", html.unescape("".join(extractor.chunks))).strip()


def item_key(feed_id: str, guid: str) -> str:
    return hashlib.sha256(f"{feed_id}|{guid}".encode()).hexdigest()[:32]


def _utc(struct) -> datetime | None:
    if not struct:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(struct), tz=UTC).replace(tzinfo=None)
    except (OverflowError, ValueError, OSError):
        return None  # a date no clock can hold


def _bounded(value: str | None, name: str, problems: list[str]) -> str | None:
    """The value without control characters, cut to its field's limit (noted in problems)."""
    if value is None:
        return None
    value = CONTROL.sub("", value)
    limit = LIMITS[name]
    if len(value) > limit:
        problems.append(f"{name} cut to {limit} characters")
        value = value[:limit]
    return value


def _article_url(link: str | None, problems: list[str]) -> str | None:
    link = _bounded((link or "").strip(), "link", problems) or None
    scheme = urlsplit(link).scheme.lower() if link else ""
    if scheme in ("http", "https"):
        return link
    if scheme:  # file:, javascript:, data:, ...; a relative one (an RSS guid taken as a
        problems.append("link that is not http(s) dropped")  # permalink) is dropped quietly
    return None


def _entry_to_item(entry, feed_id: str, fetched_at: datetime,
                   problems: list[str]) -> NewsItem | None:
    """The entry as an item, bounded; what had to be cut or dropped is added to problems."""
    link = _article_url(entry.get("link"), problems)
    canonical = canonical_link(link)
    guid = _bounded((entry.get("id") or "").strip(), "guid", problems) or canonical
    title = _bounded(plain_text(entry.get("title")), "title", problems)
    if not guid or not title:
        problems.append("item without a title, or without an id and an http(s) link, skipped")
        return None
    published = _utc(entry.get("published_parsed")) or _utc(entry.get("updated_parsed"))
    if published and not EARLIEST <= published <= fetched_at + LATEST_AHEAD:
        problems.append("date outside 1990..the fetch day taken as none")
        published = None
    categories = [_bounded(t["term"], "category", problems)
                  for t in entry.get("tags", []) if t.get("term")]
    if len(categories) > MAX_CATEGORIES:
        problems.append(f"categories cut to {MAX_CATEGORIES}")
    return NewsItem(
        item_id=item_key(feed_id, guid),
        feed_id=feed_id,
        guid=guid,
        link=link,
        canonical_link=canonical,
        title=title,
        summary=_bounded(plain_text(entry.get("summary")), "summary", problems),
        author=_bounded(entry.get("author"), "author", problems),
        categories=categories[:MAX_CATEGORIES],
        published_at=published or fetched_at,
        published_is_fallback=published is None,
        first_fetched_at=fetched_at,
    )


def _ascii_compatible(body: bytes, headers: dict[str, str]) -> bool:
    """Whether `<!ENTITY` would be those very bytes: the document starts in ASCII and neither
    its XML declaration nor the Content-Type names another kind of encoding."""
    head = body[:1024]
    if not re.match(rb"(\xef\xbb\xbf)?\s*<", head):
        return False
    named = re.findall(rb"encoding\s*=\s*[\"']([^\"']+)", head.split(b"?>", 1)[0])
    named += re.findall(r"charset\s*=\s*[\"']?([\w.:-]+)", headers.get("content-type", ""))
    return all(ASCII_ENCODINGS.match(name if isinstance(name, str) else name.decode("ascii",
                                                                                    "replace"))
               for name in named)


def _declares_entities(body: bytes, headers: dict[str, str]) -> bool:
    if ENTITY_DECLARATION.search(body):
        return True
    if _ascii_compatible(body, headers):  # (most feeds: no second decoding needed)
        return False
    # as feedparser will decode it (EBCDIC, UTF-7, a charset from the headers, ...)
    return ENTITY.encode() in convert_to_utf8(headers, body, {})


def parse_feed(body: bytes, feed_id: str, fetched_at: datetime,
               headers: dict[str, str] | None = None, max_items: int = MAX_ITEMS) -> ParsedFeed:
    """Parse one fetched document, keeping at most max_items items. Raises FeedError when
    nothing usable can come of it."""
    # feedparser reads only lower-case header names (content-type decides the encoding)
    lowered = {name.lower(): value for name, value in (headers or {}).items()}
    if _declares_entities(body, lowered):
        raise FeedError("document declares XML entities (entity-expansion or external-entity risk)")
    # A BytesIO, never the bytes: feedparser treats a bytes value that looks like a path as one.
    parsed = feedparser.parse(io.BytesIO(body), response_headers=lowered)
    version = parsed.get("version")
    if not version and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise FeedError(f"not a feed: {reason}")
    result = ParsedFeed()
    if parsed.get("bozo"):
        result.warning = f"recoverable feed problem: {parsed.get('bozo_exception')}"
    elif not parsed.entries:
        result.warning = "feed has no items"
    seen: set[str] = set()
    problems: Counter[str] = Counter()
    for entry in parsed.entries:
        found: list[str] = []
        item = _entry_to_item(entry, feed_id, fetched_at, found)
        problems.update(set(found))
        if item and item.item_id not in seen:  # a feed repeating an item lists it once
            seen.add(item.item_id)
            result.items.append(item)
    notes = [result.warning] if result.warning else []
    if problems:
        notes.append("items bounded: " + ", ".join(f"{problem} ({n})" for problem, n
                                                   in sorted(problems.items())))
    if len(result.items) > max_items:
        notes.append(f"items cut to the first {max_items} of {len(result.items)}"
                     " (max_items_per_fetch)")
        del result.items[max_items:]
    result.warning = "; ".join(notes) or None
    return result

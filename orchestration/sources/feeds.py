"""Feed bytes → normalised news items (pure: no I/O besides the bytes handed in)."""

from __future__ import annotations

import calendar
import hashlib
import html
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import feedparser

# Query parameters that only track the reader; an article with and without them is one article.
TRACKING_PARAMS = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ncid|__source)$")
# Entity declarations are how billion-laughs and external-entity attacks start; no feed needs one.
# XML keywords are case-sensitive; the declaration is looked for in every encoding XML allows.
ENTITY_DECLARATION = re.compile(b"|".join(
    re.escape("<!ENTITY".encode(encoding))
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")))


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
    return datetime.fromtimestamp(calendar.timegm(struct), tz=UTC).replace(tzinfo=None)


def _entry_to_item(entry, feed_id: str, fetched_at: datetime) -> NewsItem | None:
    link = entry.get("link")
    canonical = canonical_link(link)
    guid = (entry.get("id") or "").strip() or canonical
    title = plain_text(entry.get("title"))
    if not guid or not title:
        return None  # nothing to key it on, or nothing to read
    published = _utc(entry.get("published_parsed")) or _utc(entry.get("updated_parsed"))
    return NewsItem(
        item_id=item_key(feed_id, guid),
        feed_id=feed_id,
        guid=guid,
        link=link,
        canonical_link=canonical,
        title=title,
        summary=plain_text(entry.get("summary")),
        author=entry.get("author"),
        categories=[t["term"] for t in entry.get("tags", []) if t.get("term")],
        published_at=published or fetched_at,
        published_is_fallback=published is None,
        first_fetched_at=fetched_at,
    )


def parse_feed(body: bytes, feed_id: str, fetched_at: datetime,
               headers: dict[str, str] | None = None) -> ParsedFeed:
    """Parse one fetched document. Raises FeedError when nothing usable can come of it."""
    if ENTITY_DECLARATION.search(body):
        raise FeedError("document declares XML entities (entity-expansion or external-entity risk)")
    # A BytesIO, never the bytes: feedparser treats a bytes value that looks like a path as one.
    # feedparser reads only lower-case header names (content-type decides the encoding)
    lowered = {name.lower(): value for name, value in (headers or {}).items()}
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
    for entry in parsed.entries:
        item = _entry_to_item(entry, feed_id, fetched_at)
        if item and item.item_id not in seen:  # a feed repeating an item lists it once
            seen.add(item.item_id)
            result.items.append(item)
    return result

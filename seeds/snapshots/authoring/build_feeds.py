#!/usr/bin/env python3
"""Build the offline feed snapshots from stories.csv (standard library only).

For every feed in seeds/feeds.csv and every UTC day D from 2025-01-13 to
2025-02-07, write seeds/snapshots/feeds/<feed_id>/<D>.xml: the document the
feed would have served when captured at 23:30 UTC on D, i.e. its items
published in the 72 hours before the capture time (newest first, at most 25).

Conventions in stories.csv:
  * url_path starting with "https://" is a full canonical URL shared by every
    feed carrying the story (a syndicated story); otherwise the link is
    https://<the feed's domain><url_path>.
  * a note containing "[no-date]" makes the item appear without a date.

The output depends on stories.csv and feeds.csv only: re-running the script
rewrites byte-identical files.
"""
import csv
import hashlib
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent
OUT = HERE.parent / "feeds"
FIRST_DAY, LAST_DAY = date(2025, 1, 13), date(2025, 2, 7)
CAPTURE_AT = time(23, 30)
WINDOW = timedelta(hours=72)
MAX_ITEMS = 25
GENERATOR = "newsimpact snapshot builder (authored fixture)"
COMMENT = ("<!-- Authored for the newsimpact offline demo: headlines and summaries "
           "written in this project about real events. Not a capture of the "
           "outlet's feed. Built by seeds/snapshots/authoring/build_feeds.py -->")
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
EST = timedelta(hours=-5)

# Per-feed presentation. "zone" is how dates are written; "guid" the guid style;
# "track" a query string appended to every item link.
FEEDS = {
    "cnbc_top_news": dict(
        domain="www.cnbc.com", zone="GMT", guid="cnbc", track="", curly=False,
        title="US Top News and Analysis", site="https://www.cnbc.com/",
        description="Top business, market and economy headlines.", lang="en-us",
        more="Read the full story", ttl="15"),
    "marketwatch_top_stories": dict(
        domain="www.marketwatch.com", zone="-0500", guid="mw",
        track="?utm_source=rss&utm_medium=feed", curly=False,
        title="MarketWatch.com - Top Stories", site="https://www.marketwatch.com/",
        description="The day's top stories on markets, investing and the economy.",
        lang="en-US", more="", ttl=""),
    "techcrunch": dict(
        domain="techcrunch.com", zone="+0000", guid="tc", track="", curly=True,
        title="TechCrunch", site="https://techcrunch.com/",
        description="Startup and Technology News", lang="en-US",
        more="Continue reading&#8230;", ttl=""),
    "the_verge": dict(
        domain="www.theverge.com", zone="atom", guid="link", track="", curly=True,
        title="The Verge", site="https://www.theverge.com/",
        description="Technology, science, art and culture.", lang="en-US",
        more="Read the full story at The Verge.", ttl=""),
    "coindesk": dict(
        domain="www.coindesk.com", zone="+0000", guid="uuid", track="", curly=True,
        title="CoinDesk: Bitcoin, Ethereum, Crypto News and Price Data",
        site="https://www.coindesk.com/",
        description="Crypto markets, policy and technology news.", lang="en",
        more="", ttl="10"),
    "cointelegraph": dict(
        domain="cointelegraph.com", zone="+0000", guid="link", curly=False,
        track="?utm_source=rss_feed&utm_medium=rss&utm_campaign=rss_partner_inbound",
        title="Cointelegraph.com News", site="https://cointelegraph.com",
        description="Blockchain and crypto news, analysis and prices.", lang="en",
        more="Read more", ttl=""),
}


def parse_utc(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def load_stories(path):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["dt"] = parse_utc(row["published_at"])
        row["feed_list"] = row["feeds"].split("|")
    return rows


def load_feed_urls(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return {row["feed_id"]: row["url"] for row in csv.DictReader(fh)}


def digest(*parts):
    return hashlib.sha1("/".join(parts).encode("utf-8")).hexdigest()


def rfc822(dt, zone):
    local = dt + (EST if zone == "-0500" else timedelta(0))
    return "%s, %02d %s %d %s %s" % (DAYS[local.weekday()], local.day,
                                    MONTHS[local.month - 1], local.year,
                                    local.strftime("%H:%M:%S"), zone)


def atom_date(dt):
    return (dt + EST).strftime("%Y-%m-%dT%H:%M:%S") + "-05:00"


def canonical_link(story, cfg):
    path = story["url_path"]
    return path if path.startswith("https://") else "https://" + cfg["domain"] + path


def guid_for(story, feed_id, cfg):
    h = digest(feed_id, story["story_id"])
    style = cfg["guid"]
    if style == "cnbc":
        return "108%06d" % (int(h[:8], 16) % 10**6), False
    if style == "mw":
        return "SB%020d" % (int(h[:16], 16) % 10**20), False
    if style == "tc":
        return "https://techcrunch.com/?p=29%05d" % (int(h[:8], 16) % 10**5), False
    if style == "uuid":
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:32]), False
    return canonical_link(story, cfg), True


def typographic(text, cfg):
    """XML/HTML-escape; some outlets turn apostrophes into &#8217;."""
    out = escape(text)
    return out.replace("'", "&#8217;") if cfg["curly"] else out


def split_lede(summary):
    """First sentence / rest, splitting only after a lowercase letter or digit."""
    for i in range(1, len(summary) - 2):
        if summary[i] == "." and summary[i + 1] == " " and summary[i + 2].isupper() \
                and (summary[i - 1].islower() or summary[i - 1].isdigit() or summary[i - 1] == "%"):
            return summary[:i + 1], summary[i + 2:]
    return summary, ""


def body_html(story, cfg, link):
    lede, rest = split_lede(story["summary"])
    if rest:
        para = "<p><strong>%s</strong> %s</p>" % (typographic(lede, cfg), typographic(rest, cfg))
    else:
        para = "<p>%s</p>" % typographic(lede, cfg)
    if cfg["more"]:
        para += '<p><a href="%s">%s</a></p>' % (escape(link), cfg["more"])
    return para


def byline(story):
    return story["categories"].split("|")[0] + " desk"


def rss_item(story, feed_id, cfg):
    link = canonical_link(story, cfg) + cfg["track"]
    guid, permalink = guid_for(story, feed_id, cfg)
    lines = ["    <item>",
             "      <title>%s</title>" % typographic(story["title"], cfg),
             "      <link>%s</link>" % escape(link)]
    attr = "" if permalink else ' isPermaLink="false"'
    lines.append("      <guid%s>%s</guid>" % (attr, escape(guid)))
    if "[no-date]" not in story["note"]:
        lines.append("      <pubDate>%s</pubDate>" % rfc822(story["dt"], cfg["zone"]))
    if feed_id == "marketwatch_top_stories":
        lines.append("      <author>%s</author>" % escape(byline(story)))
    else:
        lines.append("      <dc:creator><![CDATA[%s]]></dc:creator>" % byline(story))
    for cat in story["categories"].split("|"):
        lines.append("      <category><![CDATA[%s]]></category>" % cat)
    lines.append("      <description><![CDATA[%s]]></description>" % body_html(story, cfg, link))
    lines.append("    </item>")
    return lines


def rss_document(feed_id, cfg, self_url, items, capture):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', COMMENT,
             '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
             'xmlns:atom="http://www.w3.org/2005/Atom">',
             "  <channel>",
             "    <title>%s</title>" % escape(cfg["title"]),
             "    <link>%s</link>" % escape(cfg["site"]),
             '    <atom:link href=%s rel="self" type="application/rss+xml"/>' % quoteattr(self_url),
             "    <description>%s</description>" % escape(cfg["description"]),
             "    <language>%s</language>" % cfg["lang"],
             "    <lastBuildDate>%s</lastBuildDate>" % rfc822(capture, cfg["zone"]),
             "    <generator>%s</generator>" % GENERATOR]
    if cfg["ttl"]:
        lines.append("    <ttl>%s</ttl>" % cfg["ttl"])
    for story in items:
        lines.extend(rss_item(story, feed_id, cfg))
    lines += ["  </channel>", "</rss>"]
    return lines


def atom_updated(story, capture):
    bump = timedelta(minutes=15 * (int(digest("updated", story["story_id"])[:2], 16) % 3))
    return min(story["dt"] + bump, capture)


def atom_entry(story, feed_id, cfg, capture):
    link = canonical_link(story, cfg) + cfg["track"]
    html = body_html(story, cfg, link)
    lines = ["  <entry>",
             "    <title>%s</title>" % typographic(story["title"], cfg),
             '    <link rel="alternate" type="text/html" href=%s/>' % quoteattr(link),
             "    <id>%s</id>" % escape(guid_for(story, feed_id, cfg)[0]),
             "    <published>%s</published>" % atom_date(story["dt"]),
             "    <updated>%s</updated>" % atom_date(atom_updated(story, capture)),
             "    <author><name>%s</name></author>" % escape(byline(story))]
    for cat in story["categories"].split("|"):
        lines.append("    <category term=%s label=%s/>" % (quoteattr(cat), quoteattr(cat)))
    lines.append('    <summary type="html">%s</summary>' % escape(html))
    if int(digest("content", story["story_id"])[:2], 16) % 2 == 0:
        lines.append('    <content type="html"><![CDATA[%s]]></content>' % html)
    lines.append("  </entry>")
    return lines


def atom_document(feed_id, cfg, self_url, items, capture):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', COMMENT,
             '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="%s">' % cfg["lang"],
             "  <title>%s</title>" % escape(cfg["title"]),
             "  <subtitle>%s</subtitle>" % escape(cfg["description"]),
             "  <id>%s</id>" % escape(self_url),
             '  <link rel="self" type="application/atom+xml" href=%s/>' % quoteattr(self_url),
             '  <link rel="alternate" type="text/html" href=%s/>' % quoteattr(cfg["site"]),
             "  <updated>%s</updated>" % atom_date(capture),
             "  <icon>https://%s/favicon.ico</icon>" % cfg["domain"],
             "  <generator>%s</generator>" % GENERATOR]
    for story in items:
        lines.extend(atom_entry(story, feed_id, cfg, capture))
    lines.append("</feed>")
    return lines


def capture_items(stories, feed_id, capture):
    picked = [s for s in stories
              if feed_id in s["feed_list"] and capture - WINDOW < s["dt"] <= capture]
    picked.sort(key=lambda s: (s["dt"], s["story_id"]), reverse=True)
    return picked[:MAX_ITEMS]


def check_guids(stories):
    for feed_id, cfg in FEEDS.items():
        guids = [guid_for(s, feed_id, cfg)[0] for s in stories if feed_id in s["feed_list"]]
        if len(guids) != len(set(guids)):
            raise SystemExit("duplicate guid in " + feed_id)


def capture_days():
    day = FIRST_DAY
    while day <= LAST_DAY:
        yield day
        day += timedelta(days=1)


def build(stories, feed_urls):
    written = 0
    for feed_id, cfg in FEEDS.items():
        folder = OUT / feed_id
        folder.mkdir(parents=True, exist_ok=True)
        for day in capture_days():
            capture = datetime.combine(day, CAPTURE_AT, tzinfo=UTC)
            items = capture_items(stories, feed_id, capture)
            if not items:
                raise SystemExit("empty capture: %s %s" % (feed_id, day))
            make = atom_document if cfg["zone"] == "atom" else rss_document
            lines = make(feed_id, cfg, feed_urls[feed_id], items, capture)
            (folder / ("%s.xml" % day.isoformat())).write_bytes(
                ("\n".join(lines) + "\n").encode("utf-8"))
            written += 1
    return written


def main():
    stories = load_stories(HERE / "stories.csv")
    check_guids(stories)
    count = build(stories, load_feed_urls(SEEDS / "feeds.csv"))
    print("wrote %d documents to %s" % (count, OUT))


if __name__ == "__main__":
    main()

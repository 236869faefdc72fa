"""A deterministic, seeded generator of synthetic benchmark data for newsimpact.

    .venv/bin/python -m tests.benchmarks.generator --size S|M|L|XS --out DIR [--seed 7]
                                                   [--years N] [--landing-days N] [--force]

It writes, in DIR: seeds/ (assets, feeds, entities, plus the repository's event types and
sentiment lexicon), warehouse.duckdb (raw.sessions, raw.prices, raw.news_items as ingestion
creates them), landing/ (the feed documents of the last days and every asset's Yahoo chart
responses, archived as ingestion archives them), planted_events.csv and manifest.json. See
tests/benchmarks/README.md.

Everything is a function of (size, seed, years, landing days): a second run writes identical
tables and files. History ends on LAST_DAY; RUN_DAY, the day after, is the daily run's day: its
feed documents and price bars exist only in landing/.

Feed capture model: a feed is captured once a day at 23:30 UTC (CAPTURE_TIME); an item belongs to
the first capture at or after its publication, so an item published at 23:45 is in the next
day's document and its first_fetched_at is the next day at 23:30.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import resource
import shutil
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import duckdb
import numpy as np
import pandas as pd

from orchestration.ingestion import raw as warehouse
from orchestration.ingestion.calendars import CRYPTO, session_rows
from orchestration.sources import landing
from orchestration.sources.feeds import canonical_link, item_key, plain_text
from orchestration.sources.fetched import Fetched
from orchestration.sources.providers import yahoo
from orchestration.sources.transport import CAPTURE_TIME

from . import lexicon as L
from . import vocabulary as V

REPO = Path(__file__).resolve().parents[2]
REPO_SEEDS = REPO / "seeds"
LAST_DAY = date(2025, 6, 30)  # history ends here (articles and bars up to and including it)
RUN_DAY = date(2025, 7, 1)  # the daily run's day: landed, not in the raw tables
SESSIONS_UNTIL = date(2026, 12, 31)
SESSIONS_BEFORE = 400  # days of sessions before the first price day
LOADED_AT = datetime(2025, 7, 1, 0, 0, 0)  # raw rows' loaded_at: any fixed time
CAPTURE_SECONDS = sum(int(part) * unit for part, unit in zip(CAPTURE_TIME.split(":"),
                                                             (3600, 60, 1), strict=True))
EPOCH = date(1970, 1, 1)
PLANTED_TYPES = ("market_selloff", "earnings", "investment_deal", "trade_tariff")
KEYWORD_SHARE = 0.02  # background articles that carry an event keyword
NEAR_DUPLICATE_SHARE = 0.05  # re-reported by another feed, a title word swapped, another URL
SAME_URL_SHARE = 0.01  # the same URL in another feed, with utm_ parameters
MISSING_BAR_SHARE = 0.0005
MIN_PLANTED_GAP = 30  # sessions between two planted events of one asset
PLANTED_AFTER_DAYS = 300
CHUNK_ROWS = 100_000  # raw.news_items rows written per insert
LEXICON_GROWTH = 0.7  # the lexicon grows as articles^0.7 (Heaps' law), 1.0 at size M


@dataclass(frozen=True)
class Size:
    assets: int  # including one benchmark index per calendar
    years: float
    articles: int
    feeds: int
    planted: int


SIZES = {
    "XS": Size(8, 1.2, 1_500, 4, 6),
    "S": Size(20, 1.2, 5_000, 6, 12),
    "M": Size(200, 5, 1_000_000, 100, 200),
    "L": Size(1_000, 10, 10_000_000, 300, 1_000),
}


@dataclass
class Entity:
    entity_id: str
    name: str
    entity_type: str  # company | token | person | country | organisation | product
    aliases: list[str]
    symbols: list[str]
    forms: list[str]  # how articles name it (aliases, most common first)


@dataclass
class Feed:
    feed_id: str
    name: str
    url: str
    topic: str
    domain: str
    link_style: int  # 0: /yyyy/mm/dd/slug-n/, 1: /news/topic/slug-n.html, 2: /article/n?section=
    guid_style: str  # "link" (guid is the permalink) or "serial" (isPermaLink="false")
    date_style: str  # "GMT", "+0000" or "America/New_York"


@dataclass
class Planted:
    planted_id: str
    entity_id: str
    symbol: str
    event_type: str
    first_seen_at: datetime
    t0_date: date
    abnormal_return: float
    n_articles: int
    # internal
    entity_index: int = 0
    asset_index: int = 0
    session_index: int = 0  # of t0 among the asset's price sessions
    volume_factor: float = 1.0


@dataclass(slots=True)
class Article:
    """One feed item before it is keyed: what the generator decides about it."""

    feed: int
    published: int  # epoch seconds, UTC
    title: str
    summary: str
    author: str | None
    categories: str  # "A|B"
    link: str
    guid: str
    keyword: str | None  # the event type whose keyword it carries
    origin: str  # articles of one happening share it (copies, a planted event)
    planted: str | None = None
    entities: tuple[int, ...] = field(default=())
    keyword_in_title: bool = False  # the keyword is a title tail (else a summary sentence)

    @property
    def capture_day(self) -> date:
        return EPOCH + timedelta(days=(self.published + 86400 - CAPTURE_SECONDS) // 86400)


def log(message: str) -> None:
    print(f"generator: {message}", flush=True)


def _day_seconds(day: date) -> int:
    return (day - EPOCH).days * 86400


def _utc(seconds: int) -> datetime:
    return datetime(1970, 1, 1) + timedelta(seconds=seconds)


def _capture_at(day: date) -> datetime:
    return datetime.fromisoformat(f"{day.isoformat()}T{CAPTURE_TIME}")


EVENT_MIN_CONFIDENCE = 0.75  # dbt var event_min_confidence


@dataclass(frozen=True)
class EventRule:
    """One row of seeds/event_types.csv, compiled as dbt applies it (case-insensitive, no
    anchors, the guard vetoing the pattern in the same field). A self-check only: the
    project's rule lives in dbt (int_article_types)."""

    event_type: str
    pattern: re.Pattern
    guard: re.Pattern | None

    def matches(self, field: str) -> bool:
        return bool(self.pattern.search(field)) and not (self.guard and self.guard.search(field))

    def confidence(self, title: str, summary: str) -> float:
        in_summary = self.matches(summary)
        return (1.0 if in_summary else 0.75) if self.matches(title) else 0.5 * in_summary


def event_rules(seeds_dir: Path = REPO_SEEDS) -> list[EventRule]:
    """The event-type rules by priority."""
    with (seeds_dir / "event_types.csv").open(newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["pattern"]]
    rows.sort(key=lambda row: (int(row["priority"]), row["event_type"]))
    return [EventRule(row["event_type"], re.compile(row["pattern"], re.IGNORECASE),
                      re.compile(row["guard"], re.IGNORECASE) if row.get("guard") else None)
            for row in rows]


def classify(title: str, summary: str, rules: list[EventRule]) -> str | None:
    """The article's best type as int_article_types decides it: highest confidence, ties to
    the higher priority, nothing below EVENT_MIN_CONFIDENCE."""
    best, best_type = 0.0, None
    for rule in rules:
        confidence = rule.confidence(title, summary)
        if confidence > best:
            best, best_type = confidence, rule.event_type
    return best_type if best >= EVENT_MIN_CONFIDENCE else None


def any_rule_matches(text: str, rules: list[EventRule]) -> bool:
    """Whether any pattern matches anywhere, guards aside: text meant to carry no keyword."""
    return any(rule.pattern.search(text) for rule in rules)


def rules_union(rules: list[EventRule]) -> str:
    return "|".join(f"(?:{rule.pattern.pattern})" for rule in rules)


# ------------------------------------------------------------------------------------ names
class Names:
    """Synthetic, pronounceable, unique names that no vocabulary word or rule can mistake."""

    BANNED_ENDINGS = ("ai", "rate", "chip", "data", "trade", "open", "digital", "crypto")
    UNSEEMLY = re.compile(r"fart|shit|dick|cock|cum|piss|anus|anal|rape|nazi|porn|twat|cunt|slut"
                          r"|whore|poo|ass|tit|sex|fuk|fuc|kil")

    def __init__(self, rng: random.Random, rules: list[EventRule]):
        self.rng = rng
        self.rules = rules
        self.taken: set[str] = set()
        self.vocabulary = _vocabulary_words()

    def word(self, min_len: int = 5, max_len: int = 10) -> str:
        for _ in range(100_000):
            word = (self.rng.choice(V.ONSETS) + self.rng.choice(V.MIDDLES)
                    + self.rng.choice(V.ENDINGS))
            word = word[0] + word[1:].lower()
            if self.acceptable(word, min_len, max_len):
                self.taken.add(word.lower())
                return word
        raise RuntimeError("ran out of synthetic names")

    def acceptable(self, word: str, min_len: int = 1, max_len: int = 99) -> bool:
        low = word.lower()
        return (min_len <= len(word) <= max_len and low not in self.taken
                and low not in self.vocabulary and not low.endswith(self.BANNED_ENDINGS)
                and re.search(r"(.)\1\1", low) is None and not self.UNSEEMLY.search(low)
                and not any_rule_matches(f"{word} {word}", self.rules))

    def claim(self, word: str) -> str:
        self.taken.add(word.lower())
        return word


def _vocabulary_words() -> set[str]:
    words: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            words.update(re.findall(r"[a-z0-9]+", value.lower()))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    for name in dir(V):
        if name.isupper() and name not in ("ONSETS", "MIDDLES", "ENDINGS"):
            walk(getattr(V, name))
    return words


def _ticker(name: str, taken: set[str], rng: random.Random, length: int = 4) -> str:
    letters = re.sub(r"[^A-Z]", "", name.upper())
    consonants = letters[0] + re.sub(r"[AEIOU]", "", letters[1:])
    candidates = [letters[:length], consonants[:length], letters[0] + consonants[1:length],
                  letters[:length - 1] + letters[-1]]
    reserved = {"AI", "CEO", "IPO", "ETF", "USD", "GDP", "CFO", "SEC", "NSC", "GPC", "CBA",
                "EDB", "ACA", "IDX", "US", "UK", "EU"}
    unseemly = Names.UNSEEMLY
    for candidate in candidates:
        if len(candidate) == length and candidate not in taken and candidate not in reserved \
                and not unseemly.search(candidate.lower()):
            taken.add(candidate)
            return candidate
    while True:
        candidate = letters[0] + "".join(rng.choice("BCDFGHKLMNPRSTVWXZ")
                                         for _ in range(length - 1))
        if candidate not in taken and candidate not in reserved \
                and not unseemly.search(candidate.lower()):
            taken.add(candidate)
            return candidate


# ------------------------------------------------------------------------------------ the data
class Generator:
    """The whole synthetic data set of one (size, seed, years, landing days)."""

    def __init__(self, size: str = "XS", seed: int = 7, years: float | None = None,
                 landing_days: int = 30):
        if size not in SIZES:
            raise ValueError(f"unknown size {size!r}; one of {', '.join(SIZES)}")
        self.size_name, self.size, self.seed = size, SIZES[size], seed
        self.years = float(years if years is not None else self.size.years)
        self.first_day = LAST_DAY - timedelta(days=round(self.years * 365.25) - 1)
        history_days = (LAST_DAY - self.first_day).days + 1
        if not 0 <= landing_days < history_days:
            raise ValueError(f"--landing-days must be in 0..{history_days - 1}")
        if history_days <= PLANTED_AFTER_DAYS + 30:
            raise ValueError("history too short for planted events (at least a year)")
        self.landing_days = landing_days
        self.landing_first = LAST_DAY - timedelta(days=landing_days - 1)  # first landed capture
        self.articles_per_day = self.size.articles / (self.size.years * 365.25)
        self.rules = event_rules()
        self._build_universe()
        self._build_sessions()
        self._plan_events()

    # ---------------------------------------------------------------- universe
    def _build_universe(self) -> None:
        rng = random.Random(f"{self.seed}:universe")
        names = Names(rng, self.rules)
        others = self.size.assets - 2
        n_crypto = max(1, round(0.1 * others))
        n_equity = others - n_crypto
        tickers: set[str] = set()
        self.assets: list[dict] = [
            dict(symbol="IDX-US", name="Synthetic US Composite Index", asset_class="index",
                 exchange="NYSE", calendar="XNYS", currency="USD", benchmark_symbol="",
                 provider="yahoo", provider_symbol="IDX-US", sector="broad market"),
            dict(symbol="IDX-CRYPTO", name="Synthetic Crypto Market Index", asset_class="index",
                 exchange="", calendar=CRYPTO, currency="USD", benchmark_symbol="",
                 provider="yahoo", provider_symbol="IDX-CRYPTO", sector="crypto"),
        ]
        self.entities: list[Entity] = []
        # The first names exercise the alias rules: "Peak" (case-sensitive, and "peak" is a
        # common word), "Arc" (a prefix of "architecture", "archive"), "SOL" (of "solution").
        traps_equity = [("Peak", "Circuits", "PEKC"), ("Arc", "Dynamics", "ARCD")]
        traps_token = [("Solvane", "SOL")]
        for i in range(n_equity):
            if i < len(traps_equity):
                short, industry, ticker = traps_equity[i]
                names.claim(short)
                tickers.add(ticker)
            else:
                short, industry = names.word(), rng.choice(V.INDUSTRIES)
                ticker = _ticker(short, tickers, rng, 4 if rng.random() < 0.8 else 3)
            full = f"{short} {industry}"
            self.assets.append(dict(
                symbol=ticker, name=full, asset_class="equity",
                exchange=rng.choice(["NASDAQ", "NYSE"]), calendar="XNYS", currency="USD",
                benchmark_symbol="IDX-US", provider="yahoo", provider_symbol=ticker,
                sector=industry.lower()))
            self.entities.append(Entity(
                re.sub(r"\W+", "_", full.lower()), full, "company", [full, short, ticker],
                [ticker], [short, full, ticker]))
        for i in range(n_crypto):
            if i < len(traps_token):
                short, ticker = traps_token[i]
                names.claim(short)
                tickers.add(ticker)
                suffix = ""
            else:
                short = names.word(5, 9)
                ticker = _ticker(short, tickers, rng, 3 if rng.random() < 0.6 else 4)
                suffix = rng.choice(V.TOKEN_SUFFIXES)
            full = f"{short}{suffix}"
            symbol = f"{ticker}-USD"
            self.assets.append(dict(
                symbol=symbol, name=full, asset_class="crypto", exchange="", calendar=CRYPTO,
                currency="USD", benchmark_symbol="IDX-CRYPTO", provider="yahoo",
                provider_symbol=symbol, sector="crypto"))
            aliases = [full, short, ticker] if suffix else [short, ticker]
            self.entities.append(Entity(
                re.sub(r"\W+", "_", full.lower()), full, "token", aliases, [symbol],
                [short, ticker] + ([full] if suffix else [])))
        self.asset_entity = {entity.symbols[0]: i for i, entity in enumerate(self.entities)}
        companies = [e for e in self.entities if e.entity_type == "company"]
        # people: chief executives of the first companies, and a few others
        for i in range(12):
            first, surname = rng.choice(V.FIRST_NAMES), names.word(5, 9)
            full = f"{first} {surname}"
            linked = [companies[i].symbols[0]] if i < min(8, len(companies)) else []
            self.entities.append(Entity(re.sub(r"\W+", "_", full.lower()), full, "person",
                                        [full, surname], linked, [surname, full]))
        for country in V.COUNTRIES:
            self.entities.append(Entity(re.sub(r"\W+", "_", country.lower()), country,
                                        "country", [country], [], [country]))
        for name, extra in V.ORGANISATIONS:
            linked = {"V&P 500": ["IDX-US"], "Open Ledger Foundation": ["IDX-CRYPTO"]}.get(name, [])
            entity_id = re.sub(r"\W+", "_", name.lower().replace("&", "_and_")).strip("_")
            self.entities.append(Entity(entity_id, name, "organisation", [name, *extra], linked,
                                        [name, *extra]))
        # products with a hyphen and a digit in their name, linked to their maker
        for company in companies[:2]:
            product = f"{names.word(4, 6)}-{rng.randint(2, 9)}"
            self.entities.append(Entity(re.sub(r"\W+", "_", product.lower()), product,
                                        "product", [product], list(company.symbols), [product]))
        # popularity: a long tail; crypto feeds name tokens far more often
        order = list(range(len(self.entities)))
        rng.shuffle(order)
        weights = np.empty(len(self.entities))
        for rank, index in enumerate(order):
            weights[index] = 1.0 / (rank + 3) ** 0.9
        self.popularity = weights / weights.sum()
        crypto = weights * np.array([8.0 if e.entity_type == "token" else 1.0
                                     for e in self.entities])
        self.crypto_popularity = crypto / crypto.sum()
        self._build_feeds(rng)
        # the synthetic lexicon: no word of it is an entity's alias or a vocabulary word
        reserved = set(names.taken) | names.vocabulary
        for entity in self.entities:
            for alias in entity.aliases:
                reserved.update(re.findall(r"[a-z0-9]+", alias.lower()))
        scale = (self.size.articles / SIZES["M"].articles) ** LEXICON_GROWTH
        self.lexicon = L.Lexicon(self.seed, scale, rules_union(self.rules), reserved)
        self._fillers = self.lexicon.fillers()
        # title contexts and summary sentences with their vocabulary slots filled, drawn from
        # pools (cheaper than filling); lexicon slots are filled at each draw
        self._contexts = _pool(V.CONTEXTS + V.NUMBER_CONTEXTS + 6 * V.NAME_CONTEXTS,
                               FastRandom(f"{self.seed}:contexts"), 8192)
        self._sentences = _pool(V.GENERIC_SENTENCES, FastRandom(f"{self.seed}:sentences"), 8192)
        self.authors = [f"{first} {last}" for first in V.FIRST_NAMES for last in V.AUTHOR_SURNAMES]

    def _build_feeds(self, rng: random.Random) -> None:
        """Outlets (a name, a domain, house styles) with one to three topic feeds each."""
        topics = list(V.TOPICS)
        pairs: list[tuple[tuple, str]] = []
        used: set[str] = set()
        while len(pairs) < self.size.feeds:
            name = f"{rng.choice(V.OUTLET_WORDS)} {rng.choice(V.OUTLET_KINDS)}"
            if name in used:
                continue
            used.add(name)
            outlet = (name, name.lower().replace(" ", "-") + ".example", rng.randrange(3),
                      rng.choice(["link", "serial"]),
                      rng.choice(["GMT", "+0000", "America/New_York"]))
            for topic in rng.sample(topics, rng.randint(1, 3)):
                if len(pairs) < self.size.feeds:
                    pairs.append((outlet, topic))
        if not any(topic == "crypto" for _, topic in pairs):  # small sizes: one crypto feed
            pairs[-1] = (pairs[-1][0], "crypto")
        self.feeds: list[Feed] = []
        for (name, domain, link_style, guid_style, date_style), topic in pairs:
            self.feeds.append(Feed(
                re.sub(r"\W+", "_", f"{name} {topic}".lower()), f"{name} {topic.title()}",
                f"https://feeds.{domain}/{topic}/rss.xml", topic, domain, link_style,
                guid_style, date_style))
        weights = np.array([rng.lognormvariate(0, 0.5) for _ in self.feeds])
        self.feed_weights = weights / weights.sum()
        self.feed_is_crypto = np.array([f.topic == "crypto" for f in self.feeds])

    # ---------------------------------------------------------------- sessions
    def _build_sessions(self) -> None:
        start = self.first_day - timedelta(days=SESSIONS_BEFORE)
        self.session_rows = {cal: session_rows(cal, start, SESSIONS_UNTIL)
                             for cal in sorted({a["calendar"] for a in self.assets})}
        # the sessions that have a price bar (first day .. RUN_DAY)
        self.price_sessions = {}
        for cal, rows in self.session_rows.items():
            kept = [r for r in rows if self.first_day <= r["session_date"] <= RUN_DAY]
            self.price_sessions[cal] = {
                "date": [r["session_date"] for r in kept],
                "open_at": np.array([r["open_at"] for r in kept], dtype="datetime64[s]"),
                "close_at": np.array([r["close_at"] for r in kept], dtype="datetime64[s]"),
            }

    def t0_index(self, calendar: str, first_seen_at: datetime) -> int:
        """Index into the calendar's price sessions of t0: the first session whose close is at
        or after first_seen_at (the project's rule)."""
        closes = self.price_sessions[calendar]["close_at"]
        return int(np.searchsorted(closes, np.datetime64(first_seen_at, "s"), side="left"))

    # ---------------------------------------------------------------- planted events
    def _plan_events(self) -> None:
        rng = np.random.default_rng([self.seed, 3])
        candidates = [i for i, a in enumerate(self.assets) if a["asset_class"] != "index"]
        low = self.first_day + timedelta(days=PLANTED_AFTER_DAYS)
        span = (LAST_DAY - low).days
        taken: dict[int, list[int]] = defaultdict(list)
        drafts = []
        tries = 0
        while len(drafts) < self.size.planted:
            tries += 1
            if tries > 1_000_000:
                raise RuntimeError("cannot place the planted events")
            asset_index = candidates[int(rng.integers(len(candidates)))]
            day = low + timedelta(days=int(rng.integers(span)))
            second = int(rng.integers(86400))
            event_type = PLANTED_TYPES[int(rng.integers(len(PLANTED_TYPES)))]
            size = float(rng.uniform(0.06, 0.15))
            sign = -1.0 if event_type == "market_selloff" else float(rng.choice([-1.0, 1.0]))
            n_articles = int(rng.integers(6, 13))
            volume_factor = float(rng.uniform(3, 8))
            first_seen = datetime.combine(day, datetime.min.time()) + timedelta(seconds=second)
            asset = self.assets[asset_index]
            index = self.t0_index(asset["calendar"], first_seen)
            sessions = self.price_sessions[asset["calendar"]]["date"]
            if index >= len(sessions) or sessions[index] > LAST_DAY:
                continue
            if any(abs(index - other) < MIN_PLANTED_GAP for other in taken[asset_index]):
                continue
            taken[asset_index].append(index)
            drafts.append((first_seen, asset_index, index, event_type, sign * size, n_articles,
                           volume_factor))
        drafts.sort(key=lambda d: (d[0], d[1]))
        self.planted: list[Planted] = []
        for n, (first_seen, asset_index, index, event_type, ar, k, factor) in enumerate(drafts):
            asset = self.assets[asset_index]
            entity_index = self.asset_entity[asset["symbol"]]
            self.planted.append(Planted(
                f"P{n + 1:04d}", self.entities[entity_index].entity_id, asset["symbol"],
                event_type, first_seen, self.price_sessions[asset["calendar"]]["date"][index],
                ar, k, entity_index, asset_index, index, factor))
        # background articles naming a planted entity near its event carry no keyword, so the
        # event's first article is the planted one
        self.quiet: set[tuple[int, date]] = set()
        self.planted_by_day: dict[date, list[Planted]] = defaultdict(list)
        for event in self.planted:
            day = event.first_seen_at.date()
            self.planted_by_day[day].append(event)
            for offset in range(-3, 4):
                self.quiet.add((event.entity_index, day + timedelta(days=offset)))

    # ---------------------------------------------------------------- text
    def _form(self, r: random.Random, entity: Entity, possessive: bool = False) -> str:
        forms = entity.forms
        form = forms[0] if len(forms) == 1 or r.random() < 0.5 else r.choice(forms[1:])
        if possessive:
            form += "'" if form.endswith("s") else "'s"
        return form

    def _fill(self, template: str, r: random.Random, **known: str) -> str:
        return _fill(template, r, self._fillers, known)

    def _head(self, r: random.Random, entities: tuple[int, ...]) -> str:
        if not entities:
            if r.random() < 0.2:
                return f"{r.choice(V.GENERIC_SUBJECTS)} {r.choice(V.GENERIC_VPS)}"
            return r.choice(V.FIRM_HEADS)
        e1 = self.entities[entities[0]]
        if len(entities) == 2:
            e2 = self.entities[entities[1]]
            kinds = {"company", "token", "product"}
            if e1.entity_type not in kinds and e2.entity_type in kinds:
                e1, e2 = e2, e1
            a, b = self._form(r, e1), self._form(r, e2)
            if e1.entity_type in kinds:
                if e2.entity_type in kinds:
                    if r.random() < 0.6:
                        return r.choice(V.PAIR_LEX).replace("{E2}", b).replace("{E}", a)
                    return f"{a} {r.choice(V.PAIR_COMPANY)} {b}"
                if e2.entity_type == "country":
                    return f"{a} {r.choice(V.PAIR_COUNTRY)} {b}"
                if e2.entity_type == "person":
                    return f"{a} {r.choice(V.PAIR_PERSON).replace('{E2}', b)}"
                return f"{a} {r.choice(V.PAIR_ORG)} {b}"
            if "person" not in (e1.entity_type, e2.entity_type):
                return r.choice(V.PAIR_GENERAL).replace("{E2}", b).replace("{E}", a)
            entities = entities[:1]
            e1 = self.entities[entities[0]]
        kind = e1.entity_type
        if kind == "company":
            roll = r.random()
            form = self._form(r, e1)
            if roll < 0.1:
                article = "its " if r.random() < 0.6 else ""
                modifier = "{adj}" if r.random() < 0.5 else r.choice(("{city}", "{brand}"))
                return f"{form} {r.choice(V.COMPANY_VERBS)} {article}{modifier} {{noun}}"
            if roll < 0.65:
                return r.choice(V.COMPANY_LEX).replace("{E}", form)
            if roll < 0.68:
                return r.choice([f"{form} names a new {{role}}",
                                 f"{form} hires a {{role}} from {r.choice(V.RIVALS)}",
                                 f"{form} loses its {{role}}"])
            if roll < 0.71:
                return f"{form} wins a {r.choice(V.CONTRACT_SIZES)} {{sector}} contract"
            if roll < 0.76:
                return f"{form} {r.choice(V.CORPORATE)}"
            if roll < 0.86:
                if r.random() < 0.5:
                    return f"Shares of {form} {r.choice(V.MOVES_PLURAL)}"
                return f"{form} shares {r.choice(V.MOVES_PLURAL)}"
            if roll < 0.93:
                thing = "{adj} {noun}" if r.random() < 0.5 else "{product}"
                return f"{self._form(r, e1, possessive=True)} {thing} {r.choice(V.RECEPTIONS)}"
            return f"{r.choice(V.ANALYST_ON)} {form}"
        if kind == "token":
            roll = r.random()
            if roll < 0.2:
                return f"{self._form(r, e1)} {r.choice(V.MOVES_SINGULAR)}"
            if roll < 0.85:
                return f"{self._form(r, e1)} {r.choice(V.TOKEN_VERBS)}"
            return f"{r.choice(V.ANALYST_ON)} {self._form(r, e1)}"
        vps = {"person": V.PERSON_VPS, "country": V.COUNTRY_VPS, "organisation": V.ORG_VPS,
               "product": V.PRODUCT_VPS}[kind]
        return f"{self._form(r, e1)} {r.choice(vps)}"

    def _title(self, r: random.Random, entities: tuple[int, ...],
               keyword: str | None) -> tuple[str, int]:
        """A title of 8-14 words: a head, contexts and maybe the keyword tail; returns the title
        and the number of words of the keyword tail it ends with (0: none)."""
        for _ in range(20):
            head = self._fill(self._head(r, entities), r)
            n = len(head.split())
            if n <= 11:
                break
        parts = [head]
        in_title, keyword_words = False, 0
        if keyword and r.random() < 0.5:
            tail = r.choice(V.KEYWORD_TAILS[keyword])
            if n + len(tail.split()) <= 14:
                parts.append(tail)
                keyword_words = len(tail.split())
                n += keyword_words
                in_title = True
        target = r.randint(9, 14)
        used: set[str] = set()
        for _ in range(12):
            if n >= target:
                break
            context, first = r.choice(self._contexts)
            if first in used:  # not "in Oslo in May"
                continue
            if "{" in context:
                context = _fill(context, r, self._fillers, {})
            count = len(context.split())
            if n + count <= 14:
                used.add(first)
                parts.insert(len(parts) - in_title, context)
                n += count
        while n < 8:
            parts.insert(len(parts) - in_title, r.choice(V.FILLERS))
            n += 1
        return " ".join(parts), keyword_words

    def _summary(self, r: random.Random, entities: tuple[int, ...], keyword: str | None,
                 planted: str | None = None) -> str:
        sentences = []
        if planted:
            e = self.entities[entities[0]]
            sentences.append(self._fill(r.choice(V.PLANTED_SENTENCES[planted]), r,
                                        E=self._form(r, e)))
        elif entities and r.random() < 0.6:
            e = self.entities[entities[0]]
            templates = V.ENTITY_SENTENCES if e.entity_type in ("company", "token", "product") \
                else V.OTHER_SENTENCES
            sentences.append(self._fill(r.choice(templates), r, E=self._form(r, e)))
            if len(entities) == 2 and r.random() < 0.5:
                e2 = self.entities[entities[1]]
                sentences.append(self._fill(r.choice(V.PAIR_SENTENCES), r, E2=self._form(r, e2)))
        if keyword:
            sentences.append(r.choice(V.KEYWORD_SENTENCES[keyword]))
        words = sum(len(s.split()) for s in sentences)
        target = r.randint(25, 45)
        while words < 25 or (words < target and len(sentences) < 3):
            sentence = r.choice(self._sentences)[0]
            if "{" in sentence:
                sentence = _fill(sentence, r, self._fillers, {})
            count = len(sentence.split())
            if words + count > 45:
                if words >= 25:
                    break
                continue
            sentences.insert(r.randint(1, len(sentences)) if sentences else 0, sentence)
            words += count
        return " ".join(sentences)

    def _link(self, feed: Feed, day: date, title: str, serial: str) -> str:
        if feed.link_style == 2:
            return f"https://{feed.domain}/article/{serial}?section={feed.topic}"
        slug = "-".join(title.lower().translate(_SLUG).split()[:7])
        if feed.link_style == 1:
            return f"https://{feed.domain}/news/{feed.topic}/{slug}-{serial}.html"
        return f"https://www.{feed.domain}/{day:%Y/%m/%d}/{slug}-{serial}/"

    def _guid(self, feed: Feed, link: str, serial: str) -> str:
        return link if feed.guid_style == "link" else f"{feed.feed_id}:{serial}"

    def _extras(self, r: random.Random, feed: Feed) -> tuple[str | None, str]:
        author = r.choice(self.authors) if r.random() < 0.7 else None
        topics = V.TOPICS[feed.topic]
        first = r.randint(0, len(topics) - 1)
        if r.random() < 0.5:
            return author, topics[first]
        second = (first + r.randint(1, len(topics) - 1)) % len(topics)
        return author, f"{topics[first]}|{topics[second]}"

    # ---------------------------------------------------------------- articles
    def publication_day(self, day: date) -> list[Article]:
        """Every article published on day (UTC), copies and planted articles included; some
        copies are published after midnight."""
        if not self.first_day <= day <= RUN_DAY:
            return []
        rng = np.random.default_rng([self.seed, 1, day.toordinal()])
        r = FastRandom(f"{self.seed}:news:{day.isoformat()}")
        weekend = day.weekday() >= 5
        rate = self.articles_per_day * (7 / 6) * (0.5 if weekend else 1.0)
        n = int(rng.poisson(rate / (1 + NEAR_DUPLICATE_SHARE + SAME_URL_SHARE)))
        feeds = rng.choice(len(self.feeds), size=n, p=self.feed_weights)
        seconds = rng.integers(0, 86400, size=n)
        seconds = np.where(rng.random(n) < 0.5, seconds - seconds % 60, seconds)
        counts = rng.choice(3, size=n, p=[0.25, 0.60, 0.15])
        general = rng.choice(len(self.entities), size=(n, 2), p=self.popularity)
        crypto = rng.choice(len(self.entities), size=(n, 2), p=self.crypto_popularity)
        picks = np.where(self.feed_is_crypto[feeds][:, None], crypto, general)
        keyword_roll = rng.random(n) < KEYWORD_SHARE
        keyword_types = rng.choice(len(V.KEYWORD_TAILS), size=n)
        copy_roll = rng.random(n)
        copy_feed = rng.integers(1, max(len(self.feeds), 2), size=n)
        copy_delay = rng.integers(600, 4 * 3600, size=n)
        keyword_names = list(V.KEYWORD_TAILS)
        start = _day_seconds(day)
        stamp = f"{day.toordinal():06d}"
        articles: list[Article] = []
        for feed_i, second, count, pick, has_kw, kw_i, roll, other, delay in zip(
                feeds.tolist(), seconds.tolist(), counts.tolist(), picks.tolist(),
                keyword_roll.tolist(), keyword_types.tolist(), copy_roll.tolist(),
                copy_feed.tolist(), copy_delay.tolist(), strict=True):
            entities = tuple(pick[:count])
            if count == 2 and entities[0] == entities[1]:
                entities = entities[:1]
            keyword = keyword_names[kw_i] if has_kw else None
            if keyword and any((e, day) in self.quiet for e in entities):
                keyword = None
            feed = self.feeds[feed_i]
            title, keyword_words = self._title(r, entities, keyword)
            summary = self._summary(r, entities, None if keyword_words else keyword)
            serial = f"{stamp}{len(articles):05d}"
            link = self._link(feed, day, title, serial)
            author, categories = self._extras(r, feed)
            origin = serial
            article = Article(feed_i, start + second, title, summary, author, categories, link,
                              self._guid(feed, link, serial), keyword, origin,
                              entities=entities, keyword_in_title=keyword_words > 0)
            articles.append(article)
            if roll < NEAR_DUPLICATE_SHARE + SAME_URL_SHARE and len(self.feeds) > 1:
                copy_i = (feed_i + other) % len(self.feeds)
                copy_feed_ = self.feeds[copy_i]
                serial = f"{stamp}{len(articles):05d}"
                author, categories = self._extras(r, copy_feed_)
                if roll < NEAR_DUPLICATE_SHARE:
                    new_title = self._swap_word(r, title, entities, keyword_words)
                    new_link = self._link(copy_feed_, day, new_title, serial)
                    articles.append(Article(
                        copy_i, start + second + delay, new_title, summary, author, categories,
                        new_link, self._guid(copy_feed_, new_link, serial), keyword, origin,
                        entities=entities, keyword_in_title=keyword_words > 0))
                else:
                    sep = "&" if "?" in link else "?"
                    new_link = (f"{link}{sep}utm_source={copy_feed_.domain.split('.')[0]}"
                                f"&utm_medium=rss&utm_campaign=syndication")
                    articles.append(Article(
                        copy_i, start + second + delay // 2, title, summary, author,
                        categories, new_link, self._guid(copy_feed_, new_link, serial),
                        keyword, origin, entities=entities,
                        keyword_in_title=keyword_words > 0))
        for event in self.planted_by_day.get(day, []):
            articles.extend(self.planted_articles(event))
        return articles

    def _swap_word(self, r: random.Random, title: str, entities: tuple[int, ...],
                   keyword_words: int) -> str:
        """The title with one word swapped, never a word of an entity's name or of the keyword
        tail (the last keyword_words words)."""
        words = title.split()
        names = {w for e in entities for form in self.entities[e].forms for w in form.split()}
        free = [i for i, w in enumerate(words[:len(words) - keyword_words])
                if w not in names and w.rstrip("'s") not in names]
        for table in (V.SWAPS, V.SWAP_FALLBACK):
            spots = [i for i in free if words[i] in table]
            if spots:
                i = r.choice(spots)
                words[i] = table[words[i]]
                return " ".join(words)
        i = free[-1] if free else len(words) - keyword_words - 1
        words[i] = "again" if words[i] != "again" else "anew"
        return " ".join(words)

    def planted_articles(self, event: Planted) -> list[Article]:
        rng = np.random.default_rng([self.seed, 4, int(event.planted_id[1:])])
        r = FastRandom(f"{self.seed}:planted:{event.planted_id}")
        k = event.n_articles
        order = rng.permutation(len(self.feeds)).tolist()
        feeds = [order[j % len(order)] for j in range(k)]
        offsets = [0] + sorted(rng.integers(60, 6 * 3600, size=k - 1).tolist())
        titles = V.PLANTED_TITLES[event.event_type][:]
        r.shuffle(titles)
        entity = self.entities[event.entity_index]
        first = int((event.first_seen_at - datetime(1970, 1, 1)).total_seconds())
        day = event.first_seen_at.date()
        articles = []
        for j in range(k):
            feed = self.feeds[feeds[j]]
            title = titles[j % len(titles)].replace("{E}", entity.forms[j % len(entity.forms)])
            while len(title.split()) < 8:
                context = self._fill(r.choice(self._contexts)[0], r)
                count = len(context.split())
                if len(title.split()) + count <= 14:
                    title = f"{title} {context}"
            summary = self._summary(r, (event.entity_index,), None, planted=event.event_type)
            serial = f"9{int(event.planted_id[1:]):05d}{j:05d}"
            link = self._link(feed, day, title, serial)
            author, categories = self._extras(r, feed)
            articles.append(Article(feeds[j], first + offsets[j], title, summary, author,
                                    categories, link, self._guid(feed, link, serial),
                                    event.event_type, event.planted_id, event.planted_id,
                                    (event.entity_index,)))
        return articles

    def items_for_capture_day(self, day: date) -> list[Article]:
        """The articles of the feed documents captured on day, in document order."""
        articles = [a for d in (day - timedelta(days=1), day)
                    for a in self.publication_day(d) if a.capture_day == day]
        return sorted(articles, key=lambda a: (a.feed, -a.published, a.link))

    def item_row(self, article: Article) -> dict:
        """The row parse_feed gives for the article's item (the fields of NewsItem)."""
        feed = self.feeds[article.feed]
        return {"item_id": item_key(feed.feed_id, article.guid), "feed_id": feed.feed_id,
                "guid": article.guid, "link": article.link,
                "canonical_link": canonical_link(article.link), "title": article.title,
                "summary": article.summary, "author": article.author,
                "categories": article.categories.split("|"),
                "published_at": _utc(article.published), "published_is_fallback": False,
                "first_fetched_at": _capture_at(article.capture_day)}

    def news_rows_for_capture_day(self, day: date) -> dict[str, list[dict]]:
        """Per feed_id, the rows parse_feed gives for that feed's document captured on day."""
        rows: dict[str, list[dict]] = {feed.feed_id: [] for feed in self.feeds}
        for article in self.items_for_capture_day(day):
            row = self.item_row(article)
            rows[row["feed_id"]].append(row)
        return rows

    # ---------------------------------------------------------------- feed documents
    def feed_document(self, feed: Feed, day: date, articles: list[Article]) -> bytes:
        captured = _capture_at(day)
        out = ['<?xml version="1.0" encoding="UTF-8"?>',
               "<!-- Synthetic benchmark feed written by tests/benchmarks/generator.py -->",
               '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">',
               "<channel>", f"<title>{escape(feed.name)}</title>",
               f"<link>https://www.{feed.domain}/{feed.topic}</link>",
               f"<description>{escape(feed.name)}: latest {feed.topic} news</description>",
               "<language>en-us</language>",
               f"<lastBuildDate>{_rfc822(captured, 'GMT', True)}</lastBuildDate>"]
        for a in articles:
            guid_attr = "true" if feed.guid_style == "link" else "false"
            out.append("<item>")
            out.append(f"<title>{escape(a.title)}</title>")
            out.append(f"<link>{escape(a.link)}</link>")
            out.append(f'<guid isPermaLink="{guid_attr}">{escape(a.guid)}</guid>')
            out.append(f"<pubDate>{_rfc822(_utc(a.published), feed.date_style)}</pubDate>")
            if a.author:
                out.append(f"<dc:creator>{escape(a.author)}</dc:creator>")
            out.extend(f"<category>{escape(c)}</category>" for c in a.categories.split("|"))
            out.append(f"<description>{escape(a.summary)}</description>")
            out.append("</item>")
        out += ["</channel>", "</rss>", ""]
        return "\n".join(out).encode("utf-8")

    # ---------------------------------------------------------------- prices
    def price_paths(self) -> dict[str, dict]:
        """Per calendar: the assets on it and their bars over the price sessions."""
        paths = {}
        planted_at = defaultdict(list)
        for event in self.planted:
            planted_at[event.asset_index].append(event)
        for c, cal in enumerate(sorted(self.price_sessions)):
            rng = np.random.default_rng([self.seed, 2, c])
            sessions = self.price_sessions[cal]
            n = len(sessions["date"])
            members = [i for i, a in enumerate(self.assets) if a["calendar"] == cal]
            index_pos = [k for k, i in enumerate(members)
                         if self.assets[i]["asset_class"] == "index"]
            m = len(members)
            r_m = rng.normal(0.0003, 0.01, n)
            alpha = rng.normal(0, 2e-4, m)
            beta = rng.uniform(0.5, 1.8, m)
            crypto = cal == CRYPTO
            sigma = rng.uniform(0.02, 0.05, m) if crypto else rng.uniform(0.01, 0.03, m)
            returns = alpha[:, None] + beta[:, None] * r_m[None, :] \
                + rng.normal(0.0, 1.0, (m, n)) * sigma[:, None]
            for k in index_pos:
                returns[k] = r_m
                sigma[k] = 0.01
            base_volume = np.exp(rng.uniform(np.log(2e5), np.log(5e7), m))
            for k in index_pos:
                base_volume[k] = 4e9 if not crypto else 6e10
            volume_noise = rng.lognormal(0.0, 0.35, (m, n))
            excluded = np.zeros((m, n), dtype=bool)
            excluded[:, 0] = True
            excluded[:, -2:] = True  # LAST_DAY (when a session) and RUN_DAY stay priced
            excluded[index_pos, :] = True
            for k, i in enumerate(members):
                for event in planted_at.get(i, []):
                    returns[k, event.session_index] += event.abnormal_return
                    volume_noise[k, event.session_index] *= event.volume_factor
                    excluded[k, max(0, event.session_index - 1):event.session_index + 2] = True
            close = 100.0 * np.cumprod(1.0 + returns, axis=1)
            previous = np.concatenate([np.full((m, 1), 100.0), close[:, :-1]], axis=1)
            open_ = previous * (1.0 + rng.normal(0, 0.3, (m, n)) * sigma[:, None])
            high = np.maximum(open_, close) * (1.0 + np.abs(rng.normal(0, 0.4, (m, n)))
                                               * sigma[:, None])
            low = np.minimum(open_, close) * (1.0 - np.abs(rng.normal(0, 0.4, (m, n)))
                                              * np.minimum(sigma[:, None], 0.2))
            volume = np.maximum(1, np.rint(base_volume[:, None] * volume_noise)).astype(np.int64)
            eligible = np.flatnonzero(~excluded)
            n_missing = min(len(eligible), max(2, round(MISSING_BAR_SHARE * (m - len(index_pos))
                                                        * n)))
            missing = np.zeros(m * n, dtype=bool)
            missing[rng.choice(eligible, size=n_missing, replace=False)] = True
            paths[cal] = {"members": members, "dates": sessions["date"],
                          "open_at": sessions["open_at"], "open": open_, "high": high,
                          "low": low, "close": close, "volume": volume,
                          "missing": missing.reshape(m, n)}
        return paths

    def chart_json(self, asset: dict, path: dict, k: int, first: int, last: int) -> bytes:
        """A Yahoo v8 chart response with the bars of sessions first..last (inclusive); missing
        bars are nulls, as Yahoo leaves them."""
        crypto = asset["calendar"] == CRYPTO
        stamps = (path["open_at"][first:last + 1].astype("int64")).tolist()
        missing = path["missing"][k, first:last + 1].tolist()

        def column(values, cast=float):
            return [None if gone else cast(v) for v, gone in
                    zip(values[k, first:last + 1].tolist(), missing, strict=True)]

        close = column(path["close"])
        regular = next((c for c in reversed(close) if c is not None), None)
        instrument = {"index": "INDEX", "crypto": "CRYPTOCURRENCY"}.get(asset["asset_class"],
                                                                       "EQUITY")
        meta = {
            "currency": "USD", "symbol": asset["provider_symbol"],
            "exchangeName": "CCC" if crypto else ("NMS" if asset["exchange"] == "NASDAQ"
                                                   else "NYQ"),
            "fullExchangeName": "CCC" if crypto else asset["exchange"] or "NYSE",
            "instrumentType": instrument, "firstTradeDate": stamps[0],
            "regularMarketTime": stamps[-1], "hasPrePostMarketData": not crypto,
            "gmtoffset": 0 if crypto else -14400, "timezone": "UTC" if crypto else "EDT",
            "exchangeTimezoneName": "UTC" if crypto else "America/New_York",
            "regularMarketPrice": regular, "longName": asset["name"],
            "shortName": asset["name"].upper()[:24],
            "chartPreviousClose": float(path["close"][k, first - 1]) if first else 100.0,
            "priceHint": 2,
            "dataGranularity": "1d", "range": "",
        }
        result = {"meta": meta, "timestamp": stamps, "indicators": {
            "quote": [{"open": column(path["open"]), "high": column(path["high"]),
                       "low": column(path["low"]), "close": close,
                       "volume": column(path["volume"], int)}],
            "adjclose": [{"adjclose": close}]}}
        return json.dumps({"chart": {"result": [result], "error": None}},
                          separators=(",", ":")).encode()

    # ---------------------------------------------------------------- writing
    def write(self, out: Path) -> dict:
        timings: dict[str, float] = {}
        counts: dict[str, int] = {}
        out.mkdir(parents=True, exist_ok=True)

        t = time.perf_counter()
        self._write_seeds(out / "seeds")
        counts.update(assets=len(self.assets), feeds=len(self.feeds), entities=len(self.entities))
        timings["seeds"] = time.perf_counter() - t
        log(f"seeds: {counts['assets']} assets, {counts['feeds']} feeds, "
            f"{counts['entities']} entities ({timings['seeds']:.1f} s)")

        con = duckdb.connect(str(out / "warehouse.duckdb"))
        try:
            t = time.perf_counter()
            rows = [row for cal in sorted(self.session_rows) for row in self.session_rows[cal]]
            with warehouse.transaction(con):
                warehouse.replace_sessions(con, rows)
            counts["sessions"] = len(rows)
            timings["sessions"] = time.perf_counter() - t
            log(f"sessions: {len(rows)} rows for {', '.join(sorted(self.session_rows))} "
                f"({timings['sessions']:.1f} s)")

            t = time.perf_counter()
            self._write_planted(out / "planted_events.csv")
            counts["planted_events"] = len(self.planted)
            counts["planted_articles"] = sum(e.n_articles for e in self.planted)
            timings["planted"] = time.perf_counter() - t
            log(f"planted events: {len(self.planted)} with {counts['planted_articles']} articles "
                f"({timings['planted']:.1f} s)")

            t = time.perf_counter()
            bars, missing, responses = self._write_prices(con, out / "landing")
            counts.update(price_bars=bars, missing_bars=missing, price_responses=responses)
            timings["prices"] = time.perf_counter() - t
            log(f"prices: {bars} bars in raw.prices, {missing} missing bars, {responses} chart "
                f"responses landed ({timings['prices']:.1f} s)")

            t = time.perf_counter()
            news = self._write_news(con, out / "landing")
            counts.update(news)
            timings["news"] = time.perf_counter() - t
            log(f"news: {news['articles_raw']} items in raw.news_items, "
                f"{news['articles_landing']} in {news['feed_documents']} landed feed documents "
                f"({timings['news']:.1f} s)")

            t = time.perf_counter()
            checks = self._self_check(con, out / "landing", news)
            timings["checks"] = time.perf_counter() - t
            counts.update(checks)
            keyword, background = news["background_keyword_articles"], news["background_articles"]
            log(f"checks: {keyword} of {background} background articles carry an event keyword "
                f"({keyword / max(1, background):.2%}), "
                f"{checks['accidental_keyword_articles']} by accident; "
                f"{checks['sampled_feed_documents']} landed documents parse back "
                f"identically; {checks['accidental_story_pairs']} accidental similar-title pairs "
                f"in {checks['story_sample_articles']} sampled articles "
                f"({timings['checks']:.1f} s)")

            t = time.perf_counter()
            vocabulary = vocabulary_stats(con)
            timings["vocabulary"] = time.perf_counter() - t
            v = vocabulary
            log(f"vocabulary: {v['distinct_title_words']} distinct title words "
                f"({v['title_words_in_one_title']} in one title only); median over titles of "
                f"the frequency of the rarest word {v['median_rarest_word_frequency']:g}, of the "
                f"4th rarest {v['median_4th_rarest_word_frequency']:g}; "
                f"{v['titles_with_2_words_under_50']:.0%} of titles hold two words seen in "
                f"fewer than 50 titles ({timings['vocabulary']:.1f} s)")
        finally:
            con.close()

        manifest = {
            "size": self.size_name, "seed": self.seed, "years": self.years,
            "landing_days": self.landing_days, "first_day": self.first_day.isoformat(),
            "last_day": LAST_DAY.isoformat(), "run_day": RUN_DAY.isoformat(),
            "landing_first_day": (self.landing_first if self.landing_days else RUN_DAY)
            .isoformat(),
            "counts": counts,
            "vocabulary": vocabulary,
        }
        (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
        return {**manifest, "seconds": {k: round(v, 2) for k, v in timings.items()}}

    def _write_seeds(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "snapshots").mkdir(exist_ok=True)
        columns = ["symbol", "name", "asset_class", "exchange", "calendar", "currency",
                   "benchmark_symbol", "provider", "provider_symbol", "sector"]
        _write_csv(folder / "assets.csv", columns, [[a[c] for c in columns] for a in self.assets])
        _write_csv(folder / "feeds.csv", ["feed_id", "name", "url", "format", "topic"],
                   [[f.feed_id, f.name, f.url, "rss", f.topic] for f in self.feeds])
        _write_csv(folder / "entities.csv",
                   ["entity_id", "name", "entity_type", "aliases", "symbols"],
                   [[e.entity_id, e.name, e.entity_type, "|".join(e.aliases), "|".join(e.symbols)]
                    for e in self.entities])
        for name in ("event_types.csv", "sentiment_lexicon.csv", "reading_weights.csv",
                     "reading_classes.csv", "ordinary_words.csv"):
            shutil.copyfile(REPO_SEEDS / name, folder / name)

    def _write_planted(self, path: Path) -> None:
        columns = ["planted_id", "entity_id", "symbol", "event_type", "first_seen_at", "t0_date",
                   "abnormal_return"]
        _write_csv(path, columns, [
            [e.planted_id, e.entity_id, e.symbol, e.event_type,
             e.first_seen_at.isoformat(sep=" "), e.t0_date.isoformat(),
             f"{e.abnormal_return:.6f}"] for e in self.planted])

    def _write_prices(self, con, landing_dir: Path) -> tuple[int, int, int]:
        bars = missing_total = responses = 0
        for path in self.price_paths().values():
            dates = path["dates"]
            last = max(i for i, d in enumerate(dates) if d <= LAST_DAY)
            run = dates.index(RUN_DAY) if RUN_DAY in dates else None
            digests = []
            for k, i in enumerate(path["members"]):
                asset = self.assets[i]
                symbol = asset["provider_symbol"]
                windows = [((self.first_day, LAST_DAY), 0, last, _capture_at(LAST_DAY))]
                if run is not None:
                    windows.append(((RUN_DAY, RUN_DAY), run, run, _capture_at(RUN_DAY)))
                for n, (window, first, final, observed) in enumerate(windows):
                    body = self.chart_json(asset, path, k, first, final)
                    fetched = Fetched(f"yahoo:{symbol}",
                                      yahoo.request_urls(symbol, *window)[0], observed,
                                      body=body, window=window)
                    digest, _ = landing.archive(landing_dir, "prices", fetched, "json")
                    responses += 1
                    if n == 0:
                        digests.append(digest)
            m = len(path["members"])
            span = slice(0, last + 1)
            keep = ~path["missing"][:, span]
            n_days = last + 1
            frame = pd.DataFrame({
                "symbol": np.repeat([self.assets[i]["symbol"] for i in path["members"]], n_days),
                "price_date": np.tile(np.array(dates[:n_days], dtype="datetime64[D]"), m),
                "open": path["open"][:, span].ravel(), "high": path["high"][:, span].ravel(),
                "low": path["low"][:, span].ravel(), "close": path["close"][:, span].ravel(),
                "volume": path["volume"][:, span].ravel().astype(float),
                "landing_sha256": np.repeat(digests, n_days),
            })[keep.ravel()]
            with warehouse.transaction(con):
                con.register("generated_prices", frame)
                con.execute("""
                    insert into raw.prices
                    select symbol, cast(price_date as date), open, high, low, close,
                        close as adj_close, volume, 'yahoo', landing_sha256, ? as loaded_at
                    from generated_prices""", [LOADED_AT])
                con.unregister("generated_prices")
            bars += len(frame)
            missing_total += int((~keep).sum())
        return bars, missing_total, responses

    def _write_news(self, con, landing_dir: Path) -> dict[str, int]:
        """Day by day: captures before the landing window go to raw.news_items (in chunks), the
        window's become feed documents in landing/."""
        buckets: dict[date, list[Article]] = defaultdict(list)
        pending: list[Article] = []
        landed: dict[date, list[Article]] = defaultdict(list)
        stats: dict[str, int] = defaultdict(int)
        raw = 0
        landing_from = self.landing_first if self.landing_days else RUN_DAY
        day = self.first_day
        while day <= RUN_DAY:
            for article in self.publication_day(day):
                capture = article.capture_day
                if capture <= RUN_DAY:
                    buckets[capture].append(article)
            # capture `day` is complete: later publication days only reach later captures
            (landed[day] if day >= landing_from else pending).extend(buckets.pop(day, []))
            if len(pending) >= CHUNK_ROWS:
                raw += self._insert_news(con, pending, stats)
                pending = []
            day += timedelta(days=1)
        raw += self._insert_news(con, pending, stats)
        documents = 0
        for capture_day in sorted(landed):
            by_feed: dict[int, list[Article]] = defaultdict(list)
            for article in landed[capture_day]:
                by_feed[article.feed].append(article)
                self._count(article, stats)
            for f, feed in enumerate(self.feeds):
                items = sorted(by_feed.get(f, []), key=lambda a: (-a.published, a.link))
                fetched = Fetched(feed.feed_id, feed.url, _capture_at(capture_day),
                                  body=self.feed_document(feed, capture_day, items))
                landing.archive(landing_dir, "feed", fetched, "xml")
                documents += 1
        self._landed = landed
        return {"articles_raw": raw,
                "articles_landing": sum(len(v) for v in landed.values()),
                "feed_documents": documents, **stats}

    @staticmethod
    def _count(article: Article, stats) -> None:
        if article.planted:
            return
        stats["background_articles"] += 1
        if article.keyword:
            stats["background_keyword_articles"] += 1

    def _insert_news(self, con, articles: list[Article], stats) -> int:
        if not articles:
            return 0
        feed_ids = [f.feed_id for f in self.feeds]
        for article in articles:
            self._count(article, stats)
        frame = pd.DataFrame({
            "item_id": [item_key(feed_ids[a.feed], a.guid) for a in articles],
            "feed_id": [feed_ids[a.feed] for a in articles],
            "guid": [a.guid for a in articles],
            "link": [a.link for a in articles],
            "canonical_link": [canonical_link(a.link) for a in articles],
            "title": [a.title for a in articles],
            "summary": [a.summary for a in articles],
            "author": [a.author for a in articles],
            "categories": [a.categories for a in articles],
            "published_at": np.array([a.published for a in articles],
                                     dtype=np.int64).astype("datetime64[s]"),
        })
        published = frame["published_at"].to_numpy().astype(np.int64)
        captured = (published + 86400 - CAPTURE_SECONDS) // 86400 * 86400 + CAPTURE_SECONDS
        frame["first_fetched_at"] = captured.astype("datetime64[s]")
        with warehouse.transaction(con):
            con.register("generated_news", frame)
            con.execute("""
                insert into raw.news_items
                select item_id, feed_id, guid, link, canonical_link, title, summary, author,
                    string_split(categories, '|'), published_at, false, first_fetched_at,
                    null, ? as loaded_at
                from generated_news""", [LOADED_AT])
            con.unregister("generated_news")
        return len(frame)

    def _self_check(self, con, landing_dir: Path, stats: dict[str, int]) -> dict[str, int]:
        from orchestration.sources.feeds import parse_feed

        # 1. every planted article is classified as its event's type and names its entity
        planted_ids = []
        for event in self.planted:
            entity = self.entities[event.entity_index]
            for article in self.planted_articles(event):
                assert classify(article.title, article.summary, self.rules) \
                    == event.event_type, article.title
                assert any(form in article.title for form in entity.forms), article.title
                planted_ids.append(item_key(self.feeds[article.feed].feed_id, article.guid))
        # 2. background articles that carry a keyword: raw rows must match a pattern (in SQL, as
        # dbt applies the rules) only as often as keywords were given; landed ones are
        # classified as their keyword where it sits in the title, and not at all otherwise
        union = rules_union(self.rules)
        con.register("planted_ids", pd.DataFrame({"item_id": planted_ids}))
        matched = con.execute(
            "select count(*) from raw.news_items where regexp_matches(title || ' ' || summary, ?)"
            " and item_id not in (select item_id from planted_ids)", [f"(?i){union}"]).fetchone()[0]
        con.unregister("planted_ids")
        landed = [a for articles in self._landed.values() for a in articles if not a.planted]
        matched += sum(any_rule_matches(f"{a.title} {a.summary}", self.rules) for a in landed)
        wrong = sum(classify(a.title, a.summary, self.rules)
                    != (a.keyword if a.keyword_in_title else None) for a in landed)
        accidental = matched - stats["background_keyword_articles"]
        if accidental or wrong:
            log(f"WARNING: {accidental} background articles match an event pattern by accident, "
                f"{wrong} landed ones are classified otherwise than planned")
        # 3. landed documents (one a few days) parse back to exactly the rows described
        sampled = 0
        days = sorted(self._landed)
        for capture_day in days[:: max(1, len(days) // 8)]:
            rows = self.news_rows_for_capture_day(capture_day)
            feed = max(self.feeds, key=lambda f: len(rows[f.feed_id]))
            captures = [f for f in landing.observations(landing_dir, "feed", feed.feed_id)
                        if f.observed_at.date() == capture_day]
            assert len(captures) == 1, (feed.feed_id, capture_day)
            parsed = parse_feed(captures[0].body, feed.feed_id, captures[0].observed_at, {})
            assert [item.__dict__ for item in parsed.items] == rows[feed.feed_id], capture_day
            sampled += 1
        # 4. accidental story pairs: titles sharing half their words, 48 h apart at most, that
        # are not copies of one article (a sample of two days)
        sample_day = self.first_day + timedelta(days=(LAST_DAY - self.first_day).days // 2)
        sample = self.publication_day(sample_day) + self.publication_day(
            sample_day + timedelta(days=1))
        return {"accidental_keyword_articles": accidental + wrong,
                "sampled_feed_documents": sampled,
                "accidental_story_pairs": accidental_story_pairs(sample),
                "story_sample_articles": len(sample)}


def _pool(templates: list[str], r: random.Random, size: int) -> list[tuple[str, str]]:
    """size templates with their vocabulary slots filled, lexicon slots left for each draw:
    (text, first word)."""
    pool = []
    for _ in range(size):
        text = _fill(r.choice(templates), r, None, {})
        pool.append((text, text.split()[0]))
    return pool


def _fill(template: str, r: random.Random, fillers: dict | None, known: dict) -> str:
    """The template with its slots filled, left to right; a slot's value that holds slots
    ({noun}: "{tech} line") is filled in turn. fillers: the lexicon's (None leaves lexicon slots
    as they are, for a pool)."""
    if "{" not in template:
        return template
    parts = _TEMPLATES.get(template)
    if parts is None:
        parts = _FIELD.split(template)  # literal, slot, literal, ..., literal
        if len(_TEMPLATES) < 100_000:
            _TEMPLATES[template] = parts
    out = []
    for i, part in enumerate(parts):
        if not i % 2:
            out.append(part)
        elif part in known:
            out.append(known[part])
        elif part in LEXICON_SLOTS:
            out.append("{" + part + "}" if fillers is None else fillers[part](r))
        else:
            value = r.choice(_SLOT_VALUES[part])
            out.append(_fill(value, r, fillers, known) if "{" in value else value)
    return "".join(out)


_FIELD = re.compile(r"\{(\w+)\}")
_TEMPLATES: dict[str, list[str]] = {}  # parsed templates (a cache: heads hold entity names)


class FastRandom(random.Random):
    """random.Random with a cheaper choice and randint (same determinism: both draw random())."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))


_PCTS = [f"{whole}.{tenth}%" for whole in range(1, 10) for tenth in range(10)] \
    + [f"{whole}%" for whole in range(2, 40)]
_SLOT_VALUES = {"sector": V.SECTORS, "pct": _PCTS, "when": V.WHEN, "month": V.MONTHS,
                "role": V.ROLES, "adj": V.ADJECTIVES, "noun": V.NOUNS, "period": V.PERIODS,
                "trend": V.TRENDS, "driver": V.DRIVERS, "shift": V.SHIFTS, "event": V.EVENTS,
                "weekday": V.WEEKDAYS, "peers": V.PEERS, "peer_move": V.PEER_MOVES,
                "ordinal": V.ORDINALS, "unit": V.UNITS, "move": V.MOVES_PLURAL,
                "company_verb": V.COMPANY_VERBS}
LEXICON_SLOTS = frozenset({"city", "firm", "person", "surname", "brand", "product", "tech",
                           "bank", "amount", "count", "price", "day", "year"})
_SLUG = str.maketrans({c: " " for c in "'&.,:;!?$%()"})
_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_NEW_YORK = ZoneInfo("America/New_York")


def _rfc822(moment: datetime, style: str, seconds: bool = False) -> str:
    """An RFC 822 date as feeds write them: GMT, +0000 or New York local time with its offset;
    seconds left out when they are zero (feeds that publish on the minute)."""
    if style == "America/New_York":
        local = moment.replace(tzinfo=UTC).astimezone(_NEW_YORK)
        offset = local.utcoffset()
        minutes = int(offset.total_seconds() // 60)
        zone = f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
    else:
        local, zone = moment, style
    clock = f"{local:%H:%M}" if local.second == 0 and not seconds else f"{local:%H:%M:%S}"
    return (f"{_DAYS[local.weekday()]}, {local.day:02d} {_MONTHS[local.month - 1]} "
            f"{local.year} {clock} {zone}")


def _write_csv(path: Path, columns: list[str], rows: list[list]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)


def title_words(title: str) -> frozenset[str]:
    """Words as int_stories compares them: lower-cased, alphanumeric, three letters or more."""
    return frozenset(w for w in re.findall(r"[a-z0-9]+", title.lower()) if len(w) >= 3)


def vocabulary_stats(con, table: str = "raw.news_items") -> dict:
    """Title vocabulary of the news in table (words as int_stories takes them: lower-cased
    [a-z0-9]+ tokens of three letters or more; a word's frequency: the titles holding it):
    distinct words, words in one title only, the median over titles of the frequency of the
    title's rarest, second and fourth rarest words, the share of titles with two words or more
    seen in fewer than 50 titles, and the distinct words of the summaries."""
    progress_bar = con.execute("select current_setting('enable_progress_bar')").fetchone()[0]
    con.execute("set enable_progress_bar = false")  # stdout carries the generator's report
    try:
        row = _vocabulary_row(con, table)
    finally:
        con.execute(f"set enable_progress_bar = {'true' if progress_bar else 'false'}")
    keys = ["titles", "distinct_title_words", "title_words_in_one_title",
            "median_rarest_word_frequency", "median_2nd_rarest_word_frequency",
            "median_4th_rarest_word_frequency", "titles_with_2_words_under_50",
            "distinct_summary_words"]
    stats = dict(zip(keys, row, strict=True))
    stats["titles_with_2_words_under_50"] = round(float(stats["titles_with_2_words_under_50"]), 4)
    for key in keys[3:6]:
        stats[key] = float(stats[key])
    return stats


def _vocabulary_row(con, table: str) -> tuple:
    # a word of three letters or more is a maximal run of three or more of [a-z0-9]
    return con.execute(f"""
        with titles as (
            select row_number() over () as n,
                list_distinct(regexp_extract_all(lower(title), '[a-z0-9]{{3,}}')) as words
            from {table}
        ), words as (
            select n, unnest(words) as word from titles
        ), frequencies as (
            select word, count(*) as frequency from words group by word
        ), per_title as (
            select list_sort(list(frequency)) as f
            from words inner join frequencies using (word) group by n
        )
        select (select count(*) from titles), (select count(*) from frequencies),
            (select count(*) from frequencies where frequency = 1),
            median(f[1]), median(f[2]), median(f[4]),
            avg(case when len(list_filter(f, x -> x < 50)) >= 2 then 1.0 else 0.0 end),
            (select count(distinct word) from (
                select unnest(regexp_extract_all(lower(summary), '[a-z0-9]{{3,}}')) as word
                from {table}))
        from per_title""").fetchone()


def accidental_story_pairs(articles: list[Article], similarity: float = 0.5,
                           hours: int = 48) -> int:
    """Pairs of different happenings whose titles look alike enough to be one story."""
    words = [(a.published, a.origin, title_words(a.title)) for a in articles]
    words.sort(key=lambda w: w[0])
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, (_, _, ws) in enumerate(words):
        for w in ws:
            by_word[w].append(i)
    pairs = 0
    for i, (published, origin, ws) in enumerate(words):
        seen: set[int] = set()
        for w in ws:
            for j in by_word[w]:
                if j <= i or j in seen:
                    continue
                seen.add(j)
                other_published, other_origin, other = words[j]
                if other_origin == origin or other_published - published > hours * 3600:
                    continue
                if len(ws & other) >= similarity * len(ws | other):
                    pairs += 1
    return pairs


def check_vocabulary(rules: list[EventRule], lexicon: L.Lexicon | None = None) -> None:
    """Every fragment outside the keyword lists, and every word and phrase of the lexicon, is
    free of event keywords and survives plain_text unchanged (so a feed document round-trips).
    The lexicon's words also never end with a rule's first word nor start with its second
    (lexicon.py), so no neighbour completes a rule; the self-check of the written data covers
    whatever is left."""
    keyword_lists = {"KEYWORD_TAILS", "KEYWORD_SENTENCES", "PLANTED_TITLES", "PLANTED_SENTENCES"}
    for name in dir(V):
        if not name.isupper():
            continue
        value = getattr(V, name)
        fragments = []
        if isinstance(value, dict):
            for item in value.values():
                fragments.extend(item if isinstance(item, (list, tuple)) else [item])
        elif isinstance(value, (list, tuple)):
            fragments.extend(x if isinstance(x, str) else x[0] for x in value)
        for fragment in fragments:
            if not isinstance(fragment, str):
                continue
            assert plain_text(fragment) == fragment.strip(), (name, fragment)
            if name not in keyword_lists:
                assert not any_rule_matches(fragment, rules), (name, fragment)
    if lexicon is None:
        return
    phrases = list(lexicon.phrases())
    plain = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")
    bad = [p for p in phrases if not plain.fullmatch(p)]
    assert not bad, bad[:5]
    assert not [w for w in lexicon.words if w.lower().endswith(L.RULE_FIRST_WORDS)
                or w.lower().startswith(L.RULE_SECOND_WORDS)], "a word could complete a rule"
    union = rules_union(rules)
    with duckdb.connect() as con:
        con.execute("set threads = 1")
        con.register("phrases", pd.DataFrame({"phrase": phrases}))
        matched = con.execute("select phrase from phrases where regexp_matches(phrase, ?)",
                              [f"(?i){union}"]).fetchall()
    assert not matched, matched[:5]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.generator",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=list(SIZES), help="required unless --stats")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--years", type=float, default=None,
                        help="history span in years (the same articles per day)")
    parser.add_argument("--landing-days", type=int, default=30,
                        help="days of history whose feed documents are landed, not loaded")
    parser.add_argument("--force", action="store_true",
                        help="replace what an earlier run wrote in --out")
    parser.add_argument("--stats", action="store_true",
                        help="only print the title vocabulary statistics of the warehouse "
                             "already in --out (see vocabulary_stats)")
    args = parser.parse_args(argv)
    out: Path = args.out
    if args.stats:
        with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
            print(json.dumps(vocabulary_stats(con)), flush=True)
        return 0
    if args.size is None:
        parser.error("--size is required (unless --stats)")
    ours = ["seeds", "landing", "warehouse.duckdb", "warehouse.duckdb.wal",
            "planted_events.csv", "manifest.json"]
    existing = [name for name in ours if (out / name).exists()]
    if existing and not args.force:
        parser.error(f"{out} already holds {', '.join(existing)}; use --force to replace them")
    for name in existing:
        target = out / name
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    started = time.perf_counter()
    generator = Generator(args.size, args.seed, args.years, args.landing_days)
    check_vocabulary(generator.rules, generator.lexicon)
    log(f"size {args.size}, seed {args.seed}: {generator.first_day}..{LAST_DAY} "
        f"(+ {RUN_DAY}), {len(generator.assets)} assets, {generator.articles_per_day:.0f} "
        f"articles a day ({time.perf_counter() - started:.1f} s)")
    summary = generator.write(out)
    summary["out"] = str(out)
    summary["seconds"]["total"] = round(time.perf_counter() - started, 2)
    summary["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(summary, sort_keys=True), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A large synthetic lexicon for the benchmark news: pronounceable made-up names of towns,
companies, people, brands and products, compound technical nouns, and numbers, drawn with a
Zipf-Mandelbrot law, so that titles have the long-tailed vocabulary of real headlines (a
million real headlines hold well over 100,000 distinct words, most titles two or more words
seen fewer than ~50 times in five years).

Everything is a function of (seed, scale): the same words in the same order, and the same draws
from the same random.Random. Words are refused when they could make an event-type rule match
(seeds/event_types.csv patterns match case-insensitively anywhere in the text): a word that
matches a rule by itself, or ends with the first word / starts with the second word of a rule
made of several words ("rate" + "cut", "trade" + "war", "data" + "center"), so no neighbour can
complete a rule; and words that equal an entity's alias or a vocabulary word.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_right

import duckdb
import numpy as np
import pandas as pd

from . import vocabulary as V

# ---------------------------------------------------------------- syllables
ONSETS = ["b", "br", "bl", "c", "ch", "cl", "cr", "d", "dr", "f", "fl", "fr", "g", "gl", "gr",
          "h", "j", "k", "kl", "kr", "l", "m", "n", "p", "pl", "pr", "r", "s", "sh", "sk", "sl",
          "st", "t", "th", "tr", "v", "w", "y", "z", "", "", ""]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o", "ea", "ia", "ou", "au", "ie", "y"]
MEDIALS = ["b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ll", "nd", "nt",
           "rk", "rl", "rn", "rs", "rt", "st", "sk", "th", "ld", "lv", "mb", "nk", "ss", "rr",
           "tt", "dr", "br", "gr", "nn", "ng"]
CODAS = ["", "", "", "", "n", "r", "l", "s", "m", "x", "nd", "rn", "rk", "st", "th", "ld", "nt"]

SURNAME_ENDINGS = ["son", "sen", "berg", "ley", "ton", "ford", "ski", "ova", "ez", "ani", "elli",
                   "stein", "man", "ard", "ier", "quist", "wood", "well", "ing", "ock", "ett",
                   "ins", "ich", "ovic", "enko", "ada", "oto", "ura", "ashi", "es", "as", "os",
                   "ello", "ini", "ian", "yan", "er", "ell", "ham", "by", "mont", "eau", "ard",
                   "inski", "escu", "idis", "oglu", "sson", "strom", "ey", "ik", "ak", "en", "o"]
TOWN_ENDINGS = ["ford", "bury", "ton", "ham", "field", "wick", "port", "stead", "mouth", "dale",
                "ville", "burg", "holm", "vik", "by", "thorpe", "minster", "bridge", "haven",
                "moor", "ley", "cester", "combe", "hurst", "wood", "well", "stad", "heim", "ona",
                "ara", "ia", "ova", "polis", "ingen", "au", "ice", "ano", "era", "ac", "ow",
                "sk", "grad", "abad", "pur", "ong", "ang", "eda", "osa", "ino", "ent"]
TOWN_FORMS = ["{}"] * 50 + ["Port {}", "Lake {}", "New {}", "North {}", "South {}", "East {}",
                            "West {}", "{} Falls", "{} Springs", "{} Bay", "Upper {}", "San {}",
                            "Mount {}", "{} Heights"]
BRAND_ENDINGS = ["a", "o", "ix", "on", "ar", "ia", "ex", "io", "us", "is", "um", "eo", "yx",
                 "ara", "ora", "ica", "ino", "ella", "iva", "ova", "ent", "ant", "ius", "aro",
                 "eon", "ika", "ite", "ene", "ly", "ify", "era", "ova", "ando", "ivo", "aly"]
FIRM_ENDINGS = ["ex", "ix", "ora", "ium", "ant", "aro", "eon", "ica", "era", "on", "ia", "io",
                "is", "tec", "gen", "cor", "max", "tron", "dyne", "ton", "ard", "ell", "ent",
                "ure", "ova", "well", "field", "mark", "way", "point", "stone", "bridge", "line",
                "works", "ford", "vale", "wood", "ley", "ico", "ana", "ux", "el", "an", "en"]
FIRM_SUFFIXES = ["", "", "", "", "Group", "Holdings", "Foods", "Logistics", "Systems",
                 "Energy", "Partners", "Industries", "Labs", "Motors", "Materials", "Pharma",
                 "Networks", "Robotics", "Mining", "Shipping", "Brands", "Retail", "Software",
                 "Devices", "Biotech", "Textiles", "Chemicals", "Steel", "Airways", "Telecom",
                 "Media", "Health", "Power", "Water", "Grid", "Optics", "Aerospace", "Foods",
                 "Insurance", "Realty", "Paper", "Glass", "Tools", "Farms", "Dairy",
                 "Rail", "Marine", "Games", "Studios", "Semis", "Clinics", "Apparel"]
BANK_SUFFIXES = ["Securities", "Partners", "Research", "Advisory", "Capital Markets",
                 "Brothers", "and Co", "Equity", "Analytics", "Wealth"]
GIVEN_ENDINGS = ["a", "o", "in", "el", "ia", "an", "is", "en", "ar", "ine", "ette", "ius", "ik",
                 "ara", "ina", "as", "on", "ey", "ie", "ko", "ya", "ro", "mir", "bert", "dan"]
GIVEN_NAMES = ["James", "Maria", "David", "Anna", "Michael", "Sarah", "Thomas", "Laura",
               "Peter", "Julia", "Robert", "Emma", "John", "Sofia", "Paul", "Elena", "Mark",
               "Nina", "Daniel", "Olga", "Andrew", "Aisha", "Carlos", "Hiro", "Ravi", "Li",
               "Ahmed", "Fatima", "Kenji", "Ana", "Luis", "Marta", "Jan", "Eva", "Karl", "Ines",
               "Omar", "Leah", "Ivan", "Mia", "Jorge", "Rosa", "Stefan", "Greta", "Arjun",
               "Meera", "Chen", "Yan", "Pablo", "Lucia", "Hans", "Ruth", "Samuel", "Alice",
               "Victor", "Irene", "George", "Helen", "Martin", "Claire", "Simon", "Diana",
               "Alex", "Kate", "Nikolai", "Sana", "Tariq", "Zara", "Erik", "Freya", "Pierre",
               "Chloe", "Marco", "Giulia", "Kofi", "Amina", "Ben", "Lily", "Sean", "Nora",
               "Oliver", "Hanna", "Raj", "Priya", "Yusuf", "Leyla", "Dmitri", "Vera", "Felipe",
               "Camila", "Tom", "Jane", "Adam", "Ruby", "Henrik", "Astrid", "Ali", "Noor", "Jun",
               "Mei", "Rafael", "Beatriz", "Lars", "Ingrid", "Sven", "Maja", "Piotr", "Zofia",
               "Tomas", "Lena", "Kwame", "Ama", "Emeka", "Ngozi", "Diego", "Valeria", "Yuki",
               "Sakura", "Min", "Ji", "Andre", "Sophie", "Patrick", "Fiona", "Hugo", "Elsa"]
TECH_PREFIXES = ["micro", "nano", "hydro", "bio", "aero", "agri", "cyber", "geo", "thermo",
                 "photo", "electro", "opto", "neuro", "cardio", "petro", "poly", "omni", "tele",
                 "cryo", "magneto", "ultra", "multi", "exo", "hyper", "infra", "iso", "mega",
                 "mono", "pyro", "robo", "servo", "turbo", "astro", "eco", "dyna", "fluoro",
                 "litho", "meso", "nitro", "oxy", "piezo", "radio", "sono", "spectro", "xeno",
                 "aqua", "carbo", "chromo", "ferro", "gyro", "helio", "hemo", "lumi", "macro",
                 "nutri", "ortho", "plasma", "proto", "silico", "stereo", "terra", "vaso",
                 "velo", "baro", "audio", "kine", "lipo", "myo", "osteo", "derma", "immuno",
                 "glyco", "halo", "seismo", "volta", "tribo", "cerami", "metallo", "polaro"]
TECH_ROOTS = ["turbine", "filter", "coating", "sensor", "valve", "pump", "cell", "lens", "drive",
              "blade", "resin", "alloy", "polymer", "gel", "foam", "membrane", "module",
              "scanner", "laser", "engine", "motor", "reactor", "switch", "relay", "fiber",
              "film", "glass", "circuit", "battery", "charger", "printer", "robot", "drone",
              "meter", "probe", "implant", "therapy", "enzyme", "catalyst", "solvent", "fabric",
              "cement", "panel", "compressor", "boiler", "heater", "cooler", "magnet", "wafer",
              "antenna", "inverter", "capacitor", "diode", "gearbox", "bearing", "nozzle",
              "spray", "vial", "stent", "pipette", "tile", "brick", "insulator", "gasket",
              "cable", "chassis", "rotor", "piston", "furnace", "kiln", "pack", "rack",
              "dock", "tank", "rig", "shield", "wire", "tube", "plate", "seal", "belt", "wheel",
              "crane", "hoist", "mill", "press", "drill", "lift", "lock", "scope", "graph",
              "stat", "plex", "mesh", "grid", "chip", "vane", "duct", "coil", "fuse", "gauge",
              "jet", "kit", "mask", "mount", "pad", "pod", "port", "sail", "spool", "tray",
              "vent", "bead", "clamp", "disc", "pellet", "powder", "paste", "ink", "tape"]
CODE_LETTERS = "ABCDEFGHJKLMNPRSTVWXZ"  # no Q (Q1-Q4 results), no O, I, U, Y
CODE_TAILS = ["", "", "", "", " Pro", " Max", " Lite", " Mini", " Plus", " Ultra", " Air", " S"]

# Rules of several words in seeds/event_types.csv: no lexicon word ends with a first word or
# starts with a second one (words in lower case; a prefix such as "dut" stands for "duty").
RULE_FIRST_WORDS = ("trade", "import", "export", "chip", "ai", "order", "crypto", "digital",
                    "strategic", "interest", "rate", "holds", "raises", "federal", "bank",
                    "monetary", "quarterly", "capital", "joint", "data", "reasoning", "language",
                    "open", "app", "biggest", "wipe", "wipes", "wiped", "executive", "sell",
                    "first", "second", "third", "fourth", "single")
RULE_SECOND_WORDS = ("war", "spat", "dut", "control", "curb", "restriction", "rule", "diffusion",
                     "czar", "executive", "order", "policy", "task", "working", "asset",
                     "reserve", "bitcoin", "crypto", "rate", "cut", "hike", "decision", "path",
                     "japan", "result", "revenue", "profit", "sale", "expenditure", "spending",
                     "venture", "cent", "model", "assistant", "app", "store", "source", "out",
                     "off", "billion", "trillion", "quarter", "day")
SHAPE = re.compile(r"(.)\1\1|[aeiouy]{3}|[^aeiouy]{5}|yy|ii|uu|aa")  # no "eau", "nkstr"
UNSEEMLY = re.compile(r"fart|shit|dick|cock|cum|piss|anus|anal|rape|nazi|porn|twat|cunt|slut"
                      r"|whore|poo|ass|tit|sex|fuk|fuc|kil|nig|fag|jew|gay|hitl|isis|bomb|gun"
                      r"|kkk|die|dead|pus|butt|boob|nip|crap|turd|wank|jiz|puke|vomit|scum")

# Word counts of each category at size M (1,000,000 articles); other sizes scale them.
M_COUNTS = {"town": 90_000, "surname": 110_000, "firm": 110_000, "brand": 40_000,
            "product": 160_000, "given": 8_000}
# Zipf-Mandelbrot law of each category: weight of rank k is (k + offset)^-exponent, the offset
# a share of the category's size (a flatter head than a pure Zipf law)
LAWS = {"town": (1.1, 0.03), "surname": (1.1, 0.03), "firm": (1.1, 0.03),
        "brand": (1.1, 0.03), "product": (1.05, 0.02), "tech": (1.0, 0.02),
        "given": (1.1, 0.002)}


BUCKETS = 1 << 16  # where each 1/BUCKETS of a category's mass starts: short bisections


class Category:
    """Items drawn with a Zipf-Mandelbrot law over their rank (their order in the list)."""

    __slots__ = ("items", "cumulative", "starts")

    def __init__(self, items: list[str], exponent: float, offset_share: float):
        self.items = items
        ranks = np.arange(1, len(items) + 1, dtype=np.float64)
        weights = (ranks + offset_share * len(items)) ** -exponent
        cumulative = np.cumsum(weights)
        cumulative /= cumulative[-1]
        cumulative[-1] = 1.0
        self.cumulative = cumulative.tolist()
        grid = np.arange(BUCKETS + 1, dtype=np.float64) / BUCKETS
        self.starts = np.searchsorted(cumulative, grid, side="right").tolist()

    def index(self, r: random.Random) -> int:
        """The rank drawn by one r.random(): the first whose cumulative mass exceeds it."""
        u = r.random()
        starts = self.starts
        bucket = int(u * BUCKETS)
        return bisect_right(self.cumulative, u, starts[bucket], starts[bucket + 1])

    def draw(self, r: random.Random) -> str:
        return self.items[self.index(r)]


class Lexicon:
    """The synthetic words of one data set and the slot fillers drawn from them."""

    def __init__(self, seed: int, scale: float, rule: str, reserved: set[str]):
        """scale: the size relative to M (1.0); rule: the union of the event-type patterns
        (matched case-insensitively, as dbt does); reserved: lower-cased words no lexicon word
        may be (entity aliases, vocabulary words)."""
        self.rule = rule
        self.rng = random.Random(f"{seed}:lexicon")
        self.taken = set(reserved)
        self.words: list[str] = []  # every word made of syllables, for the vocabulary check
        self._con = duckdb.connect()
        self._con.execute("set threads = 1")
        counts = {k: max(60, round(n * scale)) for k, n in M_COUNTS.items()}
        rng = self.rng
        surnames = self._words(counts["surname"], SURNAME_ENDINGS, 5, 11)
        towns = [rng.choice(TOWN_FORMS).format(word)
                 for word in self._words(counts["town"], TOWN_ENDINGS, 5, 12)]
        self.places = Category(V.CITIES + towns, *LAWS["town"])
        self.surnames = Category(surnames, *LAWS["surname"])
        given = self._words(counts["given"], GIVEN_ENDINGS, 3, 8)
        self.given = Category(GIVEN_NAMES + given, *LAWS["given"])
        firms = self._words(counts["firm"], FIRM_ENDINGS, 5, 11)
        self.firms = Category(firms, *LAWS["firm"])
        self.firm_suffixes = [rng.choice(FIRM_SUFFIXES) for _ in firms]
        self.brands = Category(self._words(counts["brand"], BRAND_ENDINGS, 4, 9),
                               *LAWS["brand"])
        codes = self._codes(counts["product"])
        self.products = Category([f"{self.brands.draw(rng)} {code}" for code in codes],
                                 *LAWS["product"])
        tech = [prefix + root for prefix in TECH_PREFIXES for root in TECH_ROOTS]
        tech += [word + "s" for word in tech if not word.endswith(("s", "x", "sh", "ch"))]
        rng.shuffle(tech)
        tech = self._ruled_out([t for t in tech if self._plausible(t, 1, 99)])
        self.words += tech
        self.tech = Category(tech, *LAWS["tech"])
        self.banks = Category(V.BANKS + [f"{self.surnames.draw(rng)} {rng.choice(BANK_SUFFIXES)}"
                                         for _ in range(max(20, counts["firm"] // 20))],
                              *LAWS["firm"])
        self._con.close()

    # ---------------------------------------------------------------- building
    def _plausible(self, low: str, min_len: int, max_len: int) -> bool:
        """Every test but the event rules (see _ruled_out) on a lower-cased word."""
        return (min_len <= len(low) <= max_len and low not in self.taken
                and not low.endswith(RULE_FIRST_WORDS) and not low.startswith(RULE_SECOND_WORDS)
                and UNSEEMLY.search(low) is None and SHAPE.search(low) is None)

    def _ruled_out(self, words: list[str]) -> list[str]:
        """words without those an event rule matches (DuckDB's regular expressions, as dbt
        applies the rules; much faster than Python's on a few hundred thousand words)."""
        self._con.register("lexicon_words", pd.DataFrame({"i": range(len(words)),
                                                          "word": words}))
        matched = {i for (i,) in self._con.execute(
            "select i from lexicon_words where regexp_matches(word, ?)",
            [f"(?i){self.rule}"]).fetchall()}
        self._con.unregister("lexicon_words")
        return [word for i, word in enumerate(words) if i not in matched]

    def _words(self, n: int, endings: list[str], min_len: int, max_len: int) -> list[str]:
        """n new capitalised words: one to three syllables and an ending."""
        random_ = self.rng.random
        words: list[str] = []
        for _ in range(50):
            candidates = []
            want = n - len(words)
            for _ in range(want * 40):
                if len(candidates) > want * 1.02 + 10:
                    break
                stem = ONSETS[int(random_() * len(ONSETS))] + VOWELS[int(random_() * len(VOWELS))]
                roll = random_()
                if roll < 0.55:
                    stem += MEDIALS[int(random_() * len(MEDIALS))] \
                        + VOWELS[int(random_() * len(VOWELS))]
                elif roll < 0.75:
                    stem += MEDIALS[int(random_() * len(MEDIALS))] \
                        + VOWELS[int(random_() * len(VOWELS))] \
                        + MEDIALS[int(random_() * len(MEDIALS))] \
                        + VOWELS[int(random_() * len(VOWELS))]
                else:
                    stem += CODAS[int(random_() * len(CODAS))]
                low = stem + endings[int(random_() * len(endings))]
                if self._plausible(low, min_len, max_len):
                    self.taken.add(low)
                    candidates.append(low.capitalize())
            words += self._ruled_out(candidates)[:want]
            if len(words) == n:
                self.words += words
                return words
        raise RuntimeError("ran out of synthetic words")

    def _codes(self, n: int) -> list[str]:
        """n distinct model codes: one or two letters and two to four digits ("TX450")."""
        random_, codes, seen = self.rng.random, [], set()
        letters_n, tails_n = len(CODE_LETTERS), len(CODE_TAILS)
        while len(codes) < n:
            letters = CODE_LETTERS[int(random_() * letters_n)]
            if random_() < 0.7:
                letters += CODE_LETTERS[int(random_() * letters_n)]
            digits = (10 + int(random_() * 9990) if random_() < 0.8
                      else 100 * (1 + int(random_() * 99)))
            code = f"{letters}{digits}"
            if code not in seen:
                seen.add(code)
                codes.append(code + CODE_TAILS[int(random_() * tails_n)])
        return codes

    # ---------------------------------------------------------------- drawing
    def person(self, r: random.Random) -> str:
        """Given name and surname, or (a third of the time) the surname alone."""
        if r.random() < 0.45:
            return self.surnames.draw(r)
        return f"{self.given.draw(r)} {self.surnames.draw(r)}"

    def firm(self, r: random.Random) -> str:
        """A company's name, with its suffix ("Foods", "Group") more often than not."""
        i = self.firms.index(r)
        suffix = self.firm_suffixes[i]
        return self.firms.items[i] if not suffix or r.random() < 0.4 \
            else f"{self.firms.items[i]} {suffix}"

    def amount(self, r: random.Random) -> str:
        roll = r.random()
        if roll < 0.4:
            value = str(100 + int(r.random() * 900))
        elif roll < 0.7:
            value = str(10 + int(r.random() * 90))
        elif roll < 0.9:
            value = f"{1 + int(r.random() * 9)}.{1 + int(r.random() * 9)}"
        else:
            return f"${(1 + int(r.random() * 99)) * 10},000"
        return f"${value} million"

    def count(self, r: random.Random) -> str:
        roll = r.random()
        if roll < 0.35:
            return str(20 + int(r.random() * 980))
        if roll < 0.7:
            return str((1 + int(r.random() * 99)) * 10)
        return f"{1 + int(r.random() * 9)},{int(r.random() * 10)}00"

    def price(self, r: random.Random) -> str:
        return f"${int(10 ** (1 + 2.5 * r.random())) - 1}"

    def day(self, r: random.Random) -> str:
        return f"{V.MONTHS[int(r.random() * 12)]} {1 + int(r.random() * 28)}"

    def year(self, r: random.Random) -> str:
        return str(2019 + int(r.random() * 9))

    def fillers(self) -> dict:
        """Slot name: a function of a random.Random that draws the slot's text."""
        return {"city": self.places.draw, "firm": self.firm, "person": self.person,
                "surname": self.surnames.draw, "brand": self.brands.draw,
                "product": self.products.draw, "tech": self.tech.draw, "bank": self.banks.draw,
                "amount": self.amount, "count": self.count, "price": self.price,
                "day": self.day, "year": self.year}

    def phrases(self):
        """Every word and phrase the lexicon can draw (for the vocabulary check)."""
        for category in (self.places, self.surnames, self.given, self.firms, self.brands,
                         self.products, self.tech, self.banks):
            yield from category.items
        for firm, suffix in zip(self.firms.items, self.firm_suffixes, strict=True):
            yield f"{firm} {suffix}".strip()

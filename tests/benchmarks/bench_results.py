"""The measurements of bench.py that read what a run left behind: feed parsing over the landed
bodies, dbt's run_results.json, the event study against the test-only reference, the planted
effects, the README's analyst queries and the machine. No Dagster and no dbt are run here."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import platform
import re
import time
from datetime import date
from importlib.metadata import version
from pathlib import Path

import duckdb
import feedparser
import numpy as np
import pandas as pd

from orchestration.sources import landing
from orchestration.sources.feeds import parse_feed

# The models that compute the event study's rows (their share of the build is the SQL's time).
EVENT_STUDY_MODELS = ("int_market_models", "int_asset_t0_windows", "int_asset_t0_impacts",
                      "fct_event_impact")
COMPARED = ("car", "car_t", "car_p_value")
KEYS = ["event_id", "symbol", "window_start", "window_end"]


CATALOG = "newsimpact"  # the name dbt attaches the warehouse under (dbt/profiles.yml)


def read_only(warehouse: Path):
    """A read-only connection with the warehouse attached as dbt attaches it, so that views
    naming its catalog resolve whatever the file is called."""
    con = duckdb.connect()
    con.execute(f"attach '{warehouse}' as {CATALOG} (read_only)")
    con.execute(f"use {CATALOG}")
    return con


# ------------------------------------------------------------------------------ feed parsing
def landed_feeds(landing_dir: Path, first: date, last: date) -> list:
    """Every landed feed observation captured on first..last (what the landing transport
    serves the ingest run), read from the observations.jsonl files."""
    sources = sorted(p.name for p in (landing_dir / "feed").iterdir() if p.is_dir())
    return [fetched for source in sources
            for fetched in landing.observations(landing_dir, "feed", source)
            if first <= fetched.observed_at.date() <= last]


def time_parsing(fetches: list) -> dict:
    """Seconds of bare feedparser and of the project's parse_feed over the same bodies, body by
    body in turn (so a change in the machine's load falls on both alike)."""
    bare = project = 0.0
    entries = items = 0
    for f in fetches:
        began = time.perf_counter()
        entries += len(feedparser.parse(io.BytesIO(f.body)).entries)
        middle = time.perf_counter()
        items += len(parse_feed(f.body, f.source_id, f.observed_at, f.headers).items)
        bare, project = bare + middle - began, project + time.perf_counter() - middle
    return {"bodies": len(fetches), "bytes": sum(len(f.body) for f in fetches),
            "entries": entries, "parse_feed_items": items,
            "bare_feedparser_seconds": round(bare, 3), "parse_feed_seconds": round(project, 3)}


# ------------------------------------------------------------------------------ dbt results
def dbt_results(path: Path) -> dict:
    """Seconds per model, per resource type, and what did not pass, from run_results.json."""
    results = json.loads(path.read_text())
    models, by_type, problems = {}, {}, []
    for result in results["results"]:
        kind, name = result["unique_id"].split(".")[0], result["unique_id"].split(".")[-1]
        by_type[kind] = by_type.get(kind, 0.0) + result["execution_time"]
        if kind == "model":
            models[name] = result["execution_time"]
        if result["status"] not in ("success", "pass"):
            problems.append(f"{result['status']}: {result['unique_id']}")
    return {"elapsed": results["elapsed_time"], "models": models, "problems": problems,
            "seconds_by_type": {k: round(v, 2) for k, v in sorted(by_type.items())}}


def slowest(models: dict[str, float], n: int = 5) -> list[dict]:
    ranked = sorted(models.items(), key=lambda item: -item[1])[:n]
    return [{"model": name, "seconds": round(seconds, 3)} for name, seconds in ranked]


# ------------------------------------------------------------------------------ planted events
def read_planted(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


PLANTED_SQL = """
    select e.event_id, e.event_type, i.car, i.car_standard_error
    from marts.fct_event_impact i join marts.dim_event e using (event_id)
    where e.primary_entity_id = ? and i.symbol = ? and i.window_label = '[0,0]'
      and i.t0_date = ?
    order by e.event_type = ? desc, e.event_id
"""


def planted_matches(con, planted: list[dict]) -> list[dict]:
    """Per planted event, the [0,0] impact rows of events of its entity on its t0 (the event of
    its own type first)."""
    out = []
    for p in planted:
        rows = con.execute(PLANTED_SQL, [p["entity_id"], p["symbol"], p["t0_date"],
                                         p["event_type"]]).fetchall()
        out.append({**p, "rows": rows})
    return out


def planted_effects(warehouse: Path, planted: list[dict]) -> dict:
    with read_only(warehouse) as con:
        matches = planted_matches(con, planted)
    found = within = as_type = 0
    misses = []
    for m in matches:
        if not m["rows"]:
            misses.append({"planted_id": m["planted_id"], "symbol": m["symbol"],
                           "t0_date": m["t0_date"], "problem": "no event on t0"})
            continue
        found += 1
        _, event_type, car, se = m["rows"][0]
        as_type += event_type == m["event_type"]
        planted_ar = float(m["abnormal_return"])
        if se is not None and abs(car - planted_ar) <= 1.96 * se:
            within += 1
        else:
            misses.append({"planted_id": m["planted_id"], "symbol": m["symbol"],
                           "event_type": event_type, "planted_ar": planted_ar,
                           "car": car, "car_standard_error": se,
                           "problem": "outside the 95% interval"})
    return {"planted": len(planted), "found": found, "found_as_planted_type": as_type,
            "within_interval": within, "expected_within_interval": round(0.95 * found, 1),
            "misses": misses}


# ------------------------------------------------------------------------------ event study
def sample_events(con, planted: list[dict], pair_budget: int) -> tuple[list[str], int]:
    """Every event when they make at most pair_budget (event, asset) pairs; else as many events
    as the budget allows (at least 10): the planted ones' events (up to half) and others in a
    fixed pseudo-random order (md5 of the id)."""
    events = [row[0] for row in con.execute(
        "select event_id from marts.dim_event order by event_id").fetchall()]
    assets = con.execute("select count(*) from marts.dim_asset").fetchone()[0]
    limit = max(10, pair_budget // max(assets, 1))
    if len(events) <= limit:
        return events, len(events)
    planted_ids = sorted({row[0] for m in planted_matches(con, planted) for row in m["rows"]})
    chosen = planted_ids[: limit // 2]
    others = sorted(set(events) - set(chosen), key=lambda e: hashlib.md5(e.encode()).hexdigest())
    return chosen + others[: limit - len(chosen)], len(events)


def restricted(warehouse: Path, event_ids: list[str]):
    """An in-memory DuckDB whose raw.sessions, raw.prices and marts.dim_event are views of the
    warehouse, dim_event limited to event_ids: the reference's queries see only the sample."""
    con = duckdb.connect()
    con.execute(f"attach '{warehouse}' as {CATALOG} (read_only)")
    con.execute("create schema raw; create schema marts")
    con.execute(f"create view raw.sessions as select * from {CATALOG}.raw.sessions")
    con.execute(f"create view raw.prices as select * from {CATALOG}.raw.prices")
    con.execute("create table sample_events (event_id varchar)")
    con.executemany("insert into sample_events values (?)", [[e] for e in event_ids])
    con.execute(f"create view marts.dim_event as select * from {CATALOG}.marts.dim_event "
                "where event_id in (select event_id from sample_events)")
    return con


def differences(marts: pd.DataFrame, reference: pd.DataFrame) -> dict:
    """Rows on one side only, values null on one side only (a few shown) and the largest
    absolute difference per column. A window without any observation (its only bar missing)
    has no CAR in the mart; the reference sums it to 0, so it is read as null here."""
    reference = reference.assign(ref_car=reference.ref_car.where(reference.ref_obs > 0))
    both = marts.merge(reference, on=KEYS, how="outer", indicator=True)
    matched = both[both._merge == "both"]
    worst, null_mismatches = {}, []
    for column, ref in zip(COMPARED, ("ref_car", "ref_t", "ref_p"), strict=True):
        a, b = matched[column].astype(float), matched[ref].astype(float)
        for row in matched[a.isna() != b.isna()].itertuples():
            null_mismatches.append({"event_id": row.event_id, "symbol": row.symbol,
                                    "window": [row.window_start, row.window_end],
                                    "column": column, "mart": getattr(row, column),
                                    "reference": getattr(row, ref)})
        worst[column] = float((a - b).abs().max()) if len(matched) else None
    return {"rows_compared": len(matched),
            "empty_windows": int((matched.ref_obs == 0).sum()),
            "rows_only_in_mart": int((both._merge == "left_only").sum()),
            "rows_only_in_reference": int((both._merge == "right_only").sum()),
            "null_mismatches": len(null_mismatches),
            "null_mismatch_examples": null_mismatches[:5],
            "max_abs_difference_by_column": worst}


def event_study_reference(warehouse: Path, seeds: Path, planted: list[dict],
                          model_seconds: dict[str, float], pair_budget: int) -> dict:
    """The reference's rows for a sample of events against the mart's. The SQL's time for the
    same rows: the event-study models' build seconds times the sample's share of (event,
    asset) pairs, plus reading the sample's rows from fct_event_impact (all of its work when
    it is a view)."""
    from tests.e2e.test_reference import reference_rows

    with read_only(warehouse) as con:
        sample, n_events = sample_events(con, planted, pair_budget)
        pairs = con.execute("select count(distinct (event_id, symbol)) from "
                            "marts.fct_event_impact").fetchone()[0]
        began = time.perf_counter()
        marts = con.execute(f"select {', '.join(KEYS + list(COMPARED))} from "
                            "marts.fct_event_impact where list_contains(?, event_id)",
                            [sample]).df()
        query_seconds = time.perf_counter() - began
    with restricted(warehouse, sample) as con:
        began = time.perf_counter()
        reference, _ = reference_rows(con, seeds)
        reference_seconds = time.perf_counter() - began
    share = marts[["event_id", "symbol"]].drop_duplicates().shape[0] / max(pairs, 1)
    build_seconds = share * sum(model_seconds.get(m, 0.0) for m in EVENT_STUDY_MODELS)
    sql_seconds = build_seconds + query_seconds
    found = differences(marts, reference)
    worst = [v for v in found["max_abs_difference_by_column"].values() if v is not None]
    same_rows = not (found["rows_only_in_mart"] or found["rows_only_in_reference"]
                     or found["null_mismatches"]) and found["rows_compared"] > 0
    return {"events": n_events, "events_sampled": len(sample), "pairs": pairs,
            "pair_share": round(share, 4), "reference_seconds": round(reference_seconds, 3),
            "sql_build_seconds": round(build_seconds, 4),
            "sql_query_seconds": round(query_seconds, 4), "sql_seconds": round(sql_seconds, 4),
            "speedup": round(reference_seconds / sql_seconds, 1) if sql_seconds else None,
            "max_abs_difference": max(worst) if worst else None, "same_rows": same_rows,
            **found}


# ------------------------------------------------------------------------------ queries
def readme_queries(readme: Path) -> list[str]:
    """The queries (select or with) in the sql code blocks of the README's "Querying the marts"
    section; one statement a block."""
    text = readme.read_text(encoding="utf-8")
    section = text.split("## Querying the marts", 1)[1].split("\n## ", 1)[0]
    blocks = [block.strip() for block in re.findall(r"```sql\n(.*?)```", section, re.S)]
    return [b for b in blocks if re.match(r"(select|with)\b", b, re.I)]


def adapt(sql: str, entity_id: str, day: str) -> str:
    """The documented example's entity and date replaced by a planted event's."""
    sql = re.sub(r"(primary_entity_id\s*=\s*)'[^']*'", rf"\1'{entity_id}'", sql)
    return re.sub(r"(first_seen_at::date\s*=\s*)'[^']*'", rf"\1'{day}'", sql)


def query_latencies(warehouse: Path, queries: list[str], repeats: int = 20) -> list[dict]:
    out = []
    with read_only(warehouse) as con:
        for n, sql in enumerate(queries, 1):
            seconds, rows = [], 0
            for _ in range(repeats):
                began = time.perf_counter()
                rows = len(con.execute(sql.rstrip(";")).fetchall())
                seconds.append(time.perf_counter() - began)
            ms = np.array(seconds) * 1000
            out.append({"query": n, "sql": " ".join(sql.split())[:160], "rows": rows,
                        "runs": repeats, "p50_ms": round(float(np.percentile(ms, 50)), 2),
                        "p95_ms": round(float(np.percentile(ms, 95)), 2)})
    return out


# ------------------------------------------------------------------------------ machine
def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    models = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    memory = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
    return {"cpu": models[0] if models else platform.processor(), "cpus": len(models),
            "memory_gb": round(int(memory.group(1)) / 1024 ** 2, 1) if memory else None,
            "duckdb": version("duckdb"), "dbt_core": version("dbt-core"),
            "dbt_duckdb": version("dbt-duckdb"), "dagster": version("dagster"),
            "python": platform.python_version()}

"""The runs bench.py measures, each in a subprocess: the generator, the Dagster ingest job
(tests/benchmarks/ingest_runner.py) and dbt; and the checks that read the built warehouse
(through bench_results). Each step returns its JSON line's figures or raises StepError."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import bench_results as results
from .generator import RUN_DAY

REPO = Path(__file__).resolve().parents[2]
DBT_DIR = REPO / "dbt"
PYTHON = sys.executable
DBT = str(Path(sys.executable).parent / "dbt")
LANDING_DAYS = 30  # the generator's default: the landing window the ingest measurement replays
DAY = RUN_DAY.isoformat()


def progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


class StepError(Exception):
    def __init__(self, message: str, tail: list[str] | None = None):
        super().__init__(message)
        self.tail = tail or []


@dataclass
class Finished:
    """A subprocess that ended: exit code, wall seconds, peak resident memory, its output."""

    returncode: int
    seconds: float
    peak_memory_mb: float
    log: Path

    def tail(self, n: int = 20) -> list[str]:
        return self.log.read_text(errors="replace").splitlines()[-n:]

    def check(self, what: str) -> Finished:
        if self.returncode:
            how = (f"was killed by signal {-self.returncode}" if self.returncode < 0
                   else f"exited with {self.returncode}")
            raise StepError(f"{what} {how} (output in {self.log})", self.tail())
        return self


def run(command: list[str], log: Path, env: dict | None = None, cwd: Path = REPO) -> Finished:
    """Run a command with its output in log; os.wait4 gives this child's own peak memory."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        began = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            _, status, usage = os.wait4(child.pid, 0)
        except BaseException:
            child.kill()
            child.wait()
            raise
        seconds = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    return Finished(child.returncode, round(seconds, 2), round(usage.ru_maxrss / 1024, 1), log)


@dataclass
class Case:
    """One generated data set (size, years, seed) and the working copy the runs change."""

    size: str
    years: float
    seed: int
    root: Path
    failed: set[str] = field(default_factory=set)
    models: dict[str, float] = field(default_factory=dict)  # full rebuild's seconds per model
    daily_total: float | None = None

    @property
    def data(self) -> Path:
        return self.root / f"data-y{self.years:g}"

    @property
    def work(self) -> Path:
        return self.root / f"work-y{self.years:g}"

    @property
    def warehouse(self) -> Path:
        return self.work / "warehouse.duckdb"

    @property
    def dbt_dir(self) -> Path:
        """Staged seeds, target and logs of this case's dbt runs: inside dbt/target (see
        seed-paths in dbt_project.yml), away from the target other dbt commands use."""
        digest = hashlib.md5(str(self.root).encode()).hexdigest()[:8]
        return DBT_DIR / "target" / "bench" / f"{self.size}-y{self.years:g}-{digest}"

    def manifest(self) -> dict:
        return json.loads((self.data / "manifest.json").read_text())

    def env(self) -> dict[str, str]:
        return {**os.environ, "NEWSIMPACT_TRANSPORT": "landing",
                "NEWSIMPACT_SEEDS_DIR": str(self.data / "seeds"),
                "NEWSIMPACT_WAREHOUSE": str(self.warehouse),
                "NEWSIMPACT_LANDING_DIR": str(self.data / "landing"),
                "NEWSIMPACT_DBT_SEED_PATH": os.path.relpath(self.dbt_dir / "seeds", DBT_DIR),
                "DAGSTER_HOME": str(self.work / "dagster_home"),
                "DAGSTER_DISABLE_TELEMETRY": "true", "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}


# ------------------------------------------------------------------------------ steps
def generator_digest() -> str:
    """The generator's code (its modules in tests/benchmarks) and the seeds it copies."""
    here = Path(__file__).parent
    files = sorted(p for p in here.glob("*.py")
                   if not p.name.startswith(("bench", "ingest_runner")))
    files += [REPO / "seeds" / name for name in ("event_types.csv", "sentiment_lexicon.csv",
                                                 "reading_weights.csv", "reading_classes.csv",
                                                 "ordinary_words.csv")]
    return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()[:16]


def reusable(case: Case, digest: str) -> str | None:
    """Why the generated folder can be reused, or None: its manifest matches size, seed, years
    and landing days, and it was written by this generator (bench.json; when absent, it was
    generated by hand and the manifest alone decides)."""
    parts = ("manifest.json", "warehouse.duckdb", "seeds", "landing", "planted_events.csv")
    wanted = {"size": case.size, "seed": case.seed, "years": case.years,
              "landing_days": LANDING_DAYS}
    if not all((case.data / p).exists() for p in parts) or \
            any(case.manifest().get(k) != v for k, v in wanted.items()):
        return None
    stamp = case.data / "bench.json"
    if not stamp.exists():
        return "its manifest matches size, seed, years and landing days (generator unknown)"
    if json.loads(stamp.read_text()).get("generator") != digest:
        return None
    return "its manifest matches size, seed, years and landing days; same generator code"


def generate(case: Case) -> dict:
    digest = generator_digest()
    reason = reusable(case, digest)
    if reason:
        progress(f"reusing {case.data}: {reason}")
        return {"reused": True, "data": str(case.data), "note": reason,
                "counts": counts(case.manifest())}
    (case.data / "bench.json").unlink(missing_ok=True)
    done = run([PYTHON, "-m", "tests.benchmarks.generator", "--size", case.size,
                "--out", str(case.data), "--seed", str(case.seed), "--years", f"{case.years:g}",
                "--landing-days", str(LANDING_DAYS), "--force"],
               case.work / "logs" / "generate.log").check("the generator")
    (case.data / "bench.json").write_text(json.dumps({"generator": digest}) + "\n")
    return {"reused": False, "data": str(case.data), "seconds": done.seconds,
            "peak_memory_mb": done.peak_memory_mb, "counts": counts(case.manifest())}


def counts(manifest: dict) -> dict:
    keep = ("assets", "feeds", "price_bars", "articles_raw", "articles_landing",
            "feed_documents", "planted_events")
    return {k: manifest["counts"][k] for k in keep}


def run_ingest(case: Case, first: str, last: str, name: str) -> tuple[Finished, dict]:
    """The Dagster ingest job over first..last in a subprocess (tests/benchmarks/ingest_runner)."""
    done = run([PYTHON, "-m", "tests.benchmarks.ingest_runner", first, last],
               case.work / "logs" / f"{name}.log", case.env()).check(f"the ingest job ({name})")
    lines = [line for line in done.tail(50) if line.startswith('{"run_id"')]
    if not lines:
        raise StepError("the ingest runner printed no report", done.tail())
    return done, json.loads(lines[-1])


def ingest(case: Case) -> dict:
    case.work.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case.data / "warehouse.duckdb", case.warehouse)
    manifest = case.manifest()
    first, last = manifest["landing_first_day"], manifest["last_day"]
    before = news_count(case.warehouse)
    done, report = run_ingest(case, first, last, "ingest")
    with results.read_only(case.warehouse) as con:
        documents, items = con.execute(
            "select count(*) filter (where status in ('ok', 'warning')), "
            "coalesce(sum(rows_parsed), 0) from raw.fetch_log where run_id = ? and kind = 'feed'",
            [report["run_id"]]).fetchone()
    parsing = results.time_parsing(results.landed_feeds(
        case.data / "landing", date.fromisoformat(first), date.fromisoformat(last)))
    news, bare = report["steps"].get("raw__news_items"), parsing["bare_feedparser_seconds"]
    return {"days": f"{first}..{last}", "seconds": done.seconds,
            "import_seconds": report["import_seconds"], "job_seconds": report["job_seconds"],
            "news_items_step_seconds": news, "steps": report["steps"],
            "peak_memory_mb": done.peak_memory_mb, "feed_documents": documents,
            "items_parsed": items, "news_items_added": news_count(case.warehouse) - before,
            "items_per_second": round(items / news, 1) if news else None, **parsing,
            "ratio": ratio(news, bare), "wall_ratio": ratio(done.seconds, bare),
            "parse_only_ratio": ratio(parsing["parse_feed_seconds"], bare)}


def news_count(warehouse: Path) -> int:
    with results.read_only(warehouse) as con:
        return con.execute("select count(*) from raw.news_items").fetchone()[0]


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a is not None and b else None


def run_dbt(case: Case, args: list[str], name: str) -> tuple[Finished, dict]:
    target = case.dbt_dir / "target"
    (target / "run_results.json").unlink(missing_ok=True)
    done = run([DBT, *args, "--profiles-dir", ".",
                "--target-path", os.path.relpath(target, DBT_DIR),
                "--log-path", os.path.relpath(case.dbt_dir / "logs", DBT_DIR)],
               case.work / "logs" / f"{name}.log", case.env(), cwd=DBT_DIR)
    if not (target / "run_results.json").exists():
        done.check(f"dbt ({name})")
        raise StepError(f"dbt ({name}) wrote no run_results.json", done.tail())
    shutil.copyfile(target / "run_results.json", case.work / f"run_results_{name}.json")
    return done, results.dbt_results(target / "run_results.json")


def dbt_summary(done: Finished, found: dict) -> dict:
    """dbt's own figures: its elapsed time after start-up and parsing, whether it parsed the
    whole project (vars that changed since its last run force that), the slowest models."""
    log = done.log.read_text(errors="replace")
    summary = {"dbt_elapsed_seconds": round(found["elapsed"], 2),
               "startup_and_parse_seconds": round(done.seconds - found["elapsed"], 2),
               "full_parse": "Unable to do partial parsing" in log,
               "slowest_models": results.slowest(found["models"]),
               "seconds_by_type": found["seconds_by_type"]}
    if done.returncode:
        summary.update(error=f"dbt exited with {done.returncode}",
                       output_tail=found["problems"][:10] or done.tail())
    return summary


def full_rebuild(case: Case) -> dict:
    seeds = case.dbt_dir / "seeds"
    shutil.rmtree(seeds, ignore_errors=True)
    seeds.mkdir(parents=True)
    for csv_file in (case.data / "seeds").glob("*.csv"):
        shutil.copyfile(csv_file, seeds / csv_file.name)
    done, found = run_dbt(case, ["build", "--full-refresh"], "full_rebuild")
    case.models = found["models"]
    return {"seconds": done.seconds, "peak_memory_mb": done.peak_memory_mb,
            **dbt_summary(done, found)}


def daily_run(case: Case) -> dict:
    ingested, report = run_ingest(case, DAY, DAY, "daily_ingest")
    built, found = run_dbt(case, ["build", "--vars", json.dumps(
        {"min_date": DAY, "max_date": DAY})], "daily_dbt")
    case.daily_total = round(ingested.seconds + built.seconds, 2)
    return {"day": DAY, "ingest_seconds": ingested.seconds,
            "ingest_job_seconds": report["job_seconds"], "dbt_seconds": built.seconds,
            "total_seconds": case.daily_total,
            "peak_memory_mb": max(ingested.peak_memory_mb, built.peak_memory_mb),
            **dbt_summary(built, found)}


def event_study(case: Case, pair_budget: int) -> dict:
    if not case.models:
        raise StepError("no model timings from the full rebuild")
    planted = results.read_planted(case.data / "planted_events.csv")
    return results.event_study_reference(case.warehouse, case.data / "seeds", planted,
                                         case.models, pair_budget)


def planted_effects(case: Case) -> dict:
    return results.planted_effects(
        case.warehouse, results.read_planted(case.data / "planted_events.csv"))


def queries(case: Case) -> list[dict]:
    """The README's queries with its example's entity and date replaced by a planted event's
    (the first one the pipeline found on its t0)."""
    planted = results.read_planted(case.data / "planted_events.csv")
    with results.read_only(case.warehouse) as con:
        matched = [m for m in results.planted_matches(con, planted) if m["rows"]]
    chosen = (matched or planted)[0]
    entity, day = chosen["entity_id"], chosen["first_seen_at"][:10]
    sqls = [results.adapt(sql, entity, day) for sql in results.readme_queries(REPO / "README.md")]
    return [{"entity_id": entity, "date": day, **line}
            for line in results.query_latencies(case.warehouse, sqls)]

"""A feed behind an API key: the key comes from the environment (a ${NEWSIMPACT_...} placeholder
in feeds.csv), reaches the server, and is found nowhere that is kept or shown: not in
raw.fetch_log, not in landing/, not in the run's event log, not in an error that quotes the
URL. A placeholder whose variable is not set is one recorded error, and the other feeds load."""

import duckdb
import pytest
from dagster import DagsterInstance, materialize
from dagster_duckdb import DuckDBResource

from orchestration.ingestion.news import news_items
from orchestration.ingestion.resources import SourcesResource
from orchestration.sources.fetched import utcnow
from orchestration.sources.secrets import expand, redact
from tests import httpserver as hs
from tests.integration.test_live_run import seeds_with_feeds

KEY = "s3cr3t/key+with=signs&more"  # characters a URL must escape


@pytest.fixture
def server():
    srv = hs.FaultServer()
    yield srv
    srv.close()


def keyed(expected: str):
    """A feed that answers 401 unless the request carries the key."""
    def handler(h, n):
        if f"apikey={expected}" not in h.path:
            return h.answer(401, b"key required")
        return h.answer(200, hs.FEED)
    return handler


def run(tmp_path, seeds):
    sources = SourcesResource(seeds_dir=str(seeds), landing_dir=str(tmp_path / "landing"),
                              transport="live", retries=1, backoff_seconds=0.01,
                              min_host_interval=0.0, connect_timeout=1.0, read_timeout=1.0)
    instance = DagsterInstance.ephemeral()
    result = materialize([news_items], instance=instance,
                         partition_key=utcnow().date().isoformat(),
                         resources={"warehouse": DuckDBResource(
                             database=str(tmp_path / "w.duckdb")), "sources": sources},
                         raise_on_error=False)
    log = "\n".join(str(record.event_log_entry.user_message) + repr(record.event_log_entry)
                    for record in instance.get_records_for_run(result.run_id).records)
    return result, log


def everything_kept(tmp_path) -> str:
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        tables = con.execute("select schema_name, table_name from duckdb_tables()").fetchall()
        rows = [con.execute(f"select * from {s}.{t}").fetchall() for s, t in tables]
    landed = [path.read_bytes().decode("utf-8", "replace")
              for path in (tmp_path / "landing").rglob("*") if path.is_file()]
    return repr(rows) + "\n".join(landed)


def test_the_key_reaches_the_server_and_nothing_kept_or_shown(tmp_path, server, monkeypatch):
    monkeypatch.setenv("NEWSIMPACT_TEST_FEED_KEY", KEY)
    server.routes["/keyed.xml"] = keyed(expand("${NEWSIMPACT_TEST_FEED_KEY}")[0])
    server.routes["/down.xml"] = hs.serve(b"oops", status=500)
    seeds = seeds_with_feeds(tmp_path, {
        "keyed": f"{server.url}/keyed.xml?apikey=${{NEWSIMPACT_TEST_FEED_KEY}}",
        "down": f"{server.url}/down.xml?apikey=${{NEWSIMPACT_TEST_FEED_KEY}}",
        "refused": "http://127.0.0.1:9/x.xml?apikey=${NEWSIMPACT_TEST_FEED_KEY}",
        "unset": f"{server.url}/keyed.xml?apikey=${{NEWSIMPACT_TEST_UNSET_KEY}}"})
    result, log = run(tmp_path, seeds)
    assert result.success
    kept = everything_kept(tmp_path)
    for form in (KEY, expand("${NEWSIMPACT_TEST_FEED_KEY}")[0]):
        assert form not in kept and form not in log
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        logged = dict(con.execute("select source_id, coalesce(message, status) from "
                                  "raw.fetch_log").fetchall())
        items = con.execute("select count(*) from raw.news_items where feed_id = 'keyed'"
                            ).fetchone()[0]
        urls = {u for (u,) in con.execute("select url from raw.fetch_log").fetchall()}
    assert items == 8 and logged["keyed"] == "ok"  # the key got it in
    assert "HTTP 500" in logged["down"] and "ConnectionError" in logged["refused"]
    assert logged["unset"] == "NEWSIMPACT_TEST_UNSET_KEY is not set (the URL needs it as a " \
                              "credential)"
    assert f"{server.url}/keyed.xml?apikey=${{NEWSIMPACT_TEST_FEED_KEY}}" in urls
    assert server.hits["/keyed.xml"] == 1  # the unset one never asked


def test_redact_takes_out_every_form_of_the_value():
    url, values = "https://x.test/?k=${NEWSIMPACT_K}", {"NEWSIMPACT_K": "a b/c"}
    assert redact("GET https://x.test/?k=a%20b%2Fc failed; a b/c; a+b%2Fc", values) \
        == "GET https://x.test/?k=${NEWSIMPACT_K} failed; ${NEWSIMPACT_K}; ${NEWSIMPACT_K}"
    assert url.count("${NEWSIMPACT_K}") == 1

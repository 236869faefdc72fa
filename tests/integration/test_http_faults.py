"""The HTTP half of the fault matrix (README, "Fault matrix"): the real client against a local
server that misbehaves the way real sources do. Every row asserts the exact outcome."""

import dataclasses
import gzip
import time

import pytest

from orchestration.sources.feeds import parse_feed
from orchestration.sources.http import USER_AGENT, HttpClient, HttpPolicy, retry_after_seconds
from tests import httpserver as hs

FAST = HttpPolicy(connect_timeout=1.0, read_timeout=0.5, total_timeout=1.0, retries=2,
                  backoff_seconds=0.01, max_wait_seconds=5.0, max_body_bytes=1_000_000,
                  min_host_interval=0.0)
# the same with a budget that holds every retry (waits are recorded, not slept)
PATIENT = dataclasses.replace(FAST, total_timeout=30.0)


@pytest.fixture
def server():
    srv = hs.FaultServer()
    yield srv
    srv.close()


@pytest.fixture
def waits():
    return []


@pytest.fixture
def client(waits):
    return HttpClient(FAST, sleep=waits.append)  # waits are recorded, not slept


def test_ok_feed_is_read_with_our_user_agent_and_gzip(server, client):
    server.routes["/feed.xml"] = hs.gzipped(hs.FEED)
    fetched = client.get("cnbc", f"{server.url}/feed.xml")
    assert fetched.ok and fetched.body == hs.FEED and fetched.attempts == 1
    assert server.headers_seen[-1]["User-Agent"] == USER_AGENT
    assert "gzip" in server.headers_seen[-1]["Accept-Encoding"]
    assert len(parse_feed(fetched.body, "cnbc", fetched.observed_at).items) == 8


def test_500_then_200_is_retried_with_backoff(server, client, waits):
    server.routes["/flaky"] = hs.fail_then(500, times=1)
    fetched = client.get("x", f"{server.url}/flaky")
    assert fetched.ok and fetched.attempts == 2 and fetched.http_status == 200
    assert len(waits) == 1 and 0.01 <= waits[0] <= 0.015  # first backoff plus jitter


def test_persistent_500_gives_up_after_the_retries(server, client, waits):
    server.routes["/down"] = hs.serve(b"boom", status=500)
    fetched = client.get("x", f"{server.url}/down")
    assert not fetched.ok and fetched.error == "HTTP 500 Internal Server Error"
    assert fetched.attempts == 3 and server.hits["/down"] == 3
    assert waits[1] > waits[0]  # exponential


def test_429_honours_retry_after(server, waits):
    server.routes["/limited"] = hs.fail_then(429, times=1, headers={"Retry-After": "2"})
    fetched = HttpClient(PATIENT, sleep=waits.append).get("x", f"{server.url}/limited")
    assert fetched.ok and fetched.attempts == 2 and waits == [2.0]


def test_retry_after_is_capped(server, waits):
    server.routes["/limited"] = hs.fail_then(429, times=1, headers={"Retry-After": "3600"})
    fetched = HttpClient(PATIENT, sleep=waits.append).get("x", f"{server.url}/limited")
    assert fetched.ok and waits == [FAST.max_wait_seconds]


def test_retry_after_as_an_http_date():
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("soon") is None


def test_read_timeout_is_retried_then_reported(server, waits):
    server.routes["/slow"] = hs.slow(2.0)
    began = time.monotonic()
    fetched = HttpClient(PATIENT, sleep=waits.append).get("x", f"{server.url}/slow")
    assert not fetched.ok and "ReadTimeout" in fetched.error and fetched.attempts == 3
    assert time.monotonic() - began < 3 * FAST.read_timeout + 1


def test_a_trickling_body_hits_the_whole_request_deadline(server, client):
    server.routes["/trickle"] = hs.trickle(chunks=20, pause=0.2)  # each read well under 0.5 s
    began = time.monotonic()
    fetched = client.get("x", f"{server.url}/trickle")
    assert fetched.error == "body not complete within 1.0 s" and fetched.attempts == 1
    assert time.monotonic() - began < 2.5


def test_a_body_dripping_one_byte_at_a_time_ends_at_the_deadline(server, client):
    # the feed at a byte per 0.05 s would take minutes; a read of 4096 bytes never returns
    server.routes["/drip"] = hs.drip(pause=0.05)
    began = time.monotonic()
    fetched = client.get("x", f"{server.url}/drip")
    assert fetched.error == "body not complete within 1.0 s" and fetched.attempts == 1
    assert fetched.body is None
    assert time.monotonic() - began < 2.0


def test_a_drip_that_hangs_up_is_not_retried(server, client):
    server.routes["/drip"] = hs.drip(pause=0.05, hang_up_after=30)  # 1.5 s: past the deadline
    fetched = client.get("x", f"{server.url}/drip")
    assert fetched.error == "body not complete within 1.0 s" and fetched.attempts == 1
    assert server.hits["/drip"] == 1


def test_quick_bodies_are_never_cut_by_the_watchdog(server, client):
    # the watchdog is armed for every body and stopped when the body is complete
    server.routes["/feed.xml"] = hs.serve(hs.FEED)
    for _ in range(20):
        fetched = client.get("x", f"{server.url}/feed.xml")
        assert fetched.ok and fetched.body == hs.FEED


def test_retries_stop_when_the_budget_is_spent(server):
    # every answer asks to come back in 0.4 s; the 1 s budget holds two waits, not ten
    server.routes["/busy"] = hs.serve(b"", status=503, headers={"Retry-After": "0.4"})
    client = HttpClient(HttpPolicy(total_timeout=1.0, retries=10, min_host_interval=0.0))
    began = time.monotonic()
    fetched = client.get("x", f"{server.url}/busy")
    assert fetched.attempts == 3 and server.hits["/busy"] == 3
    assert fetched.error == ("HTTP 503 Service Unavailable; gave up after 3 attempts: "
                             "the 1.0 s budget is spent")
    assert time.monotonic() - began < 1.2


def test_connection_refused_is_reported(client):
    fetched = client.get("x", "http://127.0.0.1:9/feed.xml")
    assert not fetched.ok and "ConnectionError" in fetched.error and fetched.attempts == 3


def test_truncated_body_is_an_error_not_a_short_feed(server, client):
    server.routes["/cut"] = hs.truncated()
    fetched = client.get("x", f"{server.url}/cut")
    assert not fetched.ok and fetched.body is None and fetched.attempts == 3  # retried
    assert "IncompleteRead" in fetched.error or "ChunkedEncodingError" in fetched.error


def test_body_over_the_cap_is_refused_without_retry(server, client):
    server.routes["/huge"] = hs.serve(b"x" * 1_500_000)
    fetched = client.get("x", f"{server.url}/huge")
    assert fetched.error == "body larger than 1000000 bytes" and fetched.attempts == 1


def test_gzip_bomb_hits_the_cap_on_decoded_bytes(server, client):
    server.routes["/bomb"] = hs.serve(gzip.compress(b"\0" * 50_000_000),
                                      headers={"Content-Encoding": "gzip"})
    fetched = client.get("x", f"{server.url}/bomb")
    assert fetched.error == "body larger than 1000000 bytes"


def test_redirect_loop_stops_at_the_limit(server, client):
    server.routes["/loop"] = hs.redirect_loop
    fetched = client.get("x", f"{server.url}/loop")
    assert fetched.error == "redirect loop: more than 5 redirects" and fetched.attempts == 1
    assert server.hits["/loop"] == 6


def test_404_is_final(server, client):
    fetched = client.get("x", f"{server.url}/missing")
    assert fetched.error == "HTTP 404 Not Found" and fetched.attempts == 1


def test_conditional_get_gets_a_304(server, client):
    server.routes["/feed.xml"] = hs.conditional()
    first = client.get("x", f"{server.url}/feed.xml")
    assert first.ok and first.headers["etag"] == '"v1"'
    again = client.get("x", f"{server.url}/feed.xml", etag='"v1"',
                       last_modified=first.headers["last-modified"])
    assert again.not_modified and again.body is None and not again.ok
    assert server.headers_seen[-1]["If-Modified-Since"] == "Mon, 27 Jan 2025 23:00:00 GMT"


def test_requests_to_one_host_are_paced(server):
    server.routes["/feed.xml"] = hs.serve(hs.FEED)
    waits = []
    policy = HttpPolicy(min_host_interval=10.0, retries=0)
    client = HttpClient(policy, sleep=waits.append)
    client.get("a", f"{server.url}/feed.xml")
    client.get("b", f"{server.url}/feed.xml")
    assert len(waits) == 1 and 9.0 < waits[0] <= 10.0


@pytest.mark.parametrize("field", ["connect_timeout", "read_timeout", "total_timeout",
                                   "max_body_bytes"])
def test_a_nonsense_policy_is_refused(field):
    with pytest.raises(ValueError, match=f"{field} must be positive"):
        HttpPolicy(**{field: 0})

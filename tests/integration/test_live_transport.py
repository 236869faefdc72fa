"""The live transport over real HTTP against a server on 127.0.0.1 (never the internet)."""

import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from orchestration.reference import Feed
from orchestration.sources.feeds import parse_feed
from orchestration.sources.transport import USER_AGENT, LiveTransport, utcnow
from tests.conftest import SNAPSHOTS

FEED_BODY = (SNAPSHOTS / "feeds" / "cnbc_top_news" / "2025-01-27.xml").read_bytes()
SEEN_AGENTS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path == "/feed.xml":
            self._send(200, FEED_BODY, {"ETag": '"v1"'})
        elif self.path == "/error":
            self._send(500, b"boom")
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, FEED_BODY)
        elif self.path == "/huge":
            self._send(200, b"x" * 300_000)

    def _send(self, status: int, body: bytes, headers: dict | None = None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_feed_fetched_over_http_parses_like_its_snapshot(server):
    fetched = LiveTransport().get("cnbc_top_news", f"{server}/feed.xml")
    assert fetched.ok and fetched.http_status == 200 and fetched.headers["ETag"] == '"v1"'
    assert SEEN_AGENTS[-1] == USER_AGENT
    items = parse_feed(fetched.body, "cnbc_top_news", fetched.observed_at).items
    assert len(items) == 8


def test_live_feeds_are_fetched_only_for_a_window_that_includes_today(server):
    feed = Feed("cnbc_top_news", "CNBC", f"{server}/feed.xml", "rss")
    transport, today = LiveTransport(), utcnow().date()
    assert len(transport.feed_fetches(feed, today, today)) == 1
    assert transport.feed_fetches(feed, date(2025, 1, 27), date(2025, 1, 27)) == []


def test_http_500_is_an_error_not_a_body(server):
    fetched = LiveTransport().get("x", f"{server}/error")
    assert not fetched.ok and fetched.error == "HTTP 500 Internal Server Error"


def test_read_timeout_is_reported(server):
    began = time.monotonic()
    fetched = LiveTransport(timeout=(1.0, 0.5)).get("x", f"{server}/slow")
    assert not fetched.ok and "ReadTimeout" in fetched.error
    assert time.monotonic() - began < 2


def test_body_over_the_cap_is_refused(server):
    fetched = LiveTransport(max_body_bytes=100_000).get("x", f"{server}/huge")
    assert not fetched.ok and "body larger than 100000 bytes" in fetched.error


def test_connection_refused_is_reported():
    fetched = LiveTransport(timeout=(1.0, 1.0)).get("x", "http://127.0.0.1:9/feed.xml")
    assert not fetched.ok and "ConnectionError" in fetched.error

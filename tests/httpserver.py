"""A scriptable HTTP server on 127.0.0.1 for the fault matrix: each path answers as a real,
misbehaving source would. Per-path request counters let a fault heal after N attempts."""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.conftest import SNAPSHOTS

FEED = (SNAPSHOTS / "feeds" / "cnbc_top_news" / "2025-01-27.xml").read_bytes()


class FaultServer:
    def __init__(self) -> None:
        self.routes: dict[str, object] = {}
        self.hits: Counter[str] = Counter()
        self.headers_seen: list[dict[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 (http.server's name)
                path = self.path.split("?")[0]
                server.hits[path] += 1
                server.headers_seen.append(dict(self.headers))
                route = server.routes.get(path)
                if route is None:
                    return self.answer(404, b"not found")
                return route(self, server.hits[path])

            def answer(self, status: int, body: bytes = b"", headers: dict | None = None,
                       length: int | None = None) -> None:
                self.send_response(status)
                headers = {"Content-Type": "application/rss+xml; charset=utf-8", **(headers or {})}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body) if length is None else length))
                self.end_headers()
                self.wfile.write(body)
                self.wfile.flush()

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def route(self, path: str):
        def register(handler):
            self.routes[path] = handler
            return handler
        return register

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# Route behaviours: (handler, attempt number) -> answer


def serve(body: bytes, status: int = 200, headers: dict | None = None):
    return lambda h, n: h.answer(status, body, headers)


def fail_then(status: int, times: int, body: bytes = FEED, headers: dict | None = None):
    def handler(h, n):
        if n <= times:
            return h.answer(status, b"try later", headers)
        return h.answer(200, body)
    return handler


def conditional(body: bytes = FEED, etag: str = '"v1"'):
    def handler(h, n):
        if h.headers.get("If-None-Match") == etag:
            return h.answer(304, b"", {"ETag": etag})
        return h.answer(200, body, {"ETag": etag, "Last-Modified": "Mon, 27 Jan 2025 23:00:00 GMT"})
    return handler


def slow(seconds: float, body: bytes = FEED):
    def handler(h, n):
        time.sleep(seconds)
        return h.answer(200, body)
    return handler


def truncated(body: bytes = FEED):
    def handler(h, n):
        h.answer(200, body[: len(body) // 3], length=len(body))
        h.close_connection = True
    return handler


def redirect_loop(h, n):
    return h.answer(302, b"", {"Location": h.path})


def gzipped(body: bytes):
    return serve(gzip.compress(body), headers={"Content-Encoding": "gzip"})


def drip(pause: float, body: bytes = FEED, hang_up_after: int | None = None):
    """One byte at a time: every read returns at once with a byte, so no read timeout fires;
    optionally the server hangs up after some bytes, as a patient server finally does."""
    def handler(h, n):
        h.send_response(200)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        for i, byte in enumerate(body):
            if hang_up_after is not None and i >= hang_up_after:
                h.close_connection = True
                return
            try:
                h.wfile.write(bytes([byte]))
                h.wfile.flush()
            except OSError:  # the client gave up
                return
            time.sleep(pause)
    return handler


def trickle(chunks: int, pause: float, body: bytes = FEED):
    """Headers at once, then the body a little at a time: each read is quick, the whole is not."""
    def handler(h, n):
        h.send_response(200)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        step = len(body) // chunks + 1
        for start in range(0, len(body), step):
            h.wfile.write(body[start:start + step])
            h.wfile.flush()
            time.sleep(pause)
    return handler

"""HTTP for live sources: one requests Session per run, timeouts, retries with exponential
backoff and jitter (connection errors, 429, 5xx; Retry-After honoured), a bounded number of
redirects, a body-size cap enforced while streaming, a polite per-host pace, and conditional GET.
One budget of wall-clock time covers a request's attempts and waits: a watchdog shuts the socket
when it is spent, however slowly the body's bytes arrive, so a server that drips its body one byte
at a time holds a run for total_timeout and no longer. (The status line and headers are bounded
by read_timeout per read, as requests reads them.)
"""

from __future__ import annotations

import contextlib
import random
import threading
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import ProtocolError

from orchestration.sources.fetched import Fetched, utcnow
from orchestration.sources.secrets import MissingSecret, expand, redact

USER_AGENT = "newsimpact/0.1 (self-hosted news-impact warehouse; +https://github.com/newsimpact)"


class BodyTooLarge(Exception):
    """The body passed the configured cap while it was streaming in."""


class TooSlow(Exception):
    """The body took longer than the whole-request deadline (a server trickling bytes)."""


@dataclass(frozen=True)
class HttpPolicy:
    connect_timeout: float = 5.0
    read_timeout: float = 20.0  # between two reads from the socket
    total_timeout: float = 60.0  # for one request: every attempt and wait, however bytes trickle
    retries: int = 3  # attempts after the first, for transient failures only
    backoff_seconds: float = 1.0  # first wait; doubles each retry, plus up to 50% jitter
    max_wait_seconds: float = 30.0  # cap on any single wait, Retry-After included
    max_redirects: int = 5
    max_body_bytes: int = 20 * 1024 * 1024
    min_host_interval: float = 1.0  # seconds between two requests to one host

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "total_timeout", "max_body_bytes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"HTTP policy: {name} must be positive")
        if self.retries < 0 or self.max_redirects < 0:
            raise ValueError("HTTP policy: retries and max_redirects cannot be negative")


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: a number of seconds or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (moment.replace(tzinfo=None) - utcnow()).total_seconds())


class HttpClient:
    def __init__(self, policy: HttpPolicy | None = None, sleep=time.sleep):
        self.policy = policy or HttpPolicy()
        self.sleep = sleep
        self.session = requests.Session()
        self.session.max_redirects = self.policy.max_redirects
        self.session.headers.update({"User-Agent": USER_AGENT,
                                     "Accept-Encoding": "gzip, deflate"})
        self._last_request: dict[str, float] = {}

    def get(self, source_id: str, url: str, etag: str | None = None,
            last_modified: str | None = None) -> Fetched:
        """GET with retries; a 304 answer to the validators comes back as not_modified. The
        URL's credential placeholders are filled in for the request only (see secrets.py)."""
        fetched = Fetched(source_id, url, utcnow())
        try:
            request_url, secrets = expand(url)
        except MissingSecret as exc:
            fetched.error = str(exc)
            return fetched
        conditional = {k: v for k, v in (("If-None-Match", etag),
                                          ("If-Modified-Since", last_modified)) if v}
        began = time.monotonic()
        deadline = began + self.policy.total_timeout
        for attempt in range(1, self.policy.retries + 2):
            fetched.attempts = attempt
            wait = self._attempt(fetched, request_url, conditional, deadline)
            if wait is None or attempt > self.policy.retries:
                break
            wait = min(self.policy.max_wait_seconds, wait)
            if time.monotonic() + wait >= deadline:
                fetched.error = (f"{fetched.error or 'no answer'}; gave up after {attempt}"
                                 f" attempts: the {self.policy.total_timeout} s budget is spent")
                break
            self.sleep(wait)
        fetched.duration_ms = (time.monotonic() - began) * 1000
        fetched.error = redact(fetched.error, secrets)
        fetched.headers = {name: redact(value, secrets)
                           for name, value in fetched.headers.items()}
        return fetched

    def _attempt(self, fetched: Fetched, url: str, conditional: dict,
                 deadline: float) -> float | None:
        """One request into fetched; returns how long to wait before a retry, or None when the
        outcome is final (a body, a 304, or a failure that retrying cannot mend)."""
        self._pace(url)
        fetched.error, fetched.body = None, None
        left = max(deadline - time.monotonic(), 0.001)
        try:
            with self.session.get(url, headers=conditional, stream=True,
                                  timeout=(min(self.policy.connect_timeout, left),
                                           min(self.policy.read_timeout, left))) as response:
                return self._read(fetched, response, deadline)
        except requests.TooManyRedirects:
            fetched.error = f"redirect loop: more than {self.policy.max_redirects} redirects"
        except BodyTooLarge:
            fetched.error = f"body larger than {self.policy.max_body_bytes} bytes"
        except TooSlow:
            fetched.error = f"body not complete within {self.policy.total_timeout} s"
        except (requests.ConnectionError, requests.Timeout,
                requests.exceptions.ChunkedEncodingError, ProtocolError) as exc:
            fetched.error = f"{type(exc).__name__}: {exc}"
            return self._backoff(fetched.attempts)
        except requests.RequestException as exc:
            fetched.error = f"{type(exc).__name__}: {exc}"
        return None

    def _read(self, fetched: Fetched, response: requests.Response,
              deadline: float) -> float | None:
        fetched.http_status = response.status_code
        fetched.headers = {name.lower(): value for name, value in response.headers.items()}
        if response.status_code == 304:
            return None
        if response.status_code == 429 or response.status_code >= 500:
            fetched.error = f"HTTP {response.status_code} {response.reason}"
            later = retry_after_seconds(response.headers.get("Retry-After"))
            return later if later is not None else self._backoff(fetched.attempts)
        if response.status_code != 200:
            fetched.error = f"HTTP {response.status_code} {response.reason}"
            return None
        # a trickle is not transient: when the watchdog cuts it, the attempt is final
        watchdog = Watchdog(response, deadline)
        try:
            body = self._body(response)
        except Exception:
            if watchdog.stop():  # whatever the cut made the read raise (TLS: ValueError too)
                raise TooSlow from None
            raise
        if watchdog.stop():  # a body without a length ends at the cut as if complete
            raise TooSlow
        fetched.body = body
        return None

    def _body(self, response: requests.Response) -> bytes:
        chunks, size = [], 0
        # decoded, so that a gzip bomb hits the cap too
        for chunk in response.iter_content(4096):
            size += len(chunk)
            if size > self.policy.max_body_bytes:
                raise BodyTooLarge
            chunks.append(chunk)
        return b"".join(chunks)

    def _backoff(self, attempt: int) -> float:
        base = self.policy.backoff_seconds * 2 ** (attempt - 1)
        return base * (1 + random.random() / 2)

    def _pace(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            remaining = self.policy.min_host_interval - (time.monotonic() - last)
            if remaining > 0:
                self.sleep(remaining)
        self._last_request[host] = time.monotonic()


class Watchdog:
    """Cuts a response's body at the deadline: a timer thread shuts the socket for reading
    (urllib3's HTTPResponse.shutdown), so the read in progress ends however slowly bytes come.
    stop() says whether it cut; a body read to its end before the cut is never cut after."""

    def __init__(self, response: requests.Response, deadline: float):
        self.response, self.cut, self.stopped = response, False, False
        self.lock = threading.Lock()
        self.timer = threading.Timer(max(deadline - time.monotonic(), 0.0), self._fire)
        self.timer.daemon = True
        self.timer.start()

    def _fire(self) -> None:
        with self.lock:
            if self.stopped:
                return
            self.cut = True
        # already released to the pool or closed: nothing left to read
        with contextlib.suppress(ValueError, RuntimeError, OSError):
            self.response.raw.shutdown()

    def stop(self) -> bool:
        with self.lock:
            self.stopped = True
        self.timer.cancel()
        return self.cut

"""A polite HTTP fetcher: robots.txt, a per-host pace, conditional GET, retries, and hard caps.

Rules it keeps (each tested against a local server):
- robots.txt is read once per host (protego); a disallowed URL is not fetched.
- requests to one host are at least `delay` seconds apart and at most `per_host` at once.
- a URL fetched before is asked for with If-None-Match / If-Modified-Since; 304 costs no work.
- 429 and 5xx answers and connection errors are retried with exponential backoff, honouring
  Retry-After (RFC 9110 §10.2.3), at most `retries` times.
- connect and read timeouts, and a deadline for the whole fetch (retries included), so a server
  that sends a byte every few seconds cannot hold a run; bodies over `max_bytes` are refused while
  streaming; at most `max_redirects` redirects.
- only well-formed http(s) URLs, and by default only public addresses, checked where the
  connection is made (guard.py); `public_only=False` (the CLI's --allow-private) opts out.
- an honest User-Agent naming newsdesk, which a user can set (`NEWSDESK_USER_AGENT`).
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit, urlunsplit

import httpx
from protego import Protego

from .. import __version__
from ..config import Config
from ..errors import BadInput, Unreadable
from . import guard
from .guard import checked_url, guarded_transport

DEFAULT_USER_AGENT = f"newsdesk/{__version__} (news reader; +https://github.com/newsdesk)"
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchConfig:
    user_agent: str = DEFAULT_USER_AGENT
    delay: float = 1.0  # seconds between two requests to one host
    per_host: int = 2  # requests to one host at once
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    deadline: float = 120.0  # seconds one `get` may take in all, retries and waits included
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 1.0  # first retry waits this long, then twice as long each time
    max_retry_after: float = 120.0  # a longer Retry-After gives up instead of waiting
    obey_robots: bool = True
    public_only: bool = True  # refuse private and local addresses, redirects and robots.txt included

    @classmethod
    def from_config(cls, config: Config) -> FetchConfig:
        """The fetcher the user's settings ask for (NEWSDESK_USER_AGENT, _FETCH_DELAY, _ALLOW_PRIVATE_URLS)."""
        return cls(user_agent=config.user_agent or DEFAULT_USER_AGENT, delay=config.fetch_delay,
                   public_only=not config.allow_private_urls)


@dataclass
class Validators:
    """What a server said of a URL last time, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass
class FetchResult:
    url: str  # after redirects
    status: int
    content: bytes
    headers: dict[str, str]
    not_modified: bool = False

    @property
    def validators(self) -> Validators:
        return Validators(self.headers.get("etag"), self.headers.get("last-modified"))


class HostGate:
    """At most `per_host` requests to a host at once, each at least `delay` after the last one started."""

    def __init__(self, delay: float, per_host: int, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.delay, self.per_host, self.clock, self.sleep = delay, per_host, clock, sleep
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._next: dict[str, float] = {}

    def __call__(self, host: str):
        gate = self

        class _Slot:
            def __enter__(self_inner):
                with gate._lock:
                    slot = gate._slots.setdefault(host, threading.Semaphore(gate.per_host))
                slot.acquire()
                with gate._lock:
                    now = gate.clock()
                    start = max(now, gate._next.get(host, now))
                    gate._next[host] = start + gate.delay
                if start > now:
                    gate.sleep(start - now)

            def __exit__(self_inner, *exc):
                gate._slots[host].release()

        return _Slot()


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class Fetcher:
    def __init__(self, config: FetchConfig | None = None, transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep):
        self.config = config or FetchConfig()
        self.sleep = sleep
        self.gate = HostGate(self.config.delay, self.config.per_host, sleep=sleep)
        self.client = httpx.Client(
            headers={"User-Agent": self.config.user_agent},
            timeout=httpx.Timeout(self.config.read_timeout, connect=self.config.connect_timeout),
            follow_redirects=True,
            max_redirects=self.config.max_redirects,
            transport=transport or guarded_transport(self.config.public_only),
            trust_env=False,  # a proxy from the environment would connect around the guard
        )
        self._robots: dict[str, Protego | None] = {}
        self._robots_lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- robots.txt ------------------------------------------------------------------------------

    def allowed(self, url: str) -> bool:
        if not self.config.obey_robots:
            return True
        parts = urlsplit(url)
        root = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        with self._robots_lock:
            known = root in self._robots
        if not known:
            rules = None
            try:
                answer = self._request("GET", root + "/robots.txt", {}, retries=1)
                if answer.status_code == 200:
                    rules = Protego.parse(answer.content.decode("utf-8", errors="replace"))
            except (httpx.HTTPError, BadInput):
                rules = None  # no robots.txt to be had: everything is allowed
            with self._robots_lock:
                self._robots[root] = rules
        rules = self._robots[root]
        return rules is None or rules.can_fetch(url, self.config.user_agent)

    # -- fetching --------------------------------------------------------------------------------

    def get(self, url: str, validators: Validators | None = None) -> FetchResult:
        """One URL; raises BadInput naming it when it cannot be had."""
        checked_url(url)
        deadline = time.monotonic() + self.config.deadline
        if not self.allowed(url):
            raise BadInput(url, "disallowed by robots.txt")
        headers = {}
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        try:
            response = self._request("GET", url, headers, retries=self.config.retries, deadline=deadline)
        except BadInput as exc:  # refused by the guard (its detail names the host), perhaps on a redirect
            if exc.origin == url:
                raise
            raise type(exc)(url, exc.detail) from None
        except httpx.TooManyRedirects as exc:
            raise Unreadable(url, f"more than {self.config.max_redirects} redirects") from exc
        except httpx.TimeoutException as exc:
            late = time.monotonic() >= deadline
            raise Unreadable(url, f"took over {self.config.deadline:g} s, the deadline of one fetch" if late
                             else f"timed out ({type(exc).__name__})") from exc
        except (httpx.HTTPError, httpx.InvalidURL) as exc:  # InvalidURL: a redirect to a malformed URL
            raise Unreadable(url, f"cannot be fetched: {exc}") from exc
        result = FetchResult(str(response.url), response.status_code, response.content,
                             {k.lower(): v for k, v in response.headers.items()})
        if response.status_code == 304:
            result.not_modified = True
            return result
        if response.status_code >= 400:
            raise Unreadable(url, f"HTTP {response.status_code}")
        return result

    def _request(self, method: str, url: str, headers: dict, retries: int,
                 deadline: float | None = None) -> httpx.Response:
        host = urlsplit(url).netloc
        deadline = deadline or time.monotonic() + self.config.deadline
        attempt = 0
        while True:
            try:
                with self.gate(host):
                    response = self._read_capped(method, url, headers, deadline)
            except (httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError):
                if attempt >= retries or time.monotonic() + self.config.backoff * 2 ** attempt > deadline:
                    raise
                self.sleep(self.config.backoff * 2 ** attempt)
                attempt += 1
                continue
            if response.status_code not in RETRY_STATUSES or attempt >= retries:
                return response
            wait = retry_after_seconds(response.headers.get("retry-after"))
            if wait is None:
                wait = self.config.backoff * 2 ** attempt
            if wait > self.config.max_retry_after or time.monotonic() + wait > deadline:
                return response
            self.sleep(wait)
            attempt += 1

    def _read_capped(self, method: str, url: str, headers: dict, deadline: float) -> httpx.Response:
        """A response whose body is read only up to the size cap and the deadline."""
        limit = self.config.max_bytes
        with guard.deadline(deadline), self.client.stream(method, url, headers=headers) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise Unreadable(url, f"body of {declared} bytes is over the {limit}-byte limit")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise Unreadable(url, f"body is over the {limit}-byte limit")
                chunks.append(chunk)
            # the body is already decoded: the new response must not decode it again
            headers_out = [(k, v) for k, v in response.headers.multi_items()
                           if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")]
            return httpx.Response(response.status_code, headers=headers_out, content=b"".join(chunks),
                                  request=response.request)

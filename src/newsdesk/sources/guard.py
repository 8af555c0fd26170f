"""What the fetcher may connect to: well-formed http(s) URLs, and by default only public addresses.

A URL is checked once, where it enters (`checked_url`): a malformed one (a bad IPv4 or IPv6
literal, a port out of range, an empty IDNA label) is BadInput naming it, never an exception from
deep inside httpx.

Against server-side request forgery the check sits where the connection is made, not beside it:
`GuardedBackend` resolves the host itself, refuses the connection unless every address is
globally routable, and connects to the address it checked. There is no second DNS lookup for a
rebinding server to answer differently, and redirects and robots.txt go through the same door.

The same door keeps a fetch's deadline: every read and write on a socket waits at most until
then (`deadline`), so a server sending a byte every few seconds, in its headers or its body,
cannot hold a run.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import threading
import time
from contextlib import contextmanager
from urllib.parse import urlsplit

import httpcore
import httpx

from ..errors import BadInput

NAT64 = ipaddress.ip_network("64:ff9b::/96")
NUMERIC_LABEL = re.compile(r"[0-9]+|0x[0-9a-f]*", re.I)  # a host ending so must be a plain IPv4 address


def checked_url(url: str) -> httpx.URL:
    """The URL parsed, or BadInput saying why it is not one newsdesk can fetch."""
    try:
        parsed = httpx.URL(url)
        host = parsed.host  # decodes IDNA labels
        urlsplit(url).port  # a port out of range
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:  # IDNAError is a UnicodeError
        raise BadInput(url, f"not a valid URL: {exc}") from None
    if parsed.scheme not in ("http", "https"):
        raise BadInput(url, "only http and https URLs are fetched")
    if not host:
        raise BadInput(url, "not a valid URL: no host")
    if ":" not in host and NUMERIC_LABEL.fullmatch(host.rstrip(".").rpartition(".")[2]):
        try:  # the C resolver would read 0177.0.0.1, 0x7f.1 or 2130706433 as 127.0.0.1
            ipaddress.IPv4Address(host)
        except ValueError as exc:
            raise BadInput(url, f"not a valid URL: {exc}") from None
    return parsed


def is_public(address: str) -> bool:
    """Whether an address is globally routable, including the IPv4 inside 6to4, NAT64 and
    IPv4-mapped IPv6 addresses; site-local (fec0::/10) and multicast addresses are not."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6:
        inner = ip.ipv4_mapped or ip.sixtofour or (ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in NAT64 else None)
        if inner is not None:
            return is_public(str(inner))
        if ip.is_site_local:
            return False
    return ip.is_global and not ip.is_multicast


def resolve(host: str, port: int, public_only: bool) -> list[str]:
    """The addresses to connect to for a host; BadInput when it does not resolve, or when public
    addresses are asked for and any address is not one."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise BadInput(host, f"host {host!r} does not resolve") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if public_only:
        for address in addresses:
            if not is_public(address):
                raise BadInput(host, f"refused: {host} resolves to a private or local address ({address})")
    return addresses


_deadline = threading.local()


@contextmanager
def deadline(at: float):
    """Within this block, socket reads and writes of this thread end at `at` (time.monotonic)."""
    before = getattr(_deadline, "at", None)
    _deadline.at = at
    try:
        yield
    finally:
        _deadline.at = before


def _bounded(timeout: float | None) -> float | None:
    at = getattr(_deadline, "at", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the fetch's deadline passed")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream):
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, _bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, _bounded(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        return DeadlineStream(self.inner.start_tls(ssl_context, server_hostname, _bounded(timeout)))

    def get_extra_info(self, info: str):
        return self.inner.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's own sockets, opened only to addresses `resolve` allowed, and kept to the deadline."""

    def __init__(self, public_only: bool):
        self.public_only = public_only
        self.inner = httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        error: Exception | None = None
        for address in resolve(host, port, self.public_only):
            try:
                return DeadlineStream(self.inner.connect_tcp(address, port, _bounded(timeout), local_address,
                                                             socket_options))
            except httpcore.ConnectError as exc:  # the next address, as a resolver-driven connect would
                error = exc
        raise error or httpcore.ConnectError(f"cannot connect to {host}")

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise BadInput(path, "unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def check_public(url: str) -> None:
    """Raise BadInput unless the URL is well formed and its host resolves to public addresses only."""
    parsed = checked_url(url)
    try:
        resolve(parsed.host, parsed.port or (443 if parsed.scheme == "https" else 80), public_only=True)
    except BadInput as exc:
        raise BadInput(url, exc.detail) from None


def guarded_transport(public_only: bool) -> httpx.HTTPTransport:
    """An httpx transport whose every connection goes through GuardedBackend."""
    transport = httpx.HTTPTransport()
    # httpx builds its pool without a way to pass a network backend; the pool is rebuilt with one
    transport._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(),
                                              network_backend=GuardedBackend(public_only))
    return transport

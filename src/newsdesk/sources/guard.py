"""A guard against server-side request forgery for URLs that users hand to the API.

Every request the fetcher makes (redirects included) is checked: the host is resolved and no
private, loopback, link-local, reserved or multicast address may be among its addresses, unless
the deployment allows private networks. Only http and https on any port are fetched.
"""

from __future__ import annotations

import ipaddress
import socket

import httpx

from ..errors import BadInput


def forbidden_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
            or ip.is_unspecified or (ip.version == 6 and ip.ipv4_mapped is not None
                                     and forbidden_address(str(ip.ipv4_mapped))))


def check_public(url: httpx.URL | str) -> None:
    """Raise BadInput unless every address the URL's host resolves to is public."""
    url = httpx.URL(str(url))
    if url.scheme not in ("http", "https"):
        raise BadInput(str(url), "only http and https URLs are fetched")
    host = url.host
    try:
        infos = socket.getaddrinfo(host, url.port or (443 if url.scheme == "https" else 80), type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise BadInput(str(url), f"host {host!r} does not resolve") from exc
    for info in infos:
        if forbidden_address(info[4][0]):
            raise BadInput(str(url), f"refused: {host} resolves to a private or local address ({info[4][0]})")


def request_hook(request: httpx.Request) -> None:
    """An httpx request event hook: runs before the first request and before every redirect."""
    check_public(request.url)

"""Response headers every page and API answer carries, and validators for conditional requests.

- A strict Content-Security-Policy: pages run no script at all (they need none), load styles and
  images from this site only (images also over https), and cannot be framed; the API docs run
  Swagger UI's script from this site only.
- ETag on every successful GET (a hash of the body); a request whose If-None-Match matches gets
  304 with no body.
- HEAD on every GET route: answered as GET, without the body (FastAPI's routes take GET only).
"""

from __future__ import annotations

import hashlib

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' https: data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}
#: The interactive API docs run Swagger UI's script, served from this site; it styles itself inline.
DOCS_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "connect-src 'self'; font-src 'self' data:; base-uri 'none'; frame-ancestors 'none'")


class SecurityAndCaching(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next) -> Response:
        response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        docs = request.url.path == "/docs" or request.url.path.startswith("/docs/")
        response.headers.setdefault("Content-Security-Policy", DOCS_CSP if docs else CSP)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        headers["ETag"] = etag
        headers.setdefault("Cache-Control", "no-cache")
        if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
            return Response(status_code=304, headers={k: v for k, v in headers.items()
                                                      if k.lower() != "content-type"})
        return Response(content=body, status_code=200, headers=headers, media_type=response.media_type)


class HeadAsGet:
    """HEAD is GET without the body (RFC 9110 §9.3.2): the same status and headers, Content-Length
    and ETag included."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)

"""Response headers every page and API answer carries, and validators for conditional requests.

- A strict Content-Security-Policy: pages run no script at all (they need none), load styles and
  images from this site only (images also over https), and cannot be framed.
- ETag on every successful GET (a hash of the body); a request whose If-None-Match matches gets
  304 with no body.
"""

from __future__ import annotations

import hashlib

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import Response

CSP = ("default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' https: data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}
#: Interactive API docs load their script from a CDN: no CSP there (and nothing user-written shows).
DOCS_PATHS = ("/docs", "/redoc", "/docs/oauth2-redirect")


class SecurityAndCaching(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next) -> Response:
        response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path not in DOCS_PATHS:
            response.headers.setdefault("Content-Security-Policy", CSP)
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

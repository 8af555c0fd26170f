"""A local HTTP server on 127.0.0.1 serving the fixtures every fetcher rule is tested against."""

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from helpers import CAFE_PAGE, DATA, WIRE_PAGE
WIRE = WIRE_PAGE.read_bytes()
CAFE = CAFE_PAGE.read_bytes()
SEED = (DATA / "seed.txt").read_bytes()


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example</title>
<item><title>Harbour strike</title><link>{base}/articles/a.html</link><pubDate>Wed, 06 Mar 2024 09:30:00 GMT</pubDate></item>
<item><title>Cafe owners</title><link>{base}/articles/b.html</link></item>
<item><title>Hidden</title><link>{base}/private/secret.html</link></item>
</channel></rss>""".encode()


def atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>
<entry><title>Harbour strike</title><link href="{base}/articles/a.html"/><updated>2024-03-06T09:30:00Z</updated></entry>
</feed>""".encode()


def sitemap_index(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sitemap-pages.xml</loc></sitemap>
<sitemap><loc>{base}/sitemap-news.xml</loc></sitemap>
</sitemapindex>""".encode()


def sitemap_pages(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/articles/a.html</loc><lastmod>2024-03-06</lastmod></url>
</urlset>""".encode()


def sitemap_news(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{base}/articles/c.txt</loc>
<news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2025-05-15</news:publication_date><news:title>Putin gathers top officials</news:title></news:news></url>
</urlset>""".encode()


def self_listing_index(base: str) -> bytes:
    """A sitemap index that lists itself, a second index listing the first, and one page."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/self-index.xml</loc></sitemap>
<sitemap><loc>{base}/self-index-2.xml</loc></sitemap>
<sitemap><loc>{base}/sitemap-pages.xml</loc></sitemap>
</sitemapindex>""".encode()


def feed_with_bad_links(base: str) -> bytes:
    bad = "".join(f"<item><title>Bad</title><link>{url}</link></item>" for url in
                  ("http://0177.0.0.1:8902/x", "http://[::1/", "http://1.2.3.256/", "http://xn--/"))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example</title>{bad}
<item><title>Cafe owners</title><link>{base}/articles/b.html</link></item>
</channel></rss>""".encode()


ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss version="2.0"><channel><title>&lol2;</title><item><link>http://127.0.0.1/x</link></item></channel></rss>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&xxe;</loc></url></urlset>"""
BIG = 20 * 1024 * 1024


class Handler(BaseHTTPRequestHandler):
    hits: Counter = Counter()
    agents: list = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8", **headers):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_port}"
        path = self.path
        Handler.hits[path] += 1
        Handler.agents.append(self.headers.get("User-Agent"))
        xml = "application/xml"
        routes = {
            "/robots.txt": lambda: self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain"),
            "/feed.xml": lambda: self.send(200, rss(base), "application/rss+xml"),
            "/atom.xml": lambda: self.send(200, atom(base), "application/atom+xml"),
            "/sitemap.xml": lambda: self.send(200, sitemap_index(base), xml),
            "/sitemap-pages.xml": lambda: self.send(200, sitemap_pages(base), xml),
            "/sitemap-news.xml": lambda: self.send(200, sitemap_news(base), xml),
            "/articles/a.html": lambda: self.send(200, WIRE),
            "/articles/b.html": lambda: self.send(200, CAFE, "text/html; charset=windows-1252"),
            "/articles/c.txt": lambda: self.send(200, SEED, "text/plain; charset=utf-8"),
            "/private/secret.html": lambda: self.send(200, WIRE),
            "/bomb.xml": lambda: self.send(200, ENTITY_BOMB, xml),
            "/xxe.xml": lambda: self.send(200, EXTERNAL_ENTITY, xml),
            "/missing.html": lambda: self.send(404, b"not here"),
            "/self-index.xml": lambda: self.send(200, self_listing_index(base), xml),
            "/self-index-2.xml": lambda: self.send(200, self_listing_index(base), xml),
            "/bad-links.xml": lambda: self.send(200, feed_with_bad_links(base), "application/rss+xml"),
        }
        if path in routes:
            return routes[path]()
        if path == "/etag.html":
            if self.headers.get("If-None-Match") == '"v1"':
                return self.send(304, etag='"v1"')
            return self.send(200, WIRE, etag='"v1"', last_modified="Wed, 06 Mar 2024 09:30:00 GMT")
        if path == "/slow.html":
            time.sleep(2)
            return self.send(200, WIRE)
        if path == "/flaky.html":
            if Handler.hits[path] == 1:
                return self.send(503, b"busy", retry_after="1")
            return self.send(200, WIRE)
        if path == "/always-busy.html":
            return self.send(429, b"slow down", retry_after="0")
        if path == "/big.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the cap must hold while streaming
            chunk = b"<p>" + b"x" * 65530 + b"</p>"
            try:
                for _ in range(BIG // len(chunk) + 1):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        if path in ("/trickle-body.html", "/trickle-headers.html"):  # a byte every 0.3 s, for ever
            self.send_response(200)
            try:
                if path == "/trickle-headers.html":
                    for _ in range(1000):
                        self.wfile.write(b"X")
                        self.wfile.flush()
                        time.sleep(0.3)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(1000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.3)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        if path.startswith("/to-private"):  # a redirect to another loopback address
            return self.send(302, b"", location=f"http://127.0.0.2:{self.server.server_port}/articles/a.html")
        if path.startswith("/loop"):
            target = "/loop-b" if path == "/loop-a" else "/loop-a"
            return self.send(302, b"", location=target)
        return self.send(404, b"no route")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that hang up (timeouts, size caps) are part of the tests


@pytest.fixture(scope="session")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture(autouse=True)
def fresh_counts():
    Handler.hits.clear()
    Handler.agents.clear()
    yield


@pytest.fixture
def hits():
    return Handler.hits


@pytest.fixture
def agents():
    return Handler.agents

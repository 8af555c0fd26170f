"""Sources: the only package that reads files and talks to the network.

`SourceReader` turns what a user names (files, folders, URLs, feeds, sitemaps, WARC and WET
archives, JSONL) into a stream of RawDocuments, and errors naming the input where one cannot be read.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BadInput, NotANewsPage
from ..model import RawDocument
from .feeds import is_feed, read_feed
from .fetch import Fetcher, FetchResult, Validators
from .files import expand_paths, read_file
from .jsonl import read_jsonl
from .sitemaps import is_sitemap, read_sitemap
from .warc import is_warc, read_warc, record_archive
from .wet import is_wet, read_wet
from .xmlsafe import parse_xml

#: How deep sitemap indexes are followed, and how many URLs one source (all its listings) may fetch.
MAX_SITEMAP_DEPTH = 3
MAX_URLS_PER_SOURCE = 50_000
#: Decompressed sitemaps (.xml.gz) larger than this are refused.
MAX_SITEMAP_BYTES = 50 * 1024 * 1024

Lookup = Callable[[str], Validators | None]
Remember = Callable[[str, Validators], None]


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def holds_many(spec: str) -> bool:
    """Whether a source may stand for many documents (a URL, an archive, JSON Lines, a feed or
    sitemap file), so that counting sources says nothing of the work ahead."""
    return is_url(spec) or is_archive(Path(spec)) or spec.lower().endswith((".jsonl", ".xml", ".rss", ".atom"))


def is_archive(path: Path) -> bool:
    """A web archive: WARC (its HTML responses are read) or WET (its page texts)."""
    return is_wet(path) or is_warc(path)


def archive_of(origin: str) -> str | None:
    """The web archive a document was read from when it is one of its records (its origin is the
    archive's path and the record's offset); None for any other document."""
    archive = record_archive(origin)
    return archive if archive and not is_url(archive) and is_archive(Path(archive)) else None


@dataclass
class Budget:
    """What one source the user named may still cost: every URL fetched once, however often its
    listings (or a sitemap index listing itself) name it, and at most `limit` URLs in all."""

    source: str
    limit: int = field(default_factory=lambda: MAX_URLS_PER_SOURCE)
    seen: set[str] = field(default_factory=set)
    exhausted: bool = False

    def admit(self, url: str) -> bool:
        if url in self.seen or self.exhausted:
            return False
        self.exhausted = len(self.seen) >= self.limit
        self.seen.add(url)
        return not self.exhausted


class SourceReader:
    """Reads sources; conditional-GET validators come from and go to the caller (the store)."""

    def __init__(self, fetcher: Fetcher | None = None, lookup: Lookup | None = None,
                 remember: Remember | None = None):
        self._fetcher = fetcher
        self.lookup = lookup or (lambda url: None)
        self.remember = remember or (lambda url, v: None)
        self.not_modified = 0

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher()
        return self._fetcher

    def read(self, specs: Iterable[str]) -> Iterator[RawDocument | BadInput]:
        for spec in specs:
            if is_url(spec):
                budget = Budget(spec)
                budget.admit(spec)
                yield from self.read_url(spec, 0, budget)
            else:
                for path in expand_paths([spec]):
                    yield from self.read_path(path)

    # -- files -----------------------------------------------------------------------------------

    def read_path(self, path: Path) -> Iterator[RawDocument | BadInput]:
        name = path.name.lower()
        if name.endswith(".jsonl"):
            yield from read_jsonl(path)
            return
        if is_wet(path):  # before is_warc: Common Crawl names them ….warc.wet.gz
            yield from read_wet(path)
            return
        if is_warc(path):
            yield from read_warc(path)
            return
        try:
            raw = read_file(path)
        except BadInput as exc:
            yield exc
            return
        try:
            root = xml_root(raw.data, raw.origin)
        except BadInput as exc:
            yield exc
            return
        if root is not None and (is_feed(root) or is_sitemap(root)):
            yield from self.read_listing(raw.data, raw.origin, 0, Budget(raw.origin))
            return
        yield raw

    # -- the network -----------------------------------------------------------------------------

    def fetch(self, url: str) -> FetchResult | None:
        """A URL's answer; None when the server says it has not changed since last time."""
        result = self.fetcher.get(url, self.lookup(url))
        if result.not_modified:
            self.not_modified += 1
            return None
        validators = result.validators
        if validators.etag or validators.last_modified:
            self.remember(url, validators)
        return result

    def read_url(self, url: str, depth: int, budget: Budget) -> Iterator[RawDocument | BadInput]:
        try:
            result = self.fetch(url)
        except BadInput as exc:
            yield exc
            return
        if result is None:
            return
        data = result.content
        if url.lower().endswith(".gz") and data[:2] == b"\x1f\x8b":
            try:
                data = gzip_capped(data, url)
            except BadInput as exc:
                yield exc
                return
        try:
            root = xml_root(data, url)
        except BadInput as exc:
            yield exc
            return
        if root is not None and (is_feed(root) or is_sitemap(root)):
            yield from self.read_listing(data, url, depth, budget)
            return
        media_type = result.headers.get("content-type", "").split(";")[0].strip() or None
        yield RawDocument(origin=url, url=result.url, data=data, media_type=media_type)

    def read_listing(self, data: bytes, origin: str, depth: int, budget: Budget) -> Iterator[RawDocument | BadInput]:
        """The pages a feed or sitemap lists, each fetched once; child sitemaps followed to a depth."""
        try:
            root = parse_xml(data, origin)
            if is_feed(root):
                urls = [(e.url, False) for e in read_feed(data, origin)]
            else:
                urls = [(e.url, e.is_sitemap) for e in read_sitemap(data, origin)]
        except BadInput as exc:
            yield exc
            return
        for url, child_sitemap in urls:
            if not is_url(url):
                yield BadInput(origin, f"lists {url!r}, which is not an http(s) URL")
                continue
            if child_sitemap and depth + 1 > MAX_SITEMAP_DEPTH:
                yield BadInput(url, f"sitemap index nested deeper than {MAX_SITEMAP_DEPTH}")
                continue
            if budget.exhausted:
                return
            if not budget.admit(url):
                if budget.exhausted:  # said once, where the limit was reached
                    yield BadInput(budget.source, f"its listings name more than {budget.limit} URLs; the rest are skipped")
                continue  # listed before, by this listing or another of the same source
            yield from self.read_url(url, depth + 1 if child_sitemap else depth, budget)


def xml_root(data: bytes, origin: str):
    """The root element if the bytes are an XML document (not HTML); None otherwise.

    Raises BadInput when the XML declares entities (refused, never expanded)."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<?xml") and not head.startswith((b"<rss", b"<feed", b"<urlset", b"<sitemapindex", b"<rdf")):
        return None
    try:
        return parse_xml(data, origin)
    except NotANewsPage:
        return None


def gzip_capped(data: bytes, origin: str) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(MAX_SITEMAP_BYTES + 1)
    except (OSError, EOFError) as exc:
        raise BadInput(origin, f"broken gzip: {exc}") from exc
    if len(out) > MAX_SITEMAP_BYTES:
        raise BadInput(origin, f"decompresses to over {MAX_SITEMAP_BYTES} bytes")
    return out


__all__ = ["Fetcher", "SourceReader", "Validators", "archive_of", "is_archive", "is_url"]

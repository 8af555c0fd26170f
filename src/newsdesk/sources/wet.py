"""WET archives (Common Crawl's page text), streamed record by record.

A WET file is a WARC-format archive of `conversion` records, one per page crawled: the page's
visible text (UTF-8, one block a line) under the page's URL (WARC-Target-URI). Every such record
becomes a `text/plain` document for the scraped-text reader, which keeps the news pages; the
`warcinfo` record that opens the file and any other record are passed over. Reading, size caps and
truncation are `warc.read_records`'.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.recordloader import ArcWarcRecord

from ..errors import BadInput
from ..model import RawDocument
from .warc import read_records

#: Larger records are skipped: no page's text is this big (a whole HTML page may be 20 MB).
MAX_TEXT_BYTES = 5 * 1024 * 1024


def is_wet(path: Path) -> bool:
    """WET files by their names: `.wet`, `.wet.gz` (Common Crawl's `….warc.wet.gz`)."""
    return path.name.lower().endswith((".wet", ".wet.gz"))


def is_page_text(record: ArcWarcRecord) -> bool:
    """A conversion record holding text (Common Crawl's say text/plain; none may say nothing)."""
    content_type = (record.rec_headers.get_header("Content-Type") or "text/plain").lower()
    return record.rec_type == "conversion" and content_type.startswith("text/plain")


def read_wet(path: Path) -> Iterator[RawDocument | BadInput]:
    """The page text of every conversion record, as a text/plain document under the page's URL."""
    return read_records(path, is_page_text, "text/plain", MAX_TEXT_BYTES)

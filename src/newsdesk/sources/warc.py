"""WARC and WARC.gz archives (Common Crawl CC-NEWS layout), streamed record by record.

Only `response` records of successful HTTP answers with an HTML body become documents; the
archive is never loaded whole, so memory stays flat however large it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import BadInput, Unreadable
from ..model import RawDocument
from .files import open_binary

HTML_TYPES = ("text/html", "application/xhtml+xml")
#: Larger records are skipped: no news page is this big.
MAX_RECORD_BYTES = 20 * 1024 * 1024


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def read_warc(path: Path) -> Iterator[RawDocument | BadInput]:
    """HTML responses in an archive; a truncated or broken archive ends with an error naming it and
    the record that was cut, which is never yielded. Records are read in chunks, so a huge one
    costs no memory before it is skipped."""
    origin, stream = open_binary(path)
    if isinstance(stream, Unreadable):
        yield stream
        return
    size = path.stat().st_size
    end = 0  # where the last whole record ended
    with stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                wanted = (record.rec_type == "response" and record.http_headers is not None
                          and record.http_headers.get_statuscode() == "200"
                          and (record.http_headers.get_header("Content-Type") or "").lower().startswith(HTML_TYPES))
                data = _read_capped(record.content_stream(), MAX_RECORD_BYTES if wanted else 0)
                offset = records.get_record_offset()  # known once the record has been read
                # fewer bytes than its Content-Length, or headers cut before they said how many
                if (getattr(record.raw_stream, "limit", 0) > 0
                        or record.rec_headers.get_header("Content-Length") is None):
                    yield Unreadable(origin, f"archive truncated inside the record at {offset} "
                                             f"({record.rec_headers.get_header('WARC-Target-URI') or record.rec_type}); "
                                             "it is not stored")
                    return
                end = offset + records.get_record_length()
                if not wanted:
                    continue
                if data is None:
                    yield BadInput(f"{origin}#{offset}", f"record over {MAX_RECORD_BYTES} bytes skipped")
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                yield RawDocument(origin=f"{origin}#{offset}", url=url, data=data, media_type="text/html")
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            yield Unreadable(origin, f"archive broken or truncated after {end} bytes: {exc}")
            return
        except Exception as exc:  # warcio trips over some malformed headers with plain errors
            yield Unreadable(origin, f"archive broken after {end} bytes: {type(exc).__name__}: {exc}")
            return
    if end < size and not _only_padding(path, end, size):
        yield Unreadable(origin, f"archive truncated: {size - end} bytes after the last whole record at {end}")


def _read_capped(stream, cap: int) -> bytes | None:
    """A record's payload read in chunks to its end: the bytes when at most `cap`, else None
    (what is over the cap is read and dropped)."""
    chunks, size = [], 0
    while chunk := stream.read(1 << 16):
        size += len(chunk)
        if size <= cap:
            chunks.append(chunk)
        elif chunks:
            chunks = []
    return b"".join(chunks) if size <= cap else None


def _only_padding(path: Path, end: int, size: int) -> bool:
    """Whether what follows the last record is just the blank lines that close it."""
    if size - end > 64:
        return False
    with path.open("rb") as stream:
        stream.seek(end)
        return not stream.read().strip()

"""WARC and WARC.gz archives (Common Crawl CC-NEWS layout), streamed record by record.

Only `response` records of successful HTTP answers with an HTML body become documents; the
archive is never loaded whole, so memory stays flat however large it is. `read_records` is the
one reader of WARC-format archives: WET files (`wet.py`) are read by it too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

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
    """HTML responses in an archive (see `read_records`)."""
    return read_records(path, is_html_response, "text/html", MAX_RECORD_BYTES)


def is_html_response(record: ArcWarcRecord) -> bool:
    return (record.rec_type == "response" and record.http_headers is not None
            and record.http_headers.get_statuscode() == "200"
            and (record.http_headers.get_header("Content-Type") or "").lower().startswith(HTML_TYPES))


def record_origin(archive: str, offset: int) -> str:
    """Where a record was read from: the archive's path and the record's offset in it."""
    return f"{archive}#{offset}"


def record_archive(origin: str) -> str | None:
    """The archive part of a `record_origin`; None when the origin has no record offset."""
    archive, hash_sign, offset = origin.rpartition("#")
    return archive if hash_sign and offset.isdigit() else None


def read_records(path: Path, wanted: Callable[[ArcWarcRecord], bool], media_type: str,
                 cap: int) -> Iterator[RawDocument | BadInput]:
    """The payload of every `wanted` record of a WARC-format archive (WARC, WET; gzipped or not) as
    a document of `media_type` whose URL is the record's WARC-Target-URI; other records are passed
    over. A wanted record over `cap` bytes is an error naming it. A truncated or broken archive
    ends with an error naming it and the record that was cut, which is never yielded. Records are
    read in chunks, so a huge one costs no memory before it is skipped."""
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
                take = wanted(record)
                data = _read_capped(record.content_stream(), cap if take else 0)
                offset = records.get_record_offset()  # known once the record has been read
                where = record.rec_headers.get_header("WARC-Target-URI") or record.rec_type
                if _cut_short(record):
                    yield Unreadable(origin, f"archive truncated inside the record at {offset} ({where}); "
                                             "it is not stored")
                    return
                end = offset + records.get_record_length()
                if take:
                    yield (BadInput(record_origin(origin, offset), f"record over {cap} bytes skipped") if data is None
                           else RawDocument(origin=record_origin(origin, offset), data=data, media_type=media_type,
                                            url=record.rec_headers.get_header("WARC-Target-URI")))
                if _member_open(records):  # the record is whole, but the file ends inside its gzip member
                    yield Unreadable(origin, f"archive truncated at the end of the record at {offset} ({where}): "
                                             "its gzip member is cut short")
                    return
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            yield Unreadable(origin, f"archive broken or truncated{_after(end)}: {_one_line(exc)}")
            return
        except Exception as exc:  # warcio trips over some malformed headers with plain errors
            yield Unreadable(origin, f"archive broken{_after(end)}: {type(exc).__name__}: {_one_line(exc)}")
            return
    if end < size and not _only_padding(path, end, size):
        yield Unreadable(origin, f"archive truncated: {size - end} bytes after the last whole record at {end}")


def _cut_short(record: ArcWarcRecord) -> bool:
    """Whether the file ended inside the record: fewer bytes than its Content-Length, or headers cut
    before they said how many (a cut right after "Content-Length: " leaves it empty: 0 bytes)."""
    return (getattr(record.raw_stream, "limit", 0) > 0
            or not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit())


def _member_open(records: ArchiveIterator) -> bool:
    """Whether the file ends inside the gzip member the last record was read from (its last bytes,
    the blank lines closing the record and the gzip trailer, were cut). A member that goes on with
    another record is no cut: warcio names that file (records not gzipped one by one) itself."""
    decompressor = getattr(records.reader, "decompressor", None)
    return decompressor is not None and not getattr(decompressor, "eof", True) and not records.next_line


def _after(end: int) -> str:
    """Where the last whole record ended, when known (in a file gzipped whole, warcio's offsets are not)."""
    return f" after {end} bytes" if end > 0 else ""


def _one_line(exc: Exception) -> str:
    """warcio's message on one line (it writes some over a dozen, "non-chunked gzip file detected" ...)."""
    return " ".join(str(exc).split())


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

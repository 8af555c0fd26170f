"""JSON Lines: one document a line, `{"url": ..., "html": ...}` or `{"url": ..., "text": ...}`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import BadInput, Unreadable
from ..model import RawDocument
from .files import open_binary

#: Longer lines are refused without being parsed.
MAX_LINE_BYTES = 20 * 1024 * 1024


def capped_lines(stream, cap: int) -> Iterator[bytes | None]:
    """The stream's lines, each read only up to `cap` bytes: a longer line is None, its rest read
    in pieces and dropped, so no line is ever held whole past the cap."""
    while line := stream.readline(cap + 1):
        if len(line) <= cap:
            yield line
            continue
        while not line.endswith(b"\n") and (line := stream.readline(1 << 20)):
            pass
        yield None


def read_jsonl(path: Path) -> Iterator[RawDocument | BadInput]:
    """Each good line as a document; each bad line as an error naming the file and line number."""
    origin, stream = open_binary(path)
    if isinstance(stream, Unreadable):
        yield stream
        return
    with stream:
        for number, line in enumerate(capped_lines(stream, MAX_LINE_BYTES), start=1):
            where = f"{origin}:{number}"
            if line is None:
                yield BadInput(where, f"line over {MAX_LINE_BYTES} bytes")
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (ValueError, UnicodeDecodeError) as exc:
                yield BadInput(where, f"not a JSON object: {exc}")
                continue
            if not isinstance(record, dict):
                yield BadInput(where, "not a JSON object")
                continue
            url = record.get("url")
            body = record.get("html") if isinstance(record.get("html"), str) else record.get("text")
            if not isinstance(body, str) or not body.strip():
                yield BadInput(where, 'needs "html" or "text" with the document')
                continue
            if url is not None and not isinstance(url, str):
                yield BadInput(where, '"url" must be a string')
                continue
            media = "text/html" if "html" in record else "text/plain"
            yield RawDocument(origin=where, url=url, data=body.encode("utf-8"), media_type=media)

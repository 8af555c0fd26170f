"""Read documents from files and folders."""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import BadInput, Unreadable
from ..model import RawDocument

#: Suffixes read when walking a folder; a file named on the command line is read whatever its name.
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".gz", ".jsonl", ".warc", ".wet", ".xml", ".rss", ".atom")
#: Larger files are refused before being read: no news page is this big.
MAX_FILE_BYTES = 50 * 1024 * 1024


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each named file, and the document files inside each named folder (sorted, recursive)."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.name.startswith("."):
                    continue
                if child.suffix.lower() in DOCUMENT_SUFFIXES and (child.is_file() or child.is_symlink()):
                    yield child
        else:
            yield path


def read_file(path: Path) -> RawDocument:
    """One file as a RawDocument; a `.gz` file is decompressed (within the size cap)."""
    origin = str(path.resolve() if path.exists() else path.absolute())
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise Unreadable(origin, f"file of {size} bytes is over the {MAX_FILE_BYTES}-byte limit")
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                raise Unreadable(origin, f"decompresses to over {MAX_FILE_BYTES} bytes")
        else:
            data = path.read_bytes()
    except BadInput:
        raise
    except OSError as exc:  # BadGzipFile is an OSError too
        raise Unreadable(origin, f"cannot be read: {exc.strerror or exc}") from exc
    except EOFError as exc:
        raise Unreadable(origin, f"cannot be read: truncated ({exc})") from exc
    return RawDocument(origin=origin, data=data)


def read_files(paths: Iterable[str | Path]) -> Iterator[RawDocument | BadInput]:
    """Every document under `paths`; a file that cannot be read yields its error instead."""
    for path in expand_paths(paths):
        try:
            yield read_file(path)
        except BadInput as exc:
            yield exc


def open_binary(path: Path) -> tuple[str, BinaryIO | Unreadable]:
    """(origin, open file) of a streamed source, or (origin, the error naming it)."""
    origin = str(path.resolve())
    try:
        return origin, path.open("rb")
    except OSError as exc:
        return origin, Unreadable(origin, f"cannot be read: {exc.strerror or exc}")

"""Bytes to text: the one place that guesses an encoding."""

from __future__ import annotations

from ..errors import EmptyDocument, NotANewsPage

#: Share of control characters above which bytes are taken for binary data, not text.
MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f"}


def decode_text(data: bytes, origin: str) -> str:
    """Decode a document as UTF-8 (BOM dropped), else Windows-1252; refuse binary data.

    Line ends come back as "\\n" whatever the file used.
    """
    if not data.strip():
        raise EmptyDocument(origin)
    if b"\x00" in data[:65536]:
        raise NotANewsPage(origin, "binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise NotANewsPage(origin, "binary data (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")

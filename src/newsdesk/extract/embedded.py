"""An article a page ships inside a script rather than in its markup.

Sites built with Next.js' app router send the page's data as a stream of React Server Components
rows pushed by inline scripts (`self.__next_f.push([1, "..."])`); the article's HTML is one text row
of it (`24:T1b7b,<p>...`), and the markup the server sent may hold none of it. `embedded_blocks`
reads that row into paragraphs and headings, for when the markup gives no article text.
"""

from __future__ import annotations

import json
import re
from typing import Literal

from lxml import html as lxml_html

from ..model import Block
from . import patterns as p

_PUSH = re.compile(rb'self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)')
#: A text row of the stream: its id, "T", its length in bytes (hexadecimal), a comma, the text.
_TEXT_ROW = re.compile(r"(?:^|\n)[0-9a-f]+:T([0-9a-f]{1,8}),")
#: The stream is read only when the page is no bigger than this (it is parsed as JSON string by string).
MAX_STREAM_BYTES = 20_000_000
_BLOCK_TAGS: dict[str, Literal["paragraph", "heading"]] = {
    "p": "paragraph", "h2": "heading", "h3": "heading", "h4": "heading"}


def server_components_stream(data: bytes) -> str:
    """The React Server Components stream of a Next.js page, its pushed strings joined ("" if none)."""
    if len(data) > MAX_STREAM_BYTES or b"__next_f" not in data:
        return ""
    parts = []
    for m in _PUSH.finditer(data):
        try:
            parts.append(json.loads(m.group(1)))
        except ValueError:
            continue
    return "".join(part for part in parts if isinstance(part, str))


def text_rows(stream: str) -> list[str]:
    """The text rows of a stream, each cut to the byte length it declares."""
    rows = []
    for m in _TEXT_ROW.finditer(stream):
        size = int(m.group(1), 16)
        rows.append(stream[m.end():m.end() + size].encode("utf-8")[:size].decode("utf-8", "ignore"))
    return rows


def embedded_blocks(data: bytes) -> list[Block]:
    """The paragraphs and headings of the HTML text row with the most paragraphs; none when no row
    holds HTML. Captions (inside figures or caption boxes) are left out."""
    rows = [row for row in text_rows(server_components_stream(data)) if "<p" in row]
    if not rows:
        return []
    fragment = lxml_html.fragment_fromstring(max(rows, key=lambda r: r.count("<p")), create_parent="div")
    blocks = []
    for el in fragment.iter(*_BLOCK_TAGS):
        if any(a.tag == "figure" or "caption" in (a.get("class") or "") for a in (el, *el.iterancestors())):
            continue
        if (text := p.clean(el.text_content())):
            blocks.append(Block(type=_BLOCK_TAGS[el.tag], text=text))
    return blocks

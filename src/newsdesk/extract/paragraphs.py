"""The story's paragraphs: trafilatura's reading as blocks, and those it dropped put back where
the page has them.

trafilatura's precision drops a paragraph most of whose words are a link ("It also <a>co-ordinates
military plans and carries out joint military exercises</a>."), though the page styles and places
it as it does the story's other paragraphs. A <p> with the element path most kept paragraphs share
(its class, its parent's and grandparent's tags and classes), standing between the first and the
last of them, is the story's too, when it reads as a sentence and the body lacks it.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Block
from . import patterns as p

#: Fewer kept paragraphs than this say nothing about how the page styles its story.
MIN_KEPT = 3
#: A paragraph put back is a sentence of some length, not a "Read more" line.
MIN_WORDS = 8
_SENTENCE_END = (".", "!", "?", "…")
_CLOSERS = "\"'”’»)"
#: Paragraphs are matched by their opening, short enough that a link the pass cut out later in
#: the paragraph ("... has reported that <a>the NFL will fine Rudolph</a> for ...") leaves it matched.
KEY_CHARS = 30
#: A paragraph whose opening, this long, opens one the body holds is that one, kept shorter
#: ("Med sine trimaran<span>Et fartøy med tre skrog ...</span>-seilkajakker" kept without the tooltip).
OPENING_CHARS = 15

Signature = tuple[str | None, ...]


#: trafilatura's XML names every heading level "head".
_HEADING_TAGS = {"head"}


def blocks_from(body) -> list[Block]:
    """trafilatura's XML body as paragraphs and headings; list items and quotes become paragraphs."""
    if body is None:
        return []
    blocks: list[Block] = []
    for el in body:
        tag = el.tag
        if tag == "list":
            for item in el.iter("item"):
                text = p.clean(" ".join(item.itertext()))
                if text:
                    blocks.append(Block(type="paragraph", text=text))
            continue
        text = p.clean(" ".join(el.itertext()))
        if not text:
            continue
        if tag in _HEADING_TAGS:
            if p.furniture_heading(text):
                continue  # "More:", "Related" headings of link lists trafilatura removed
            blocks.append(Block(type="heading", text=text))
        else:
            blocks.append(Block(type="paragraph", text=text))
    while blocks and blocks[-1].type == "heading":
        blocks.pop()
    return blocks


def _signature(el) -> Signature:
    parent = el.getparent()
    grandparent = parent.getparent() if parent is not None else None
    return (el.get("class"), *((None, None) if parent is None else (parent.tag, parent.get("class"))),
            *((None, None) if grandparent is None else (grandparent.tag, grandparent.get("class"))))


def page_paragraphs(tree, prune: list[str] | None = None) -> list[tuple[str, Signature]]:
    """Every paragraph of the page, in order, with its element path (read before any pass prunes the
    tree), but those a user's site rules prune."""
    pruned = {el for xpath in prune or [] for el in tree.xpath(xpath)}
    return [(el.text_content(), _signature(el)) for el in tree.iter("p")
            if not (pruned and any(a in pruned for a in (el, *el.iterancestors())))]


def _letters(text: str) -> str:
    """A text's letters and digits only: spacing and punctuation differ between the page and the pass
    ("Ocasio-CortezAlexandria" beside "Ocasio-Cortez Alexandria")."""
    return re.sub(r"\W+", "", text).casefold()


def _key(text: str) -> str:
    return _letters(text)[:KEY_CHARS]


def _a_sentence(text: str) -> bool:
    text = p.clean(text)
    return p.word_count(text) >= MIN_WORDS and text.rstrip(_CLOSERS).endswith(_SENTENCE_END)


def restore_paragraphs(paragraphs: list[tuple[str, Signature]], body: list[Block]) -> list[Block]:
    """The body with the story's dropped paragraphs put back after the kept one before them."""
    at: dict[str, int] = {}
    for i, block in enumerate(body):
        at.setdefault(_key(block.text), i)
    kept = [(j, at[key]) for j, (text, _) in enumerate(paragraphs) if (key := _key(text)) and key in at
            and body[at[key]].type == "paragraph"]
    if len(kept) < MIN_KEPT:
        return body
    story, shared = Counter(paragraphs[j][1] for j, _ in kept).most_common(1)[0]
    if shared < MIN_KEPT:
        return body
    kept_at = dict(kept)
    held = _letters(" ".join(b.text for b in body))  # a paragraph the pass ran into another is held too
    openings = {key[:OPENING_CHARS] for key in at}
    inserts: dict[int, list[str]] = {}
    anchor = kept[0][1]
    for j in range(kept[0][0], kept[-1][0]):
        text, signature = paragraphs[j]
        if j in kept_at:
            anchor = kept_at[j]
        elif signature == story and _a_sentence(text) and (key := _key(text)) not in held \
                and key[:OPENING_CHARS] not in openings:
            inserts.setdefault(anchor, []).append(p.clean(text))
            held += key
    if not inserts:
        return body
    restored: list[Block] = []
    for i, block in enumerate(body):
        restored.append(block)
        restored.extend(Block(type="paragraph", text=text) for text in inserts.get(i, []))
    return restored

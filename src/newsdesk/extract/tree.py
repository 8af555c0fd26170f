"""A page's HTML as the tree the extractors read."""

from __future__ import annotations

import trafilatura

#: Inline emphasis, which carries no text of its own when empty.
EMPHASIS = ("b", "strong", "i", "em", "u")


def load_tree(data: bytes):
    """trafilatura's tree of a page, or None, with empty emphasis dropped: a paragraph opening with
    an empty "<b></b>" is read as the story's like any other (trafilatura's precise pass drops it)."""
    tree = trafilatura.load_html(data)
    if tree is not None:
        for el in [el for el in tree.iter(*EMPHASIS) if len(el) == 0 and not (el.text or "").strip()]:
            el.drop_tag()
    return tree

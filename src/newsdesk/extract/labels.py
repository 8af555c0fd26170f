"""Metadata a page writes as label and value: "<strong>Autor</strong> Roman Goncharenko",
"<li><b>Datum</b> 28.04.2023</li>", "<dt>By</dt><dd>Jane Doe</dd>".

Pages without metadata markup still print their byline and date this way, in their own language;
`labelled_values` finds the values after a label element the caller recognises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

#: Elements a label is set in.
LABEL_TAGS = ("strong", "b", "dt", "th", "span", "label")
#: A label is a word or two, not a sentence.
MAX_LABEL_CHARS = 30


def spaced_text(el) -> str:
    """An element's text with its children's apart: "<a>SID</a><span>Agentur</span>" -> "SID Agentur"."""
    return " ".join(" ".join(el.itertext()).split())


def labelled_values(tree, is_label: Callable[[str], bool]) -> Iterator[str]:
    """The text after each label element `is_label` accepts, in document order: the rest of its
    parent's text, or the definition or cell that follows a <dt> or <th>."""
    for label in tree.iter(*LABEL_TAGS):
        text = spaced_text(label)
        if not text or len(text) > MAX_LABEL_CHARS or not is_label(text):
            continue
        following = label.getnext()
        if label.tag in ("dt", "th") and following is not None:
            value = spaced_text(following)
        else:
            whole = spaced_text(label.getparent())
            value = whole[len(text):].strip(" :") if whole.startswith(text) else ""
        if value:
            yield value

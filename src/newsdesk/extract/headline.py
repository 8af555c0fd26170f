"""The headline of an HTML page: the one the page's own sources agree on.

A page names its headline up to four times: its h1, JSON-LD's `headline`, Open Graph's and
Twitter's titles. They differ when one carries a kicker ("Olympische Spiele: ..."), a rewrite for
search engines, or the site's name ("... | CBC News"). The headline is the form most of them give,
with the site's name cut; on a tie the h1 (what readers see), then JSON-LD's, Open Graph's, Twitter's.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

#: What stands between a title and the site's name: "Title | Site", "Title - Site", "Title｜Site";
#: bars stand alone, dashes and the like only with spaces around them ("Coast-News" is one word).
_BARS = "|｜ㅣ"
_SPACED = "-–—·:»"
_QUOTES_AND_DASHES = str.maketrans({c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟«»″"}
                                   | {c: "-" for c in "‐‑‒–—―−"})


def agreement_key(text: str) -> str:
    """What two spellings of one title share: case, quote and dash styles, invisible characters and
    spacing set aside."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES_AND_DASHES)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return " ".join(text.split())


def _separated(head: str) -> bool:
    """Whether a title part ends with a separator: "Storm hits |", "Storm hits -" (text before it)."""
    stripped = head.rstrip()
    if stripped[-1:] in _BARS:
        return bool(stripped[:-1].strip())
    return (stripped[-1:] in _SPACED and len(stripped) > 2 and stripped[-2].isspace() and head != stripped
            and bool(stripped[:-1].strip()))


def _before_separator(head: str) -> str:
    return head.rstrip()[:-1].strip()


def without_site_name(title: str, site_names: list[str]) -> str:
    """The title with a trailing site name cut: "Storm hits | Coast News" -> "Storm hits"."""
    for name in site_names:
        if name and len(name) < len(title) and title.casefold().endswith(name.casefold()):
            head = title[: len(title) - len(name)]
            if _separated(head):
                return _before_separator(head)
    return title


def tail_of(longer: str, shorter: str) -> bool:
    """Whether a title is another plus a separated tail: "Title | Section | Site" of "Title"."""
    return longer != shorter and longer.startswith(shorter) and _separated(longer[: len(shorter) + 3])


def choose_headline(candidates: list[str | None], site_names: list[str]) -> str | None:
    """The candidate most others agree with, in the order given on a tie (h1 first).

    A candidate that is another plus a separated tail ("Title | Section | Site") agrees with it."""
    forms = [without_site_name(" ".join(c.split()), site_names) for c in candidates if c and c.strip()]
    if not forms:
        return None
    keys = [agreement_key(f) for f in forms]
    for i, key in enumerate(keys):
        shorter = [k for k in keys if tail_of(key, k)]
        if shorter:
            keys[i] = min(shorter, key=len)
    counts = Counter(keys)
    best = max(counts.values())
    chosen = next(k for k in keys if counts[k] == best)
    # the form as written: the one whose own spelling is the agreed key, else the first that agrees
    return next((f for f in forms if agreement_key(f) == chosen), forms[keys.index(chosen)])

"""The language of an article: the page's own declaration first, else its text identified."""

from __future__ import annotations

import re

from ..model import Article

_CODE = re.compile(r"^[a-z]{2,3}$")


def declared(value: str | None) -> str | None:
    """A declared language as an ISO 639 code: "en-GB" -> "en", "fr_FR" -> "fr"; None if unusable."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if _CODE.match(code) else None


def identify(text: str) -> str | None:
    """The language a text is written in, or None when it is too short or unclear to say."""
    return "en"  # TODO(identifier): replaced by the identifier chosen in bench/langid.py


def article_language(article: Article) -> str | None:
    return declared(article.language) or identify(
        " ".join([article.headline, article.standfirst or "", *(b.text for b in article.body[:8])]))

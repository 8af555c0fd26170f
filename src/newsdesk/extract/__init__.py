"""Extract: a RawDocument becomes a clean, structured Article."""

from __future__ import annotations

import re

from ..lang.identify import article_language
from ..model import Article, RawDocument
from .html import read_html
from .text import decode_text
from .textpage import read_text_page

#: Comments, then the document's first tag. A comment ends at its first "-->" and at no later one:
#: "<!--.*?-->" may also run on over the next comments, which on a page of many comments and no
#: HTML tries exponentially many ways before it fails.
_HTML_START = re.compile(rb"^\s*(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:4096].lstrip(b"\xef\xbb\xbf")))


def extract(raw: RawDocument, site_rules: str = "") -> Article:
    """Read one document into an Article; raises BadInput naming the document when it cannot.
    Both readers normalise the publication date (`dates.published_fields`); HTML pages follow the
    user's per-site rules in the file `site_rules` (`Reading.site_rules`), if any. A document its
    source calls text/plain (a WET record, a text file served as such) is page text, however it begins. Every article
    leaves with its language: as the page declares it, else as its text reads (`lang.identify`)."""
    if raw.media_type != "text/plain" and looks_like_html(raw.data):
        article = read_html(raw.data, origin=raw.origin, url=raw.url, site_rules=site_rules)
    else:
        article = read_text_page(decode_text(raw.data, raw.origin), origin=raw.origin, url=raw.url)
    return article.model_copy(update={"language": article_language(article)})

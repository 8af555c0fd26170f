"""RSS and Atom feeds: the links of their entries, newest first as the feed lists them."""

from __future__ import annotations

from dataclasses import dataclass

import feedparser

from .xmlsafe import local_name, parse_xml

FEED_ROOTS = {"rss", "feed", "rdf"}


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None
    published: str | None


def is_feed(root) -> bool:
    return local_name(root.tag) in FEED_ROOTS


def read_feed(data: bytes, origin: str) -> list[FeedEntry]:
    """Entries of a feed; the XML is checked for entity tricks before feedparser sees it."""
    parse_xml(data, origin)
    parsed = feedparser.parse(data)
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        published = entry.get("published") or entry.get("updated")
        entries.append(FeedEntry(url=link, title=entry.get("title"), published=published))
    return entries

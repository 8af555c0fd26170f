"""Sitemaps, sitemap indexes and Google News sitemaps: the page URLs they list."""

from __future__ import annotations

from dataclasses import dataclass

from .xmlsafe import local_name, parse_xml

SITEMAP_ROOTS = {"urlset", "sitemapindex"}


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    is_sitemap: bool  # a child sitemap of an index, to be read in turn
    published: str | None = None  # news:publication_date or lastmod
    title: str | None = None  # news:title


def is_sitemap(root) -> bool:
    return local_name(root.tag) in SITEMAP_ROOTS


def read_sitemap(data: bytes, origin: str) -> list[SitemapEntry]:
    root = parse_xml(data, origin)
    index = local_name(root.tag) == "sitemapindex"
    entries = []
    for item in root:
        if local_name(item.tag) not in ("url", "sitemap"):
            continue
        fields = {}
        for child in item.iter():
            name = local_name(child.tag)
            if child.text and child.text.strip() and name not in fields:
                fields[name] = child.text.strip()
        if "loc" in fields:
            entries.append(SitemapEntry(url=fields["loc"], is_sitemap=index,
                                        published=fields.get("publication_date") or fields.get("lastmod"),
                                        title=fields.get("title")))
    return entries

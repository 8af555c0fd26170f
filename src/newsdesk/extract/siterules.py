"""Per-site rules a user writes for their own sources, so no site is named in the code.

`NEWSDESK_SITE_RULES` (`Reading.site_rules`) points at a JSON file keyed by host (a rule for "example.com" also serves
"www.example.com"); each entry may give XPath expressions:

    {"example.com": {"prune": ["//div[@class='promo']"], "headline": "//h1",
                     "standfirst": "//p[@class='lede']", "category": "//nav[@class='crumbs']/a[last()]"}}
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from lxml.etree import XPathError

from ..errors import NewsdeskError

FIELDS = ("headline", "standfirst", "category")


@dataclass(frozen=True)
class SiteRules:
    prune: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)

    def field(self, tree, name: str) -> str | None:
        xpath = self.fields.get(name)
        if not xpath:
            return None
        try:
            found = tree.xpath(xpath)
        except XPathError:
            return None
        if not found:
            return None
        first = found[0]
        text = first if isinstance(first, str) else first.text_content()
        return " ".join(text.split()) or None


NO_RULES = SiteRules()


@lru_cache(maxsize=8)
def load_rules(path: str) -> dict[str, SiteRules]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NewsdeskError(f"{path}: site rules cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise NewsdeskError(f"{path}: site rules must be a JSON object keyed by host")
    return {
        host.lower(): SiteRules(prune=list(entry.get("prune", [])),
                                fields={k: entry[k] for k in FIELDS if isinstance(entry.get(k), str)})
        for host, entry in data.items() if isinstance(entry, dict)
    }


def rules_for(url: str | None, path: str) -> SiteRules:
    """The rules the file at `path` gives a page's host, or none."""
    if not path or not url:
        return NO_RULES
    host = (urlsplit(url).hostname or "").lower()
    rules = load_rules(path)
    while host:
        if host in rules:
            return rules[host]
        host = host.partition(".")[2]
    return NO_RULES

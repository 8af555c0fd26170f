"""HTML pages to Articles: trafilatura for the main text, and the structure it drops read by us.

The body comes from trafilatura in its fast, precision-favouring mode; when that keeps less than
`RECALL_FALLBACK_SHARE` of the page's paragraph text, a recall-favouring pass is tried, then a
balanced one with trafilatura's fallback extractors (measured on the article-extraction benchmark
and fundus-dev: see bench/RESULTS.md). Subheadings stay headings.
Around it we read what a newsroom needs and trafilatura leaves out: the standfirst, photo captions
with credits, byline and wire agency, section, the page's own related-story links, canonical URL
and language, from JSON-LD, Open Graph and the page's markup.
"""

from __future__ import annotations

import json
import re
from html import unescape as html_unescape
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import trafilatura
from trafilatura.settings import Document
from lxml import html as lxml_html

from ..dates import iso_day, normalize_published, published_fields
from ..errors import NotANewsPage
from ..model import Article, Block, Image, RelatedLink, article_id_for
from . import patterns as p
from .authors import BYLINE_META, find_authors, find_byline, is_account_url
from .headings import page_subheadings, restore_headings
from .embedded import embedded_blocks
from .headline import choose_headline
from .paragraphs import blocks_from, page_paragraphs, restore_paragraphs
from .labels import labelled_values
from .siterules import SiteRules, rules_for
from .standfirst import find_standfirst
from .tree import load_tree

#: Below this share of the page's paragraph words, the precise pass is taken to have lost text.
RECALL_FALLBACK_SHARE = 0.4
#: A body shorter than this many words is checked against the recall pass too.
MIN_BODY_WORDS = 50
ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "LiveBlogPosting", "WebPage", "Report", "ScholarlyArticle"}
CREDIT_CLASS = re.compile(r"credit|copyright|source|byline|photographer|attribution", re.IGNORECASE)
#: Wire agencies as datelines name them: "LONDON (AP) —", "HANOI, Vietnam (Reuters) -".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,40})?)\s*\((?P<agency>AP|Reuters|AFP|Bloomberg|UPI|"
    r"dpa|DPA|ANI|PTI|IANS|Xinhua|TASS|EFE|ANSA|AA|Anadolu|Kyodo|Yonhap|CNN|BBC)\)\s*[—–-]+\s*"
)
_RELATED_MIN_WORDS = 4


@dataclass
class PageMeta:
    """What the page says of itself outside the article text."""

    headline: str | None = None
    titles: list[str] = field(default_factory=list)  # JSON-LD's headline, og:title, twitter:title
    description: str | None = None
    published: str | None = None
    section: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)  # JSON-LD's people (organisations left out)
    canonical: str | None = None
    language: str | None = None
    body_text: str | None = None  # JSON-LD articleBody
    image: Image | None = None
    publisher: str | None = None
    site_name: str | None = None
    extra: dict = field(default_factory=dict)


def read_html(data: bytes, origin: str, url: str | None = None, site_rules: str = "") -> Article:
    """Read an HTML page into an Article (a new record); raises NotANewsPage when it holds none."""
    tree = load_tree(data)
    if tree is None:
        raise NotANewsPage(origin, "HTML that cannot be parsed")
    base = url or _canonical(tree)
    rules = rules_for(base, site_rules)
    meta = page_meta(tree)
    heading = page_heading(tree, meta.headline)
    dek = p.clean(rules.field(tree, "standfirst")) or find_standfirst(tree, heading, meta.headline) or None
    images = find_images(tree, base)
    outlets = (meta.publisher, meta.site_name)
    byline = None if meta.byline else find_byline(tree, outlets)
    authors = find_authors(tree, meta.authors, meta.byline, outlets, byline)
    related = find_related(tree, base)
    subheadings, paragraphs = page_subheadings(tree), page_paragraphs(tree, rules.prune)
    h1 = p.clean(heading.text_content()) if heading is not None else None
    site_names = [n for n in (meta.site_name, meta.publisher) if n]
    headline = p.clean(rules.field(tree, "headline") or choose_headline([h1, *meta.titles], site_names)
                      or _first_text(tree, "//title"))
    written_date = meta.published or labelled_date(tree)
    document = main_text(tree, data, base, rules, meta.body_text)  # prunes the tree: every reading comes before
    found = blocks_from(document.body if document is not None else None)
    body = trim_edges(drop_repeats(restore_headings(subheadings, restore_paragraphs(paragraphs, found)), headline, dek))
    if not any(b.type == "paragraph" for b in body) and meta.body_text:
        body = [Block(type="paragraph", text=t) for t in _paragraphs(meta.body_text)]
    if not any(b.type == "paragraph" for b in body):
        body = drop_repeats(embedded_blocks(data), headline, dek)
    if not any(b.type == "paragraph" for b in body):
        raise NotANewsPage(origin, "no article text found in the HTML")
    if not headline:
        raise NotANewsPage(origin, "no headline found in the HTML")
    dateline, agency = read_dateline(body)
    standfirst = dek or p.clean(meta.description) or None
    key, address = identity(meta.canonical, url, origin)
    return Article(
        id=article_id_for(key),
        url=address,
        origin=origin,
        **published_fields(written_date or page_date(data), origin),
        category=p.clean_category(rules.field(tree, "category") or meta.section),
        reading_time_minutes=p.reading_minutes(b.text for b in body),
        headline=headline,
        standfirst=standfirst,
        image=images[0] if images else meta.image,
        images=images,
        dateline=dateline,
        byline=meta.byline or byline,
        authors=authors,
        body=body,
        source=agency,
        related=related,
        language=meta.language,
    )


def page_heading(tree, named: str | None):
    """The page's h1: the one that agrees with the headline its metadata gives, else the first (a
    login box or a site's name may come first: "Log In")."""
    headings = [(el, text.casefold()) for el in tree.iterfind(".//h1") if (text := p.clean(el.text_content()))]
    wanted = p.clean(named).casefold() if named else ""
    agreeing = [el for el, text in headings if wanted and (text in wanted or wanted in text)]
    return next(iter(agreeing or [el for el, _ in headings]), None)


# -- the main text -------------------------------------------------------------------------------


#: trafilatura's passes, tried in turn while the text kept falls short of the page's paragraphs:
#: (favour precision, favour recall, fast). The last, balanced with its fallback extractors, finds
#: articles whose sections the other two drop (fundus-dev: Politico Europe, Mallorca Magazin).
PASSES = ((True, False, True), (False, True, True), (False, False, False))


def main_text(tree, data: bytes, url: str | None, rules: SiteRules, article_body: str | None = None
              ) -> Document | None:
    """trafilatura's reading of the main text: precise first, then passes that keep more while the
    text kept is short of the page's paragraph text; the longest reading wins."""
    total = expected_words(tree, article_body)  # before a pass prunes the tree
    best, best_words = None, -1
    for index, (precision, recall, fast) in enumerate(PASSES):
        document = tree if index == 0 else load_tree(data)
        if document is None:
            break
        found = trafilatura.bare_extraction(
            document, url=url, include_comments=False, include_tables=True, with_metadata=False, fast=fast,
            prune_xpath=rules.prune or None, favor_precision=precision, favor_recall=recall)
        found = found if isinstance(found, Document) else None
        kept = len(found.text.split()) if found is not None and found.text else 0
        if kept > best_words:
            best, best_words = found, kept
        if best_words >= MIN_BODY_WORDS and best_words >= RECALL_FALLBACK_SHARE * total:
            break
    return best


def expected_words(tree, article_body: str | None = None) -> int:
    """How long the article is, as the page tells before any pass: the words of JSON-LD's
    articleBody (`PageMeta.body_text`), else of the paragraphs of the page's first <article> (later
    ones are often teasers of other stories), else of all its paragraphs."""
    if p.word_count(article_body or "") >= MIN_BODY_WORDS:
        return p.word_count(article_body or "")
    article = next(tree.iter("article"), None)
    if article is not None and (words := paragraph_words(article)) >= MIN_BODY_WORDS:
        return words
    return paragraph_words(tree)


def paragraph_words(tree) -> int:
    return sum(len((el.text_content() or "").split()) for el in tree.iter("p"))


def drop_repeats(body: list[Block], headline: str, dek: str | None) -> list[Block]:
    """The headline and standfirst are fields, not body text."""
    return [b for b in body if b.text not in (headline, dek)]


EDGE_CHROME = re.compile(
    r"^(?:https?://\S+|by|text size|order reprints|print(?: article)?|(?:updated|published|posted|last updated)\b.{0,40}"
    r"|share(?: this)?(?: article| story)?|advertisement|comments?|tell us what you think.{0,20})$",
    re.IGNORECASE,
)


def trim_edges(body: list[Block]) -> list[Block]:
    """Drop page furniture the main-text pass leaves in: "Print Article", "Updated at 1:23 p.m.", bare URLs."""
    return [b for b in body if not (EDGE_CHROME.match(b.text) or p.CHROME_LINE.match(b.text))]


def read_dateline(body: list[Block]) -> tuple[str | None, str | None]:
    """A wire dateline opening the first paragraph: ("HANOI, Vietnam", "AP")."""
    first = next((b for b in body if b.type == "paragraph"), None)
    m = DATELINE.match(first.text) if first else None
    return (m.group("place").strip(), m.group("agency")) if m else (None, None)


# -- what trafilatura drops ----------------------------------------------------------------------


def page_meta(tree) -> PageMeta:
    meta = PageMeta()
    for data in json_ld(tree):
        kind = data.get("@type")
        kinds = set(kind) if isinstance(kind, list) else {kind}
        if not kinds & ARTICLE_TYPES:
            continue
        meta.headline = meta.headline or _text(data.get("headline"))
        meta.description = meta.description or _text(data.get("description"))
        meta.published = meta.published or _text(data.get("datePublished"))
        meta.section = meta.section or _first(data.get("articleSection"))
        meta.byline = meta.byline or _names(data.get("author"))
        meta.authors = meta.authors or _name_list(data.get("author"), people_only=True)
        body_text = data.get("articleBody")
        meta.body_text = meta.body_text or (body_text if isinstance(body_text, str) and body_text.strip() else None)
        meta.canonical = meta.canonical or _text(data.get("url"))
        meta.publisher = meta.publisher or _names(data.get("publisher"))
        meta.language = meta.language or _text(data.get("inLanguage"))
        image = data.get("image")
        if isinstance(image, list) and image:
            image = image[0]
        if isinstance(image, dict) and (image.get("caption") or image.get("creditText")):
            caption = _text(image.get("caption"))
            meta.image = Image(caption=caption[: p.MAX_CAPTION_CHARS] if caption else None,
                               credit=_text(image.get("creditText")), url=_text(image.get("url")))
    properties = {(el.get("property") or el.get("name") or "").lower(): el.get("content")
                  for el in tree.iterfind(".//meta") if el.get("content")}
    meta.titles = [t for t in (meta.headline, properties.get("og:title"), properties.get("twitter:title")) if t]
    meta.headline = meta.headline or properties.get("og:title")
    # a page's Open Graph description is the one it shows when shared; JSON-LD's is more often an
    # image caption or another story's text (fundus-dev: og matches the standfirst on 71 pages, JSON-LD on 51)
    meta.description = html_unescape(properties.get("og:description") or meta.description
                                     or properties.get("description") or "") or None
    meta.published = meta.published or properties.get("article:published_time")
    meta.section = meta.section or properties.get("article:section")
    meta.byline = meta.byline or next((v for k in BYLINE_META if (v := properties.get(k)) and "://" not in v), None)
    meta.site_name = properties.get("og:site_name")
    meta.canonical = _canonical(tree) or meta.canonical or properties.get("og:url")
    meta.language = tree.get("lang") or meta.language or properties.get("og:locale")
    if meta.language:
        meta.language = meta.language.split("-")[0].split("_")[0].lower()
    return meta


def json_ld(tree) -> list[dict]:
    """Every JSON-LD object of the page, @graph members included; broken blocks are skipped."""
    found: list[dict] = []
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return found


def find_images(tree, base: str | None) -> list[Image]:
    """Figures with captions; the credit from a credit element, "(Photo: X)" or "Photo: X"."""
    images = []
    for figure in tree.iter("figure"):
        caption_el = next(figure.iter("figcaption"), None)
        if caption_el is None:
            continue
        credit_el = next((el for el in caption_el.iter() if el is not caption_el
                          and CREDIT_CLASS.search(f"{el.get('class', '')} {el.get('itemprop', '')}")), None)
        credit = p.clean(credit_el.text_content()) if credit_el is not None else None
        text = p.clean(caption_el.text_content())
        if credit and text.endswith(credit):
            text = text[: -len(credit)].strip()
        text = text[: p.MAX_CAPTION_CHARS]
        found = p.CAPTION_WITH_CREDIT.match(text) or p.CAPTION_TRAILING_CREDIT.match(text)
        if found:
            groups = found.groupdict()
            text = (groups.get("caption") or "").strip()
            credit = credit or (groups.get("credit") or groups.get("credit2") or "").strip() or None
        credit = re.sub(r"^(?:photo|image|credit|picture)s?\s*:\s*", "", credit or "", flags=re.I) or None
        img = next(figure.iter("img"), None)
        src = img.get("src") if img is not None else None
        if text or credit:
            images.append(Image(caption=text or None, credit=credit,
                                url=urljoin(base, src) if base and src else src))
    return images


def find_related(tree, base: str | None) -> list[RelatedLink]:
    """Links in the page's related-stories containers, titles of four words or more, in order."""
    links, seen = [], set()
    for container in tree.xpath("//*[@class or @id]"):
        marker = f"{container.get('class', '')} {container.get('id', '')}"
        if not p.RELATED_CLASS.search(marker) or container.tag in ("a", "script", "style", "body", "html"):
            continue
        for a in container.iter("a"):
            title = p.clean(a.text_content())
            href = a.get("href")
            if not href or p.word_count(title) < _RELATED_MIN_WORDS or href.startswith(("#", "javascript:", "mailto:")):
                continue
            absolute = urljoin(base, href) if base else href
            if absolute in seen:
                continue
            seen.add(absolute)
            links.append(RelatedLink(title=title, url=absolute))
    return links


def identity(canonical: str | None, url: str | None, origin: str) -> tuple[str, str | None]:
    """What an article is known by (its id's key) and its address.

    A page's canonical URL is its identity only when it names the host the page came from (a
    leading "www." aside): any page could claim another outlet's address and become a new version
    of that outlet's article. A fetched page claiming another host is known by its own URL; a
    file, which came from no host, by where it was read, though the address it claims is kept
    as its `url`."""
    if url is None:
        return origin, canonical
    if canonical and _host(canonical) == _host(url):
        return canonical, canonical
    return url, url


def _host(address: str) -> str:
    try:
        host = (urlsplit(address.strip()).hostname or "").lower()
    except ValueError:  # a malformed canonical URL names no host
        return ""
    return host[4:] if host.startswith("www.") else host


# -- small helpers -------------------------------------------------------------------------------


def _canonical(tree) -> str | None:
    return next((link.get("href") for link in tree.iterfind(".//link")
                 if (link.get("rel") or "").lower() == "canonical" and link.get("href")), None)


def _first_text(tree, xpath: str) -> str | None:
    found = tree.xpath(xpath)
    return p.clean(found[0].text_content()) if found else None


def _text(value) -> str | None:
    if isinstance(value, str):
        if "<" in value:  # markup in a JSON-LD string; wrapped, so a lone comment or doctype parses too
            value = lxml_html.fromstring(f"<div>{value}</div>").text_content()
        return p.clean(value) or None
    return None


def _first(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return _text(value)


def _names(value) -> str | None:
    return ", ".join(_name_list(value)) or None


def _name_list(value, people_only: bool = False) -> list[str]:
    """The names of JSON-LD authors or publishers (a name, or a given and a family name), none a
    publishing account's; with `people_only`, persons only: an "Organization" author is the outlet."""
    names = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            kind = item.get("@type")
            if (people_only and kind and "Person" not in (kind if isinstance(kind, list) else [kind])) or any(
                    is_account_url(item.get(key)) for key in ("@id", "url")):
                continue
            item = item.get("name") or " ".join(
                n for n in (item.get("givenName"), item.get("familyName")) if isinstance(n, str))
        if (name := _text(item)) is not None:
            names.append(name)
    return names


def _paragraphs(text: str) -> list[str]:
    return [p.clean(part) for part in re.split(r"\n\s*\n|\n", text) if p.clean(part)]


#: Labels a page prints before its date: "Datum", "Published:", "Veröffentlicht am", "Publié le".
DATE_LABEL = re.compile(r"^(?:date|datum|fecha|data|dato|published(?: on)?|veröffentlicht(?: am)?|publié(?: le)?"
                        r"|publicado(?: el)?|pubblicato(?: il)?)\s*:?$", re.IGNORECASE)


def labelled_date(tree) -> str | None:
    """The date a page prints after a date label ("<strong>Datum</strong> 28.04.2023"), as ISO for a
    day-first dotted date (dateutil would read "04.05.2023" as April 5th), else as written."""
    for value in labelled_values(tree, lambda label: DATE_LABEL.match(label) is not None):
        if (m := p.DOTTED_DATE.match(value)) is not None and (day := iso_day(m["year"], m["month"], m["day"])):
            return day
        if normalize_published(value)[0]:
            return value
    return None


def page_date(data: bytes) -> str | None:
    """The publication date htmldate finds in the page, when the page's metadata gives none."""
    from htmldate import find_date

    try:
        return find_date(data, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None

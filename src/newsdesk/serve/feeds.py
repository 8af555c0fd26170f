"""Atom feeds (RFC 4287) of a search, an entity and a story: the articles most recently stored
first, so a feed reader sees what is new to newsdesk. Ids are URNs made from newsdesk's own ids,
the same whatever host serves them; ETag and 304 come with every GET (security.py)."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timezone
from typing import Annotated
from urllib.parse import urlencode
from xml.etree import ElementTree as ET

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from ..dates import day_of
from ..model import Article
from ..store import Store
from ..store.search import SearchFilters
from .resources import EntityId, Filters, get_store, story_or_404

router = APIRouter(prefix="/feeds", tags=["feeds"])
StoreDep = Annotated[Store, Depends(get_store)]
ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"
#: Entries in a feed.
FEED_SIZE = 30
#: Characters XML 1.0 cannot hold (control characters but tab and line breaks); dropped from text.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def urn(kind: str, key: str) -> str:
    """A permanent id: a name-based UUID of newsdesk's own id, not of the URL it is served at."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"newsdesk:{kind}:{key}").urn


def rfc3339(value: datetime) -> str:
    return value.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def published_at(article: Article) -> datetime | None:
    """An article's publication time (a day alone is its midnight, UTC), or None."""
    value = article.published
    if value and len(value) > 10:
        try:
            found = datetime.fromisoformat(value.replace("Z", "+00:00"))
            return found if found.tzinfo else found.replace(tzinfo=timezone.utc)
        except ValueError:
            pass
    day = day_of(value)
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc) if day and value and len(value) >= 10 else None


def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: NOT_XML.sub("", v) for k, v in attributes.items()})
    if text is not None:
        element.text = NOT_XML.sub("", text)
    return element


def entry(feed: ET.Element, article: Article, first_seen: datetime, base: str) -> None:
    item = add(feed, "entry")
    add(item, "id", urn("article", article.id))
    add(item, "title", article.headline)
    published = published_at(article)
    add(item, "updated", rfc3339(published or first_seen))
    if published:
        add(item, "published", rfc3339(published))
    for name in article.authors or ([article.source] if article.source else []):
        add(add(item, "author"), "name", name)
    add(item, "link", rel="alternate", type="text/html", href=f"{base}/articles/{article.id}")
    if article.url:
        add(item, "link", rel="related", href=article.url)
    if article.category:
        add(item, "category", term=article.category)
    summary = article.standfirst or next(iter(article.paragraphs), "")
    if summary:
        add(item, "summary", summary)


def atom(request: Request, store: Store, title: str, key: str, page: str, query: str | None,
         filters: SearchFilters) -> Response:
    """A feed of the newest stored articles matching `query` and `filters`."""
    base = str(request.base_url).rstrip("/")
    found = store.matches(query, filters, limit=FEED_SIZE)
    articles = store.get_many([m.article_id for m in found])
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    add(feed, "id", urn("feed", key))
    add(feed, "title", title)
    add(feed, "updated", rfc3339(max((m.first_seen for m in found), default=EPOCH)))
    add(add(feed, "author"), "name", "newsdesk")
    add(feed, "generator", "newsdesk")
    add(feed, "link", rel="self", type="application/atom+xml", href=str(request.url))
    add(feed, "link", rel="alternate", type="text/html", href=f"{base}{page}")
    for match in found:
        if match.article_id in articles:
            entry(feed, articles[match.article_id], match.first_seen, base)
    body = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return Response(body, media_type=MEDIA_TYPE)


@router.get("/search.atom", response_class=Response, responses={200: {"content": {"application/atom+xml": {}}}})
def search_feed(request: Request, store: StoreDep, filters: Filters,
                q: Annotated[str, Query(max_length=500)] = "") -> Response:
    """The newest articles matching a search and its filters, as an Atom feed."""
    kept = {"q": q, "category": filters.category, "source": filters.source, "date_from": filters.date_from,
            "date_to": filters.date_to, "entity": filters.entity_id}
    query = urlencode({k: v for k, v in kept.items() if v})
    title = f"newsdesk: {q.strip() or 'every article'}" + (f" in {filters.category}" if filters.category else "")
    return atom(request, store, title, f"search?{query}", f"/search?{query}", q, filters)


@router.get("/entities/{entity_id}.atom", response_class=Response,
            responses={200: {"content": {"application/atom+xml": {}}}, 404: {"description": "No such entity"}})
def entity_feed(request: Request, entity_id: EntityId, store: StoreDep) -> Response:
    """The newest articles naming an entity, as an Atom feed."""
    profile = store.entity_profile(entity_id, limit=1)
    if profile is None:
        raise HTTPException(status_code=404, detail=f"no entity {entity_id}")
    return atom(request, store, f"newsdesk: {profile.name}", f"entity:{entity_id}", f"/entities/{entity_id}", None,
                SearchFilters(entity_id=entity_id))


@router.get("/stories/{story_id}.atom", response_class=Response,
            responses={200: {"content": {"application/atom+xml": {}}}, 404: {"description": "No such story"}})
def story_feed(request: Request, story_id: str, store: StoreDep) -> Response:
    """A story's newest articles, as an Atom feed."""
    story = story_or_404(store, story_id)
    return atom(request, store, f"newsdesk: {story.headline}", f"story:{story_id}", f"/stories/{story_id}", None,
                SearchFilters(story_id=story_id))

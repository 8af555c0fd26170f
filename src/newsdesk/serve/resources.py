"""What every page and API route is made of: one function per resource (an article, an entity,
an event, a story) that the HTML page and the JSON route both render, and the checks on the
numbers and ids a request carries."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from ..model import Article, ArticleRef, EntityProfile, Event, NamedCount
from ..store import Store
from ..store.search import SearchFilters

#: The largest offset the stores take (a 64-bit integer in SQLite and PostgreSQL), and the largest
#: id or size they keep (entity ids and counts are PostgreSQL integers, 32 bits): numbers past them
#: are refused with 422 before they reach the database.
MAX_OFFSET = 2**63 - 1
MAX_ID = 2**31 - 1
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
EntityId = Annotated[int, Path(ge=0, le=MAX_ID)]


Day = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="YYYY-MM-DD")]


def search_filters(category: str | None = None, source: str | None = None, date_from: Day = None,
                   date_to: Day = None, entity: Annotated[int | None, Query(ge=0, le=MAX_ID)] = None) -> SearchFilters:
    """The filters of a search, read one way for the page and the API (an empty field is no filter)."""
    return SearchFilters(category=category or None, source=source or None, date_from=date_from or None,
                         date_to=date_to or None, entity_id=entity)


Filters = Annotated[SearchFilters, Depends(search_filters)]


def refuse_nul(request: Request) -> None:
    """422 for a NUL character in the path or a query parameter: no id or word has one, and
    PostgreSQL's text cannot hold one."""
    if "\x00" in request.url.path or any("\x00" in k + v for k, v in request.query_params.multi_items()):
        raise HTTPException(status_code=422, detail="a NUL character in the address")


def get_store(request: Request) -> Store:
    return request.app.state.store


def article_or_404(store: Store, article_id: str) -> Article:
    article = store.get(article_id)
    if article is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
    return article


#: How many of an entity's latest articles are read for its quotes and events.
READ_ARTICLES = 50


class EntityQuote(BaseModel):
    text: str
    article: ArticleRef


class EntityEvent(BaseModel):
    id: str = Field(description="The event's id: its article's id and its place among the article's events.")
    event: Event
    article: ArticleRef


class EntityView(EntityProfile):
    """An entity's page: its profile, who is named with it, and its quotes and events in its latest
    articles."""

    co_mentioned: list[NamedCount] = Field(default_factory=list)
    quotes: list[EntityQuote] = Field(default_factory=list)
    events: list[EntityEvent] = Field(default_factory=list)


def entity_data(store: Store, entity_id: int, limit: int = 20, offset: int = 0) -> EntityView:
    """An entity with its roles over time, one page of its articles, the people named with it, and
    its quotes and events."""
    profile = store.entity_profile(entity_id, limit=limit, offset=offset)
    if profile is None:
        raise HTTPException(status_code=404, detail=f"no entity {entity_id}")
    names = {profile.name, *profile.aliases}
    quotes: list[EntityQuote] = []
    events: list[EntityEvent] = []
    latest = store.entity_articles(entity_id, limit=READ_ARTICLES)
    found = store.get_many([ref.id for ref in latest])
    for ref in latest:
        article = found.get(ref.id)
        if article is None:
            continue
        if profile.type == "person":
            quotes += [EntityQuote(text=q.text, article=ref) for q in article.quotes if q.speaker in names]
        events += [EntityEvent(id=f"{article.id}-{i}", event=e, article=ref) for i, e in enumerate(article.events)
                   if e.type != "statement" and (names & {p.name for p in e.participants}
                                                 or names & {e.place, e.country, *e.parties} - {None})]
    return EntityView(**dict(profile), co_mentioned=store.co_mentioned(entity_id), quotes=quotes, events=events)


def event_or_404(store: Store, event_id: str):
    """An event by its id, "<article id>-<n>": the article and its n-th event."""
    article_id, _, index = event_id.rpartition("-")
    article = store.get(article_id) if re.fullmatch(r"[0-9]{1,9}", index) else None  # not "²", not 5,000 digits
    if article is None or int(index) >= len(article.events):
        raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
    return article, article.events[int(index)]


def story_or_404(store: Store, story_id: str):
    story = store.story(story_id)
    if story is None:
        raise HTTPException(status_code=404, detail=f"no story {story_id!r}")
    return story

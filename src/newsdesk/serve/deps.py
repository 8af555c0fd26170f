"""Shared request dependencies."""

from __future__ import annotations

from fastapi import HTTPException, Request

from ..model import Article
from ..store import Store


def get_store(request: Request) -> Store:
    return request.app.state.store


def article_or_404(store: Store, article_id: str) -> Article:
    article = store.get(article_id)
    if article is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
    return article


#: How many of an entity's articles are read for its quotes and events.
READ_ARTICLES = 50


def entity_data(store: Store, entity_id: int) -> dict:
    """An entity with its roles over time, articles, the people named with it, and its quotes."""
    profile = store.entity_profile(entity_id)
    if profile is None:
        raise HTTPException(status_code=404, detail=f"no entity {entity_id}")
    names = {profile["name"], *profile["aliases"]}
    quotes, events = [], []
    for ref in profile["articles"][-READ_ARTICLES:]:  # the latest: the list is oldest first
        article = store.get(ref["id"])
        if article is None:
            continue
        if profile["type"] == "person":
            quotes += [{"text": q.text, "article": ref} for q in article.quotes if q.speaker in names]
        events += [{"id": f"{article.id}-{i}", "event": e, "article": ref} for i, e in enumerate(article.events)
                   if e.type != "statement" and (names & {p.name for p in e.participants}
                                                 or names & {e.place, e.country, *e.parties} - {None})]
    return {**profile, "co_mentioned": store.co_mentioned(entity_id), "quotes": quotes, "events": events}


def event_or_404(store: Store, event_id: str):
    """An event by its id, "<article id>-<n>": the article and its n-th event."""
    article_id, _, index = event_id.rpartition("-")
    article = store.get(article_id) if index.isdigit() else None
    if article is None or int(index) >= len(article.events):
        raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
    return article, article.events[int(index)]


def story_or_404(store: Store, story_id: str):
    story = store.story(story_id)
    if story is None:
        raise HTTPException(status_code=404, detail=f"no story {story_id!r}")
    return story

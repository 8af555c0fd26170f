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


def entity_data(store: Store, entity_id: int) -> dict:
    """An entity with its roles over time, articles, the people named with it, and its quotes."""
    profile = store.entity_profile(entity_id)
    if profile is None:
        raise HTTPException(status_code=404, detail=f"no entity {entity_id}")
    names = {profile["name"], *profile["aliases"]}
    quotes = []
    if profile["type"] == "person":
        for ref in profile["articles"][:50]:
            article = store.get(ref["id"])
            quotes += [{"text": q.text, "article": ref} for q in (article.quotes if article else [])
                       if q.speaker in names]
    return {**profile, "co_mentioned": store.co_mentioned(entity_id), "quotes": quotes}


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

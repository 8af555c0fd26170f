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

"""JSON API under /api/: the same records the CLI prints."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from ..model import Article, ArticleSummary, SearchHit
from ..store import Store
from .deps import article_or_404, get_store

router = APIRouter(prefix="/api", tags=["api"])
StoreDep = Annotated[Store, Depends(get_store)]


class ArticleList(BaseModel):
    total: int
    limit: int
    offset: int
    articles: list[ArticleSummary]


class SearchResults(BaseModel):
    query: str
    limit: int
    offset: int
    results: list[SearchHit]


@router.get("/articles", response_model=ArticleList)
def list_articles(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    category: str | None = None,
) -> ArticleList:
    """Stored articles, newest published first."""
    rows = store.articles(limit=limit, offset=offset, category=category)
    return ArticleList(total=store.count(), limit=limit, offset=offset, articles=rows)


@router.get("/articles/{article_id}", response_model=Article)
def get_article(article_id: str, store: StoreDep) -> Article:
    """One article with everything known about it: the JSON of `newsdesk show`."""
    return article_or_404(store, article_id)


@router.get("/search", response_model=SearchResults)
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> SearchResults:
    """Full-text search; `snippet` is HTML with the matched words in <mark>, everything else escaped."""
    return SearchResults(query=q, limit=limit, offset=offset, results=store.search(q, limit=limit, offset=offset))

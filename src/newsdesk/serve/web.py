"""The reader site: server-rendered pages, usable without JavaScript."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from ..jsonld import news_article, script_safe
from ..model import Article
from ..store import Store
from .deps import article_or_404, get_store

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
StoreDep = Annotated[Store, Depends(get_store)]
PAGE_SIZE = 20


def display_date(value: str | None) -> str:
    """'2025-05-15' as 'May 15, 2025', the way news pages print it."""
    if not value:
        return ""
    try:
        day = datetime.fromisoformat(value).date() if "T" in value else date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day:%B} {day.day}, {day.year}"


def json_ld(article: Article) -> Markup:
    """schema.org NewsArticle, safe to put inside a <script> element."""
    return Markup(script_safe({"@context": "https://schema.org", **news_article(article)}))


templates.env.filters["display_date"] = display_date


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep, page: Annotated[int, Query(ge=1)] = 1):
    rows = store.articles(limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    total = store.count()
    return templates.TemplateResponse(
        request, "home.html", {"articles": rows, "page": page, "has_next": page * PAGE_SIZE < total, "total": total}
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store: StoreDep):
    article = article_or_404(store, article_id)
    return templates.TemplateResponse(request, "article.html", {"article": article, "json_ld": json_ld(article)})


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(max_length=500)] = "",
    page: Annotated[int, Query(ge=1)] = 1,
):
    hits = store.search(q, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE) if q.strip() else []
    return templates.TemplateResponse(
        request,
        "search.html",
        {"q": q, "hits": hits[:PAGE_SIZE], "page": page, "has_next": len(hits) > PAGE_SIZE},
    )

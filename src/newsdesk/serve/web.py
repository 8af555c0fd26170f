"""The reader site: server-rendered pages, usable without JavaScript."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from .. import offices
from ..dates import day_of
from ..jsonld import news_article, script_safe
from ..model import Article, ArticleSummary, SearchHit
from ..store import Store
from ..store.search import COUNT_CAP, SearchFilters
from .charts import bar_chart
from .resources import MAX_ID, MAX_OFFSET, EntityId, Filters, article_or_404, entity_data, event_or_404, get_store, story_or_404

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
StoreDep = Annotated[Store, Depends(get_store)]
PAGE_SIZE = 20
#: A page number whose offset the stores can take.
Page = Annotated[int, Query(ge=1, le=MAX_OFFSET // PAGE_SIZE)]


def display_date(value: str | None) -> str:
    """'2025-05-15' as 'May 15, 2025', the way news pages print it."""
    day = day_of(value)
    if value is None or day is None:
        return ""
    if len(value) == 4:
        return value
    if len(value) == 7:
        return f"{day:%B} {day.year}"
    return f"{day:%B} {day.day}, {day.year}"


def json_ld(article: Article) -> Markup:
    """schema.org NewsArticle, safe to put inside a <script> element."""
    return Markup(script_safe({"@context": "https://schema.org", **news_article(article)}))


templates.env.filters["display_date"] = display_date


def page_of(items: list, page: int) -> tuple[list, bool]:
    """One page of a list already in memory, and whether another page follows."""
    start = (page - 1) * PAGE_SIZE
    return items[start : start + PAGE_SIZE], start + PAGE_SIZE < len(items)


#: Stories shown per category on the home page.
PER_CATEGORY = 6


#: Sections shown on the home page, the largest first.
SECTIONS = 8


def sentence_case(text: str) -> str:
    """ "meeting chaired by Vladimir Putin" -> "Meeting chaired by Vladimir Putin"."""
    return text[:1].upper() + text[1:] if text else text


templates.env.filters["sentence_case"] = sentence_case


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep, page: Page = 1):
    rows = store.articles(limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    total = store.count()
    sections: list = []
    shown: set[str] = set()
    if page == 1:
        for category in store.categories()[:SECTIONS]:
            found = [a for a in store.articles(limit=PER_CATEGORY, category=category) if a.id not in shown]
            shown.update(a.id for a in found)
            if found:
                sections.append((category, found))
    developing = store.stories(limit=PER_CATEGORY) if page == 1 else []
    return templates.TemplateResponse(
        request, "home.html", {"articles": [a for a in rows if a.id not in shown], "sections": sections,
                               "developing": developing, "page": page, "has_next": page * PAGE_SIZE < total,
                               "total": total}
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store: StoreDep):
    article = article_or_404(store, article_id)
    return templates.TemplateResponse(request, "article.html", {
        "article": article, "json_ld": json_ld(article), "entity_ids": store.entity_ids_for_article(article_id)})


ENTITY_TYPES = {"person": "People", "org": "Organisations", "place": "Places"}


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, store: StoreDep, page: Page = 1,
                  type: Annotated[str, Query(pattern=r"^(person|org|place)?$")] = "",
                  q: Annotated[str, Query(max_length=200)] = ""):
    rows = store.entities(kind=type or None, name=q or None, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    return templates.TemplateResponse(request, "entities.html", {
        "entities": rows[:PAGE_SIZE], "page": page, "has_next": len(rows) > PAGE_SIZE, "type": type,
        "name_query": q, "types": ENTITY_TYPES})


@router.get("/roles", response_class=HTMLResponse)
def roles_page(request: Request, store: StoreDep, title: Annotated[str, Query(max_length=200)] = "",
               of: Annotated[str, Query(max_length=200)] = "",
               on: Annotated[str, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = ""):
    found = offices.who_held(store, title, of or None, on or None) if title.strip() else []
    heading = f"{title}{' of ' + of if of else ''}{' on ' + on if on else ''}" if title else "Who held an office"
    return templates.TemplateResponse(request, "roles.html", {
        "holders": found, "title": title, "of": of, "on": on, "heading": heading})


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: EntityId, store: StoreDep, page: Page = 1):
    data = entity_data(store, entity_id, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return templates.TemplateResponse(request, "entity.html", {
        **dict(data), "page": page, "has_next": page * PAGE_SIZE < data.total,
        "chart": bar_chart([(t.month, t.articles) for t in data.timeline], f"Articles naming {data.name} by month"),
    })


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, store: StoreDep, page: Page = 1):
    rows = store.stories(limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    return templates.TemplateResponse(request, "stories.html", {
        "stories": rows[:PAGE_SIZE], "page": page, "has_next": len(rows) > PAGE_SIZE})


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, store: StoreDep, page: Page = 1):
    story = story_or_404(store, story_id)
    articles, has_next = page_of(story.articles, page)
    return templates.TemplateResponse(request, "story.html", {
        "story": story, "articles": articles, "page": page, "has_next": has_next,
        "chart": bar_chart([(d.day, d.articles) for d in story.days], "Articles per day")})


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, store: StoreDep, page: Page = 1):
    """Events read in the newest articles, a page of articles at a time."""
    rows = store.articles(limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    found = []
    for summary in rows[:PAGE_SIZE]:
        article = store.get(summary.id)
        for i, event in enumerate(article.events if article else []):
            if event.type != "statement":
                found.append({"id": f"{summary.id}-{i}", "event": event, "article": summary})
    return templates.TemplateResponse(request, "events.html", {
        "events": found, "page": page, "has_next": len(rows) > PAGE_SIZE})


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str, store: StoreDep):
    article, event = event_or_404(store, event_id)
    sides: dict[str, list] = {}
    for p in event.participants:
        sides.setdefault(p.side or "Taking part", []).append(p)
    return templates.TemplateResponse(request, "event.html", {
        "article": article, "event": event, "sides": sides, "entity_ids": store.entity_ids_for_article(article.id)})


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(max_length=500)] = "",
    page: Page = 1,
    filters: Filters = SearchFilters(),
):
    category = filters.category
    offset = (page - 1) * PAGE_SIZE
    hits: list[SearchHit] | list[ArticleSummary]
    if q.strip():
        hits = store.search(q, limit=PAGE_SIZE + 1, offset=offset, filters=filters)
        total = store.search_count(q, filters) if hits or page > 1 else 0
    elif category:  # a section, browsed: its articles, newest first
        hits = store.articles(limit=PAGE_SIZE + 1, offset=offset, category=category)
        total = store.count(category=category)
    else:
        hits, total = [], 0
    kept = {"q": q, "category": category, "source": filters.source, "date_from": filters.date_from,
            "date_to": filters.date_to, "entity": filters.entity_id}
    query = urlencode({k: v for k, v in kept.items() if v})
    return templates.TemplateResponse(
        request,
        "search.html",
        {"q": q, "hits": hits[:PAGE_SIZE], "page": page, "has_next": len(hits) > PAGE_SIZE, "total": total,
         "count_cap": COUNT_CAP, "categories": store.categories(),
         "f": filters, "pager_query": query + "&", "feed_query": query},
    )

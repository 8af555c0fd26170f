"""JSON API under /api/: the same records the CLI prints."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field
from starlette.responses import Response

from .. import offices
from ..errors import BadInput, NewsdeskError
from ..model import (Article, ArticleSummary, Event, IngestOutcome, NamedCount, OfficeHolder, RawDocument, SearchHit,
                     Story, StorySummary)
from ..store import Store
from ..store.search import SearchFilters
from .resources import (MAX_ID, EntityId, EntityView, Filters, Offset, article_or_404, entity_data, event_or_404, get_store,
                        story_or_404)

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
    offset: Offset = 0,
    category: str | None = None,
) -> ArticleList:
    """Stored articles, newest published first; `total` counts those of `category` when one is given."""
    rows = store.articles(limit=limit, offset=offset, category=category)
    return ArticleList(total=store.count(category=category), limit=limit, offset=offset, articles=rows)


@router.get("/articles/{article_id}", response_model=Article)
def get_article(article_id: str, store: StoreDep) -> Article:
    """One article with everything known about it: the JSON of `newsdesk show`."""
    return article_or_404(store, article_id)


@router.get("/search", response_model=SearchResults)
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Offset = 0,
    filters: Filters = SearchFilters(),
) -> SearchResults:
    """Full-text search, narrowed by category, dates, source or entity; `snippet` is HTML with the
    matched words in <mark>, everything else escaped."""
    return SearchResults(query=q, limit=limit, offset=offset,
                         results=store.search(q, limit=limit, offset=offset, filters=filters))


@router.get("/entities")
def list_entities(store: StoreDep, type: Annotated[str | None, Query(pattern=r"^(person|org|place)$")] = None,
                  q: Annotated[str | None, Query(max_length=200, description="Part of a name.")] = None,
                  limit: Annotated[int, Query(ge=1, le=200)] = 50,
                  offset: Offset = 0) -> list[NamedCount]:
    """People, organisations and places, named in the most articles first: id, name, type, articles."""
    return store.entities(kind=type, name=q, limit=limit, offset=offset)


@router.get("/roles")
def who_held(store: StoreDep,
             title: Annotated[str | None, Query(max_length=200, description='An office: "Defense Minister".')] = None,
             of: Annotated[str | None, Query(max_length=200, description="Whose: a country or organisation.")] = None,
             on: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="As of this day.")] = None,
             person: Annotated[str | None, Query(max_length=200, description="A person's offices instead.")] = None,
             ) -> list[OfficeHolder]:
    """Who held an office (of an affiliation, as of a day), each with the dated sentences that say
    so, newest first; everyone the evidence calls the office is listed. Or, with `person`, that
    person's offices over time."""
    if (title is None) == (person is None):
        raise HTTPException(422, "give title (with of and on if you like) or person")
    if person is not None:
        entity_id = store.find_entity(person)
        if entity_id is None:
            raise HTTPException(404, f"{person}: no such entity")
        return offices.offices_held(store, entity_id)
    assert title is not None
    return offices.who_held(store, title, of, on)


@router.get("/entities/{entity_id}")
def get_entity(entity_id: EntityId, store: StoreDep, limit: Annotated[int, Query(ge=1, le=200)] = 50,
               offset: Offset = 0) -> EntityView:
    """One entity across the store: names, roles over time, articles per month, one page of its
    articles (the latest first; `total` counts them all), who is named with it, its quotes and events."""
    return entity_data(store, entity_id, limit=limit, offset=offset)


@router.get("/stories", response_model=list[StorySummary])
def list_stories(store: StoreDep, limit: Annotated[int, Query(ge=1, le=100)] = 20,
                 offset: Offset = 0,
                 min_size: Annotated[int, Query(ge=1, le=MAX_ID)] = 2) -> list[StorySummary]:
    """Stories of at least `min_size` articles, the latest news first."""
    return store.stories(limit=limit, offset=offset, min_size=min_size)


@router.get("/stories/{story_id}", response_model=Story)
def get_story(story_id: str, store: StoreDep) -> Story:
    """A story's timeline: its articles in the order they were published (duplicates marked), per
    day, the outlets that ran it and the people and organisations it names most."""
    return story_or_404(store, story_id)


@router.get("/events/{event_id}", response_model=Event)
def get_event(event_id: str, store: StoreDep) -> Event:
    """One event, "<article id>-<n>", with its participants by part and side."""
    return event_or_404(store, event_id)[1]


# -- writes: behind a token, off unless one is configured ----------------------------------------


def bearer_token(authorization: str) -> str:
    """The token of an `Authorization: Bearer TOKEN` header, "" for any other scheme; the scheme's
    case does not matter (RFC 7235 §2.1)."""
    scheme, _, token = authorization.strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def require_token(request: Request) -> None:
    token = request.app.state.config.api_token
    if not token:
        raise HTTPException(status_code=403, detail="writes are disabled: set NEWSDESK_API_TOKEN to enable them")
    given = bearer_token(request.headers.get("authorization", ""))
    if not hmac.compare_digest(given.encode(), token.encode()):  # constant time, whatever the length
        raise HTTPException(status_code=401, detail="a valid token is needed: Authorization: Bearer TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})


async def capped_body(request: Request) -> bytes:
    """The request body, refused with 413 past the configured size, whatever Content-Length claims."""
    limit = request.app.state.config.max_upload
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(status_code=413, detail=f"request body over {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(status_code=413, detail=f"request body over {limit} bytes")
    return bytes(body)


class WriteRoute(APIRoute):
    """A write: the token is checked before a byte of the body is read, then the body is read up to
    the configured size. (FastAPI reads a route's body before it runs the route's dependencies.)"""

    def get_route_handler(self):
        handle = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            require_token(request)
            body = await capped_body(request)
            sent = False

            async def receive():  # the body as read, then whatever the client sends next
                nonlocal sent
                if sent:
                    return await request.receive()
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}

            return await handle(Request(request.scope, receive))

        return guarded


writes = APIRouter(prefix="/api", tags=["api"], route_class=WriteRoute)


async def request_body(request: Request) -> bytes:
    return await request.body()


class IngestRequest(BaseModel):
    url: str = Field(max_length=2048, description="An http(s) URL of a page, feed or sitemap.")


class IngestResult(BaseModel):
    new: int
    updated: int
    unchanged: int
    not_modified: int
    failed: int
    articles: list[IngestOutcome]
    failures: list[dict]


@writes.post("/ingest", response_model=IngestResult)
def ingest_url(body: IngestRequest, request: Request) -> IngestResult:
    """Fetch and ingest a URL (page, feed or sitemap). Private and local addresses are refused,
    redirects included, unless the deployment allows them."""
    from ..sources.guard import checked_url

    try:
        checked_url(body.url)
        summary = ingester(request).ingest([body.url])
    except BadInput as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    return IngestResult(**summary.to_json())


@writes.post("/documents", response_model=IngestOutcome)
def upload_document(request: Request, body: Annotated[bytes, Depends(request_body)],
                    url: str | None = None) -> IngestOutcome:
    """Ingest one uploaded document (HTML or page text) given as the request body: read, understood,
    stored and related as `newsdesk ingest` would."""
    from .. import pipeline
    from ..model import content_hash

    raw = RawDocument(origin=url or f"upload:{content_hash(body)[:16]}", url=url, data=body)
    item = next(iter(pipeline.read_all([raw])))
    if isinstance(item, pipeline.Failure):
        raise HTTPException(status_code=422, detail=f"{item.origin}: {item.error}")
    try:
        return ingester(request).keep(*item)
    except NewsdeskError as exc:
        raise HTTPException(status_code=503, detail=str(exc)) from exc


def ingester(request: Request):
    """The server's one Ingester: its relator is loaded once and kept fresh while others write."""
    return request.app.state.ingester

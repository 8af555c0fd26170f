"""The records every stage shares.

Stages exchange these and nothing else: sources make `RawDocument`s, extract turns one into an
`Article`, later stages fill the article's understanding fields, the store keeps both.
`Article.model_dump(mode="json")` is exactly the JSON of `newsdesk show` (see DESIGN.md).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from typing import Literal

from pydantic import BaseModel, Field

from .dates import IsoDate


def content_hash(data: bytes) -> str:
    """The hex SHA-256 of a document's bytes: how newsdesk recognises a document it has seen."""
    return hashlib.sha256(data).hexdigest()


def article_id_for(key: str) -> str:
    """A stable id from an article's identity (its URL, or where it was read from).

    Stable ids make re-ingesting idempotent and give the same ids on every machine and worker.
    """
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class RawDocument(BaseModel):
    """A document as found: its bytes, where they came from, and when."""

    origin: str = Field(description="The path or URL the document was read from.")
    data: bytes = Field(repr=False)
    url: str | None = Field(default=None, description="The document's own URL, when known.")
    media_type: str | None = None
    seen_at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))

    @property
    def hash(self) -> str:
        return content_hash(self.data)


class Image(BaseModel):
    caption: str | None = None
    credit: str | None = None
    url: str | None = None


class Block(BaseModel):
    """One block of the body, in reading order."""

    type: Literal["paragraph", "heading"]
    text: str


class RelatedLink(BaseModel):
    """A related story as the page itself links it."""

    title: str
    url: str | None = None


EntityType = Literal["person", "org", "place"]
EventType = Literal["meeting", "negotiation", "appointment", "statement"]
TimeKind = Literal["date", "duration"]


class Role(BaseModel):
    title: str = Field(description='The title without its country word: "President", "Kremlin spokesman".')
    text: str | None = Field(default=None, description='As written: "Russian President", "Ukrainian negotiator".')
    qualifier: str | None = Field(default=None, description='"newly appointed", "then", "former", ...')


class Entity(BaseModel):
    name: str
    type: EntityType
    roles: list[Role] = Field(default_factory=list)
    affiliation: str | None = Field(default=None, description="A country or organisation.")
    aliases: list[str] = Field(default_factory=list)
    mentions: int = 1
    credited: bool = Field(default=False, description="The page's own source line or photo credit: who made the "
                                                      "page, not an organisation it names.")


class Quote(BaseModel):
    speaker: str | None
    text: str
    partial: bool = False
    place: str | None = None
    said_on: str | None = Field(default=None, description="When it was said, ISO date, if known.")


class TimeExpression(BaseModel):
    text: str
    normalized: str | None = None
    kind: TimeKind = "date"
    approximate: bool = False


class Participant(BaseModel):
    name: str
    part: str = Field(description="chair, participant, delegation head, delegation member, mediator, host, speaker, "
                                  "appointee, party")
    side: str | None = Field(default=None, description="The country or organisation they act for, if known.")


class Event(BaseModel):
    type: EventType
    label: str
    date: str | None = None
    place: str | None = None
    country: str | None = None
    participants: list[Participant] = Field(default_factory=list)
    parties: list[str] = Field(default_factory=list)
    unnamed_participants: list[str] = Field(default_factory=list)
    role: str | None = None
    evidence: list[str] = Field(default_factory=list, description="The sentences it was read from.")

    def people(self, part: str | None = None) -> list[str]:
        return [p.name for p in self.participants if part is None or p.part == part]


class Understanding(BaseModel):
    """How an article was read: its language, and the pipeline that read it (None: not understood)."""

    language: str | None = Field(default=None, description="ISO 639-1 code of the article's language, if known.")
    model: str | None = Field(default=None, description="The spaCy pipeline that read it; null when newsdesk has "
                                                        "none for the language, and then nothing was read.")


class SimilarArticle(BaseModel):
    id: str
    headline: str
    score: float


class Article(BaseModel):
    """A clean, structured article and everything newsdesk knows about it."""

    id: str
    url: str | None = None
    origin: str
    published: IsoDate | None = Field(default=None, description="ISO 8601 date, or date-time with its offset "
                                                                "when the page gave one; null when it gave none "
                                                                "or a placeholder.")
    published_raw: str | None = Field(default=None, description="The publication date as the page wrote it.")
    category: str | None = None
    reading_time_minutes: int | None = None
    headline: str
    standfirst: str | None = None
    image: Image | None = None
    images: list[Image] = Field(default_factory=list, description="Every captioned image, the lead one first.")
    dateline: str | None = None
    byline: str | None = Field(default=None, description="The byline as the page wrote it.")
    authors: list[str] = Field(default_factory=list, description="The people the byline names: no \"By\", "
                                                                 "roles, outlet, agency or date.")
    body: list[Block] = Field(default_factory=list)
    source: str | None = None
    related: list[RelatedLink] = Field(default_factory=list)
    language: str | None = None
    understanding: Understanding | None = None
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    time_expressions: list[TimeExpression] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    duplicate_of: str | None = None
    story_id: str | None = None
    similar: list[SimilarArticle] = Field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.body if b.type == "paragraph"]

    @property
    def body_text(self) -> str:
        return "\n\n".join(b.text for b in self.body)

    def to_json(self) -> dict:
        return self.model_dump(mode="json")


class ArticleSummary(BaseModel):
    """One line of a listing: enough to link to the article."""

    id: str
    url: str | None = None
    origin: str
    published: str | None = None
    category: str | None = None
    headline: str
    standfirst: str | None = None
    source: str | None = None
    version: int = 1


class StoryArticle(ArticleSummary):
    duplicate_of: str | None = None


class NamedCount(BaseModel):
    id: int
    name: str
    type: str
    articles: int


class DayCount(BaseModel):
    day: str
    articles: int


class StorySummary(BaseModel):
    """A story in a listing; its id is the id of the article that started it."""

    id: str
    headline: str
    size: int
    first_published: str | None = None
    last_published: str | None = None


class Story(StorySummary):
    """A story's timeline: its articles in the order they were published, per day, with the
    outlets that ran it and the people and organisations it names most."""

    sources: list[str] = Field(default_factory=list)
    named: list[NamedCount] = Field(default_factory=list)
    days: list[DayCount] = Field(default_factory=list)
    articles: list[StoryArticle] = Field(default_factory=list)


class ArticleRef(BaseModel):
    """An article as an entity's page lists it."""

    id: str
    headline: str
    published: str | None = None


class RoleMention(BaseModel):
    """A stored mention of a person that gives roles: evidence they held them on its date."""

    entity_id: int
    person: str = Field(description="The entity's name.")
    article_id: str
    published: str | None = None
    roles: str = Field(description="JSON list of {title, text, qualifier}, as the article gave them.")
    affiliation: str | None = None
    name: str = Field(description="The name as the article wrote it.")


class OfficeEvidence(BaseModel):
    """An article that gives a person an office: when, how (as written, with its qualifier), for whom."""

    article_id: str
    published: str | None = None
    title: str
    text: str | None = None
    qualifier: str | None = None
    affiliation: str | None = None
    name: str = Field(exclude=True, description="The person's name as the article wrote it.")
    sentence: str | None = Field(default=None, description="The article's sentence that says so.")


class OfficeHolder(BaseModel):
    """A person the evidence calls an office (or, for one person's offices, the office)."""

    entity_id: int
    name: str
    current: bool = Field(default=True, description="False when the newest evidence says it is no longer held.")
    evidence: list[OfficeEvidence] = Field(default_factory=list)


class RoleSpan(BaseModel):
    """A title an entity was given, over the articles that give it."""

    title: str
    qualifier: str | None = None
    current: bool = Field(description="False when the qualifier says the role is no longer held (former, late, …).")
    articles: int
    first_seen: str | None = None
    last_seen: str | None = None
    first_article: str | None = Field(default=None, description="The earliest article that gives the role.")
    last_article: str | None = Field(default=None, description="The latest article that gives the role.")


class MonthCount(BaseModel):
    month: str
    articles: int


class EntityProfile(BaseModel):
    """One person, organisation or place across the store: its names, roles over time, the months
    it was named in, and one page of the articles naming it, the latest first."""

    id: int
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    affiliation: str | None = None
    roles: list[RoleSpan] = Field(default_factory=list)
    timeline: list[MonthCount] = Field(default_factory=list)
    total: int = Field(description="How many articles name it.")
    articles: list[ArticleRef] = Field(default_factory=list)


class SearchHit(ArticleSummary):
    snippet: str
    score: float


class IngestOutcome(BaseModel):
    """What storing one document did."""

    article_id: str
    status: Literal["new", "updated", "unchanged"]
    version: int


FollowKind = Literal["search", "entity", "story"]


class Follow(BaseModel):
    """What a user follows, and what came of it: the new articles it matched, how many reached its
    webhook, how many wait (the receiver was down) and how many were given up."""

    id: int
    kind: FollowKind
    target: str = Field(description="The search's words, or the entity's or story's id.")
    label: str = Field(description="What is followed, as a reader would name it.")
    filters: dict[str, str | int] = Field(default_factory=dict, description="A search's filters.")
    webhook: str | None = None
    created: datetime
    matched: int = 0
    delivered: int = 0
    pending: int = 0
    failed: int = 0
    last_error: str | None = None

"""The Store on SQLAlchemy Core: everything both engines share. Search is engine-specific."""

from __future__ import annotations

import hashlib
import json
import zlib
from datetime import datetime, timezone
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..errors import StoreError
from ..model import (
    Article,
    ArticleSummary,
    DayCount,
    Entity,
    IngestOutcome,
    NamedCount,
    RawDocument,
    SimilarArticle,
    Story,
    StoryArticle,
    StorySummary,
)
from ..dates import by_day, by_month
from .base import Store
from .entities import EntityGraph
from .follows import FollowBook
from .relations import RelationBook
from .schema import (
    article_versions,
    articles,
    entities,
    entity_aliases,
    fetch_state,
    mentions,
    new_id,
    raw_documents,
    similar_articles,
)

MIGRATIONS = Path(__file__).parent / "migrations"
#: How many of newsdesk's own related stories an article shows.
SIMILAR_SHOWN = 5
#: Tries of one document's transaction when a concurrent ingester wins a unique key.
ADD_ATTEMPTS = 3
#: Fields the store itself fills; they do not make a new version.
STORE_FIELDS = {"duplicate_of", "story_id", "similar"}
#: Nor does where the same content was read from (two folders, two feeds).
NOT_CONTENT = STORE_FIELDS | {"origin"}


def migrate(connection: Connection) -> None:
    """Bring the schema up to the newest migration."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def fingerprint(article: Article) -> str:
    """What makes a version: the article as extracted and understood, without store-made fields
    or where it was read from."""
    data = article.model_dump(mode="json", exclude=NOT_CONTENT)
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def now() -> datetime:
    return datetime.now(timezone.utc)


class SqlStore(EntityGraph, FollowBook, RelationBook, Store):
    """Both engines' store: SQLAlchemy Core over the schema the migrations make; the engine
    subclasses add search and the exclusive lock."""

    def __init__(self, engine: Engine):
        self.engine = engine
        try:  # two processes opening a new store at once must not both create its tables
            with self.exclusive(), engine.begin() as conn:
                migrate(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open the store at {engine.url!r}: {getattr(exc, 'orig', None) or exc}") from exc

    # -- writing ---------------------------------------------------------------------------------

    def add(self, raw: RawDocument, article: Article) -> IngestOutcome:
        """One transaction; when another ingester stored the same document first (a unique key
        says so), the work is read again and comes out unchanged or as the next version."""
        for attempt in range(ADD_ATTEMPTS):
            try:
                with self.engine.begin() as conn:
                    raw_id = self._keep_raw(conn, raw)
                    return self._put_article(conn, article, raw_id)
            except IntegrityError as exc:
                if attempt == ADD_ATTEMPTS - 1:
                    raise StoreError(f"cannot be stored: {getattr(exc, 'orig', None) or exc}") from exc
            except SQLAlchemyError as exc:
                raise StoreError(f"cannot be stored: {getattr(exc, 'orig', None) or exc}") from exc
        raise AssertionError("unreachable")

    def _keep_raw(self, conn: Connection, raw: RawDocument) -> int:
        digest = raw.hash
        found = conn.execute(
            select(raw_documents.c.id).where(raw_documents.c.origin == raw.origin, raw_documents.c.content_hash == digest)
        ).scalar()
        if found is not None:
            return found
        return new_id(conn.execute(
            raw_documents.insert().values(
                origin=raw.origin,
                url=raw.url,
                content_hash=digest,
                media_type=raw.media_type,
                size=len(raw.data),
                content=zlib.compress(raw.data, 6),
                seen_at=raw.seen_at,
            )
        ))

    def _put_article(self, conn: Connection, article: Article, raw_id: int) -> IngestOutcome:
        print_ = fingerprint(article)
        current = conn.execute(
            select(articles.c.pk, articles.c.version, articles.c.fingerprint).where(articles.c.id == article.id)
        ).first()
        if current is not None and current.fingerprint == print_:
            return IngestOutcome(article_id=article.id, status="unchanged", version=current.version)
        version = 1 if current is None else current.version + 1
        data = json.dumps(article.to_json(), ensure_ascii=False)
        stamp = now()
        columns = dict(
            url=article.url,
            origin=article.origin,
            version=version,
            fingerprint=print_,
            published=article.published,
            category=article.category,
            headline=article.headline,
            standfirst=article.standfirst,
            source=article.source,
            body_text=article.body_text,
            data=data,
            updated_at=stamp,
        )
        if current is None:
            pk = new_id(conn.execute(articles.insert().values(id=article.id, first_seen=stamp, **columns)))
        else:
            pk = current.pk
            conn.execute(articles.update().where(articles.c.pk == pk).values(**columns))
        conn.execute(
            article_versions.insert().values(
                article_id=article.id, version=version, raw_id=raw_id, fingerprint=print_, data=data, created_at=stamp
            )
        )
        self._index(conn, pk, article, replace=current is not None)
        return IngestOutcome(article_id=article.id, status="new" if current is None else "updated", version=version)

    def _index(self, conn: Connection, pk: int, article: Article, replace: bool) -> None:
        """Keep the engine's full-text index in step (a no-op where the database does it)."""

    # -- reading ---------------------------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        """The current version, with what relating found: duplicate_of, story_id, similar[]."""
        return self.get_many([article_id]).get(article_id)

    def get_many(self, article_ids: list[str]) -> dict[str, Article]:
        """Several articles in one read, by id (those that exist)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.data, articles.c.duplicate_of, articles.c.story_id)
                                .where(articles.c.id.in_(article_ids))).all()
            similar = self._similar_for(conn, [r.id for r in rows]) if rows else {}
        return {r.id: Article.model_validate_json(r.data).model_copy(update={
            "duplicate_of": r.duplicate_of, "story_id": r.story_id, "similar": similar.get(r.id, [])}) for r in rows}

    def versions(self, article_id: str) -> list[Article]:
        with self.engine.connect() as conn:
            rows: list[str] = list(conn.execute(
                select(article_versions.c.data)
                .where(article_versions.c.article_id == article_id)
                .order_by(article_versions.c.version)
            ).scalars())
            return [Article.model_validate_json(data) for data in rows]

    def raw_documents(self, article_id: str) -> list[RawDocument]:
        query = (
            select(raw_documents)
            .join(article_versions, article_versions.c.raw_id == raw_documents.c.id)
            .where(article_versions.c.article_id == article_id)
            .order_by(article_versions.c.version)
        )
        with self.engine.connect() as conn:
            return [
                RawDocument(
                    origin=row.origin,
                    url=row.url,
                    data=zlib.decompress(row.content),
                    media_type=row.media_type,
                    seen_at=row.seen_at,
                )
                for row in conn.execute(query)
            ]

    def articles(self, limit: int = 50, offset: int = 0, category: str | None = None) -> list[ArticleSummary]:
        query = select(*summary_columns()).order_by(articles.c.published.desc(), articles.c.pk.desc())
        if category:
            query = query.where(func.lower(articles.c.category) == category.lower())
        with self.engine.connect() as conn:
            rows = conn.execute(query.limit(limit).offset(offset))
            return [ArticleSummary(**row._mapping) for row in rows]

    def iter_articles(self, batch: int = 500):
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(select(articles.c.pk, articles.c.id, articles.c.data, articles.c.duplicate_of,
                                           articles.c.story_id).where(articles.c.pk > last)
                                    .order_by(articles.c.pk).limit(batch)).all()
                if not rows:
                    return
                similar = self._similar_for(conn, [r.id for r in rows])
            for row in rows:
                yield Article.model_validate_json(row.data).model_copy(update={
                    "duplicate_of": row.duplicate_of, "story_id": row.story_id, "similar": similar.get(row.id, [])})
            last = rows[-1].pk

    def _similar_for(self, conn: Connection, ids: list[str]) -> dict[str, list[SimilarArticle]]:
        """newsdesk's own related stories of some articles, best first, SIMILAR_SHOWN each."""
        rows = conn.execute(
            select(similar_articles.c.article_id, similar_articles.c.other_id, articles.c.headline,
                   similar_articles.c.score)
            .join(articles, articles.c.id == similar_articles.c.other_id)
            .where(similar_articles.c.article_id.in_(ids))
            .order_by(similar_articles.c.article_id, similar_articles.c.score.desc(), similar_articles.c.other_id)).all()
        found: dict[str, list[SimilarArticle]] = {}
        for r in rows:
            shown = found.setdefault(r.article_id, [])
            if len(shown) < SIMILAR_SHOWN:
                shown.append(SimilarArticle(id=r.other_id, headline=r.headline, score=round(r.score, 3)))
        return found

    def count(self, category: str | None = None) -> int:
        query = select(func.count()).select_from(articles)
        if category:
            query = query.where(func.lower(articles.c.category) == category.lower())
        with self.engine.connect() as conn:
            return conn.execute(query).scalar_one()

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(fetch_state.c.etag, fetch_state.c.last_modified)
                               .where(fetch_state.c.url == url)).first()
        return (row.etag, row.last_modified) if row else None

    def remember_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        values = dict(etag=etag, last_modified=last_modified, checked_at=now())
        with self.engine.begin() as conn:
            updated = conn.execute(fetch_state.update().where(fetch_state.c.url == url).values(**values))
            if updated.rowcount == 0:
                conn.execute(fetch_state.insert().values(url=url, **values))

    def close(self) -> None:
        self.engine.dispose()

    # -- stories ---------------------------------------------------------------------------------

    def story(self, story_id: str, named: int = 10) -> Story | None:
        """A story's timeline: its articles in the order they were published, and what they share."""
        query = (select(*summary_columns(), articles.c.duplicate_of).where(articles.c.story_id == story_id)
                 .order_by(articles.c.published, articles.c.pk))
        people = (select(entities.c.id, entities.c.name, entities.c.type,
                         func.count(mentions.c.article_id.distinct()).label("articles"))
                  .join(mentions, mentions.c.entity_id == entities.c.id)
                  .join(articles, articles.c.id == mentions.c.article_id)
                  .where(articles.c.story_id == story_id, entities.c.type.in_(("person", "org")))
                  .group_by(entities.c.id, entities.c.name, entities.c.type)  # in most articles, then named most often
                  .order_by(func.count(mentions.c.article_id.distinct()).desc(), func.sum(mentions.c.count).desc(),
                            entities.c.name).limit(named))
        with self.engine.connect() as conn:
            rows = [StoryArticle(**r._mapping) for r in conn.execute(query)]
            if not rows:
                return None
            top = [NamedCount(**r._mapping) for r in conn.execute(people)]
        started = next((r for r in rows if r.id == story_id), rows[0])
        dates = [r.published for r in rows if r.published]
        return Story(id=story_id, headline=started.headline, size=len(rows),
                     first_published=min(dates, default=None), last_published=max(dates, default=None),
                     sources=sorted({r.source for r in rows if r.source}), named=top,
                     days=[DayCount(day=d, articles=n) for d, n in by_day(dates)], articles=rows)

    def stories(self, limit: int = 20, offset: int = 0, min_size: int = 2) -> list[StorySummary]:
        """Stories of at least `min_size` articles, the latest news first."""
        story = articles.alias("story")
        query = (select(articles.c.story_id.label("id"), story.c.headline, func.count().label("size"),
                        func.min(articles.c.published).label("first_published"),
                        func.max(articles.c.published).label("last_published"))
                 .join(story, story.c.id == articles.c.story_id)
                 .group_by(articles.c.story_id, story.c.headline)
                 .having(func.count() >= min_size)
                 .order_by(func.max(articles.c.published).desc(), articles.c.story_id)
                 .limit(limit).offset(offset))
        with self.engine.connect() as conn:
            return [StorySummary(**r._mapping) for r in conn.execute(query)]

    def categories(self) -> list[str]:
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(select(articles.c.category).where(articles.c.category.is_not(None))
                                               .group_by(articles.c.category).order_by(func.count().desc()))]

def summary_columns():
    c = articles.c
    return (c.id, c.url, c.origin, c.published, c.category, c.headline, c.standfirst, c.source, c.version)

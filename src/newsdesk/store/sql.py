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
from ..model import Article, ArticleSummary, IngestOutcome, RawDocument
from .base import Store
from .schema import article_versions, articles, fetch_state, raw_documents

MIGRATIONS = Path(__file__).parent / "migrations"
#: Tries of one document's transaction when a concurrent ingester wins a unique key.
ADD_ATTEMPTS = 3
#: Fields the store itself fills; they do not make a new version.
STORE_FIELDS = {"duplicate_of", "story_id", "similar"}


def migrate(connection: Connection) -> None:
    """Bring the schema up to the newest migration."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def fingerprint(article: Article) -> str:
    """What makes a version: the article as extracted and understood, without store-made fields."""
    data = article.model_dump(mode="json", exclude=STORE_FIELDS)
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def now() -> datetime:
    return datetime.now(timezone.utc)


class SqlStore(Store):
    def __init__(self, engine: Engine):
        self.engine = engine
        try:
            with engine.begin() as conn:
                migrate(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open the store at {engine.url!r}: {exc.orig or exc}") from exc

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
                    raise StoreError(f"cannot be stored: {exc.orig or exc}") from exc
            except SQLAlchemyError as exc:
                raise StoreError(f"cannot be stored: {exc.orig or exc}") from exc
        raise AssertionError("unreachable")

    def _keep_raw(self, conn: Connection, raw: RawDocument) -> int:
        digest = raw.hash
        found = conn.execute(
            select(raw_documents.c.id).where(raw_documents.c.origin == raw.origin, raw_documents.c.content_hash == digest)
        ).scalar()
        if found is not None:
            return found
        return conn.execute(
            raw_documents.insert().values(
                origin=raw.origin,
                url=raw.url,
                content_hash=digest,
                media_type=raw.media_type,
                size=len(raw.data),
                content=zlib.compress(raw.data, 6),
                seen_at=raw.seen_at,
            )
        ).inserted_primary_key[0]

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
            pk = conn.execute(articles.insert().values(id=article.id, first_seen=stamp, **columns)).inserted_primary_key[0]
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
        with self.engine.connect() as conn:
            data = conn.execute(select(articles.c.data).where(articles.c.id == article_id)).scalar()
        return None if data is None else Article.model_validate_json(data)

    def versions(self, article_id: str) -> list[Article]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(article_versions.c.data)
                .where(article_versions.c.article_id == article_id)
                .order_by(article_versions.c.version)
            ).scalars()
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
                rows = conn.execute(select(articles.c.pk, articles.c.data).where(articles.c.pk > last)
                                    .order_by(articles.c.pk).limit(batch)).all()
            if not rows:
                return
            for row in rows:
                yield Article.model_validate_json(row.data)
            last = rows[-1].pk

    def count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(articles)).scalar_one()

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


def summary_columns():
    c = articles.c
    return (c.id, c.url, c.origin, c.published, c.category, c.headline, c.standfirst, c.source, c.version)

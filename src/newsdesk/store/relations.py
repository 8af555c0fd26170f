"""What relating keeps in the store: each article's signatures, its MinHash bands, the terms'
document frequencies and the links it found.

The bands are what lets a relator hold only recent articles in memory and still find an old
wire copy: each article's LSH band keys (computed by relate/, kept here as numbers) are a table
indexed by key, so the articles sharing a band with a new one are one indexed read away.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Engine, String, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY

from ..model import Article
from .schema import (article_bands, article_signatures, articles, entities, mentions, relation_totals, similar_articles,
                     term_frequencies, upsert)

#: Ids per IN list (SQLite's default limit on bound parameters is far above; one list stays small).
IN_CHUNK = 2000


class RelationBook:
    """The relating methods of a SqlStore (they need `self.engine`)."""

    engine: Engine  # set by the store

    def signatures(self, after: int = 0, newest: int | None = None) -> Iterator[Any]:
        """(article_id, terms, seq, published, story_id, duplicate_of, pk) of every signature saved
        after `seq` (only the `newest` of them, when given), in the order saved."""
        query = (select(article_signatures.c.article_id, article_signatures.c.terms,
                        article_signatures.c.seq, articles.c.published, articles.c.story_id, articles.c.duplicate_of,
                        articles.c.pk)
                 .join(articles, articles.c.id == article_signatures.c.article_id)
                 .where(article_signatures.c.seq > after))
        if newest is not None:
            newest_first = query.order_by(article_signatures.c.seq.desc()).limit(newest).subquery()
            query = select(newest_first).order_by(newest_first.c.seq)
        else:
            query = query.order_by(article_signatures.c.seq)
        with self.engine.connect() as conn:
            yield from conn.execute(query)

    def article_entity_ids(self, article_ids: list[str] | None = None) -> dict[str, set[int]]:
        """The people and organisations each article (all, or those named) mentions, as store-wide entity ids."""
        # the entity's type read by its key for each mention: joined, SQLite walked the entities first
        kind = select(entities.c.type).where(entities.c.id == mentions.c.entity_id).scalar_subquery()
        query = select(mentions.c.article_id, mentions.c.entity_id).where(kind.in_(("person", "org")))
        chunks: list[list[str] | None] = [None] if article_ids is None else [
            article_ids[i:i + IN_CHUNK] for i in range(0, len(article_ids), IN_CHUNK)]
        found: dict[str, set[int]] = {}
        with self.engine.connect() as conn:
            for chunk in chunks:
                for row in conn.execute(query if chunk is None else query.where(self._one_of(mentions.c.article_id,
                                                                                             chunk))):
                    found.setdefault(row.article_id, set()).add(row.entity_id)
        return found

    def _one_of(self, column, values: list[str]):
        """`column IN values`; on PostgreSQL one array parameter (= ANY), not one parameter per
        value, which psycopg took longer to send than the server to answer."""
        if self.engine.dialect.name == "postgresql":
            return column == any_(bindparam("values", values, type_=ARRAY(String)))
        return column.in_(values)

    def related_count(self) -> int:
        """How many articles are related: TF-IDF's number of documents (kept, not counted)."""
        with self.engine.connect() as conn:
            return conn.execute(select(relation_totals.c.value).where(relation_totals.c.name == "documents")
                                ).scalar_one()

    def previous_signature(self, article_id: str) -> bytes | None:
        """The MinHash an article was last related with, or None when it never was."""
        with self.engine.connect() as conn:
            return conn.execute(select(article_signatures.c.text_minhash)
                                .where(article_signatures.c.article_id == article_id)).scalar()

    def sharing_bands(self, bands: list[int]) -> list[Any]:
        """(pk, article_id, text_minhash, story_id, duplicate_of) of the related articles holding
        any of these band keys."""
        holders = select(article_bands.c.article_pk).where(article_bands.c.band.in_(bands)).distinct().subquery()
        query = (select(articles.c.pk, articles.c.id.label("article_id"), article_signatures.c.text_minhash,
                        articles.c.story_id, articles.c.duplicate_of)
                 .join(holders, holders.c.article_pk == articles.c.pk)
                 .join(article_signatures, article_signatures.c.article_id == articles.c.id))
        with self.engine.connect() as conn:
            return list(conn.execute(query))

    def term_frequencies(self, terms: list[int]) -> dict[int, int]:
        """In how many related articles each of these terms occurs (absent: none)."""
        found: dict[int, int] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(terms), 500):
                found.update(conn.execute(select(term_frequencies.c.term, term_frequencies.c.articles)
                                          .where(term_frequencies.c.term.in_(terms[start:start + 500]))).all())
        return found

    def save_relations(self, article: Article, text_minhash: bytes, terms: bytes, new_terms: list[int],
                       similar: list[tuple[str, float]], bands: Sequence[int] = (), old_bands: Sequence[int] = ()) -> int:
        """What relating found for one article, in one transaction, under `exclusive()`; `new_terms`
        (ascending, so rows are locked in one order) each count one more article; its band keys
        replace those of the signature it was last related with. Returns the signature's number (seq)."""
        with self.engine.begin() as conn:
            # numbered before the old row goes, so a new version never reuses the number it had
            seq: int = conn.execute(select(func.coalesce(func.max(article_signatures.c.seq), 0) + 1)).scalar_one()
            replaced = conn.execute(article_signatures.delete().where(article_signatures.c.article_id == article.id))
            if replaced.rowcount == 0:  # its first signature: one more document
                conn.execute(relation_totals.update().where(relation_totals.c.name == "documents")
                             .values(value=relation_totals.c.value + 1))
            conn.execute(article_signatures.insert().values(article_id=article.id, text_minhash=text_minhash, terms=terms,
                                                            seq=seq))
            pk: int = conn.execute(select(articles.c.pk).where(articles.c.id == article.id)).scalar_one()
            if old_bands:
                conn.execute(article_bands.delete().where(article_bands.c.band.in_(sorted(set(old_bands))),
                                                          article_bands.c.article_pk == pk))
            if bands:
                conn.execute(upsert(conn.dialect.name, article_bands).on_conflict_do_nothing(),
                             [{"band": b, "article_pk": pk} for b in sorted(set(bands))])
            if new_terms:
                conn.execute(upsert(conn.dialect.name, term_frequencies).on_conflict_do_update(
                    index_elements=["term"], set_={"articles": term_frequencies.c.articles + 1}),
                    [{"term": t, "articles": 1} for t in new_terms])
            conn.execute(articles.update().where(articles.c.id == article.id)
                         .values(duplicate_of=article.duplicate_of, story_id=article.story_id))
            conn.execute(similar_articles.delete().where(similar_articles.c.article_id == article.id))
            conn.execute(similar_articles.delete().where(similar_articles.c.other_id == article.id))
            if similar:
                conn.execute(similar_articles.insert(), [
                    {"article_id": a, "other_id": b, "score": score}
                    for other, score in similar for a, b in ((article.id, other), (other, article.id))])
        return seq

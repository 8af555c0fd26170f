"""Stories and similar stories by TF-IDF: each article's term vector and the store's document frequencies.

Replaces the MinHash of content words (bench/similar.py measured TF-IDF better). Articles related
before this revision get their vectors here, weighed against frequencies over all of them.
Also indexes similar_articles by other_id: re-relating an article deletes the links to it, and
without the index each delete read the whole table (bench/relate_speed.py).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from collections import Counter

import sqlalchemy as sa
from alembic import op

from newsdesk.relate.similarity import term_counts, tfidf

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 500


def upgrade() -> None:
    term_frequencies = op.create_table(
        "term_frequencies",
        sa.Column("term", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("articles", sa.Integer, nullable=False),
    )
    with op.batch_alter_table("article_signatures") as batch:
        batch.add_column(sa.Column("terms", sa.LargeBinary))
        batch.drop_column("words_minhash")
        batch.drop_column("words_count")
    op.create_index("ix_similar_other", "similar_articles", ["other_id"])
    _weigh_related_articles(term_frequencies)
    with op.batch_alter_table("article_signatures") as batch:
        batch.alter_column("terms", existing_type=sa.LargeBinary, nullable=False)


def _weigh_related_articles(term_frequencies: sa.Table) -> None:
    conn = op.get_bind()
    meta = sa.MetaData()
    signatures = sa.Table("article_signatures", meta, autoload_with=conn)
    articles = sa.Table("articles", meta, autoload_with=conn)
    query = (sa.select(articles.c.pk, articles.c.id, articles.c.headline, articles.c.standfirst, articles.c.body_text)
             .join(signatures, signatures.c.article_id == articles.c.id).order_by(articles.c.pk).limit(BATCH))

    def batches():
        """The related articles' term counts, a batch at a time by primary key (a big store does
        not fit in memory, and rows are updated between batches)."""
        last = 0
        while rows := conn.execute(query.where(articles.c.pk > last)).all():
            last = rows[-1].pk
            yield [(row.id, term_counts(" ".join([row.headline, row.standfirst or "", row.body_text]))) for row in rows]

    frequencies: Counter[int] = Counter()
    documents = 0
    for batch in batches():
        for _, counts in batch:
            frequencies.update(counts.keys())
        documents += len(batch)
    if not documents:
        return
    rows = [{"term": t, "articles": n} for t, n in frequencies.items()]
    for start in range(0, len(rows), BATCH):
        conn.execute(term_frequencies.insert(), rows[start:start + BATCH])
    weigh = (signatures.update().where(signatures.c.article_id == sa.bindparam("key"))
             .values(terms=sa.bindparam("weighed")))
    for batch in batches():
        conn.execute(weigh, [{"key": article_id, "weighed": tfidf(counts, frequencies, documents).to_bytes()}
                             for article_id, counts in batch])


def downgrade() -> None:
    op.drop_index("ix_similar_other", "similar_articles")
    with op.batch_alter_table("article_signatures") as batch:
        batch.drop_column("terms")
        batch.add_column(sa.Column("words_minhash", sa.LargeBinary, nullable=False, server_default=b""))
        batch.add_column(sa.Column("words_count", sa.Integer, nullable=False, server_default="0"))
    op.drop_table("term_frequencies")

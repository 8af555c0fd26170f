"""Each relating of an article gets a number, so a relator can catch up with what others related.

Two ingesters relating into one store each held their own picture of it, loaded when they
started: both counted the same article's terms, and neither saw the other's articles as
duplicates. Relating now runs one at a time per store and numbers each signature it saves
(`seq`, ascending); a relator first reads the signatures numbered after the last it knows.
Stored signatures are numbered in the order their articles were first stored.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    inspector = sa.inspect(conn)
    if any(c["name"] == "seq" for c in inspector.get_columns("article_signatures")):
        return  # a store marked older than it is (tests rewind alembic_version)
    op.add_column("article_signatures", sa.Column("seq", sa.BigInteger, nullable=True))
    meta = sa.MetaData()
    signatures = sa.Table("article_signatures", meta, autoload_with=conn)
    articles = sa.Table("articles", meta, autoload_with=conn)
    pk = sa.select(articles.c.pk).where(articles.c.id == signatures.c.article_id).scalar_subquery()
    conn.execute(signatures.update().values(seq=pk))
    op.create_index("ix_article_signatures_seq", "article_signatures", ["seq"])


def downgrade() -> None:
    op.drop_index("ix_article_signatures_seq", "article_signatures")
    op.drop_column("article_signatures", "seq")

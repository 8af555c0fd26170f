"""Raw documents, articles with their versions, and full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "raw_documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("media_type", sa.Text),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("origin", "content_hash", name="uq_raw_documents_origin_hash"),
    )
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False, unique=True),
        sa.Column("url", sa.Text),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("published", sa.String(40)),
        sa.Column("category", sa.Text),
        sa.Column("headline", sa.Text, nullable=False),
        sa.Column("standfirst", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("body_text", sa.Text, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_category", "articles", ["category"])
    op.create_table(
        "article_versions",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("raw_id", sa.Integer, sa.ForeignKey("raw_documents.id"), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "version"),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # rowid = articles.pk; kept in step by the store in the same transaction as the article.
        op.execute(
            "CREATE VIRTUAL TABLE article_search USING fts5("
            "headline, standfirst, body, tokenize = 'unicode61 remove_diacritics 2')"
        )
    elif dialect == "postgresql":
        op.execute(
            "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('english', coalesce(headline, '')), 'A') || "
            "setweight(to_tsvector('english', coalesce(standfirst, '')), 'B') || "
            "setweight(to_tsvector('english', body_text), 'C')) STORED"
        )
        op.create_index("ix_articles_search", "articles", ["search"], postgresql_using="gin")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE article_search")
    op.drop_table("article_versions")
    op.drop_table("articles")
    op.drop_table("raw_documents")

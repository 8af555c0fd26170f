"""Relating articles: MinHash signatures, global entities with their aliases and mentions, stories.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("duplicate_of", sa.String(32)))
        batch.add_column(sa.Column("story_id", sa.String(32)))
    op.create_index("ix_articles_story", "articles", ["story_id"])
    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.String(32), primary_key=True),
        sa.Column("text_minhash", sa.LargeBinary, nullable=False),
        sa.Column("words_minhash", sa.LargeBinary, nullable=False),
        sa.Column("words_count", sa.Integer, nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("type", sa.String(8), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.create_table(
        "entity_aliases",
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("type", sa.String(8), nullable=False),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("pinned", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("key", "type"),
    )
    op.create_table(
        "mentions",
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("roles", sa.Text, nullable=False),
        sa.Column("affiliation", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("count", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("article_id", "entity_id"),
    )
    op.create_index("ix_mentions_entity", "mentions", ["entity_id"])
    op.create_table(
        "similar_articles",
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("other_id", sa.String(32), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("article_id", "other_id"),
    )


def downgrade() -> None:
    for table in ("similar_articles", "mentions", "entity_aliases", "entities", "article_signatures"):
        op.drop_table(table)
    op.drop_index("ix_articles_story", "articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("story_id")
        batch.drop_column("duplicate_of")

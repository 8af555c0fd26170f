"""Follows and their alerts: a saved search, an entity or a story followed, and each new article
that matched one, with whether it reached the follow's webhook.

`after_key` is the newest article key a follow has been matched against: what is stored later is
new to it. An alert's row is written once per (follow, article), so an article is never sent twice;
`claimed_at` marks a delivery in flight (a second sender leaves it alone), `delivered_at` one done.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("follows"):
        return  # a store marked older than it is (tests rewind alembic_version)
    op.create_table(
        "follows",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("filters", sa.Text, nullable=False),
        sa.Column("webhook", sa.Text),
        sa.Column("secret", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("after_key", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "alerts",
        sa.Column("follow_id", sa.Integer, sa.ForeignKey("follows.id"), nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("matched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True)),
        sa.Column("delivered_at", sa.DateTime(timezone=True)),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.PrimaryKeyConstraint("follow_id", "article_id"),
    )


def downgrade() -> None:
    op.drop_table("alerts")
    op.drop_table("follows")

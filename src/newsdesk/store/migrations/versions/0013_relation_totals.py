"""How many articles are related, kept: TF-IDF's number of documents without counting them.

A relator asked the store for `count(*)` of the signatures when it started and whenever another
process had related something; on PostgreSQL that scans a table holding every article's vector and
MinHash (seconds at a million). The count is now a row, moved in the transaction that saves a
signature for an article that had none.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if sa.inspect(conn).has_table("relation_totals"):
        return  # a store marked older than it is (tests rewind alembic_version)
    totals = op.create_table(
        "relation_totals",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    related: int = conn.execute(sa.text("SELECT count(*) FROM article_signatures")).scalar_one()
    conn.execute(totals.insert().values(name="documents", value=related))


def downgrade() -> None:
    op.drop_table("relation_totals")

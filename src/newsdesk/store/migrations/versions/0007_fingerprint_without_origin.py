"""A version is new only when the content changes, not where it was read from.

The fingerprint that decides whether a re-read article is a new version included `origin`, so
the same page read from two folders or two feeds became a new version on every run. Fingerprints
of stored articles are recomputed without it (and without the fields the store fills), as
newsdesk/store/sql.py now computes them; a frozen copy of that rule of 2026-11-26.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BATCH = 500
NOT_CONTENT = {"duplicate_of", "story_id", "similar", "origin"}


def fingerprint(data: str) -> str:
    record = {k: v for k, v in json.loads(data).items() if k not in NOT_CONTENT}
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def upgrade() -> None:
    conn = op.get_bind()
    articles = sa.Table("articles", sa.MetaData(), autoload_with=conn)
    last = 0
    while rows := conn.execute(sa.select(articles.c.pk, articles.c.data).where(articles.c.pk > last)
                               .order_by(articles.c.pk).limit(BATCH)).all():
        for row in rows:
            conn.execute(articles.update().where(articles.c.pk == row.pk).values(fingerprint=fingerprint(row.data)))
        last = rows[-1].pk


def downgrade() -> None:
    """The old fingerprints only made needless versions; nothing to undo."""

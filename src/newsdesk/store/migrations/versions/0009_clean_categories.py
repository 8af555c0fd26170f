"""Categories are section names: what stores made before the rule kept as one is cleaned.

Pages give keyword lists ("news, politics, trump, ..."), domains ("gizmodo.com") or slogans as
their section; extraction now keeps only a section name (newsdesk/extract/patterns.py,
clean_category). Stored articles get the same rule once, so readers of the store (the site's
sections, category browsing) trust what is stored. A frozen copy of the rule of 2026-11-26.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26
"""

import json
import re

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

BATCH = 500
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")


def clean_category(text):
    if not text:
        return None
    text = " ".join(text.split())
    if (not text or len(text) > 40 or len(text.split()) > 4 or _DOMAIN.match(text)
            or any(c in text for c in ",;|:!?") or not any(c.isalpha() for c in text)):
        return None
    return text


def upgrade() -> None:
    conn = op.get_bind()
    articles = sa.Table("articles", sa.MetaData(), autoload_with=conn)
    last = 0
    query = sa.select(articles.c.pk, articles.c.category, articles.c.data).where(articles.c.category.is_not(None))
    while rows := conn.execute(query.where(articles.c.pk > last).order_by(articles.c.pk).limit(BATCH)).all():
        for row in rows:
            clean = clean_category(row.category)
            if clean != row.category:
                data = json.loads(row.data)
                data["category"] = clean
                conn.execute(articles.update().where(articles.c.pk == row.pk)
                             .values(category=clean, data=json.dumps(data, ensure_ascii=False)))
        last = rows[-1].pk


def downgrade() -> None:
    """What pages gave is in their raw documents; nothing to undo."""

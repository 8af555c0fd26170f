"""Publication dates in ISO 8601, as newsdesk now reads them (newsdesk/dates.py).

Stores made before kept `published` as each page wrote it ("Tue Nov 19 2019 03:05:46 GMT+0000",
"0001-01-01T00:00:00Z"), so listings did not sort, timelines looped and pages failed. Every stored
value (articles, their versions, mentions) becomes an ISO date or date-time, or null for a
placeholder (year before 1901, the Unix epoch, more than two days after this migration runs);
what the page wrote is kept in the article's `published_raw`. A frozen copy of the rules of
2026-11-25, so later changes to newsdesk/dates.py do not change what this migration did.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

import json
import re
from datetime import date, datetime, timedelta, timezone

import sqlalchemy as sa
from alembic import op
from dateutil import parser as dateutil_parser

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 500
_ZONES = {"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9,
          "HST": -10, "AST": -4, "BST": 1, "IST": 5.5, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2, "EET": 2,
          "EEST": 3, "WET": 0, "WEST": 1, "MSK": 3, "TRT": 3, "GST": 4, "PKT": 5, "WIB": 7, "SGT": 8, "HKT": 8,
          "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "ACST": 9.5, "AWST": 8, "NZST": 12, "NZDT": 13, "SAST": 2,
          "WAT": 1, "EAT": 3, "CAT": 2}
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$")


def normalize(raw: str | None) -> str | None:
    if not raw or not raw.strip():
        return None
    text = re.sub(r"\b(?:GMT|UTC)\s*(?=[+-]\d)", "", re.sub(r"\s*\([^)]*\)\s*$", "", raw.strip()))
    try:
        parsed = dateutil_parser.isoparse(text) if _ISO.match(text) else dateutil_parser.parse(
            text, default=datetime(1, 1, 1), tzinfos={k: int(v * 3600) for k, v in _ZONES.items()})
    except (ValueError, OverflowError, TypeError):
        return None
    day = parsed.date()
    aware = parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    if day.year < 1901 or day in (date(1970, 1, 1), date(1969, 12, 31)) \
            or aware - datetime.now(timezone.utc) > timedelta(days=2):
        return None
    if not re.search(r"\d{1,2}:\d{2}", text) and parsed.time() == datetime.min.time():
        return day.isoformat()
    return parsed.replace(microsecond=0).isoformat()


def _fix(data: str) -> str:
    record = json.loads(data)
    written = record.get("published_raw") or record.get("published")
    record["published_raw"] = written
    record["published"] = normalize(written)
    return json.dumps(record, ensure_ascii=False)


def upgrade() -> None:
    conn = op.get_bind()
    meta = sa.MetaData()
    articles = sa.Table("articles", meta, autoload_with=conn)
    versions = sa.Table("article_versions", meta, autoload_with=conn)
    mentions = sa.Table("mentions", meta, autoload_with=conn)
    last = 0
    while rows := conn.execute(sa.select(articles.c.pk, articles.c.id, articles.c.data).where(articles.c.pk > last)
                               .order_by(articles.c.pk).limit(BATCH)).all():
        for row in rows:
            data = _fix(row.data)
            published = json.loads(data)["published"]
            conn.execute(articles.update().where(articles.c.pk == row.pk).values(data=data, published=published))
            conn.execute(mentions.update().where(mentions.c.article_id == row.id).values(published=published))
        for version in conn.execute(sa.select(versions.c.article_id, versions.c.version, versions.c.data)
                                    .where(versions.c.article_id.in_([r.id for r in rows]))).all():
            conn.execute(versions.update().where(versions.c.article_id == version.article_id,
                                                 versions.c.version == version.version)
                         .values(data=_fix(version.data)))
        last = rows[-1].pk


def downgrade() -> None:
    """What the pages wrote is still in published_raw; nothing to undo."""

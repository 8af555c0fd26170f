"""Each related article's MinHash LSH band keys, indexed: near-duplicates found in the store.

A relator kept every article's signature in memory to find copies (about 7 kB an article, a
gigabyte at 100k, ten seconds to load). It now keeps recent articles only and asks the store for
the articles that share a band with a new one, however old. Stored signatures get their bands
here, computed as relate/similarity.py's `band_keys` does (a frozen copy: 37 bands of 3 of the
128 MinHash values, each band's key the signed 64-bit BLAKE2b of its number and its values).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26
"""

from hashlib import blake2b

import numpy as np
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

BANDS, ROWS = 37, 3
BATCH = 2000


def band_keys(text_minhash: bytes) -> list[int]:
    values = np.frombuffer(text_minhash, dtype="<u8").astype("<u4")
    return sorted({int.from_bytes(blake2b(bytes([i]) + values[i * ROWS:(i + 1) * ROWS].tobytes(), digest_size=8)
                                  .digest(), "little", signed=True) for i in range(BANDS)})


def upgrade() -> None:
    conn = op.get_bind()
    if sa.inspect(conn).has_table("article_bands"):
        return  # a store marked older than it is (tests rewind alembic_version)
    bands = op.create_table(
        "article_bands",
        sa.Column("band", sa.BigInteger, nullable=False),
        sa.Column("article_pk", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("band", "article_pk"),
        sqlite_with_rowid=False,
    )
    meta = sa.MetaData()
    signatures = sa.Table("article_signatures", meta, autoload_with=conn)
    articles = sa.Table("articles", meta, autoload_with=conn)
    query = (sa.select(articles.c.pk, signatures.c.text_minhash)
             .join(articles, articles.c.id == signatures.c.article_id).order_by(articles.c.pk).limit(BATCH))
    last = 0
    while batch := conn.execute(query.where(articles.c.pk > last)).all():
        conn.execute(bands.insert(), [{"band": key, "article_pk": row.pk} for row in batch
                                      for key in band_keys(bytes(row.text_minhash))])
        last = batch[-1][0]


def downgrade() -> None:
    op.drop_table("article_bands")

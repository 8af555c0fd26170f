"""Stories and similar stories by TF-IDF: each article's term vector and the store's document frequencies.

Replaces the MinHash of content words (bench/similar.py measured TF-IDF better). Articles related
before this revision get their vectors here, weighed against frequencies over all of them.
Also indexes similar_articles by other_id: re-relating an article deletes the links to it, and
without the index each delete read the whole table (bench/relate_speed.py).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import math
import re
from collections import Counter
from hashlib import blake2b

import numpy as np
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 500

# -- a frozen copy of newsdesk/relate/similarity.py of 2026-11-25: what this revision weighed with --
_WORD = re.compile(r"\w+")
STOPWORDS = frozenset("""
the and for that with this from have has had was were are been being will would could should their there they them
then than also into over more most some such only other about after before which while where when what who whom
said says say told its his her our your you not but all any can may one two new year years last first just very
""".split())
TERMS_KEPT = 128


def term_counts(text: str) -> Counter[int]:
    return Counter(int.from_bytes(blake2b(w.encode("utf-8"), digest_size=8).digest(), "little", signed=True)
                   for w in (w.lower() for w in _WORD.findall(text))
                   if len(w) > 2 and w not in STOPWORDS and not w.isdigit())


def tfidf(counts, frequencies, documents: int) -> bytes:
    """The vector as stored: count, int64 ids ascending, float32 unit weights."""
    weighted = sorted(((1 + math.log(c)) * (math.log((1 + documents) / (1 + frequencies.get(t, 0))) + 1), t)
                      for t, c in counts.items())[-TERMS_KEPT:]
    ids = np.array([t for _, t in weighted], dtype=np.int64)
    weights = np.array([w for w, _ in weighted], dtype=np.float64)
    order = np.argsort(ids)
    ids, weights = ids[order], (weights[order] / (np.linalg.norm(weights) or 1)).astype(np.float32)
    return len(ids).to_bytes(4, "little") + ids.astype("<i8").tobytes() + weights.astype("<f4").tobytes()


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
        conn.execute(weigh, [{"key": article_id, "weighed": tfidf(counts, frequencies, documents)}
                             for article_id, counts in batch])


def downgrade() -> None:
    op.drop_index("ix_similar_other", "similar_articles")
    with op.batch_alter_table("article_signatures") as batch:
        batch.drop_column("terms")
        batch.add_column(sa.Column("words_minhash", sa.LargeBinary, nullable=False, server_default=b""))  # type: ignore[arg-type]
        batch.add_column(sa.Column("words_count", sa.Integer, nullable=False, server_default="0"))
    op.drop_table("term_frequencies")

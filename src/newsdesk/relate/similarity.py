"""MinHash signatures of an article: its word 5-grams (near-duplicates) and its content words (stories)."""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
#: datasketch's hashing scheme, stated so stored signatures read back the same after upgrades.
SCHEME = "affine32"
SHINGLE = 5
_WORD = re.compile(r"\w+")
#: Words too common to say what a story is about.
STOPWORDS = frozenset("""
the and for that with this from have has had was were are been being will would could should their there they them
then than also into over more most some such only other about after before which while where when what who whom
said says say told its his her our your you not but all any can may one two new year years last first just very
""".split())


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def minhash(tokens) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    m.update_batch([t.encode("utf-8") for t in tokens])
    return m


def text_signature(text: str) -> MinHash:
    """Word 5-gram shingles: copies and light edits of one text share most of them."""
    w = words(text)
    shingles = {" ".join(w[i : i + SHINGLE]) for i in range(max(1, len(w) - SHINGLE + 1))}
    return minhash(shingles)


def content_words(text: str) -> set[str]:
    """The words that say what a text is about: two reports of one event share many of them."""
    return {w for w in words(text) if len(w) > 3 and w not in STOPWORDS and not w.isdigit()}


def to_bytes(m: MinHash) -> bytes:
    return m.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=np.uint64))

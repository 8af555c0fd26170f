"""What an article is, for comparing it with others.

- a MinHash of its word 5-grams: copies and light edits share most of them (near-duplicates);
- a TF-IDF vector of its content words, cut to its TERMS_KEPT heaviest terms: reports of one event
  or one beat weigh the same rare words (stories, similar stories). bench/similar.py chose it over
  MinHash word overlap and over MiniLM sentence embeddings (bench/RESULTS.md).

Document frequencies grow with the store; a vector is weighed once, against the frequencies at
the time it is related, and kept (the usual incremental TF-IDF; the drift is small once the
store holds a few hundred articles).
"""

from __future__ import annotations

import importlib
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b

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


def term_id(word: str) -> int:
    """A stable signed 64-bit id for a word: vectors and frequencies store ids, not strings."""
    return int.from_bytes(blake2b(word.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


@lru_cache(maxsize=64)
def stopwords(language: str | None = None) -> frozenset[str]:
    """The words too common to say what a story is about: STOPWORDS, and for an article in another
    language that language's function words too (spaCy's lists, which ship with spaCy for some
    seventy languages; no model needed). German "die", "und", "mit" weighed most in every German
    article and made one story of them all."""
    found = set(STOPWORDS)
    if language and language != "en" and re.fullmatch(r"[a-z]{2,3}", language):
        try:
            found |= {w.lower() for w in importlib.import_module(f"spacy.lang.{language}.stop_words").STOP_WORDS}
        except ImportError:  # no list for this language: its function words weigh what their rarity says
            pass
    return frozenset(found)


def term_counts(text: str, language: str | None = None) -> Counter[int]:
    """How often each content word occurs: words of three letters or more, not stopwords of the
    text's language, not numbers."""
    common = stopwords(language)
    return Counter(term_id(w) for w in words(text) if len(w) > 2 and w not in common and not w.isdigit())


@dataclass(frozen=True, eq=False)
class TermVector:
    """A sparse unit vector: term ids in ascending order and their weights."""

    ids: np.ndarray  # int64
    weights: np.ndarray  # float32

    def cosine(self, other: TermVector) -> float:
        _, mine, theirs = np.intersect1d(self.ids, other.ids, assume_unique=True, return_indices=True)
        return float(self.weights[mine] @ other.weights[theirs])

    def heaviest(self, k: int) -> np.ndarray:
        return self.ids[np.argsort(-self.weights, kind="stable")[:k]]

    def to_bytes(self) -> bytes:
        size = len(self.ids).to_bytes(4, "little")
        return size + self.ids.astype("<i8").tobytes() + self.weights.astype("<f4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> TermVector:
        n = int.from_bytes(data[:4], "little")
        ids = np.frombuffer(data, dtype="<i8", count=n, offset=4)
        return cls(ids, np.frombuffer(data, dtype="<f4", count=n, offset=4 + 8 * n))


def heaviest_of(vectors: list[TermVector], k: int) -> tuple[np.ndarray, np.ndarray]:
    """Each vector's `heaviest(k)` at once, flat: (term ids, the index of the vector each came from),
    vector by vector in `heaviest`'s order. One sort of a padded matrix, not one per vector."""
    if not vectors:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    width = max(len(v.ids) for v in vectors)
    weights = np.full((len(vectors), width), -np.inf, dtype=np.float32)
    ids = np.zeros((len(vectors), width), dtype=np.int64)
    for row, vector in enumerate(vectors):
        weights[row, : len(vector.ids)] = vector.weights
        ids[row, : len(vector.ids)] = vector.ids
    order = np.argsort(-weights, axis=1, kind="stable")[:, :k]
    taken = np.take_along_axis(ids, order, axis=1)
    real = np.take_along_axis(weights, order, axis=1) > -np.inf
    owners = np.broadcast_to(np.arange(len(vectors))[:, None], taken.shape)
    return taken[real], owners[real]


TERMS_KEPT = 128  # measured: bench/similar.py (the full vectors rank no better)


def tfidf(counts: Mapping[int, int], frequencies: Mapping[int, int], documents: int,
          keep: int = TERMS_KEPT) -> TermVector:
    """Sublinear term frequency times smoothed inverse document frequency, the `keep` heaviest
    terms, unit length. `frequencies` and `documents` count the article itself."""
    weighted = sorted(((1 + math.log(c)) * (math.log((1 + documents) / (1 + frequencies.get(t, 0))) + 1), t)
                      for t, c in counts.items())[-keep:]
    if not weighted:
        return TermVector(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
    ids = np.array([t for _, t in weighted], dtype=np.int64)
    weights = np.array([w for w, _ in weighted], dtype=np.float64)
    order = np.argsort(ids)
    return TermVector(ids[order], (weights[order] / np.linalg.norm(weights)).astype(np.float32))


def values_to_bytes(values: np.ndarray) -> bytes:
    """A signature's hash values as stored (8 bytes each, as signatures have been since 0003)."""
    return values.astype(np.uint64).tobytes()


def values_from_bytes(data: bytes) -> np.ndarray:
    """A stored signature's hash values, as MinHash.hashvalues holds them (affine32: uint32)."""
    return np.frombuffer(data, dtype=np.uint64).astype(np.uint32)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity two MinHash signatures estimate."""
    return float(np.count_nonzero(a == b)) / len(a)


#: LSH banding for near-duplicates: datasketch's optimum for Jaccard 0.3 at 128 permutations, false
#: positives and negatives weighed alike (MinHashLSH(threshold=0.3).b, .r).
BANDS, ROWS = 37, 3


def band_keys(values: np.ndarray) -> list[int]:
    """An article's LSH band keys: articles sharing one are near-duplicate candidates (BANDS bands
    of ROWS hash values; each key the signed 64-bit BLAKE2b of the band's number and values, as
    the store keeps them: migration 0012 holds a frozen copy)."""
    values = np.asarray(values).astype("<u4")
    return sorted({int.from_bytes(blake2b(bytes([i]) + values[i * ROWS : (i + 1) * ROWS].tobytes(), digest_size=8)
                                  .digest(), "little", signed=True) for i in range(BANDS)})

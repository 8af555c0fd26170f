"""Relating each new article to the store, incrementally and in sub-quadratic time.

In memory, filled once from the store: a MinHash LSH index over word 5-grams (near-duplicates),
each article's TF-IDF vector, an index from each article's heaviest terms to the recent articles
that weigh them, and an index from each person or organisation to the recent articles naming them.
A new article is compared only with the candidates those indexes return, never with the store:
- `duplicate_of`: the first article seen whose 5-gram similarity reaches DUPLICATE_THRESHOLD;
- `story_id`: a duplicate's story, else the story of the most similar candidate within
  STORY_WINDOW days whose TF-IDF cosine reaches STORY_THRESHOLD, else a new story named after
  the article;
- `similar[]`: the candidates by TF-IDF cosine, best first.
Entities resolve to the store's entities by their name keys (see keys.py).

Several relators may work on one store (two ingests, the API server beside a CLI ingest). Each
relating holds the store's `exclusive()` lock, first catches up on the signatures others saved
since (numbered by `seq`), and reads TF-IDF document frequencies from the store for the article's
own terms; so concurrent ingests relate as if one ran after the other, and no term is counted twice.
Thresholds and the choice of TF-IDF are measured in bench/relate.py and bench/similar.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

import numpy as np

from ..dates import day_of
from ..lang.keys import EntityRef, entity_ref
from ..model import Article
from .similarity import (
    BandIndex,
    TermVector,
    jaccard,
    term_counts,
    text_signature,
    tfidf,
    values_from_bytes,
    values_to_bytes,
)

DUPLICATE_THRESHOLD = 0.3  # measured: bench/relate.py
STORY_THRESHOLD = 0.25  # measured: bench/relate.py (precision first: one story should be one event)
SIMILAR_MIN = 0.05  # measured: bench/similar.py
SIMILAR_COUNT = 5
STORY_WINDOW = 7  # days
INDEX_TERMS = 48  # each article's heaviest terms, posted in the candidate index (measured: bench/similar.py)
RECENT_PER_KEY = 200  # articles remembered per term or entity for candidate look-ups
SCORED = 100  # candidates scored by cosine, those sharing the most terms and entities (measured: bench/similar.py)


@dataclass
class Known:
    text: np.ndarray  # MinHash values of word 5-grams
    terms: TermVector
    published: date | None
    story_id: str | None
    duplicate_of: str | None
    order: int


class RecentIndex:
    """Key -> the latest articles posted under it, about RECENT_PER_KEY of them. A list per key,
    trimmed in bulk, not a bounded deque: most terms are posted once or twice, and an empty deque
    costs ten times a short list (hundreds of MB over a real vocabulary)."""

    def __init__(self, keep: int = RECENT_PER_KEY):
        self.keep = keep
        self.posted: dict = {}

    def post(self, key, article_id: str) -> None:
        articles = self.posted.setdefault(key, [])
        articles.append(article_id)
        if len(articles) > self.keep + self.keep // 4:
            del articles[: -self.keep]

    def get(self, key) -> list[str]:
        return self.posted.get(key, [])


class RelationStore(Protocol):
    """What relating needs of a store (both engines' SqlStore is one)."""

    def exclusive(self) -> AbstractContextManager[None]: ...

    def signatures(self, after: int = 0) -> Iterator[Any]: ...

    def article_entity_ids(self, article_ids: list[str] | None = None) -> dict[str, set[int]]: ...

    def term_frequencies(self, terms: list[int]) -> dict[int, int]: ...

    def resolve_entities(self, article: Article, refs: list[EntityRef]) -> list[int | None]: ...

    def save_relations(self, article: Article, text_minhash: bytes, terms: bytes, new_terms: list[int],
                       similar: list[tuple[str, float]]) -> int: ...


class Relator:
    def __init__(self, store: RelationStore):
        self.store = store
        self.duplicates = BandIndex()
        self.known: dict[str, Known] = {}
        self.by_term = RecentIndex()
        self.by_entity = RecentIndex()
        self.seq = 0  # the last signature number read from the store
        self.catch_up(everything=True)

    def knows(self, article_id: str) -> bool:
        return article_id in self.known

    def catch_up(self, everything: bool = False) -> int:
        """Remember the signatures saved since the last one read (by this relator or another); how many."""
        rows = list(self.store.signatures(after=self.seq))
        if not rows:
            return 0
        named = self.store.article_entity_ids(None if everything else [row.article_id for row in rows])
        for row in rows:
            self._remember(row.article_id, values_from_bytes(row.text_minhash), TermVector.from_bytes(row.terms),
                           day_of(row.published), row.story_id, row.duplicate_of,
                           named.get(row.article_id, ()))
            self.seq = max(self.seq, row.seq or 0)
        return len(rows)

    def _remember(self, article_id, text: np.ndarray, terms: TermVector, published, story_id, duplicate_of,
                  entity_ids) -> None:
        before = self.known.get(article_id)  # a new version keeps its place and its postings
        if before is not None:
            self.duplicates.remove(article_id, before.text)
        self.duplicates.insert(article_id, text)
        self.known[article_id] = Known(text, terms, published, story_id, duplicate_of,
                                       before.order if before else len(self.known))
        for index, keys in ((self.by_term, terms.heaviest(INDEX_TERMS).tolist()), (self.by_entity, entity_ids)):
            for key in keys:
                if before is None or article_id not in index.get(key):
                    index.post(key, article_id)

    def relate(self, article: Article) -> Article:
        """The article with duplicate_of, story_id and similar[] set, saved to the store with its entities."""
        text = text_signature(article.headline + "\n" + article.body_text).hashvalues
        counts = term_counts(" ".join([article.headline, article.standfirst or "", article.body_text]))
        refs = [entity_ref(e) for e in article.entities]
        with self.store.exclusive():
            self.catch_up()
            return self._relate(article, text, counts, refs)

    def _relate(self, article: Article, text: np.ndarray, counts: dict[int, int], refs) -> Article:
        ids = self.store.resolve_entities(article, refs)
        entity_ids = frozenset(i for ref, i in zip(refs, ids) if i is not None and ref.entity.type in ("person", "org"))
        first_time = not self.knows(article.id)  # a new version of a known article is not counted again
        frequencies = self.store.term_frequencies(sorted(counts))
        documents = len(self.known)
        if first_time:  # frequencies and documents count the article itself
            documents += 1
            frequencies = {term: frequencies.get(term, 0) + 1 for term in counts}
        terms = tfidf(counts, frequencies, documents)
        published = day_of(article.published)
        duplicate_of = self._first_duplicate(article.id, text)
        scored = self._scored(article.id, terms, entity_ids)
        story_id = None
        if duplicate_of is not None:
            story_id = self.known[duplicate_of].story_id or duplicate_of
        else:
            for other, score in scored:
                known = self.known[other]
                near = (published is None or known.published is None
                        or abs((published - known.published).days) <= STORY_WINDOW)
                if score >= STORY_THRESHOLD and near:
                    story_id = known.story_id or other
                    break
        story_id = story_id or article.id
        similar = [(other, round(score, 4)) for other, score in scored
                   if score >= SIMILAR_MIN and other != duplicate_of][:SIMILAR_COUNT]
        related = article.model_copy(update={"duplicate_of": duplicate_of, "story_id": story_id})
        seq = self.store.save_relations(related, values_to_bytes(text), terms.to_bytes(),
                                        sorted(counts) if first_time else [], similar)
        self._remember(article.id, text, terms, published, story_id, duplicate_of, entity_ids)
        self.seq = max(self.seq, seq)
        return related

    def _first_duplicate(self, article_id: str, text: np.ndarray) -> str | None:
        candidates = [c for c in self.duplicates.query(text) if c != article_id]
        matches = [c for c in candidates if jaccard(self.known[c].text, text) >= DUPLICATE_THRESHOLD]
        if not matches:
            return None
        first = min(matches, key=lambda c: self.known[c].order)
        return self.known[first].duplicate_of or first

    def _candidates(self, article_id: str, terms: TermVector, entity_ids: frozenset) -> list[str]:
        """Recent articles sharing two of the article's heaviest terms, or two of its people and
        organisations (one, when it names two or fewer): the SCORED that share the most."""
        shared: Counter[str] = Counter()
        for index, keys, needed in ((self.by_term, terms.heaviest(INDEX_TERMS).tolist(), 2),
                                    (self.by_entity, entity_ids, 1 if len(entity_ids) <= 2 else 2)):
            counts: Counter[str] = Counter()
            for key in keys:
                counts.update(index.get(key))
            shared.update({other: n for other, n in counts.items() if n >= needed})
        shared.pop(article_id, None)
        return [other for other, _ in shared.most_common(SCORED)]

    def _scored(self, article_id: str, terms: TermVector, entity_ids: frozenset) -> list[tuple[str, float]]:
        """Candidates by TF-IDF cosine, best first."""
        candidates = self._candidates(article_id, terms, entity_ids)
        scored = [(other, self.known[other].terms.cosine(terms)) for other in candidates]
        return sorted(scored, key=lambda x: (-x[1], x[0]))

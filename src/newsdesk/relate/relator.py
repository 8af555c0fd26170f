"""Relating each new article to the store, incrementally and in sub-quadratic time.

In memory, only the RECENT_ARTICLES most recently related (memory and start time stay flat however
large the store grows): their TF-IDF vectors, an index from each one's heaviest terms to the
articles that weigh them, and an index from each person or organisation to the articles naming
them. Near-duplicates are looked up in the store, however old: the articles sharing a MinHash LSH
band of word 5-grams with the new one (one indexed read of its band keys). A new article is
compared only with the candidates those return:
- `duplicate_of`: the first article stored whose 5-gram similarity reaches DUPLICATE_THRESHOLD;
- `story_id`: a duplicate's story, else the story of the most similar candidate within
  STORY_WINDOW days whose TF-IDF cosine reaches STORY_THRESHOLD, else a new story named after
  the article;
- `similar[]`: the recent candidates by TF-IDF cosine, best first.
Entities resolve to the store's entities by their name keys (see keys.py).

Several relators may work on one store (two ingests, the API server beside a CLI ingest). Each
relating holds the store's `exclusive()` lock, first catches up on the signatures others saved
since (numbered by `seq`), and reads TF-IDF document frequencies from the store for the article's
own terms; so concurrent ingests relate as if one ran after the other, and no term is counted twice.
Thresholds and the choice of TF-IDF are measured in bench/relate.py and bench/similar.py.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Container, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

import numpy as np

from ..dates import day_of
from ..lang.keys import EntityRef, entity_ref
from ..model import Article
from .similarity import (
    TermVector,
    band_keys,
    heaviest_of,
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
#: Articles held in memory for stories and similar stories, the most recently related: about two
#: weeks of a large news crawl, far more than STORY_WINDOW of most sources (bench/relate_speed.py).
RECENT_ARTICLES = 20_000


@dataclass
class Known:
    terms: TermVector
    published: date | None
    story_id: str | None


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

    def prune(self, alive: Container[str]) -> None:
        """Forget the articles no longer alive, and the keys left with none."""
        kept = {key: [a for a in articles if a in alive] for key, articles in self.posted.items()}
        self.posted = {key: articles for key, articles in kept.items() if articles}


class RelationStore(Protocol):
    """What relating needs of a store (both engines' SqlStore is one)."""

    def exclusive(self) -> AbstractContextManager[None]: ...

    def signatures(self, after: int = 0, newest: int | None = None) -> Iterator[Any]: ...

    def article_entity_ids(self, article_ids: list[str] | None = None) -> dict[str, set[int]]: ...

    def related_count(self) -> int: ...

    def previous_signature(self, article_id: str) -> bytes | None: ...

    def sharing_bands(self, bands: list[int]) -> list[Any]: ...

    def term_frequencies(self, terms: list[int]) -> dict[int, int]: ...

    def resolve_entities(self, article: Article, refs: list[EntityRef]) -> list[int | None]: ...

    def save_relations(self, article: Article, text_minhash: bytes, terms: bytes, new_terms: list[int],
                       similar: list[tuple[str, float]], bands: Sequence[int] = (),
                       old_bands: Sequence[int] = ()) -> int: ...


class Relator:
    def __init__(self, store: RelationStore, recent: int = RECENT_ARTICLES):
        self.store = store
        self.recent = recent
        self.known: OrderedDict[str, Known] = OrderedDict()  # the most recently related last
        self.by_term = RecentIndex()
        self.by_entity = RecentIndex()
        self.forgotten = 0  # articles let go since the indexes were last pruned
        self.seq = 0  # the last signature number read from the store
        self.documents = 0  # articles related in the store: TF-IDF's number of documents
        self.catch_up()

    def knows(self, article_id: str) -> bool:
        """Whether the article was related (by any relator, however long ago)."""
        return article_id in self.known or self.store.previous_signature(article_id) is not None

    def catch_up(self) -> int:
        """Remember the signatures saved since the last one read (by this relator or another; the
        newest `recent` of them); how many."""
        rows = list(self.store.signatures(after=self.seq, newest=self.recent))
        if not rows:
            return 0
        named = self.store.article_entity_ids([row.article_id for row in rows])
        if self.known:
            for row in rows:
                self._remember(row.article_id, TermVector.from_bytes(row.terms), day_of(row.published), row.story_id,
                               named.get(row.article_id, ()))
        else:
            self._load(rows, named)
        self.seq = max(self.seq, *(row.seq or 0 for row in rows))
        self.documents = self.store.related_count()
        return len(rows)

    def _load(self, rows: list, named: dict[str, set[int]]) -> None:
        """`_remember` for a relator that knows nothing yet, in bulk (what starting costs): the term
        postings grouped by numpy, oldest article first under each term as `post` leaves them."""
        vectors, days = [], {}  # a day is read once (most articles share their dates)
        for row in rows:
            terms = TermVector.from_bytes(row.terms)
            if row.published not in days:
                days[row.published] = day_of(row.published)
            self.known[row.article_id] = Known(terms, days[row.published], row.story_id)
            vectors.append(terms)
            for key in named.get(row.article_id, ()):
                self.by_entity.posted.setdefault(key, []).append(row.article_id)
        keys, owners = heaviest_of(vectors, INDEX_TERMS)
        order = np.argsort(keys, kind="stable")
        keys, owners = keys[order], owners[order]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])  # sorted already: no second sort
        distinct = keys[starts]
        ids = np.array([row.article_id for row in rows], dtype=object)
        ends = [*starts[1:].tolist(), len(keys)]
        for key, start, end in zip(distinct.tolist(), starts.tolist(), ends):
            self.by_term.posted[key] = ids[owners[max(start, end - self.by_term.keep):end]].tolist()
        for articles in self.by_entity.posted.values():
            del articles[: -self.by_entity.keep]

    def _remember(self, article_id, terms: TermVector, published, story_id, entity_ids) -> None:
        before = self.known.pop(article_id, None)  # a new version is the most recent, its postings kept
        self.known[article_id] = Known(terms, published, story_id)
        for index, keys in ((self.by_term, terms.heaviest(INDEX_TERMS).tolist()), (self.by_entity, entity_ids)):
            for key in keys:
                if before is None or article_id not in index.get(key):
                    index.post(key, article_id)
        while len(self.known) > self.recent:
            self.known.popitem(last=False)
            self.forgotten += 1
        if self.forgotten > self.recent:  # postings of forgotten articles go, in bulk
            self.by_term.prune(self.known)
            self.by_entity.prune(self.known)
            self.forgotten = 0

    def relate(self, article: Article) -> Article:
        """The article with duplicate_of, story_id and similar[] set, saved to the store with its entities."""
        text = text_signature(article.headline + "\n" + article.body_text).hashvalues
        counts = term_counts(" ".join([article.headline, article.standfirst or "", article.body_text]),
                             article.language)
        refs = [entity_ref(e) for e in article.entities]
        with self.store.exclusive():
            self.catch_up()
            return self._relate(article, text, counts, refs)

    def _relate(self, article: Article, text: np.ndarray, counts: dict[int, int], refs) -> Article:
        ids = self.store.resolve_entities(article, refs)
        entity_ids = frozenset(i for ref, i in zip(refs, ids) if i is not None and ref.entity.type in ("person", "org"))
        previous = self.store.previous_signature(article.id)
        first_time = previous is None  # a new version of a related article is not counted again
        frequencies = self.store.term_frequencies(sorted(counts))
        documents = self.documents
        if first_time:  # frequencies and documents count the article itself
            documents += 1
            frequencies = {term: frequencies.get(term, 0) + 1 for term in counts}
        terms = tfidf(counts, frequencies, documents)
        published = day_of(article.published)
        bands = band_keys(text)
        duplicate_of, story_id = self._first_duplicate(article.id, text, bands)
        scored = self._scored(article.id, terms, entity_ids)
        if duplicate_of is None:
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
                                        sorted(counts) if first_time else [], similar, bands,
                                        band_keys(values_from_bytes(previous)) if previous else [])
        self.documents = documents
        self._remember(article.id, terms, published, story_id, entity_ids)
        self.seq = max(self.seq, seq)
        return related

    def _first_duplicate(self, article_id: str, text: np.ndarray, bands: list[int]) -> tuple[str | None, str | None]:
        """The first stored article the text copies (the original of a copy), and its story."""
        matches = [row for row in self.store.sharing_bands(bands) if row.article_id != article_id
                   and jaccard(values_from_bytes(row.text_minhash), text) >= DUPLICATE_THRESHOLD]
        if not matches:
            return None, None
        first = min(matches, key=lambda row: row.pk)
        original = first.duplicate_of or first.article_id
        return original, first.story_id or original

    def _candidates(self, article_id: str, terms: TermVector, entity_ids: frozenset) -> list[str]:
        """Recent articles sharing two of the article's heaviest terms, or two of its people and
        organisations (one, when it names two or fewer): the SCORED that share the most."""
        shared: Counter[str] = Counter()
        for index, keys, needed in ((self.by_term, terms.heaviest(INDEX_TERMS).tolist(), 2),
                                    (self.by_entity, entity_ids, 1 if len(entity_ids) <= 2 else 2)):
            counts: Counter[str] = Counter()
            for key in keys:
                counts.update(other for other in index.get(key) if other in self.known)
            shared.update({other: n for other, n in counts.items() if n >= needed})
        shared.pop(article_id, None)
        return [other for other, _ in shared.most_common(SCORED)]

    def _scored(self, article_id: str, terms: TermVector, entity_ids: frozenset) -> list[tuple[str, float]]:
        """Candidates by TF-IDF cosine, best first."""
        candidates = self._candidates(article_id, terms, entity_ids)
        scored = [(other, self.known[other].terms.cosine(terms)) for other in candidates]
        return sorted(scored, key=lambda x: (-x[1], x[0]))

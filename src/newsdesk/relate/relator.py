"""Relating each new article to the store, incrementally and in sub-quadratic time.

Two MinHash LSH indexes live in memory, filled once from the stored signatures: one over word
5-grams finds near-duplicates (the same wire story run again, lightly edited), one over content
words finds candidate stories. A new article is compared only with the candidates the indexes
return, never with the whole store:
- `duplicate_of`: the first article seen whose 5-gram similarity reaches DUPLICATE_THRESHOLD;
- `story_id`: a duplicate's story, else the story of the best candidate within STORY_WINDOW whose
  score reaches STORY_THRESHOLD, else a new story named after the article;
- `similar[]`: the best candidates by score (content similarity plus shared people and organisations).
Entities resolve to the store's entities by their name keys (see keys.py).
Thresholds are measured in bench/relate.py (bench/RESULTS.md).
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import date

from datasketch import MinHashLSH

from ..model import Article
from ..store.base import Store
from ..understand.timex import parse_anchor
from .keys import entity_keys, surname_key
from .similarity import NUM_PERM, content_words, from_bytes, minhash, text_signature, to_bytes

DUPLICATE_THRESHOLD = 0.3  # measured: bench/relate.py
STORY_CANDIDATES = 0.2  # LSH threshold for content candidates (recall first, the score decides)
STORY_THRESHOLD = 0.2  # measured: bench/relate.py
SIMILAR_MIN = 0.15
SIMILAR_COUNT = 5
STORY_WINDOW = 7  # days
ENTITY_WEIGHT = 0.5  # share of the score that shared people and organisations give
RECENT_PER_ENTITY = 200  # articles remembered per entity for candidate look-ups


@dataclass
class Known:
    text: object  # MinHash of word 5-grams
    words: object  # MinHash of content words
    words_count: int
    published: date | None
    story_id: str | None
    duplicate_of: str | None
    order: int
    entities: frozenset = frozenset()


def overlap(a: int, b: int, jaccard: float) -> float:
    """|A ∩ B| / min(|A|, |B|) from the sets' sizes and their Jaccard similarity: a short report
    inside a long one scores high, as it should, where Jaccard would not."""
    if not a or not b:
        return 0.0
    shared = jaccard * (a + b) / (1 + jaccard)
    return min(1.0, shared / min(a, b))


class Relator:
    def __init__(self, store: Store):
        self.store = store
        self.duplicates = MinHashLSH(threshold=DUPLICATE_THRESHOLD, num_perm=NUM_PERM)
        self.topics = MinHashLSH(threshold=STORY_CANDIDATES, num_perm=NUM_PERM)
        self.known: dict[str, Known] = {}
        self.by_entity: dict[int, deque] = defaultdict(lambda: deque(maxlen=RECENT_PER_ENTITY))
        named = store.article_entity_ids()
        for row in store.signatures():
            self._remember(row.article_id, from_bytes(row.text_minhash), from_bytes(row.words_minhash),
                           row.words_count, parse_anchor(row.published), row.story_id, row.duplicate_of,
                           frozenset(named.get(row.article_id, ())))

    def knows(self, article_id: str) -> bool:
        return article_id in self.known

    def _remember(self, article_id, text_mh, words_mh, words_count, published, story_id, duplicate_of,
                  entity_ids) -> None:
        if article_id in self.known:
            self.duplicates.remove(article_id)
            self.topics.remove(article_id)
        self.duplicates.insert(article_id, text_mh)
        self.topics.insert(article_id, words_mh)
        self.known[article_id] = Known(text_mh, words_mh, words_count, published, story_id, duplicate_of,
                                       len(self.known), entity_ids)
        for entity_id in entity_ids:
            self.by_entity[entity_id].append(article_id)

    def relate(self, article: Article) -> Article:
        """The article with duplicate_of, story_id and similar[] set, saved to the store with its entities."""
        resolved = [(e, entity_keys(e), surname_key(e)) for e in article.entities]
        ids = self.store.resolve_entities(article, resolved)
        entity_ids = frozenset(i for (e, _, _), i in zip(resolved, ids) if e.type in ("person", "org"))
        text_mh = text_signature(article.headline + "\n" + article.body_text)
        content = content_words(" ".join([article.headline, article.standfirst or "", article.body_text]))
        words_mh = minhash(content)
        published = parse_anchor(article.published)
        duplicate_of = self._first_duplicate(article.id, text_mh)
        scored = self._scored(article.id, words_mh, len(content), entity_ids)
        story_id = None
        if duplicate_of is not None:
            story_id = self.known[duplicate_of].story_id or duplicate_of
        else:
            for other, score in scored:
                known = self.known[other]
                near = published is None or known.published is None or abs((published - known.published).days) <= STORY_WINDOW
                if score >= STORY_THRESHOLD and near:
                    story_id = known.story_id or other
                    break
        story_id = story_id or article.id
        similar = [(other, round(score, 4)) for other, score in scored
                   if score >= SIMILAR_MIN and other != duplicate_of][:SIMILAR_COUNT]
        related = article.model_copy(update={"duplicate_of": duplicate_of, "story_id": story_id})
        self.store.save_relations(related, to_bytes(text_mh), to_bytes(words_mh), len(content), similar)
        self._remember(article.id, text_mh, words_mh, len(content), published, story_id, duplicate_of, entity_ids)
        return related

    def _first_duplicate(self, article_id: str, text_mh) -> str | None:
        candidates = [c for c in self.duplicates.query(text_mh) if c != article_id]
        matches = [c for c in candidates if self.known[c].text.jaccard(text_mh) >= DUPLICATE_THRESHOLD]
        if not matches:
            return None
        first = min(matches, key=lambda c: self.known[c].order)
        return self.known[first].duplicate_of or first

    def _candidates(self, article_id: str, words_mh, entity_ids: frozenset) -> set[str]:
        """Articles sharing many content words (LSH) or at least two people or organisations (recent ones)."""
        found = set(self.topics.query(words_mh))
        counts: dict[str, int] = defaultdict(int)
        for entity_id in entity_ids:
            for other in self.by_entity.get(entity_id, ()):
                counts[other] += 1
        needed = 1 if len(entity_ids) <= 2 else 2
        found |= {other for other, n in counts.items() if n >= needed}
        found.discard(article_id)
        return found

    def _scored(self, article_id: str, words_mh, words_count: int, entity_ids: frozenset) -> list[tuple[str, float]]:
        """Candidates, best first: content overlap and shared people and organisations."""
        scored = []
        for other in self._candidates(article_id, words_mh, entity_ids):
            known = self.known[other]
            content = overlap(words_count, known.words_count, known.words.jaccard(words_mh))
            shared = (len(entity_ids & known.entities) / min(len(entity_ids), len(known.entities))
                      if entity_ids and known.entities else content)
            scored.append((other, (1 - ENTITY_WEIGHT) * content + ENTITY_WEIGHT * shared))
        return sorted(scored, key=lambda x: (-x[1], x[0]))

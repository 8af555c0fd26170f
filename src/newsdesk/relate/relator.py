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

from dataclasses import dataclass
from datetime import date

from datasketch import MinHashLSH

from ..model import Article
from ..store.base import Store
from ..understand.timex import parse_anchor
from .keys import entity_keys, surname_key
from .similarity import NUM_PERM, content_signature, from_bytes, text_signature, to_bytes

DUPLICATE_THRESHOLD = 0.6
STORY_CANDIDATES = 0.2  # LSH threshold for story candidates (recall first, the score decides)
STORY_THRESHOLD = 0.3
SIMILAR_MIN = 0.15
SIMILAR_COUNT = 5
STORY_WINDOW = 7  # days
ENTITY_WEIGHT = 0.3  # share of the score that shared people and organisations give


@dataclass
class Known:
    text: object  # MinHash
    words: object  # MinHash
    published: date | None
    story_id: str | None
    duplicate_of: str | None
    order: int
    names: frozenset = frozenset()


class Relator:
    def __init__(self, store: Store):
        self.store = store
        self.duplicates = MinHashLSH(threshold=DUPLICATE_THRESHOLD, num_perm=NUM_PERM)
        self.topics = MinHashLSH(threshold=STORY_CANDIDATES, num_perm=NUM_PERM)
        self.known: dict[str, Known] = {}
        for row in store.signatures():
            self._remember(row.article_id, from_bytes(row.text_minhash), from_bytes(row.words_minhash),
                           parse_anchor(row.published), row.story_id, row.duplicate_of, frozenset())

    def knows(self, article_id: str) -> bool:
        return article_id in self.known

    def _remember(self, article_id, text_mh, words_mh, published, story_id, duplicate_of, names) -> None:
        if article_id in self.known:
            self.duplicates.remove(article_id)
            self.topics.remove(article_id)
        self.duplicates.insert(article_id, text_mh)
        self.topics.insert(article_id, words_mh)
        self.known[article_id] = Known(text_mh, words_mh, published, story_id, duplicate_of, len(self.known), names)

    def relate(self, article: Article) -> Article:
        """The article with duplicate_of, story_id and similar[] set, saved to the store with its entities."""
        text_mh = text_signature(article.headline + "\n" + article.body_text)
        words_mh = content_signature(" ".join([article.headline, article.standfirst or "", article.body_text]))
        published = parse_anchor(article.published)
        names = frozenset(entity_keys(e)[0] for e in article.entities if e.type in ("person", "org"))
        duplicate_of = self._first_duplicate(article.id, text_mh)
        scored = self._scored(article.id, words_mh, names)
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
        resolved = [(e, entity_keys(e), surname_key(e)) for e in article.entities]
        self.store.save_relations(related, to_bytes(text_mh), to_bytes(words_mh), similar, resolved)
        self._remember(article.id, text_mh, words_mh, published, story_id, duplicate_of, names)
        return related

    def _first_duplicate(self, article_id: str, text_mh) -> str | None:
        candidates = [c for c in self.duplicates.query(text_mh) if c != article_id]
        matches = [c for c in candidates if self.known[c].text.jaccard(text_mh) >= DUPLICATE_THRESHOLD]
        if not matches:
            return None
        first = min(matches, key=lambda c: self.known[c].order)
        return self.known[first].duplicate_of or first

    def _scored(self, article_id: str, words_mh, names: frozenset) -> list[tuple[str, float]]:
        """Story candidates, best first: content similarity, raised by shared people and organisations."""
        scored = []
        for other in self.topics.query(words_mh):
            if other == article_id:
                continue
            known = self.known[other]
            content = known.words.jaccard(words_mh)
            shared = len(names & known.names) / len(names | known.names) if names and known.names else 0.0
            scored.append((other, (1 - ENTITY_WEIGHT) * content + ENTITY_WEIGHT * max(shared, content)))
        return sorted(scored, key=lambda x: (-x[1], x[0]))

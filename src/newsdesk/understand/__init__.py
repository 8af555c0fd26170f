"""Understand: who is who, who said what, and what happened where and when, in one article.

`understand_all` sends the text blocks of a batch of articles through spaCy's `nlp.pipe` together
(the model loaded once per process) and returns new Article records with entities, quotes, time
expressions and events; the rules after NER are plain Python over the parsed blocks.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article
from .analysis import analyse, text_blocks
from .entities import resolve_entities, with_sides
from .events import find_events
from .nlp import load_pipeline
from .quotes import find_quotes
from .time import find_times

BATCH_SIZE = 256


def understand_all(articles: Sequence[Article], model: str | None = None) -> list[Article]:
    """Each article, understood: new records, in the same order; the inputs are not changed."""
    nlp = load_pipeline(model)
    blocks = [text_blocks(article) for article in articles]
    texts = [text for article_blocks in blocks for _, text in article_blocks]
    # Strings spaCy adds while reading a batch are freed after it, so a long ingest keeps flat
    # memory; nothing spaCy made leaves this block (the records hold plain strings).
    with nlp.memory_zone():
        docs = iter(nlp.pipe(texts, batch_size=BATCH_SIZE))
        return [read_article(article, [next(docs) for _ in b], [kind for kind, _ in b])
                for article, b in zip(articles, blocks)]


def read_article(article: Article, docs, kinds: list[str]) -> Article:
    analysis = analyse(article, docs, kinds)
    entities, evidence = resolve_entities(analysis)
    quotes = find_quotes(analysis, entities)
    times, quotes = find_times(analysis, quotes)
    events = find_events(analysis, entities, quotes, times)
    sides = {p.name: p.side for e in events for p in e.participants if p.side and p.part.startswith("delegation")}
    entities = with_sides(entities, evidence, sides)
    return article.model_copy(
        update={
            "entities": entities,
            "quotes": [q.quote for q in quotes],
            "time_expressions": [t.expression for t in times],
            "events": events,
        }
    )


def understand(article: Article, model: str | None = None) -> Article:
    return understand_all([article], model)[0]

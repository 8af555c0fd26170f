"""Understand: who is who, who said what, and what happened where and when, in one article.

Each article is read by the pipeline of its own language (`nlp.py`): the language the page
declares, else the one its text is identified as (`newsdesk.lang.identify`). `understand_all`
sends the text blocks of a batch through each language's `nlp.pipe` together (each model loaded
once per process) and returns new Article records with entities, quotes, time expressions and
events; the rules after NER are plain Python over the parsed blocks, reading the language's words.
An article in a language newsdesk has no pipeline for is returned with `understanding.model`
null and nothing invented: no entity, quote, time or event.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..config import Reading
from ..lang import use_folder
from ..lang.identify import article_language
from ..model import Article, Understanding
from .analysis import text_blocks
from .reading import analyse
from .entities import resolve_entities, with_sides
from .events import find_events
from .nlp import LANGUAGE_KEY, load_pipeline, model_for, pipeline_names
from .quotes import find_quotes
from .time import find_times

BATCH_SIZE = 256


def understand_all(articles: Sequence[Article], reading: Reading = Reading()) -> list[Article]:
    """Each article, understood: new records, in the same order; the inputs are not changed."""
    use_folder(reading.languages)
    models = pipeline_names(reading.spacy_models)
    results: list[Article] = []
    by_model: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        language = article_language(article)
        model = model_for(language, models)
        results.append(article.model_copy(update={
            "language": language, "understanding": Understanding(language=language, model=model),
            "entities": [], "quotes": [], "time_expressions": [], "events": []}))
        if model is not None:
            by_model.setdefault(model, []).append(i)
    for model, indexes in by_model.items():
        nlp = load_pipeline(model)  # one pipeline may read several languages: each article keeps its own words
        batch = [results[i] for i in indexes]
        blocks = [text_blocks(article) for article in batch]
        texts = [text for article_blocks in blocks for _, text in article_blocks]
        # Strings spaCy adds while reading a batch are freed after it, so a long ingest keeps flat
        # memory; nothing spaCy made leaves this block (the records hold plain strings).
        with nlp.memory_zone():
            docs = iter(nlp.pipe(texts, batch_size=BATCH_SIZE))
            for i, article, b in zip(indexes, batch, blocks):
                article_docs = [next(docs) for _ in b]
                for doc in article_docs:
                    doc.user_data[LANGUAGE_KEY] = article.language
                results[i] = read_article(article, article_docs, [kind for kind, _ in b])
    return results


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


def understand(article: Article, reading: Reading = Reading()) -> Article:
    return understand_all([article], reading)[0]

"""Literal sentences through one stage of understanding at a time (a module of its own, for the
unit tests of each rule module to share).

`doc` parses one sentence with the language's pipeline (loaded once per process); `ents` replaces
what the model tagged, so a rule is tested on the model's habit it mends, whatever the model does
with the sentence today. `analysed` builds the `Analysis` every rule module reads; `stages` runs
the modules after it in the order `understand.read_article` does.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsdesk.model import Article, Block, Entity, Event, Image, Quote
from newsdesk.understand.analysis import Analysis, text_blocks
from newsdesk.understand.reading import analyse
from newsdesk.understand.entities import resolve_entities
from newsdesk.understand.events import find_events
from newsdesk.understand.nlp import LANGUAGE_KEY, load_pipeline, model_for
from newsdesk.understand.quotes import FoundQuote, find_quotes
from newsdesk.understand.time import find_times

PUBLISHED = "2025-05-15"  # a Thursday


def pipeline(lang: str = "en"):
    return load_pipeline(model_for(lang))


def with_ents(doc: Doc, ents: dict[str, str]) -> Doc:
    """The doc with exactly these entities, {text: label} in reading order, each found after the one before."""
    spans, pos = [], 0
    for text, label in ents.items():
        start = doc.text.index(text, pos)
        span = doc.char_span(start, start + len(text), label=label)
        assert span is not None, f"{text!r} is not a run of whole tokens"
        spans.append(span)
        pos = start + len(text)
    doc.ents = spans
    return doc


def doc(text: str, lang: str = "en", ents: dict[str, str] | None = None) -> Doc:
    parsed = pipeline(lang)(text)
    parsed.user_data[LANGUAGE_KEY] = lang
    return parsed if ents is None else with_ents(parsed, ents)


def span(parsed: Doc, text: str) -> Span:
    start = parsed.text.index(text)
    found = parsed.char_span(start, start + len(text))
    assert found is not None, f"{text!r} is not a run of whole tokens"
    return found


def article(paragraphs: list[str], language: str = "en", published: str = PUBLISHED, headline: str = "",
            caption: str | None = None, credit: str | None = None, source: str | None = None,
            byline: str | None = None, url: str | None = None) -> Article:
    image = Image(caption=caption, credit=credit) if caption or credit else None
    return Article(id="t", origin="t.txt", headline=headline, published=published, language=language, url=url,
                   source=source, byline=byline, image=image,
                   body=[Block(type="paragraph", text=p) for p in paragraphs])


def analysed(paragraphs: list[str], language: str = "en", ents: list[dict[str, str]] | None = None,
             **fields) -> Analysis:
    """The analysis of an article of these paragraphs; `ents`, one dict per text block, replaces
    the model's entities."""
    art = article(paragraphs, language=language, **fields)
    blocks = text_blocks(art)
    docs = [doc(text, language) for _, text in blocks]
    if ents is not None:
        docs = [with_ents(d, e) for d, e in zip(docs, ents, strict=True)]
    return analyse(art, docs, [kind for kind, _ in blocks])


@dataclass
class Stages:
    analysis: Analysis
    entities: list[Entity]
    found_quotes: list[FoundQuote]
    events: list[Event]

    @property
    def quotes(self) -> list[Quote]:
        return [q.quote for q in self.found_quotes]

    def people(self) -> dict[str, Entity]:
        return {e.name: e for e in self.entities if e.type == "person"}

    def names(self, kind: str) -> list[str]:
        return [e.name for e in self.entities if e.type == kind]


def stages(paragraphs: list[str], language: str = "en", ents: list[dict[str, str]] | None = None,
           **fields) -> Stages:
    """Every stage after the analysis, as `understand.read_article` runs them."""
    analysis = analysed(paragraphs, language=language, ents=ents, **fields)
    entities, _ = resolve_entities(analysis)
    quotes = find_quotes(analysis, entities)
    times, quotes = find_times(analysis, quotes)
    return Stages(analysis, entities, quotes, find_events(analysis, entities, quotes, times))

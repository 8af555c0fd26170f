"""One article read by the pipeline: its text blocks, sentences and the mentions in them.

Every rule module (entities, quotes, events) reads an `Analysis`; building it is the only place
that runs spaCy. Related-story titles are never read: their people are not the article's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from ..lang import Language, english
from ..lang.countries import Country, country_named, country_of, country_of_demonym
from ..lang.names import PersonName, parse_person
from ..model import Article
from .names import calendar_words, clean_person
from .nlp import lang_of
from .roles import (
    RoleMention,
    is_title_word,
    nationality_before,
    party_after,
    sentence_start,
    title_after,
    title_as,
    title_before,
)

#: Each opening quotation mark and the marks that close it, in the languages newsdesk reads.
_QUOTE_CLOSERS = {"“": ("”", "’’", "''"), '"': ('"',), "«": ("»",), "„": ("“", "”"), "‘": ("’",)}
OPENERS = tuple(_QUOTE_CLOSERS)
#: The closing single mark is also the apostrophe ("don’t", "Africa’s"): it closes a quote only
#: after a word's end and before anything that is not a letter.
_SINGLE_CLOSER = re.compile(r"(?<=\S)’(?![^\W\d_])")


def quote_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, text start, text end) of each quote in a paragraph; an unclosed one runs to the end.

    A quote that goes on into the next paragraph opens it again and closes only at its end.
    """
    spans, i = [], 0
    while i < len(text):
        if text[i] not in _QUOTE_CLOSERS or (text[i] == "‘" and i > 0 and text[i - 1].isalnum()):
            i += 1
            continue
        if text[i] == "‘":  # single marks: only a whole quote, never one running on
            close = _SINGLE_CLOSER.search(text, i + 1)
            if close is None:
                i += 1
                continue
            spans.append((i, close.end(), i + 1, close.start()))
            i = close.end()
            continue
        found = [(pos, c) for c in _QUOTE_CLOSERS[text[i]] if (pos := text.find(c, i + 1)) != -1]
        if found:
            pos, closer = min(found)
            spans.append((i, pos + len(closer), i + 1, pos))
            i = pos + len(closer)
        else:
            spans.append((i, len(text), i + 1, len(text)))
            break
    return spans


@dataclass
class Mention:
    """One mention of a person, organisation or place."""

    type: str  # person | org | place
    name: str
    span: Span
    sentence: int  # index into Analysis.sentences
    roles: list[RoleMention] = field(default_factory=list)
    nationality: str | None = None  # "American" in "American Kevin King"
    party: str | None = None  # from "(D-Minn.)"
    entity: int | None = None  # index into the article's entity list, once resolved

    @property
    def role(self) -> RoleMention | None:
        return self.roles[0] if self.roles else None

    @property
    def person_name(self) -> PersonName:
        parsed = parse_person(self.name)
        return parsed if parsed is not None else PersonName((), self.name)

    @property
    def surname(self) -> str:
        """The family name ("van de Zandschulp" of "Botic van de Zandschulp"; a one-word name itself)."""
        return self.person_name.surname

    @property
    def words(self) -> int:
        return len(self.name.split())


@dataclass
class Analysis:
    article: Article
    docs: list[Doc]  # one per text block, in reading order
    kinds: list[str]  # headline | standfirst | caption | paragraph | heading
    sentences: list[Span] = field(default_factory=list)
    sentence_block: list[int] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    countries: list[tuple[int, Span, Country]] = field(default_factory=list)  # (sentence, span, country)
    quoted: list[list[tuple[int, int]]] = field(default_factory=list)  # per block, character ranges in quotes
    lang: Language = field(default_factory=english)

    def in_quote(self, span: Span, block: int) -> bool:
        return any(start <= span.start_char < end for start, end in self.quoted[block])

    def persons(self) -> list[Mention]:
        return [m for m in self.mentions if m.type == "person"]


#: What the model reads of one article, at most: no news prose has a paragraph this long, and few
#: articles are longer; a page built to stall the ingest (one 300 kB "paragraph", thousands of
#: quotes) costs seconds, not minutes, however it is made.
MAX_BLOCK_CHARS = 20_000
MAX_ARTICLE_CHARS = 200_000


def text_blocks(article: Article) -> list[tuple[str, str]]:
    """(kind, text) of every block the reader reads as the article's own words, within the caps."""
    blocks = [("headline", article.headline)] if article.headline else []
    if article.standfirst:
        blocks.append(("standfirst", article.standfirst))
    if article.image and article.image.caption:
        blocks.append(("caption", article.image.caption))
    blocks += [(block.type, block.text) for block in article.body]
    kept, left = [], MAX_ARTICLE_CHARS
    for kind, text in blocks:
        if left <= 0:
            break
        text = text[:min(MAX_BLOCK_CHARS, left)]
        kept.append((kind, text))
        left -= len(text)
    return kept


def strip_possessive(span: Span, lang: Language) -> Span:
    while len(span) > 1 and span[-1].text in lang.possessives:
        span = span[:-1]
    if len(span) > 1 and span[0].lower_ in lang.determiners:
        span = span[1:]
    return span


def with_acronym(span: Span) -> Span:
    """Extend an organisation's name over a following "(ACRONYM)"."""
    doc = span.doc
    end = span.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].is_upper and doc[end + 2].text == ")":
        return doc[span.start : end + 3]
    return span


def person_span(span: Span, lang: Language) -> Span:
    """A person's name from an NER span: possessives cut ("Jeff Bezos's Blue Origin" -> "Jeff Bezos"),
    a given name the model left out of a one-word span taken in ("Eyamba Sowers")."""
    while len(span) > 1 and span[0].text in lang.possessives:
        span = span[1:]
    cut = next((t.i for t in span if t.text in lang.possessives and t.i > span.start), None)
    if cut is not None:
        span = span.doc[span.start : cut]
    doc, start = span.doc, span.start
    given = start - 1
    first = sentence_start(span)
    if (len(span) == 1 and given >= first and doc[given].pos_ == "PROPN" and doc[given].is_title
            and not doc[given].ent_type_ and not is_title_word(doc[given], lang)
            and doc[given].lower_ not in lang.honorifics
            and (given == first or not doc[given - 1].text[:1].isupper())):
        start = given  # a lone capitalised word before the name, not the end of a title
    return doc[start : span.end]


def _named(span: Span) -> bool:
    """Organisations and places are named with a capital somewhere ("eBay" too; "n't" not)."""
    return any(c.isupper() for c in span.text)


def _titled_name(span: Span, lang: Language) -> bool:
    """Two or three proper nouns with a person's title in apposition after them: a person's name,
    whatever NER says ("Hage Geingob, the president, ..."; not "Full Fact, the website")."""
    if not 2 <= len(span) <= 3 or not all(t.pos_ == "PROPN" for t in span):
        return False
    role = title_after(span)
    return role is not None and role.public


def classify(ent: Span, lang: Language, calendar: frozenset[str]) -> tuple[str, Span, str] | None:
    """An NER span as (person|org|place, name span, name), with the model's common mistakes mended."""
    span = strip_possessive(ent, lang)
    label = ent.label_
    code = lang.code
    if label in lang.person_labels:
        cleaned = clean_person(person_span(ent, lang), lang, calendar)
        if cleaned is None:
            return None
        span, name = cleaned
        # a capital or country tagged as a person ("Kyiv withdrew ...") unless a title stands before it
        if country_of(name, lang=code) is not None and title_before(span) is None:
            return "place", span, name
        return "person", span, name
    if not _named(span):
        return None
    if label in lang.org_labels:
        if span.text.lower() in lang.portfolio_words or is_title_word(span[0], lang):
            return None  # "Defense" of "Defense Minister"; a title read as a name: "ministre de l'Intérieur"
        if country_named(span.text, code) is not None:
            return "place", span, span.text  # "Türkiye’s role" tagged as an organisation
        if _titled_name(span, lang):
            cleaned = clean_person(span, lang, calendar)
            if cleaned is not None:
                return "person", *cleaned  # "Hage Geingob, the president, ..." tagged as an organisation
        span = with_acronym(span)
        return "org", span, span.text
    if label in lang.place_labels:
        if country_of_demonym(span.text, code) is not None and country_named(span.text, code) is None:
            return None  # "Ukrainian" tagged as a place: a nationality, used for affiliations
        return "place", span, span.text
    return None


def analyse(article: Article, docs: list[Doc], kinds: list[str]) -> Analysis:
    """Sentences, mentions with their titles, and country words of one article."""
    lang = lang_of(docs[0]) if docs else english()
    analysis = Analysis(article=article, docs=docs, kinds=kinds, lang=lang)
    analysis.quoted = [[(s, e) for s, e, _, _ in quote_spans(doc.text)] for doc in docs]
    calendar = calendar_words(lang)
    country_labels = lang.affiliation_labels | lang.org_labels | lang.person_labels
    credited = credit_names(article)
    for block, doc in enumerate(docs):
        for sent in doc.sents:
            analysis.sentences.append(sent)
            analysis.sentence_block.append(block)
            index = len(analysis.sentences) - 1
            for ent in sent.ents:
                if ent.label_ in country_labels:
                    country = country_of(strip_possessive(ent, lang).text, lang=lang.code)
                    if country is not None:
                        analysis.countries.append((index, ent, country))
                found = classify(ent, lang, calendar)
                if found is None or credit_key(found[2]) in credited:
                    continue  # the page's own credit line names who made it, not whom it is about
                kind, span, name = found
                analysis.mentions.append(Mention(kind, name, span, index))
            if lang.roles.data.get("adjectives_after"):
                # nationality adjectives written in lower case ("le président russe"): NER leaves them
                for token in sent:
                    if token.pos_ == "ADJ" and token.text.islower() and not token.ent_type_ \
                            and (country := country_of_demonym(token.text, lang.code)) is not None:
                        analysis.countries.append((index, sent.doc[token.i : token.i + 1], country))
    drop_unconfirmed_title_case(analysis)
    add_missed_speakers(analysis)
    promote_surnames(analysis)
    drop_products(analysis)
    for mention in analysis.persons():
        mention.roles = [r for r in (title_before(mention.span), title_after(mention.span) or title_as(mention.span))
                         if r is not None]
        mention.nationality = nationality_before(mention.span)
        mention.party = party_after(mention.span)
    share_plural_titles(analysis)
    drop_lone_names(analysis)
    demote_names_in_titles(analysis)
    return analysis


def credit_key(name: str) -> str:
    return " ".join(name.casefold().replace("-", " ").split())


def credit_names(article: Article) -> set[str]:
    """Who made the page: its source line, photo credit and byline ("By Jane Doe and Al-Bawaba")."""
    names = set()
    for text in (article.source, article.image.credit if article.image else None, article.byline):
        for part in re.split(r",|;|\band\b|&|\bby\b|\|", text or "", flags=re.IGNORECASE):
            if part.strip():
                names.add(credit_key(part))
    return names


#: A sentence is written in title case when at least this share of its ordinary words (longer
#: words outside names and titles) is capitalised, and it has at least this many of them.
TITLE_CASE_SHARE = 0.85
TITLE_CASE_WORDS = 2


def title_case(sentence: Span, lang: Language) -> bool:
    """"Twin Telescopes on Mauna Kea", "How to Adopt an Online Leader Success Mindset": headings and
    titles, where NER cannot tell a name by its capital."""
    words = [t for t in sentence if t.is_alpha and len(t) > 3 and not t.ent_type_
             and t.lower_ not in lang.role_nouns and t.lower_ not in lang.qualifier_words]
    return len(words) >= TITLE_CASE_WORDS and sum(t.text[:1].isupper() for t in words) >= TITLE_CASE_SHARE * len(words)


def drop_unconfirmed_title_case(analysis: Analysis) -> None:
    """People found only in title-case sentences are kept when the article names them in an ordinary
    sentence too (by full name, surname or given name); the rest are mostly titles and products."""
    cased = {i for i, sent in enumerate(analysis.sentences) if title_case(sent, analysis.lang)}
    if not cased:
        return
    confirmed = set()
    for m in analysis.persons():
        if m.sentence not in cased:
            confirmed |= {m.name, m.surname, m.name.split()[0]}
    analysis.mentions = [m for m in analysis.mentions if m.type != "person" or m.sentence not in cased
                         or m.name in confirmed or m.surname in confirmed]


def drop_products(analysis: Analysis) -> None:
    """A "person" whose first word opens an organisation the article names is that organisation's
    product or part: "Google Stadia", "Nintendo Switch", "Blue Moon" beside Blue Origin."""
    openers = {m.span[0].text for m in analysis.mentions if m.type == "org"}
    products = {m.name for m in analysis.persons() if m.words >= 2 and m.name.split()[0] in openers}
    # a "name" followed by a model's tier somewhere in the article: "Nintendo Switch Lite", "... Pro controller"
    tiers = analysis.lang.not_name_words
    text = "\n".join(doc.text for doc in analysis.docs)
    for name in {m.name for m in analysis.persons() if m.words >= 2}:
        for m in re.finditer(re.escape(name) + r"\s+([A-Z]\w+)", text):
            if m.group(1).lower() in tiers:
                products.add(name)
                break
    # and the product's last word alone ("Moon") is no person either
    lone = {name.split()[-1] for name in products} - {m.surname for m in analysis.persons()
                                                       if m.words >= 2 and m.name not in products}
    analysis.mentions = [m for m in analysis.mentions if m.type != "person"
                         or (m.name not in products and not (m.words == 1 and m.name in lone))]


def demote_names_in_titles(analysis: Analysis) -> None:
    """A "person" inside another person's title is the organisation the title names:
    "Will Moy, chief executive of the fact-checking website Full Fact" (unless a possessive owner,
    as in "Carlineo's attorney")."""
    possessives = analysis.lang.possessives
    for m in analysis.persons():
        doc = m.span.doc
        following = doc[m.span.end].text if m.span.end < len(doc) else ""
        if following in possessives:
            continue
        for other in analysis.persons():
            if other is m or other.span.doc is not doc:
                continue
            if any(role.start <= m.span.start and m.span.end <= role.end for role in other.roles):
                m.type = "org"


def share_plural_titles(analysis: Analysis) -> None:
    """A title in the plural before a list of names is each one's: "Sens. Cory Booker and Kamala
    Harris", "founding members Tom Johnston, Michael McDonald and Pat Simmons"."""
    joiners = {",", *analysis.lang.roles.words("and_word")}
    persons = analysis.persons()
    for first, m in zip(persons, persons[1:]):
        if m.roles or first.span.doc is not m.span.doc or m.sentence != first.sentence:
            continue
        between = m.span.doc[first.span.end : m.span.start]
        if not between or any(t.lower_ not in joiners for t in between):
            continue
        # the list's first name carries the title; later names carry it on
        head = next((r for r in first.roles if r.end <= first.span.start), None)
        if head is None:
            continue
        singular = singular_title(head, m.span.doc)
        if singular is not None:
            m.roles = [replace(head, title=singular, start=m.span.start, end=m.span.start)]
            if first.roles and first.roles[0] is head:
                first.roles[0] = replace(head, title=singular)


def singular_title(role: RoleMention, doc: Doc) -> str | None:
    """The title of a plural role in the singular ("Sens." -> "Sen.", "founding members" -> "founding
    member"), or None when the role is no plural."""
    last = doc[role.end - 1]
    if "Plur" not in last.morph.get("Number") and not re.fullmatch(r"[A-Z][a-z]+s\.", last.text):
        return None
    words = role.title.split()
    word = words[-1]
    words[-1] = word[:-2] + "." if word.endswith("s.") else word[:-1] if word.endswith("s") else word
    return " ".join(words)


def drop_lone_names(analysis: Analysis) -> None:
    """Drop one-word "people" with no title who are no one's name in full: mostly the small model's
    mistakes ("Brexit", "Spurs", "Twitter"); a one-word name with a title ("President Trump") stays."""
    full = {m.surname for m in analysis.persons() if m.words >= 2}
    full |= {m.name.split()[0] for m in analysis.persons() if m.words >= 2}
    verbs = _speech_verbs(analysis.lang)
    speaking = {m.name for m in analysis.persons() if m.words == 1 and any(
        0 <= j < len(m.span.doc) and m.span.doc[j].lower_ in verbs for j in (m.span.start - 1, m.span.end))}
    analysis.mentions = [
        m for m in analysis.mentions
        if m.type != "person" or m.words >= 2 or m.name in full or m.name in speaking
        or any(o.name == m.name and o.roles for o in analysis.persons())
    ]


def _speech_verbs(lang: Language) -> frozenset[str]:
    return lang.quotes.words("speech_verbs")


def _speaker_token(token, lang: Language, taken: set, labelled: bool = False) -> bool:
    """A capitalised proper noun which no title, honorific or country is; NER left it unlabelled
    (or, with `labelled`, labelled it something else than a person)."""
    return (token.pos_ == "PROPN" and token.text[:1].isupper() and not token.text.isupper()
            and (labelled or not token.ent_type_) and token.ent_type_ not in lang.person_labels
            and (id(token.doc), token.i) not in taken and len(token.text) > 2
            and token.lower_ not in lang.role_nouns and token.lower_ not in lang.honorifics
            and token.lower_ not in lang.title_modifiers and country_of(token.text, lang=lang.code) is None)


def add_missed_speakers(analysis: Analysis) -> None:
    """People the model missed but the article has speak: "Lacerda claimed", "said Burrage",
    "Mbumba says". The name is the proper noun next to the speech verb; where the article also writes
    it after a given name ("Marina Lacerda"), that full form is the mention."""
    lang = analysis.lang
    verbs = _speech_verbs(lang)
    taken = {(id(m.span.doc), i) for m in analysis.mentions for i in range(m.span.start, m.span.end)}
    found: dict[str, list[tuple[int, Span]]] = {}
    for index, sent in enumerate(analysis.sentences):
        doc = sent.doc
        for token in sent:
            if token.lower_ not in verbs:
                continue
            for j in (token.i - 1, token.i + 1):
                if sent.start <= j < sent.end and _speaker_token(doc[j], lang, taken, labelled=True):
                    end = j + 1
                    start = j
                    while start - 1 >= sent.start and _speaker_token(doc[start - 1], lang, taken, labelled=True):
                        start -= 1
                    found.setdefault(doc[j].text, []).append((index, doc[start:end]))
    if not found:
        return
    # the full form written elsewhere in the article: a capitalised word, then the surname
    full: set[str] = set()
    organisations: set[str] = set()
    not_person = lang.org_labels | lang.place_labels
    for index, sent in enumerate(analysis.sentences):
        for token in sent:
            if token.text in found and token.i > sent.start and _speaker_token(token.doc[token.i - 1], lang, taken, True):
                found[token.text].append((index, token.doc[token.i - 1 : token.i + 1]))
                full.add(token.text)
                if token.ent_type_ in not_person and token.doc[token.i - 1].ent_type_ in not_person:
                    organisations.add(token.text)  # "Full Fact", tagged an organisation where written in full
    for name, spans in found.items():
        if name not in full or name in organisations:
            continue  # "Twitter said", "Reuters said": organisations speak too; a person is named in full somewhere
        for index, span in spans:
            if (id(span.doc), span.start) not in taken:
                taken.update((id(span.doc), i) for i in range(span.start, span.end))
                analysis.mentions.append(Mention("person", span.text, span, index))
    analysis.mentions.sort(key=lambda m: (m.sentence, m.span.start))


def promote_surnames(analysis: Analysis) -> None:
    """A known person's surname that NER tagged otherwise, or missed, is that person.

    The small English model tags some surnames as places ("Dubois told parliament"); once the
    article has named the person in full, the surname alone means them.
    """
    code = analysis.lang.code
    surnames = {m.surname for m in analysis.mentions if m.type == "person" and m.words >= 2}
    lone = {m.name for m in analysis.mentions if m.type == "person" and m.words == 1}
    for m in analysis.mentions:
        # a full name the model took for an organisation, whose surname alone it calls a person
        if m.type == "org" and len(m.span) >= 2 and m.span[-1].text in lone and all(t.pos_ == "PROPN" for t in m.span):
            m.type = "person"
            surnames.add(m.span[-1].text)
    if not surnames:
        return
    covered = {(id(m.span.doc), i) for m in analysis.mentions for i in range(m.span.start, m.span.end)}
    for m in analysis.mentions:
        if m.type != "person" and len(m.span) == 1 and m.name in surnames and country_of(m.name, lang=code) is None:
            m.type = "person"
    for index, sent in enumerate(analysis.sentences):
        for token in sent:
            if token.text in surnames and token.pos_ == "PROPN" and (id(token.doc), token.i) not in covered:
                analysis.mentions.append(Mention("person", token.text, token.doc[token.i : token.i + 1], index))
    analysis.mentions.sort(key=lambda m: (m.sentence, m.span.start))

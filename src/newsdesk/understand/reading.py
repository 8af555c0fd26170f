"""Building an article's `Analysis`: the model's entities read into mentions, then mended.

spaCy's small models misread news in known ways, each mended by one pass here: a headline-like
line in title case, a speaker the NER missed, a surname used alone, a product taken for a person,
a plural title over a list of names, a lone first name, a name inside a title.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..lang import Language, english
from ..lang.countries import country_of, country_of_demonym
from ..model import Article
from .analysis import (Analysis, Mention, classify, credit_key, credit_names, organisations_begun,
                       people_apart_at_brackets, quote_spans, strip_possessive)
from .names import calendar_words, clean_person, names_a_law
from .nlp import lang_of, sentence_start
from .allegiance import employer_after, nationality_before, party_after
from .asides import after_bracket
from .ranks import joined_title, ranks_apart
from .described import (title_among_peers, title_as, title_as_opening, title_before_examples, title_by_copula,
                        title_by_joined_copula, title_in_next_sentence, titles_by_reference)
from .roles import NAME_WORDS, RoleMention, title_after, title_before
from .titlewords import capitalised, is_title_word, singular_title


def analyse(article: Article, docs: list[Doc], kinds: list[str]) -> Analysis:
    """Sentences, mentions with their titles, and country words of one article."""
    lang = lang_of(docs[0]) if docs else english()
    analysis = Analysis(article=article, docs=docs, kinds=kinds, lang=lang)
    analysis.quoted = [[(s, e) for s, e, _, _ in quote_spans(text)] for text in analysis.texts]
    calendar = calendar_words(lang)
    country_labels = lang.affiliation_labels | lang.org_labels | lang.person_labels
    credited = credit_names(article)
    for block, doc in enumerate(docs):
        people_apart_at_brackets(doc, lang)
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
    organisations_begun(analysis.mentions)
    add_names_after_titles(analysis, calendar, credited)
    add_names_before_appositions(analysis, calendar, credited)
    drop_unconfirmed_title_case(analysis)
    add_missed_speakers(analysis)
    promote_surnames(analysis)
    promote_titled_names(analysis)
    drop_products(analysis)
    name_words = {word for m in analysis.persons() if " " in m.name for word in m.name.split()}
    for doc in docs:
        doc.user_data[NAME_WORDS] = name_words
    for mention in analysis.persons():
        after = title_after(mention.span)
        as_role = title_as(mention.span, after.end if after else None)
        said = (title_by_copula(mention.span) or title_in_next_sentence(mention.span)) \
            if after is None and as_role is None else None
        before = title_before(mention.span) or title_among_peers(mention.span) or title_before_examples(mention.span) \
            or title_as_opening(mention.span)
        then = title_by_joined_copula(mention.span) if as_role is None else None
        mention.roles = (ranks_apart(before, analysis.lang) + [r for r in (after, as_role, said, then) if r]
                         + joined_title(after, mention.span.doc, analysis.lang))
        mention.nationality = nationality_before(mention.span)
        mention.party = party_after(mention.span)
        mention.employer = employer_after(mention.span)
    share_plural_titles(analysis)
    share_titles_after_lists(analysis)
    titles_by_reference(analysis)
    drop_lone_names(analysis)
    demote_names_in_titles(analysis)
    return analysis



def _bare_name_word(token: Token, lang: Language) -> bool:
    """A capitalised proper noun NER left unlabelled, which no title, portfolio or country is."""
    lower = token.lower_
    return (token.pos_ == "PROPN" and token.is_alpha and token.text[:1].isupper() and not token.is_upper
            and not token.ent_type_ and not is_title_word(token, lang) and lower not in lang.honorifics
            and lower not in lang.portfolio_words and lower not in lang.title_modifiers
            and lower not in lang.not_name_words and country_of(token.text, lang=lang.code) is None)


def add_names_after_titles(analysis: Analysis, calendar: frozenset[str], credited: set[str]) -> None:
    """Two or three proper nouns right after an honorific or a title run, which NER left unlabelled,
    are a person: "Dr Atilla Kisla, the ... lead", "former Arkansas Governor Asa Hutchinson"."""
    lang = analysis.lang
    taken = {(id(m.span.doc), i) for m in analysis.mentions for i in range(m.span.start, m.span.end)}
    for index, sent in enumerate(analysis.sentences):
        doc = sent.doc
        for token in sent[:-2]:
            if not _bare_name_word(doc[token.i + 1], lang):
                continue  # the cheap test first: a bare proper noun after it
            honorific = token.lower_ in lang.honorifics
            if not (honorific or is_title_word(token, lang)):
                continue
            end = token.i + 1
            while end < sent.end and end - token.i <= 4 and _bare_name_word(doc[end], lang):
                end += 1
            name = doc[token.i + 1 : end]
            if not 2 <= len(name) <= 3 or (end < sent.end and doc[end].text[:1].isupper()) \
                    or any((id(doc), i) in taken for i in range(name.start, name.end)):
                continue
            if not honorific and title_before(name) is None:
                continue
            cleaned = clean_person(name, lang, calendar)
            if cleaned is not None and credit_key(cleaned[1]) not in credited:
                analysis.mentions.append(Mention("person", cleaned[1], cleaned[0], index))
                taken.update((id(doc), i) for i in range(name.start, name.end))
    analysis.mentions.sort(key=lambda m: (m.sentence, m.span.start))


def add_names_before_appositions(analysis: Analysis, calendar: frozenset[str], credited: set[str]) -> None:
    """Two or three proper nouns NER left unlabelled, set off by a comma and a title in apposition,
    are a person: "Ana Escrogima, the U.S. ambassador to Oman, told ...", "Amit Mehrotra, an analyst
    for Deutsche Bank"."""
    lang = analysis.lang
    taken = {(id(m.span.doc), i) for m in analysis.mentions for i in range(m.span.start, m.span.end)}
    for index, sent in enumerate(analysis.sentences):
        doc, i = sent.doc, sent.start
        while i < sent.end:
            end = i
            while end < sent.end and end - i < 4 and _bare_name_word(doc[end], lang):
                end += 1
            opens = i == sent.start or not doc[i - 1].text[:1].isupper()
            if opens and 2 <= end - i <= 3 and end < sent.end and doc[end].text == "," \
                    and not any((id(doc), k) in taken for k in range(i, end)) and title_after(doc[i:end]) is not None \
                    and (cleaned := clean_person(doc[i:end], lang, calendar)) is not None \
                    and credit_key(cleaned[1]) not in credited:
                analysis.mentions.append(Mention("person", cleaned[1], cleaned[0], index))
            i = max(end, i + 1)
    analysis.mentions.sort(key=lambda m: (m.sentence, m.span.start))


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


def promote_titled_names(analysis: Analysis) -> None:
    """A name the model took for an organisation right after a title of its own is a person:
    "President-elect Trump", "Coach Nelson" (proper nouns only, the title capitalised); so is one it
    took for an organisation or a place with a title in apposition ("Eswar Prasad, a trade professor
    at Cornell", "Mason Rudolph, a below average quarterback"), wherever the article names it."""
    lang = analysis.lang
    named = set()
    for m in analysis.mentions:
        span, before = m.span, m.span.doc[m.span.start - 1] if m.span.start > 0 else None
        if before is not None and before.lower_ in lang.roles.words("after_office") and before.i >= 2:
            before = before.doc[before.i - 2]  # "President-elect Trump"
        proper = len(span) <= 3 and all(t.pos_ == "PROPN" for t in span)
        if m.type == "org" and before is not None and proper \
                and before.text[:1].isupper() and (is_title_word(before, lang) or before.lower_ in lang.honorifics):
            m.type = "person"
        elif m.type in ("org", "place") and proper and len(span) >= 2 and all(capitalised(t) for t in span) \
                and span.end + 2 < len(span.doc) and span.doc[span.end].text == "," \
                and span.doc[span.end + 1].lower_ in lang.determiners \
                and country_of(m.name, lang=lang.code) is None and title_after(span) is not None:
            named.add(m.name)
    for m in analysis.mentions:
        if m.name in named:
            m.type = "person"


def _titled(span: Span) -> bool:
    """Whether a title stands before a name, no noun after it: not "the deputy White House press secretary"."""
    return title_before(span) is not None and not (
        span.end < len(span.doc) and span.doc[span.end].pos_ == "NOUN" and span.doc[span.end].is_lower)


def drop_products(analysis: Analysis) -> None:
    """A "person" whose first word opens an organisation the article names is that organisation's
    product or part: "Google Stadia", "Nintendo Switch", "Blue Moon" beside Blue Origin."""
    # not a given name the model took for an organisation as often as for a person ("LeBron" beside
    # "LeBron James"), nor a name it gave a title as a person ("Scooter Braun's company" beside
    # "talent manager Scooter Braun")
    tagged = Counter((m.name, m.type) for m in analysis.mentions)
    titled = {m.name for m in analysis.persons() if tagged[m.name, "org"] and _titled(m.span)}
    openers = {m.span[0].text for m in analysis.mentions if m.type == "org" and m.name not in titled
               and (m.words >= 2 or tagged[m.name, "org"] > tagged[m.name, "person"])}
    products = {m.name for m in analysis.persons() if m.words >= 2 and m.name.split()[0] in openers}
    # a "name" followed by a model's tier somewhere in the article: "Nintendo Switch Lite", "... Pro controller"
    tiers = analysis.lang.not_name_words
    text = "\n".join(analysis.texts)
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
    as in "Carlineo's attorney", or titled in turn: "an aide to Vice President Pence")."""
    possessives = analysis.lang.possessives
    for m in analysis.persons():
        doc = m.span.doc
        following = doc[m.span.end].text if m.span.end < len(doc) else ""
        if following in possessives or any(role.end == m.span.start for role in m.roles):
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
    persons = _outside_brackets(analysis.persons())
    carried: RoleMention | None = None  # the title in the singular, passed along the list
    for first, m in zip(persons, persons[1:]):
        if not listed_together(first, m, joiners) or m.roles:
            carried = None
            continue
        if carried is None:
            # the list's first name carries the title; later names carry it on
            head = next((r for r in first.roles if r.end <= first.span.start), None)
            singular = singular_title(head.title, m.span.doc[head.end - 1]) if head is not None else None
            if head is None or singular is None:
                continue
            carried = replace(head, title=singular)
            if first.roles and first.roles[0] is head:
                first.roles[0] = carried
        m.roles = [replace(carried, start=m.span.start, end=m.span.start)]


def share_titles_after_lists(analysis: Analysis) -> None:
    """A plural title after a list of names and "both"/"all" is each one's: "Kevin King and
    Timothy Weeks, both professors at the American University of Kabul"."""
    joiners = {",", *analysis.lang.roles.words("and_word")}
    distributive = analysis.lang.roles.words("distributive")
    persons = _outside_brackets(analysis.persons())
    for index, last in enumerate(persons):
        doc = last.span.doc
        end = after_bracket(doc, last.span.end, len(doc), analysis.lang)  # "Timothy Weeks (Australia), both"
        if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in distributive:
            continue
        after = next((r for r in last.roles if r.start > last.span.start), None)
        head = after.title.split()[-1] if after is not None else ""
        noun = next((t for t in doc[after.start : after.end] if t.text == head), None) if after else None
        singular = singular_title(after.title, noun) if after is not None and noun is not None else None
        if after is None or singular is None or not head.endswith("s"):
            continue  # "professors", not "both the minister's"
        single = replace(after, title=singular)
        last.roles = [single if r is after else r for r in last.roles]
        for earlier, later in zip(reversed(persons[:index]), reversed(persons[1 : index + 1])):
            if not listed_together(earlier, later, joiners):
                break
            if not earlier.roles:
                earlier.roles = [replace(single, start=earlier.span.start, end=earlier.span.start)]


def listed_together(first: Mention, later: Mention, joiners: set[str]) -> bool:
    """Two names next to each other in one list: in one sentence, only commas and "and" between,
    and bracketed asides ("Elizabeth Warren (D-Mass.) and Bernie Sanders")."""
    doc = later.span.doc
    between, depth = [], 0
    for t in doc[first.span.end : later.span.start]:
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and t.text != ")":
            between.append(t)
    return (first.span.doc is doc and first.sentence == later.sentence and bool(between)
            and all(t.lower_ in joiners for t in between))


def _outside_brackets(mentions: list[Mention]) -> list[Mention]:
    """The mentions not inside brackets that others of their sentence are outside: "James Rigney
    (better known as Robert Jordan)" lists Rigney (a sentence all in brackets keeps its names)."""
    def depth(m: Mention) -> int:
        return sum((t.text == "(") - (t.text == ")") for t in m.span.doc[sentence_start(m.span) : m.span.start])
    depths = {id(m): depth(m) for m in mentions}
    least: dict[int, int] = {}
    for m in mentions:
        least[m.sentence] = min(least.get(m.sentence, depths[id(m)]), depths[id(m)])
    return [m for m in mentions if depths[id(m)] == least[m.sentence]]


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
        titled = any(len(span) == 1 and title_after(span) is not None for _, span in spans)
        if (name not in full and not titled) or name in organisations:
            # "Twitter said", "Reuters said": organisations speak too; a person is named in full
            # somewhere, or given a title ("glisse Zineb, étudiante en littérature")
            continue
        for index, span in spans:
            if (id(span.doc), span.start) not in taken:
                taken.update((id(span.doc), i) for i in range(span.start, span.end))
                analysis.mentions.append(Mention("person", span.text, span, index))
    analysis.mentions.sort(key=lambda m: (m.sentence, m.span.start))


def _as_a_name(token: Token) -> bool:
    """A known surname used as a name: tagged a proper noun, or opening a sentence tagged a common
    noun before a verb or punctuation ("Hege is the CEO of DH"; not "Rice prices rose")."""
    if token.pos_ == "PROPN":
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.pos_ == "NOUN" and bool(token.is_sent_start) and following is not None \
        and (following.pos_ in ("AUX", "VERB", "PUNCT") or following.tag_ == "POS")


def promote_surnames(analysis: Analysis) -> None:
    """A known person's surname that NER tagged otherwise, or missed, is that person.

    The small English model tags some surnames as places ("Dubois told parliament"); once the
    article has named the person in full, the surname alone means them, and so does a name tagged
    otherwise in fewer sentences.
    """
    code = analysis.lang.code
    surnames = {m.surname for m in analysis.mentions if m.type == "person" and m.words >= 2}
    lone = {m.name for m in analysis.mentions if m.type == "person" and not m.person_name.given}  # "De La Rosa"
    for m in analysis.mentions:
        # a full name the model took for an organisation, whose surname alone it calls a person
        if m.type == "org" and len(m.span) >= 2 and any(m.name.endswith(" " + name) for name in lone) \
                and all(t.pos_ == "PROPN" for t in m.span) and not names_a_law(m.span, analysis.lang):
            m.type = "person"
            surnames.add(m.span[-1].text)
    labels: Counter = Counter()
    others = {m.name for m in analysis.mentions if m.type != "person"}
    for m in analysis.mentions:  # a person given a title counts twice (it decides only beside other tags)
        labels[m.name, m.type == "person"] += 1 + (m.type == "person" and m.name in others and _titled(m.span))
    # a name the model calls a person more often than not, a one-word name at least twice ("Trump"),
    # a titled full name beside one organisation of its name ("talent manager Scooter Braun")
    voted = {name for (name, person), n in labels.items()
             if person and n > labels[name, False] and (len(name.split()) >= 2 or n >= 2)}
    for m in analysis.mentions:
        if m.type != "person" and ((len(m.span) == 1 and m.name in surnames) or m.name in voted) \
                and (country_of(m.name, lang=code) is None or m.span[0].ent_type_ not in analysis.lang.place_labels):
            m.type = "person"  # and the full name the model tagged a place once: "Francisca Joly-Gomez"
    if not surnames:
        return
    covered = {(id(m.span.doc), i) for m in analysis.mentions for i in range(m.span.start, m.span.end)}
    for index, sent in enumerate(analysis.sentences):
        for token in sent:
            if token.text in surnames and _as_a_name(token) and (id(token.doc), token.i) not in covered:
                analysis.mentions.append(Mention("person", token.text, token.doc[token.i : token.i + 1], index))
    analysis.mentions.sort(key=lambda m: (m.sentence, m.span.start))

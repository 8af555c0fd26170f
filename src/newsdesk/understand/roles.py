"""Titles written around a person's name: "Russian President Vladimir Putin", "presidential aide
Vladimir Medinsky", "then-UK Prime Minister Boris Johnson", "Will Moy, chief executive of the
fact-checking website Full Fact,", "the Kremlin spokesman, Dmitry Peskov,"; in French "le président
russe Vladimir Poutine", "Sophie Binet, la secrétaire générale de la CGT".

A title is read from the tokens next to the name: a run of capitalised words, role nouns and the
words that modify them, holding at least one role noun. A country or nationality word in it
("Russian", "US", "russe") or a possessive before it ("Russia's") is the affiliation; an
organisation inside the title or its complement ("Kremlin spokesman", "CEO of Ceres Robotics") is
kept as the title's organisation; a qualifier ("newly appointed", "then-", "former", "ancien") is
kept apart, in English words. Every word list is the language's (`newsdesk.lang`); the rules read
tokens, tags and entity labels only: no parse tree is needed.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lang import Language
from ..lang.countries import country_of, country_of_demonym
from .asides import (after_adverb, after_age, after_bracket, after_footnote, before_bracketed_name, before_quoted_aside,
                     lists_on)
from .nlp import lang_of, sentence_end, sentence_start
from .titlewords import (adjective_of_title, capitalised, hyphenated, in_run, is_title_word, opens_name, phrase_at,
                         qualifies_plural, served_title_start, serves_entity, singular_title)


@dataclass
class RoleMention:
    """A title as written next to one mention of a person."""

    title: str  # "President", "negotiator", "Main Intelligence Directorate (GRU) head", "chief executive"
    text: str  # as written, with its affiliation word: "Russian President", "chief executive of Full Fact"
    qualifier: str | None
    affiliation: str | None  # the country or place word that gives it: "Russian", "UK", "Russia", "South Dakota"
    org: str | None  # an organisation named in the title or its complement: "Kremlin", "Full Fact"
    start: int  # token index where the written title starts (affiliation included)
    end: int  # token index just after it
    public: bool  # a public office, whose holder acts for a state


def title_before(person: Span) -> RoleMention | None:
    """The title written just before a person's name, before it and a comma ("the Kremlin
    spokesman, Dmitry Peskov") or before "named" ("a meteorologist named Edward Lorenz")."""
    doc = person.doc
    lang = lang_of(doc)
    sent_start = sentence_start(person)
    end = before_bracketed_name(doc, person.start, person.end) or person.start
    end = before_quoted_aside(doc, end, sent_start) or end
    if end - 1 > sent_start and doc[end - 1].lower_ in lang.roles.words("naming_words"):
        end -= 1  # "a meteorologist named Edward Lorenz"
    if end - 1 > sent_start and doc[end - 1].text == ",":
        role = run_before(doc, end - 1, sent_start, lang) or _title_with_complement(doc, end - 1, sent_start, lang)
        if role is not None and _opens_apposition(doc, role, sent_start, lang, person.end):
            return _ones_share(doc, role, lang)  # "one of the organisers, Kelly L Clarke"
    role = run_before(doc, end, sent_start, lang, name_follows=True)
    # "fears that a President Connolly might confuse the world": no one holds it yet; but an office
    # in lower case or with its organisation is a description: "a VOA reporter Nisan Ahmado"
    if role is not None and role.start > sent_start and doc[role.start - 1].lower_ in lang.roles.words("hypothetical") \
            and capitalised(doc[role.start]) and role.org is None:
        return None
    return _ones_share(doc, role, lang) if role is not None else None  # "Singer-guitarists Tom Johnston and"


def _ones_share(doc: Doc, role: RoleMention, lang: Language) -> RoleMention:
    """One person's share of a title in the plural: the title in the singular."""
    if is_title_word(doc[role.end - 1], lang) and (singular := singular_title(role.title, doc[role.end - 1])):
        role.title = singular
    return role


def _title_with_complement(doc: Doc, comma: int, sent_start: int, lang: Language) -> RoleMention | None:
    """A title and its complement between a determiner and the comma before a name: "the head of
    Transnet's engineering centre, Tauqeer Ahmed", "the UN undersecretary general for legal affairs,
    Elinor Hammarskjöld". The phrase holds no verb and no punctuation but a possessive or a hyphen."""
    complement = lang.roles.words("complement")
    for d in range(comma - 1, sent_start - 2, -1):
        if d < sent_start:  # no determiner: the sentence opens with the title ("Première et éphémère
            if (k := _bare_title_opening(doc, sent_start, comma, lang)) < 0:  # ministre des Armées, Sylvie Goulard")
                return None
            d = k - 1
        elif (token := doc[d]).pos_ in ("VERB", "AUX", "PRON") or (
                token.is_punct and token.text not in lang.possessives and token.text not in "-()"):
            return None
        elif token.lower_ not in lang.determiners and token.lower_ not in lang.names.words("possessive_determiners"):
            continue
        head_end = _portfolio_end(doc, next((t.i for t in doc[d + 1 : comma] if t.lower_ in complement), comma),
                                  comma, lang)
        if head_end < comma and any(is_title_word(t, lang) for t in doc[d + 1 : head_end]):
            # a person in the complement is whom the title serves ("conseiller d'Emmanuel Macron,"):
            # the role's text stops before them, so they stay a person
            served = any(e.label_ in lang.person_labels and head_end <= e.start < comma for e in doc.ents)
            role = role_from_tokens(doc, d + 1, head_end, sent_start, lang, text_end=None if served else comma)
            if role is not None and not served:
                role.org = complement_org(doc, head_end, comma, lang) or role.org
            return role
    return None


def _bare_title_opening(doc: Doc, start: int, end: int, lang: Language) -> int:
    """Where the title opening doc[start:end] starts, after nothing but qualifiers and adjectives
    (the first title word; where adjectives follow the noun, the first noun), or -1."""
    after = lang.roles.data.get("adjectives_after")
    k = next((t.i for t in doc[start:end] if (is_title_word(t, lang) and not (after and t.pos_ == "ADJ")) or (
        t.lower_ not in lang.qualifier_words and t.pos_ not in ("ADJ", "CCONJ"))), end)
    return k if k < end and is_title_word(doc[k], lang) else -1


def _portfolio_end(doc: Doc, complement: int, end: int, lang: Language) -> int:
    """Where a title ends whose complement is a portfolio ("undersecretary general for legal
    affairs", "ministre de la Santé"): the portfolio is part of the office."""
    words = doc[complement + 1 : end]
    if complement < end and len(words) and all(
            t.lower_ in lang.portfolio_words or t.lower_ in lang.roles.words("connectors") for t in words):
        return end
    return complement


def complement_org(doc: Doc, start: int, end: int, lang: Language) -> str | None:
    """The organisation named last in a title's complement: "chief executive of the website Full
    Fact" (any label: the small model calls some organisations people)."""
    # a person with a title of their own is whom the title serves, and the complement stops there:
    # "aide to Vice President Pence on Trump's call"
    end = next((e.start for e in doc.ents if e.label_ in lang.person_labels and start < e.start < end
                and is_title_word(doc[e.start - 1], lang)), end)
    # a name running on past the complement's end keeps its part inside:
    # "at Boeing Defense, Space, and Security"
    named = [doc[e.start : min(e.end, end)] for e in doc.ents if serves_entity(e, lang)
             and start <= e.start < end
             and not is_title_word(e[0], lang)  # not a title: "du président de la République"
             and not qualifies_plural(doc, e.end, end)  # nor a kind of people: "a consultant for Amazon sellers"
             and country_of(e.text, lang=lang.code) is None]  # nor a place the model took for one: "envoy to Kyiv"
    if not named:
        return None
    # an organisation the model saw before a name it took for a person: "chairman of the Council of
    # Economic Advisers in the Carter administration"
    orgs = [n for n in named if n.label_ in lang.org_labels or doc[n.start].ent_type_ in lang.org_labels]
    org = _strip_possessive((orgs or named)[-1], lang)
    return (org[1:] if len(org) > 1 and org[0].lower_ in lang.determiners else org).text  # "the Department of ..."


def _opens_apposition(doc: Doc, role: RoleMention, sent_start: int, lang: Language, name_end: int) -> bool:
    """Whether a title before a comma and a name is an apposition: opened by a determiner ("the
    Kremlin spokesman, Dmitry Peskov", "la nouvelle ministre des Sports, Roxana Maracineanu"), a
    possessive ("his lawyer, ...", "son interprète principal, ...") or a possessive owner ("South
    Africa's minister of electricity, ..."). Inside a clause ("After meeting the president, Anna
    Berg left") the name must close the apposition: a comma or the sentence's end after it. A plural
    title is the apposition of a list only ("master's students, Mohey said" is none)."""
    after = doc[name_end] if name_end < len(doc) else None
    listed = after is not None and (after.text in ",&" or after.pos_ == "CCONJ")
    if singular_title(role.title, doc[role.end - 1]) and not listed:
        return False
    if any(t.text in lang.possessives for t in doc[role.start : role.end]):
        return True
    i = role.start - 1
    qualified = lang.qualifier_before.search(doc[sent_start : role.start].text) if lang.qualifier_before else None
    if qualified is not None:  # "The newly appointed ambassador, Li Wei": the qualifier may be a verb
        found = doc[sent_start : role.start].char_span(qualified.start(), qualified.end(), alignment_mode="expand")
        i = found.start - 1 if found is not None else i
    while i >= sent_start and (doc[i].lower_ in lang.qualifier_words or doc[i].pos_ == "ADJ" or (
            doc[i].pos_ == "CCONJ" and i > sent_start and doc[i - 1].pos_ == "ADJ")):  # "Première et éphémère"
        i -= 1
    closed = name_end >= len(doc) or bool(doc[name_end].is_sent_start) or doc[name_end].is_punct
    if i < sent_start:
        # a title opening the sentence, set off by commas: "Minister of Natural Resources, Mohlomi Moleko, said"
        # or holding a complement ("Former chief executive of Apple, John Sculley said"), or written
        # as a formal title, in capitals ("Senate Leader, Ahmad Lawan raises a motion")
        return (name_end < len(doc) and doc[name_end].text == ",") or capitalised(doc[role.end - 1]) or any(
            t.lower_ in lang.roles.words("complement") for t in doc[role.start : role.end + 1])
    if doc[i].text in lang.possessives:
        return True  # an owner before it: "the Prime Minister's national security adviser, Andrew Shearer"
    if not (doc[i].lower_ in lang.determiners or doc[i].lower_ in lang.names.words("possessive_determiners")):
        return False
    opens_clause = i == sent_start or doc[i - 1].is_punct
    return opens_clause or closed


def run_before(doc: Doc, end: int, sent_start: int, lang: Language, name_follows: bool = False) -> RoleMention | None:
    """The title whose run of words ends just before `end`; when `name_follows`, a name follows
    the run with nothing between, and the run may open with the job of someone serving them."""
    i = end - 1
    following = None
    while i >= sent_start and (in_run(doc[i], following, lang) or _listing_titles(doc, i, end, following, lang)):
        inside_name = doc[i].text[:1].isupper() and end < len(doc) and all(
            doc[j].ent_iob_ == "I" for j in range(i + 1, end + 1))
        if doc[i].ent_type_ in lang.person_labels and not inside_name and not is_title_word(doc[i], lang) and not (
                following is not None and is_title_word(following, lang) and _org_taken_for_a_person(doc[i], lang)):
            break  # another person's name; the title NER took into this one's span stays ("King Charles")
        following = doc[i]
        i -= 1
    start = served_title_start(doc, i + 1, end, lang) if name_follows else i + 1
    # a bracketed aside opening the run is none of it ("(CNN) President Donald Trump"; an acronym
    # inside stays: "Department of ... (Dirco) director-general"), and a run cannot start with a
    # closing bracket, a connector or inside a hyphenated word ("24-year-old graduate student")
    if doc[start].text == "(":
        start = next((j + 1 for j in range(start, end) if doc[j].text == ")"), start)
    while start < end and (doc[start].text in (")", "-", "‐") or doc[start].lower_ in lang.roles.words("connectors")
                           or (hyphenated(doc[start]) and doc[start].is_lower and not is_title_word(doc[start], lang))):
        start += 1
    while end > start and doc[end - 1].lower_ in lang.honorifics:
        end -= 1  # "his longtime physician Dr. Harold Bornstein": the honorific is the name's
    if start >= end:
        return None
    return role_from_tokens(doc, start, end, sent_start, lang)


def _listing_titles(doc: Doc, i: int, end: int, following: Token | None, lang: Language) -> bool:
    """A comma between two titles of a list that "and" closes: "chairman, CEO and president Craig Menear"."""
    return doc[i].text == "," and i > 0 and following is not None and is_title_word(following, lang) \
        and is_title_word(doc[i - 1], lang) and any(t.lower_ in lang.roles.words("and_word") for t in doc[i + 1 : end])


def title_after(person: Span) -> RoleMention | None:
    """An appositive title: "Dmitry Peskov, the Kremlin spokesman, said"; "Sonya Zoghlin, Carlineo's attorney,"."""
    doc = person.doc
    sent_end = sentence_end(person)
    i = after_footnote(doc, person.end, sent_end)  # "Antoine*, chargé de cours"
    i = after_bracket(doc, i, sent_end, lang_of(doc))  # "Brian Babin (R-TX), ranking member of the space subcommittee"
    if i >= sent_end or doc[i].text not in (",", "–", "—"):
        return None
    return _appositive(doc, i, sent_end, lang_of(doc), second=True)


def _appositive(doc: Doc, i: int, sent_end: int, lang: Language, second: bool) -> RoleMention | None:
    """The title set off by the comma or dash at `i`; when `second`, the next one too if this one
    holds none: "Jean-Jacques Bridey, un des premiers « marcheurs », actuel président de la commission"."""
    dashed = doc[i].text != ","  # "Andy Kaufman – comique et génie de la performance –"
    i = after_age(doc, i + 1, sent_end, lang)  # "Hayley Walsh, 42, a lecturer from Nottingham"
    i, adverb = after_adverb(doc, i, sent_end, lang)  # "Sarah Gille, now a physical oceanographer at"
    one_of = phrase_at(doc, i, lang.roles.list("one_of"))
    i += one_of  # "Beth Meacham, one of his editors at Tor": an editor
    determiner = doc[i].lower_ if i < sent_end else ""
    if i < sent_end and (doc[i].lower_ in lang.determiners or doc[i].lower_ in lang.roles.words("distributive")
                         or (one_of and doc[i].lower_ in lang.names.words("possessive_determiners"))):
        i += 1  # "the Kremlin spokesman"; "Kevin King and Timothy Weeks, both professors at ..."
    start = i
    end = next((j for j in range(start, sent_end) if doc[j].text in (",", ";", ":", ".", "—", "–")), sent_end)
    if end == start or doc[start].is_quote or doc[start].pos_ in ("CCONJ", "SCONJ") \
            or (end < sent_end and doc[end].text not in (",", ".", ";") and not dashed):
        return None  # words quoted after a name are someone's, and a clause is no title: ", and so the writers"
    if lists_on(doc, determiner, end, sent_end, lang):
        return None  # a list: "Lorenz, his secretary, his programmer and his graduate students shared"
    complement = lang.roles.words("complement")
    first_verb = next((t.i for t in doc[start:end] if t.pos_ in ("VERB", "AUX", "PRON") and not hyphenated(t)
                       and t.lower_ not in lang.role_nouns  # "chargé de cours", tagged a verb
                       and t.lower_ not in lang.qualifier_words  # "the acting director"
                       and not (t.i + 1 < end and is_title_word(doc[t.i + 1], lang))), end)  # "founding director"
    if first_verb < end:
        end = first_verb  # "un jardinier californien atteint d'un cancer": the title ends at the verb
    # not inside an organisation's name: "Washington State Department of Health public information officer"
    first_complement = next((t.i for t in doc[start:end] if t.lower_ in complement
                             and not (t.ent_iob_ == "I" and t.ent_type_ in lang.org_labels)), end)
    if not any(is_title_word(t, lang) for t in doc[start:first_complement]):
        # not after another person, named or owned ("whose father, also as governor", "his wife, a lawyer")
        if second and end < sent_end and doc[end].text == "," and not any(
                t.ent_type_ in lang.person_labels or {"Poss=Yes", "PronType=Rel"} & set(str(t.morph).split("|"))
                for t in doc[i:end]):
            return _appositive(doc, end, sent_end, lang, second=False)
        return None  # "the younger brother of the Taliban's deputy leader": a relation, not a title
    head_end = _portfolio_end(doc, first_complement, end, lang)
    while head_end > start + 1 and doc[head_end - 1].pos_ in ("ADJ", "ADP", "ADV") and doc[head_end - 1].is_lower \
            and not is_title_word(doc[head_end - 1], lang) and not adjective_of_title(doc[head_end - 1], lang):
        head_end -= 1  # words after the title that are none of it: "a young British filmmaker hot off"
    for name in (e for e in doc.ents if e.label_ in lang.person_labels and start <= e.start and e.end <= end):
        if name[-1].text in lang.possessives or (name.end < len(doc) and doc[name.end].text in lang.possessives):
            continue  # an owner: "Carlineo's attorney"
        own_title = title_before(name)
        if (name.start < head_end and len(name) >= 2) or (own_title and own_title.start <= start):
            return None  # the next name in a list ("Lavrov, Chief of General Staff Valery Gerasimov, ..."), not a title
    last = max((t.i for t in doc[start:head_end] if is_title_word(t, lang)), default=start)
    while last + 2 < head_end and doc[last + 1].text == "-" and not doc[last].whitespace_:
        last += 2  # the rest of a hyphenated title: "singer-keyboardist"
    if last + 1 < head_end and all(t.pos_ == "PROPN" and capitalised(t) for t in doc[last + 1 : head_end]):
        return None  # a title and a name after it: the next person in a list ("Simmons, singer-keyboardist McDonald,")
    role = role_from_tokens(doc, start, head_end, start, lang, text_end=end)
    if role is not None and one_of and (singular := singular_title(role.title, doc[last])) is not None:
        role.title = singular
    if role is not None and head_end < end:
        role.org = complement_org(doc, head_end, end, lang) or role.org
    if role is not None and adverb is not None and adverb in lang.past_qualifiers:
        role.qualifier = role.qualifier or canonical_qualifier(adverb, lang)
    return role


def canonical_qualifier(word: str, lang: Language) -> str:
    """A qualifier in English words, whatever the article's language: "ancien" -> "former"."""
    return lang.roles.table("qualifier_meanings").get(word, word)


def _entity_at(doc: Doc, i: int, labels: frozenset[str]) -> Span | None:
    token = doc[i]
    if token.ent_iob_ != "B" or token.ent_type_ not in labels:
        return None
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[i:end]


#: doc.user_data key: the words of every person's full name in the article (its other paragraphs too).
NAME_WORDS = "newsdesk.name_words"


def _org_taken_for_a_person(token: Token, lang: Language) -> bool:
    """A one-word "person" opening a title, no word of any fuller name in the article: an
    organisation the NER took for one ("Twitter CEO Jack Dorsey"), not a person's surname ("Trump
    adviser John Bolton", where Donald Trump is named)."""
    doc = token.doc
    if token.ent_iob_ != "B" or (token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"):
        return False
    names = doc.user_data.get(NAME_WORDS)
    if names is None:
        names = {t.text for e in doc.ents if e.label_ in lang.person_labels and len(e) > 1 for t in e}
    return token.text not in names


def _name_before_title(doc: Doc, start: int, end: int, lang: Language) -> str | None:
    """Capitalised words opening a title that name who it is for: "Chargers coach", "Kremlin spokesman"."""
    i = start
    while i < end and capitalised(doc[i]) and doc[i].pos_ != "ADJ" and not is_title_word(doc[i], lang) \
            and doc[i].lower_ not in lang.title_modifiers and doc[i].lower_ not in lang.portfolio_words \
            and (doc[i].ent_type_ not in lang.affiliation_labels | lang.org_labels | lang.person_labels
                 or (doc[i].ent_type_ in lang.person_labels and _org_taken_for_a_person(doc[i], lang))):
        i += 1
    compound = i + 2 < end and doc[i + 1].text == "-" and not doc[i].whitespace_ and is_title_word(doc[i + 2], lang)
    if i == start or i >= end or not (is_title_word(doc[i], lang) or compound):  # "Wikileaks co-founder"
        return None
    return doc[start:i].text


def _clean(name: str, lang: Language) -> str:
    for possessive in lang.possessives:
        if len(possessive) > 1 and name.endswith(possessive):
            return name[: -len(possessive)].rstrip()
    return name


def _entity_start(doc: Doc, i: int) -> int:
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _strip_possessive(span: Span, lang: Language) -> Span:
    return span[:-1] if len(span) > 1 and span[-1].text in lang.possessives else span


def _demonym_inside(doc: Doc, start: int, end: int, lang: Language) -> int | None:
    """A nationality adjective after the title's first word: "président russe", "ministre turc", in
    a public office's complement ("secrétaire d'État américain"), not another noun's ("étudiante en
    littérature française")."""
    for t in doc[start + 1 : end]:
        if t.pos_ == "ADJ" and not capitalised(t) and country_of_demonym(t.text, lang.code) is not None and (
                is_title_word(doc[t.i - 1], lang) or any(u.lower_ in lang.public_office for u in doc[start : t.i])):
            return t.i
    return None


def _title_opening(doc: Doc, start: int, end: int, sent_start: int, lang: Language
                   ) -> tuple[int, int, Span | None, str | None, str | None]:
    """What opens a run of title words before the title itself: an owner with its possessive and
    qualifiers. (where the title starts, where the role's text starts, the owner, the owner as an
    affiliation when it is a country or people, the qualifier)."""
    qualifier = None
    possessives = lang.possessives
    # a possessive owner opening an appositive: "Carlineo's attorney", "Hong Kong's new police commissioner"
    owner = None
    for j in range(start, end - 1):
        if doc[j].text in possessives:
            owner = doc[start:j]
            start = j + 1
            break
    owned_by = None  # "his secretary": the owner is someone named elsewhere
    if owner is None and doc[start].lower_ in lang.names.words("possessive_determiners") and start < end - 1:
        owned_by, start = start, start + 1
    while start < end - 1 and doc[start].lower_ in lang.honorifics:
        start += 1  # a style before the title: "His Holiness Pope John Paul II"
    # a qualifier opening the run: "Former Prime Minister", "new police commissioner", "ancien ministre"
    run_start = start
    while start < end - 1 and doc[start].lower_ in lang.qualifier_words and not opens_name(doc, start, lang):
        qualifier = canonical_qualifier(doc[start].lower_, lang)
        start += 1 + (doc[start + 1].text == "-" and start + 2 < end)  # "ex-premier"
    affiliation = None
    written_start = owner.start if owner is not None else start if owned_by is None else owned_by
    affiliation_or_org = lang.affiliation_labels | lang.org_labels
    if owner is not None and owner[0].ent_type_ in affiliation_or_org:
        affiliation = owner.text
    # a possessive before the run: "Russia's Foreign Minister", "NASA's Administrator", "Tribune's former chairman"
    if owner is None and run_start - 2 >= sent_start and doc[run_start - 1].text in possessives \
            and doc[run_start - 2].ent_type_ in affiliation_or_org:
        written_start = _entity_start(doc, run_start - 2)
        owner = doc[written_start : run_start - 1]
        if doc[run_start - 2].ent_type_ not in lang.org_labels:
            affiliation = owner.text
    return start, written_start, owner, affiliation, qualifier


def role_from_tokens(doc: Doc, start: int, end: int, sent_start: int, lang: Language,
                     text_end: int | None = None) -> RoleMention | None:
    """Split a run of title words into qualifier, affiliation, organisation and title."""
    if not any(is_title_word(t, lang) for t in doc[start:end]):
        return None
    start, written_start, owner, affiliation, qualifier = _title_opening(doc, start, end, sent_start, lang)
    title_start = start
    # a leading country or place: "Russian President", "US Secretary of State", "South Dakota Gov."
    place = _entity_at(doc, title_start, lang.affiliation_labels)
    if place is None and title_start + 1 < end and country_of_demonym(doc[title_start].text, lang.code) is not None:
        place = doc[title_start : title_start + 1]  # "Philippine Marine Corps Commandant", unlabelled
    if place is not None and place.end < end:
        # a place before a job about places is its subject, not whom they act for: "China scholar"
        subjects = lang.roles.words("subject_nouns")
        about = doc[end - 1].lower_ in subjects or doc[place.end].lower_ in subjects
        affiliation = affiliation or (None if about else place.text)
        title_start = place.end
    title_words = [t.text_with_ws for t in doc[title_start:end]]
    inside = _demonym_inside(doc, title_start, end, lang)
    if inside is not None:
        affiliation = affiliation or doc[inside].text
        title_words[inside - title_start] = ""
    title_tokens = doc[title_start:end]
    if not any(is_title_word(t, lang) for t in title_tokens) or (
            len(title_tokens) == 1 and title_tokens[0].lower_ in lang.title_modifiers and title_tokens[0].is_lower
            and end < len(doc) and doc[end].pos_ in ("VERB", "AUX")):
        return None  # a modifier alone, the subject of a verb: "le premier termine l'action" (the former)
    # an organisation inside the run, its article left outside: "the University of Liverpool biochemist"
    orgs = [org.text for e in doc.ents if e.label_ in lang.org_labels and title_start < e.end <= end
            and (e.start >= title_start or (e.start == title_start - 1 and doc[e.start].lower_ in lang.determiners))
            and (org := doc[max(e.start, title_start) : e.end]).text.lower() not in lang.portfolio_words
            and not any(is_title_word(t, lang) for t in org)]
    prefix = _name_before_title(doc, title_start, end, lang)
    if prefix:
        orgs.append(prefix)
    if qualifier is None and lang.qualifier_before is not None:
        m = lang.qualifier_before.search(doc[max(sent_start, written_start - 3):written_start].text)
        if m:
            qualifier = canonical_qualifier(next(g for g in m.groups() if g).lower(), lang)
    return RoleMention(
        title=" ".join("".join(title_words).split()),
        text=doc[written_start : text_end or end].text,
        qualifier=qualifier,
        affiliation=affiliation,
        org=_clean(orgs[0], lang) if orgs else (owner.text if owner is not None and owner[0].ent_type_ in lang.org_labels
                                                 else None),
        start=written_start,
        end=text_end or end,
        public=any(t.lower_ in lang.public_office for t in title_tokens),
    )

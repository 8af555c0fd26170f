"""Titles a sentence gives a person away from the name: after "as" in the person's clause
("replace Mauricio Pochettino as Tottenham's manager", "Burnett takes home $2,800 a month as a
customer service representative"), by a demonstrative that points back to them ("Chris Christie
quit ... the career of this former federal prosecutor"), and by the peers the sentence opens with
("In a letter to other assistant deputy ministers, Murray Jones explained").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lang import Language
from .analysis import Analysis, Mention
from .asides import after_bracket, after_relative
from .nlp import lang_of, sentence_end, sentence_start
from .roles import RoleMention, complement_org, phrase_at, role_from_tokens, run_before
from .titlewords import capitalised, in_run, is_title_word, singular_title


#: The most words between a name and the "as" of its title ("will continue as", "takes home about
#: $2,800 a month as").
MAX_CLAUSE_TO_AS = 10


def _between_subject_and_as(token: Token, lang: Language) -> bool:
    """A word that may stand between a person and the "as" of their title without being the one the
    title is for: a verb group, and measures of time or money ("spent the past nine years as",
    "takes home about $2,800 a month as"); never a person, a pronoun or another noun ("hired the firm as")."""
    if token.pos_ in ("AUX", "VERB", "ADV", "PART"):
        return True
    if token.ent_type_ in lang.person_labels | lang.org_labels | lang.affiliation_labels:
        return False
    return (token.pos_ in ("DET", "NUM", "SYM", "ADJ") or token.like_num or token.lower_ in lang.time_units
            or (bool(token.ent_type_) and token.pos_ != "PRON"))


def title_as(person: Span, after: int | None = None) -> RoleMention | None:
    """A title after "as" in the person's clause: "replace Mauricio Pochettino as Tottenham's
    manager", "Berg will stay on as minister", "Burnett takes home $2,800 a month as a customer
    service representative"; from `after` (the end of an appositive) when given: "Catherine
    Connolly, a former mayor of Galway who's spent nine years as a lawmaker"."""
    doc = person.doc
    lang = lang_of(doc)
    sent_end = sentence_end(person)
    i = after_relative(doc, after if after is not None else person.end, sent_end, lang)
    if after is not None:
        if i >= sent_end or doc[i].lower_ not in lang.roles.words("relative_words") \
                or doc[i - 1].ent_type_ in lang.person_labels:
            return None  # "a friend of Joe Biden who served as ...": the relative is Biden's
        i += 1
    clause_end, verb = i + MAX_CLAUSE_TO_AS, False
    as_words = {phrase.split()[0] for phrase in lang.roles.list("as_words")}  # "as", "en" of "en tant que"
    if after is None:
        i = _past_possessed_noun(doc, i, sent_end, as_words, lang)
    while i < min(sent_end, clause_end) and doc[i].lower_ not in as_words:
        if verb and doc[i].pos_ == "ADP" and (org := _entity_after(doc, i + 1, lang.org_labels)) is not None:
            i = org.end  # a place in the verb's phrase, not its object: "signed to Universal as a songwriter"
            continue
        if doc[i].lower_ in lang.roles.words("succession_verbs") \
                and (held := _entity_after(doc, i + 1, lang.person_labels)) is not None:
            i, verb = held.end, True  # "Jeremy Hunt, who replaced Kwasi Kwarteng as chancellor": both held it
            continue
        if not _between_subject_and_as(doc[i], lang):
            break
        if doc[i].pos_ in ("AUX", "VERB"):
            verb = True
        elif doc[i].pos_ not in ("ADV", "PART") and not verb:
            return None  # a measure before any verb: not the person's clause
        i += 1
    left = any(t.lower_ in lang.roles.words("leaving_verbs") for t in doc[person.end : i])  # "stepped down as CEO"
    as_phrase = phrase_at(doc, i, lang.roles.list("as_words"))
    if not as_phrase:
        return None
    role = _title_from(doc, i + as_phrase, sent_end, lang)
    if role is not None and left:
        role.qualifier = "former"
    return role


def _past_possessed_noun(doc: Doc, i: int, sent_end: int, as_words: set[str], lang: Language) -> int:
    """The "as" after the person's possessive and a short noun phrase, else `i`: "Rachel Reeves' first
    major speech as chancellor", "Blair's decade as prime minister"."""
    if i >= sent_end or doc[i].text not in lang.possessives:
        return i
    j = i + 1
    while j < min(sent_end, i + 5) and doc[j].pos_ in ("ADJ", "NOUN", "NUM"):
        j += 1
    return j if j < sent_end and doc[j - 1].pos_ == "NOUN" and doc[j].lower_ in as_words else i


def _entity_after(doc: Doc, i: int, labels: frozenset[str]) -> Span | None:
    """The entity of one of `labels` that starts at `i`, past an article ("to the BBC")."""
    i += i < len(doc) and doc[i].lower_ in lang_of(doc).determiners
    return next((e for e in doc.ents if e.start == i and e.label_ in labels), None)


def title_as_opening(person: Span) -> RoleMention | None:
    """A title in the "as" phrase that opens the sentence, when the name follows its comma: "As a
    postdoc at Harvard University in 2011, Michael Howitt became fascinated"; "As President, Obama
    signed". Not when the phrase holds a verb ("As the storm passed, Ann Berg left")."""
    doc, lang = person.doc, lang_of(person.doc)
    comma, sent_start = person.start - 1, sentence_start(person)
    as_phrase = phrase_at(doc, sent_start, lang.roles.list("as_words"))
    if not as_phrase or comma <= sent_start or doc[comma].text != "," \
            or any(t.pos_ in ("VERB", "AUX") for t in doc[sent_start:comma]):
        return None
    role = _title_from(doc, sent_start + as_phrase, comma, lang)
    if role is not None and role.end < comma:
        role.org = complement_org(doc, role.end, comma, lang) or role.org
    return role


def _title_from(doc: Doc, start: int, sent_end: int, lang: Language) -> RoleMention | None:
    """The title that starts at `start` (after its article), up to its last title word: "a customer
    service representative", "Tottenham's manager"; None when no title starts there."""
    if start >= sent_end:
        return None
    if doc[start].lower_ in lang.determiners:
        start += 1
    end = start
    while end < sent_end and (doc[end].text in lang.possessives or doc[end].ent_type_
                              or doc[end].lower_ in lang.qualifier_words  # "new DHS acting secretary"
                              or in_run(doc[end], doc[end + 1] if end + 1 < sent_end else None, lang)
                              or (end + 1 < sent_end and doc[end + 1].text in lang.possessives)):  # an owner
        if doc[end].ent_type_ in lang.person_labels:
            return None
        end += 1
        if is_title_word(doc[end - 1], lang) and (end >= sent_end or not (
                is_title_word(doc[end], lang) or doc[end].text in lang.possessives
                or (capitalised(doc[end - 1]) and capitalised(doc[end]) and not doc[end].ent_type_))):
            break  # ... but a title that owns the next ("the President's physician") is not the title,
            # and a capitalised title runs on: "as the company's first Chief Strategy Officer"
    if end == start or not is_title_word(doc[end - 1], lang):
        return None
    return role_from_tokens(doc, start, end, start, lang)


def title_in_next_sentence(person: Span) -> RoleMention | None:
    """A sentence of nothing but a title, right after the sentence the name ends: a plaque's "In
    honored memory of John F. Kennedy (1917-1963). 35th President of the United States." (no verb
    and no other person in it)."""
    doc, lang = person.doc, lang_of(person.doc)
    end = sentence_end(person)
    stop = after_bracket(doc, person.end, end, lang)
    if end >= len(doc) or stop != end - 1 or doc[stop].text != ".":
        return None
    next_end = next((t.i + 1 for t in doc[end:] if t.text in ".!?"), len(doc))  # the model may split it more
    if any(t.pos_ in ("VERB", "AUX") or t.ent_type_ in lang.person_labels for t in doc[end:next_end]):
        return None
    head = next((t.i for t in doc[end:next_end] if t.pos_ == "ADP" or t.is_punct), next_end)
    while head > end and not is_title_word(doc[head - 1], lang):
        head -= 1
    role = run_before(doc, head, end, lang) if head > end else None
    if role is None or role.start > end + 1:  # the whole phrase, but an ordinal or article before it
        return None
    role.org = complement_org(doc, head, next_end, lang) or role.org
    return role


#: The most words of a verb group between a name and the title it says the person is ("has since
#: been named", "will also be").
MAX_COPULA_WORDS = 5


def title_by_copula(person: Span) -> RoleMention | None:
    """A title the person's own clause says they are or were made: "Hege is the CEO of DH",
    "Kevin McAleenan, who was the acting director of the Department", "Chad Wolf has been named new
    DHS acting secretary", "Howitt, who is now an immunologist at Stanford". The verbs are the
    language's (`roles.copulas`, `roles.appointed`); a negated clause gives none."""
    doc, lang = person.doc, lang_of(person.doc)
    sent_end = sentence_end(person)
    i = after_relative(doc, person.end, sent_end, lang)
    joined = _joined_subject_end(doc, i, lang)  # "Noel and Thomas were the only officers": Noel is one too
    i = joined or i
    copulas, appointed = lang.roles.words("copulas"), lang.roles.words("appointed")
    negations, between = lang.roles.words("negations"), lang.roles.words("copula_between")
    j, said = i, False
    while j < min(sent_end, i + MAX_COPULA_WORDS):
        word = doc[j]
        if word.lower_ in negations:
            return None
        if word.lower_ in copulas and word.pos_ in ("AUX", "VERB"):
            said = True
        elif not ((said and word.lower_ in appointed) or word.lower_ in between):
            break
        j += 1
    if not said:
        return None if joined else _title_by_verb(doc, i, sent_end, lang)
    if doc[j].lower_ in lang.roles.words("as_words"):
        j += 1  # "was named as"
    role = _title_from(doc, j, sent_end, lang)
    singular = singular_title(role.title, doc[role.end - 1]) if role is not None else None
    if joined and singular is None:
        return None  # two subjects, one title: not what either is
    if role is not None and singular is not None:
        role.title = singular  # "Noel and Thomas were the only officers"
    return _with_clause_org(role, doc, sent_end, lang)


def _with_clause_org(role: RoleMention | None, doc: Doc, sent_end: int, lang: Language) -> RoleMention | None:
    """A title said by a verb, with the organisation of its complement up to the clause's end when
    it names none itself: "is the CEO of DH, the Spokane firm" -> DH."""
    if role is not None and role.org is None:
        clause_end = next((t.i for t in doc[role.end : sent_end] if t.text in (",", ";", ":")), sent_end)
        role.org = complement_org(doc, role.end, clause_end, lang)
    return role


def _past(doc: Doc, i: int, end: int, words: frozenset[str]) -> int:
    """The first index from `i` whose word is none of `words`."""
    while i < end and doc[i].lower_ in words:
        i += 1
    return i


def title_by_joined_copula(person: Span) -> RoleMention | None:
    """A title said by a second verb of the person's clause, after "and": "Jim Cantrell, who worked
    at SpaceX in its earliest days and is now CEO of launch startup Phantom Space"; "Hartsell has
    been a member of TDU and was president of Local 90". Not past a comma, a person, a verb of
    speaking or "that" (the verb would be someone else's)."""
    doc, lang = person.doc, lang_of(person.doc)
    sent_end = sentence_end(person)
    i = after_relative(doc, person.end, sent_end, lang)
    stops = lang.quotes.words("speech_verbs") | lang.countries.words("reported")
    between = lang.roles.words("copula_between")
    for j in range(i, sent_end - 1):
        token = doc[j]
        if token.text in (",", ";", ":") or token.ent_type_ in lang.person_labels or token.lower_ in stops:
            return None
        if token.lower_ in lang.roles.words("and_word") and j > i:
            k = _past(doc, j + 1, sent_end, between)
            if k < sent_end and doc[k].lower_ in lang.roles.words("copulas") and doc[k].pos_ in ("AUX", "VERB"):
                return _with_clause_org(_title_from(doc, _past(doc, k + 1, sent_end, between), sent_end, lang),
                                        doc, sent_end, lang)  # "and is now CEO of ..."
    return None


def _joined_subject_end(doc: Doc, i: int, lang: Language) -> int | None:
    """The end of a second person's name joined to the first by "and" at `i`, or None."""
    if i + 1 >= len(doc) or doc[i].lower_ not in lang.roles.words("and_word"):
        return None
    name = next((e for e in doc.ents if e.start == i + 1 and e.label_ in lang.person_labels), None)
    return name.end if name is not None else None


def _title_by_verb(doc: Doc, i: int, sent_end: int, lang: Language) -> RoleMention | None:
    """An office the person's clause says they hold by its verb, with an organisation its object:
    "Scott Paul, who heads the Alliance for American Manufacturing" -> head (`roles.office_verbs`)."""
    verbs = lang.roles.table("office_verbs")
    if i >= sent_end or doc[i].lower_ not in verbs or doc[i].pos_ != "VERB":
        return None
    clause_end = next((t.i for t in doc[i + 1 : sent_end] if t.text in (",", ";", ":")), sent_end)
    start = i + 1 + (i + 1 < clause_end and doc[i + 1].lower_ in lang.determiners)
    if start >= clause_end or doc[start].ent_type_ not in lang.org_labels:
        return None  # "heads to Florida", "leads the team"
    end = min(clause_end, next((e.end for e in doc.ents if e.start <= start < e.end), clause_end))
    return RoleMention(title=verbs[doc[i].lower_], text=doc[i:end].text, qualifier=None, affiliation=None,
                       org=complement_org(doc, i + 1, end, lang), start=i, end=end, public=False)


def title_among_peers(person: Span) -> RoleMention | None:
    """A plural title after "other" or "fellow" in the phrase that opens the sentence is the title
    of the name that follows it: "In a letter to other assistant deputy ministers, Murray Jones
    explained"; "Like his fellow senators, Tom Hale voted". Not when the phrase holds a verb."""
    doc, lang = person.doc, lang_of(person.doc)
    comma, sent_start = person.start - 1, sentence_start(person)
    if comma <= sent_start or doc[comma].text != "," or doc[sent_start].pos_ not in ("ADP", "SCONJ"):
        return None
    phrase = doc[sent_start:comma]
    peer = next((t.i for t in reversed(phrase) if t.lower_ in lang.roles.words("peers")), None)
    if peer is None or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    role = role_from_tokens(doc, peer + 1, comma, peer + 1, lang)
    if role is None or not role.title.endswith(doc[comma - 1].text):
        return None
    singular = singular_title(role.title, doc[comma - 1])  # "ministers" -> "minister"
    if singular is None or singular == role.title:
        return None
    role.title = singular
    return role


def title_before_examples(person: Span) -> RoleMention | None:
    """A plural title before "including" or "such as" and the name, in the singular: "writers
    including Neil Gaiman, Jo Walton", "politicians such as Bill Clinton" (the later names of the
    list share it as any list does)."""
    doc, lang = person.doc, lang_of(person.doc)
    sent_start = sentence_start(person)
    if person.end < len(doc) and doc[person.end].text in lang.possessives:
        return None  # an owner, not an example: "officials, including Yoon's chief of staff"
    for phrase in lang.roles.list("examples"):
        words = phrase.split()
        end = person.start - len(words)
        if end > sent_start and [t.lower_ for t in doc[end : person.start]] == words:
            break
    else:
        return None
    if doc[end - 1].text == ",":
        end -= 1  # "writers, including"
    role = run_before(doc, end, sent_start, lang)
    if role is None or role.end != end:
        return None
    singular = singular_title(role.title, doc[end - 1])
    if singular is None:
        return None
    role.title = singular
    return role


def title_after_demonstrative(doc: Doc, i: int, sent_end: int, lang: Language) -> RoleMention | None:
    """The title a demonstrative at `i` opens when no name follows it: "this former federal
    prosecutor and governor of New Jersey" (not "this week", not "this year's President Ruto")."""
    start = end = i + 1
    while end < sent_end and in_run(doc[end], doc[end + 1] if end + 1 < sent_end else None, lang):
        if doc[end].ent_type_ in lang.person_labels:
            return None
        end += 1
    while end > start and not (is_title_word(doc[end - 1], lang) or doc[end - 1].text[:1].isupper()):
        end -= 1  # a run read forward may end in the words after the title
    if end == start or (end < sent_end and doc[end].ent_type_ in lang.person_labels):
        return None
    return role_from_tokens(doc, start, end, start, lang)


def titles_by_reference(analysis: Analysis) -> None:
    """A title after a demonstrative ("this", "cette") is the person it points back to: the one
    person named before it in its sentence, or, opening a sentence, the one person of the sentence
    before. Inside quotes, or with two people to point to, it is nobody's."""
    lang = analysis.lang
    demonstratives = lang.names.words("demonstratives")
    if not demonstratives:
        return
    by_sentence: dict[int, list[Mention]] = {}
    for m in analysis.persons():
        by_sentence.setdefault(m.sentence, []).append(m)
    for index, sent in enumerate(analysis.sentences):
        block = analysis.sentence_block[index]
        for token in sent:
            if token.lower_ not in demonstratives or analysis.in_quote(sent.doc[token.i : token.i + 1], block):
                continue
            before = [m for m in by_sentence.get(index, []) if m.span.end <= token.i]
            if not before and token.i == sent.start and index > 0 and analysis.sentence_block[index - 1] == block:
                before = by_sentence.get(index - 1, [])
            if len({m.name for m in before}) != 1:
                continue
            role = title_after_demonstrative(sent.doc, token.i, sent.end, lang)
            if role is not None:
                before[-1].roles.append(role)

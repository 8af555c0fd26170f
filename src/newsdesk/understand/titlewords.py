"""Which words make a title: role nouns of the language, nouns that end as jobs do, and the words
that continue a run of title words read right to left ("Minister of the Interior", "ministre de la
justice", "presidential aide")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lang import Language
from .nlp import lang_of


#: A noun read as a title by its ending is at least this long ("sociologist", not "user").
MIN_SUFFIX_ROLE = 6


def is_title_word(token: Token, lang: Language | None = None) -> bool:
    """An office or job: a role noun of the language, or a noun ending as jobs do ("toxicologist",
    "teacher", "naturopathe") that is no kin word or the like."""
    lang = lang or lang_of(token.doc)
    lower = token.lower_
    if lower in lang.role_nouns or (lower in lang.compound_roles and _in_compound(token, lang)):
        return True
    if hyphenated(token) and token.i >= 2 and (token.doc[token.i - 2].lower_ == "co" or token.pos_ != "VERB"):
        # the end of a compound, however tagged: "co-writers" read as a verb, "multi-instrumentalist"
        # as an adjective, "singer-keyboardist" as a proper noun
        return office_word(lower, lang) or (lower.endswith("s") and office_word(lower[:-1], lang))
    if lower in lang.roles.words("field_roles"):
        # a job only after the field it is in: "film critic Pauline Kael", not "a critic of the plan"
        before = token.doc[token.i - 1] if token.i > 0 else None
        return before is not None and before.pos_ == "NOUN" and before.is_lower
    if lower in lang.head_only_roles:
        # "a senior fellow at", not "his fellow senators"
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is None or following.pos_ not in ("NOUN", "PROPN", "ADJ")
    if lower.endswith("s") and "Plur" in token.morph.get("Number", []):
        stem = lower[:-1]  # "founding members", "professors", "writers", "politicians"
        return stem in lang.role_nouns or (token.pos_ == "NOUN" and token.is_lower  # not a team: "Chargers"
                                           and ends_as_jobs_do(stem, lang))
    # a job by its ending; a long ending says it whatever the tagger thought ("the immunologist"),
    # and a capital opening the sentence says nothing ("Novelist Jo Watson, from Johannesburg")
    # when a full name follows it; with one name word after it, it is a given name ("Tanner Fischer")
    opening = token.pos_ == "PROPN" and bool(token.is_sent_start) and token.is_title \
        and all(t.pos_ == "PROPN" and t.is_title for t in token.doc[token.i + 1 : token.i + 3])
    return (token.pos_ == "NOUN" or opening or (token.pos_ == "ADJ" and lower.endswith(lang.role_suffixes_any_tag))) \
        and ends_as_jobs_do(lower, lang) and lower not in lang.honorifics and not token.ent_type_


def _in_compound(token: Token, lang: Language) -> bool:
    """Whether a word stands inside a job written in several words: "running back", "point guard"."""
    doc, lower = token.doc, token.lower_
    for words in lang.compound_roles[lower]:
        start = token.i - words.index(lower)
        if start >= 0 and tuple(t.lower_ for t in doc[start : start + len(words)]) == words:
            return True
    return False


def ends_as_jobs_do(word: str, lang: Language) -> bool:
    """A long word with a job's ending ("sociologist", "teacher"), not one of the endings that only
    look like it ("tenderness": `roles.not_suffixes`) nor a word listed as no job (`not_roles`)."""
    return len(word) >= MIN_SUFFIX_ROLE and word.endswith(lang.role_suffixes) \
        and not word.endswith(lang.not_role_suffixes) and word not in lang.not_roles


def office_word(word: str, lang: Language) -> bool:
    """A word written as an office is, by its letters alone ("ministre", "gastro-entérologue", "co-CEO")."""
    lower = word.lower().removeprefix("co-")
    return lower in lang.role_nouns or ends_as_jobs_do(lower, lang)


def _glued_compound(token: Token) -> bool:
    """A word joined by hyphens on both sides, with no space: the "in" of "editor-in-chief"."""
    doc, i = token.doc, token.i
    return 0 < i < len(doc) - 1 and doc[i - 1].text == "-" and doc[i + 1].text == "-" \
        and not doc[i - 1].whitespace_ and not token.whitespace_


def capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def in_run(token: Token, following: Token | None, lang: Language) -> bool:
    """Whether a token (read right to left) continues a title run whose next token is `following`."""
    text = token.text
    if token.is_punct:
        # brackets around an acronym; a hyphen inside a word ("director-general", "Major-Gen", "co-ordinator")
        before = token.doc[token.i - 1] if token.i > 0 else None
        return text in "()" or (text == "-" and not token.whitespace_ and before is not None
                                and not before.whitespace_ and (is_title_word(before, lang) or (
                                    following is not None and before.is_alpha and (
                                        is_title_word(following, lang) or _glued_compound(following)))))
    lower = token.lower_
    if token.is_alpha and _glued_compound(token):
        return True  # inside a compound: "editor-in-chief", "commander-in-chief"
    if lower in lang.roles.words("after_office"):
        # "President-elect", "Vice-president elect", "Secretary-designate"
        office = token.i - (2 if token.i > 1 and token.doc[token.i - 1].text == "-" else 1)
        return office >= 0 and is_title_word(token.doc[office], lang)
    connectors = lang.roles.words("connectors")
    if lower in connectors:
        # "Secretary of State", "Minister of the Interior", "ambassador to Britain", "founder and
        # former CEO", "porte-parole du Kremlin", "ministre de la justice"
        if following is None or token.i == 0:
            return False
        before = token.doc[token.i - 1]
        if lower in lang.determiners and capitalised(before) and not is_title_word(before, lang):
            return False  # an article after a name starts the title: "sur Facebook le porte-parole du président"
        if lower in lang.roles.words("and_word"):
            # "founder and former CEO", "minister of mines and energy", and inside an organisation's
            # name: "Department of International Relations and Cooperation director-general"
            return is_title_word(before, lang) or (before.pos_ == "NOUN" and before.is_lower) or token.ent_iob_ == "I"
        after_title = lower in lang.roles.words("after_title") and (
            is_title_word(before, lang) or adjective_of_title(before, lang))
        if after_title and following.pos_ in ("NOUN", "PROPN"):
            return True  # "minister of electricity", "porte-parole du ministère"
        if not (capitalised(following) or following.lower_ in connectors or following.lower_ in lang.portfolio_words
                or (following.pos_ == "NOUN" and following.i + 1 < len(following.doc)
                    and following.doc[following.i + 1].lower_ in connectors)):
            return False  # "ministre des Sports", "porte-parole du ministère des ...", not "chef de file"
        chain = before.pos_ == "NOUN" and before.is_lower and before.i > 0 and before.doc[before.i - 1].lower_ in connectors
        return capitalised(before) or before.lower_ in connectors or after_title or chain
    previous = token.doc[token.i - 1] if token.i > 0 else None
    if lower in lang.portfolio_words and previous is not None and (
            previous.lower_ in connectors or previous.lower_ in lang.portfolio_words):
        return True  # "de la justice", "Affaires étrangères": a portfolio, in lower case
    if token.pos_ == "NOUN" and token.is_lower and previous is not None and previous.lower_ in connectors:
        return True  # "minister of electricity", "minister of mines and energy", "du ministère des ..."
    if capitalised(token) and token.pos_ in ("PROPN", "NOUN", "ADJ", "X"):
        return True
    if is_title_word(token, lang):
        return True
    # modifiers before a role noun: "presidential aide", "senior adviser", "police commissioner"
    if token.pos_ in ("ADJ", "NOUN") and following is not None and (
            is_title_word(following, lang) or following.pos_ in ("ADJ", "NOUN")):
        return True
    if token.pos_ == "VERB" and "Inf" in token.morph.get("VerbForm", []) and following is not None \
            and (is_title_word(following, lang) or following.pos_ == "NOUN") \
            and (previous is None or previous.pos_ not in ("AUX", "PART")):
        return True  # a noun the tagger read as a verb, before a title word: "study co-author"
    return adjective_of_title(token, lang)


def adjective_of_title(token: Token, lang: Language) -> bool:
    """In languages whose adjectives follow the noun: "président russe", "secrétaire générale"."""
    if not lang.roles.data.get("adjectives_after") or token.pos_ != "ADJ" or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    # "secrétaire générale", "ministre turc", "l'Hôpital universitaire"
    return is_title_word(before, lang) or (capitalised(before) and before.pos_ in ("NOUN", "PROPN")) or (
        before.pos_ == "ADJ" and before.i > 0 and is_title_word(token.doc[before.i - 1], lang))


def singular_title(title: str, noun: Token) -> str | None:
    """A plural title in the singular ("Sens." -> "Sen.", "founding members" -> "founding member"),
    by the token of its last word, or None when the title is no plural."""
    misread = noun.pos_ != "NOUN" and noun.lower_.endswith("s") and office_word(noun.lower_[:-1], lang_of(noun.doc))
    if "Plur" not in noun.morph.get("Number", []) and not re.fullmatch(r"[A-Z][a-z]+s\.", noun.text) and not misread:
        return None  # (a plural the tagger read as a verb: "co-writers")
    words = title.split()
    word = words[-1]
    words[-1] = word[:-2] + "." if word.endswith("s.") else word[:-1] if word.endswith("s") else word
    return " ".join(words)


def phrase_at(doc: Doc, i: int, phrases: list[str]) -> int:
    """How many words of one of the phrases are written at `i` (0 when none is)."""
    for phrase in phrases:
        words = phrase.split()
        if [t.lower_ for t in doc[i : i + len(words)]] == words:
            return len(words)
    return 0


def served_title_start(doc: Doc, start: int, end: int, lang: Language) -> int:
    """Where the name's own title starts in a run that opens with someone else's job and whom it
    serves: "a spokesman for Prime Minister Boris Johnson", "an aide to former president Donald
    Trump", "le porte-parole du président Emmanuel Macron". A job in lower case before "to"/"for"
    ("of", "du") is the other person's; the name's title is what follows, when a title word is
    there ("Minister of Foreign Affairs", "Secretary of State" have none after the connector), and
    the job is not one of seeking the office after it ("nominee for commerce secretary")."""
    for c in range(end - 2, start, -1):
        if doc[c].lower_ in lang.roles.words("after_title") and doc[c - 1].is_lower \
                and is_title_word(doc[c - 1], lang) and doc[c - 1].lower_ not in lang.roles.words("seeking") \
                and any(is_title_word(t, lang) for t in doc[c + 1 : end]):
            return c + 1
    return start


def hyphenated(token: Token) -> bool:
    """A word glued to a hyphen before it is the end of a compound ("fact-checking"), whatever its tag."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and before.text in ("-", "‐") and not before.whitespace_


def qualifies_plural(doc: Doc, after: int, end: int) -> bool:
    """Whether a name is followed by the plural noun it qualifies ("Amazon sellers")."""
    word = doc[after] if after < end else None
    return word is not None and word.is_lower and word.pos_ == "NOUN" and "Plur" in word.morph.get("Number", [])


def opens_name(doc: Doc, i: int, lang: Language) -> bool:
    """Whether a word opens a place's or organisation's name: "New" in "New Jersey Sen. Cory Booker"."""
    named = lang.affiliation_labels | lang.org_labels
    return doc[i].ent_iob_ == "B" and doc[i + 1].ent_iob_ == "I" and doc[i].ent_type_ in named


def serves_entity(ent: Span, lang: Language) -> bool:
    """Whether an entity in a title's complement can be whom the title serves: an organisation, a
    person (the small models call some organisations people), or a place the model took for one
    that opens as institutions do ("gastro-entérologue au CHU Beaujon", tagged a place)."""
    return ent.label_ in lang.org_labels | lang.person_labels or (
        ent.label_ in lang.place_labels and ent[0].lower_ in lang.roles.words("institution_openers"))

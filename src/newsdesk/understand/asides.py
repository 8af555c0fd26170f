"""What may stand between a name and its title without parting them: a footnote mark ("Antoine*",
"Francisca Joly-Gomez (2)"), an age ("32 ans", "42 years old"), a word set in quotation marks
("le député « constructif » Thierry Solère"), brackets an editor put round a name ("the defense
minister [Mykhailo Fedorov]"), a relative pronoun before "as" ("Govender, who was appointed as
the national co-ordinator"), an adverb ("Sarah Gille, now a physical oceanographer").

Each function takes token indices and returns where the title rules should look instead; the
words they skip are the language file's (`roles.age_words`, `roles.relative_words`,
`roles.appositive_adverbs`). And one that tells the first item of a list after a name from its title.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..lang import Language

#: Quotation marks that may close a word set apart inside a title run, and those that open it.
_CLOSING_MARKS = frozenset({"»", "”", '"', "’", "“"})
_OPENING_MARKS = frozenset({"«", "“", '"', "‘", "„"})
#: The most words a quoted aside between a title and a name holds.
MAX_QUOTED_ASIDE = 3


def after_footnote(doc: Doc, i: int, end: int) -> int:
    """Past a footnote mark right after a name: "*", "(2)", "[2]"."""
    if i < end and doc[i].text == "*":
        return i + 1
    if i + 2 < end and doc[i].text in "([" and doc[i + 1].like_num and doc[i + 2].text in ")]":
        return i + 3
    return i


#: The most tokens inside a bracketed aside after a name ("(D-Mass.)", "(Serbia)", "(pictured)").
MAX_BRACKETED = 8


def after_bracket(doc: Doc, i: int, end: int, lang: Language) -> int:
    """Past a short bracketed aside at `i` that names no one: "Brian Babin (R-TX), ranking member",
    "Timothy Weeks (Australia), both professors" (`i` itself when none stands there)."""
    if i >= end or doc[i].text != "(":
        return i
    close = next((j for j in range(i + 1, min(end, i + MAX_BRACKETED + 2)) if doc[j].text == ")"), None)
    if close is None or any(t.ent_type_ in lang.person_labels for t in doc[i + 1 : close]):
        return i
    return close + 1


def after_age(doc: Doc, i: int, end: int, lang: Language) -> int:
    """Past an age set off by commas, from the token after the first comma: "42," "32 ans,"
    "42 years old," (the index after the second comma; `i` itself when no age stands there)."""
    if i >= end or not doc[i].like_num:
        return i
    j = i + 1
    words = lang.roles.words("age_words")
    while j < end and j - i <= 3 and doc[j].lower_ in words:
        j += 1
    return j + 1 if j < end and doc[j].text == "," else i


def before_bracketed_name(doc: Doc, start: int, end: int) -> int | None:
    """Where a title run ends before a name an editor put in brackets ("the civilian defense
    minister [Mykhailo Fedorov]"): the bracket's index, or None."""
    if start < 1 or end >= len(doc) or doc[start - 1].text not in "[(" or doc[end].text not in "])":
        return None
    return start - 1


def before_quoted_aside(doc: Doc, end: int, sent_start: int) -> int | None:
    """Where a title run ends before a word or two in quotation marks between it and the name
    ("le député « constructif » Thierry Solère"): the opening mark's index, or None."""
    if end - 1 <= sent_start or doc[end - 1].text not in _CLOSING_MARKS:
        return None
    for j in range(end - 2, max(sent_start, end - 2 - MAX_QUOTED_ASIDE) - 1, -1):
        if doc[j].text in _OPENING_MARKS:
            return j if j < end - 2 else None
        if not doc[j].is_alpha:
            return None
    return None


def after_relative(doc: Doc, i: int, end: int, lang: Language) -> int:
    """Past a comma and a relative pronoun after a name: ", who was appointed as ..."."""
    if i + 1 < end and doc[i].text == "," and doc[i + 1].lower_ in lang.roles.words("relative_words"):
        return i + 2
    return i


def after_adverb(doc: Doc, i: int, end: int, lang: Language) -> tuple[int, str | None]:
    """Past an adverb before an appositive's article: "Sarah Gille, now a physical oceanographer",
    "Fischer, then a teenage UPS loader" (the index after it and the adverb, or `i` and None)."""
    adverbs = lang.roles.words("appositive_adverbs")
    if i + 1 < end and doc[i].lower_ in adverbs and doc[i + 1].lower_ in lang.determiners:
        return i + 1, doc[i].lower_
    return i, None


def lists_on(doc: Doc, determiner: str, end: int, sent_end: int, lang: Language) -> bool:
    """The phrase after the comma at `end` opens with the same determiner and an "and" comes before
    the next verb: the phrase before it was a list's first item, not a title."""
    if end + 1 >= sent_end or doc[end].text != "," or doc[end + 1].lower_ != determiner or not (
            determiner in lang.determiners or determiner in lang.names.words("possessive_determiners")):
        return False
    and_word = lang.roles.words("and_word")
    verb = next((t.i for t in doc[end + 2 : sent_end] if t.pos_ in ("VERB", "AUX")), sent_end)
    return any(t.lower_ in and_word for t in doc[end + 2 : verb])

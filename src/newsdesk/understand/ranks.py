"""Roles of their own inside one written title: a rank after an office and before the name
("Marine Corps Commandant Major General Arturo Rojas" is a commandant and a major general), a
second title joined to the first's complement ("professeure de nutrition et gastro-entérologue au
CHU Beaujon" is a professeure and a gastro-entérologue), offices listed in one title ("founder and
former CEO", "chairman, CEO and president")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..lang import Language
from .roles import RoleMention
from .titlewords import is_title_word, office_word


def ranks_apart(role: RoleMention | None, lang: Language) -> list[RoleMention]:
    """A title run that ends in a rank before the name is two roles: "Marine Corps Commandant Major
    General Arturo Rojas" is a commandant and a major general, "Hawks head Major-Gen Gopaul Govender"
    a head and a major-general. A rank after another rank ("Sergeant Major") or a one-word rank
    written after its office ("Attorney General") stays one title."""
    if role is None:
        return []
    ranks = lang.ranks
    rank_words = frozenset(word for phrase in ranks for word in phrase.split())
    words = role.title.split()
    for size in (2, 1):
        rank, head = " ".join(words[-size:]), words[:-size]
        if rank.lower() not in ranks or not head or head[-1].lower() in rank_words:
            continue
        if size == 1 and rank.lower() in lang.roles.words("postpositive"):
            continue
        if office_word(head[-1], lang):
            cut = role.text.rfind(words[-size])
            first = replace(role, title=" ".join(head), text=role.text[:cut].strip() if cut > 0 else role.text,
                            end=role.end - size)
            second = RoleMention(title=rank, text=rank, qualifier=None, affiliation=None, org=None,
                                 start=role.end - size, end=role.end, public=role.public)
            return [first, second]
    return [role]


#: Words of its own a second title may have before its title word ("PR director").
JOINED_MODIFIERS = 2


def joined_title(role: RoleMention | None, doc: Doc, lang: Language) -> list[RoleMention]:
    """A second title after the first's complement and "and": "professeure de nutrition et
    gastro-entérologue au CHU Beaujon" gives "gastro-entérologue" too (not "minister of mines and
    energy": no title word after "and")."""
    if role is None:
        return []
    words = role.title.split()
    joiners = lang.roles.words("and_word")
    complement = lang.roles.words("complement")
    limit = _after_trailing_and(doc, role.end, joiners, lang)
    tokens = doc[role.start : limit]
    head = next((t.i for t in tokens if t.text == words[-1]), None) if words else None
    for t in tokens:
        if head is None or t.i <= head + 1 or t.lower_ not in joiners or t.i + 1 >= limit:
            continue
        start = t.i + 1 + (doc[t.i + 1].lower_ in lang.roles.words("appositive_adverbs"))  # "and now an ..."
        start += doc[start].lower_ in lang.determiners  # "and a co-founder of ..."
        # the title word may follow a word or two of its own ("and PR director of Tmall")
        reach = min(start + 1 + JOINED_MODIFIERS, limit)
        word = next((u.i for u in doc[start:reach] if is_title_word(u, lang)), None)
        if word is None or any((u.is_punct and not (u.text == "-" and not u.whitespace_))  # "co-founder"
                               or u.pos_ in ("VERB", "AUX", "ADP", "DET") for u in doc[start:word]) \
                or any(u.ent_type_ in lang.person_labels for u in doc[max(start, role.end) : limit]):
            continue  # (another person's title and name: "..., and Foreign Minister Simon Harris")
        end = next((u.i for u in doc[word:limit] if u.lower_ in complement), limit)
        title = doc[start:end].text
        return [RoleMention(title=title, text=doc[start:limit].text, qualifier=None, affiliation=None, org=None,
                            start=start, end=limit, public=any(u.lower_ in lang.public_office for u in doc[start:end]))]
    return []


def _after_trailing_and(doc: Doc, end: int, joiners: frozenset[str], lang: Language) -> int:
    """Where a phrase set off after an appositive title by ", and" ends ("a postdoctoral fellow at the
    institute in Munich, Germany, and co-author of the study,"), past the places that close the
    title; `end` itself when none follows."""
    i = end
    while i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].ent_type_ in lang.place_labels:
        i += 1
        while i < len(doc) and doc[i].ent_type_ in lang.place_labels:
            i += 1  # ", Germany"
    if not (i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in joiners):
        return end
    j = i + 2
    while j < len(doc) and doc[j].text not in ",.;:!?" and not doc[j].is_sent_start:
        j += 1
    return j


def split_titles(title: str, qualifier: str | None, lang: Language) -> list[tuple[str, str | None]]:
    """Two offices in one title are two roles: "founder and former CEO" -> founder; CEO (former).

    "Research and Advocacy Director" stays whole: only a split where both sides hold a role noun counts.
    """
    joiner = next(iter(lang.roles.words("and_word")), "and")
    # "chairman, CEO and president": commas list offices too
    parts = [p.strip() for part in title.split(f" {joiner} ") for p in part.split(", ")]
    if len(parts) < 2 or not all(any(office_word(w, lang) for w in p.split()) for p in parts):
        return [(title, qualifier)]
    result: list[tuple[str, str | None]] = []
    for part in parts:
        first = part.split()[0].lower()
        if first in lang.qualifier_words and len(part.split()) > 1:
            result.append((part.split(" ", 1)[1], first))
        else:
            result.append((part, qualifier))  # "former federal prosecutor and governor": both former
    return result

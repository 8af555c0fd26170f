"""A rank written after an office and before the name is a role of its own: "Marine Corps
Commandant Major General Arturo Rojas" is a commandant and a major general."""

from __future__ import annotations

from dataclasses import replace

from ..lang import Language
from .roles import MIN_SUFFIX_ROLE, RoleMention


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
        last = head[-1].lower()
        if last in lang.role_nouns or (len(last) >= MIN_SUFFIX_ROLE and last.endswith(lang.role_suffixes)):
            cut = role.text.rfind(words[-size])
            first = replace(role, title=" ".join(head), text=role.text[:cut].strip() if cut > 0 else role.text,
                            end=role.end - size)
            second = RoleMention(title=rank, text=rank, qualifier=None, affiliation=None, org=None,
                                 start=role.end - size, end=role.end, public=role.public)
            return [first, second]
    return [role]

"""One entity per person, organisation and place in an article, with roles and affiliations.

Mentions of a person resolve to one entity: a surname or first name alone joins the full name
it belongs to ("Putin", "President Putin" -> "Vladimir Putin"). Affiliation comes, in order of
trust, from the title ("Russian President", "Russia's Foreign Minister"), then from the nearest
country named in the same sentence, then from the sentences before it in the same paragraph and
the paragraph before.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Entity, Role
from .analysis import Analysis, Mention
from .gazetteer import Country, country_named, country_of, fold

#: How many blocks back the context of a person is searched for a country.
CONTEXT_BLOCKS = 1
_GENERIC_SOURCE_WORDS = {"agencies", "agency", "wires", "staff", "reporters", "newsroom"}


@dataclass
class Cluster:
    type: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [m.name for m in self.mentions]

    def canonical(self) -> str:
        """The longest name form, the most frequent among equals."""
        counts = Counter(self.names)
        return max(counts, key=lambda n: (len(n.split()), counts[n], -self.names.index(n)))


def cluster_people(persons: list[Mention]) -> list[Cluster]:
    """Group person mentions into people; full names first, then short forms join them."""
    clusters: list[Cluster] = []
    by_full: dict[str, Cluster] = {}
    for m in persons:
        tokens = m.name.split()
        if len(tokens) >= 2:
            key = fold(m.name)
            if key not in by_full:
                by_full[key] = Cluster("person")
                clusters.append(by_full[key])
            by_full[key].mentions.append(m)
    for m in persons:
        if len(m.name.split()) >= 2:
            continue
        key = fold(m.name)
        surname = [c for c in clusters if fold(c.canonical().split()[-1]) == key]
        given = [c for c in clusters if fold(c.canonical().split()[0]) == key]
        candidates = surname or given
        if candidates:
            target = min(candidates, key=lambda c: abs(c.mentions[0].sentence - m.sentence))
        else:
            target = next((c for c in clusters if len(c.canonical().split()) == 1 and fold(c.canonical()) == key), None)
            if target is None:
                target = Cluster("person")
                clusters.append(target)
        target.mentions.append(m)
    for c in clusters:
        c.mentions.sort(key=lambda m: (m.sentence, m.span.start))
    clusters.sort(key=lambda c: (c.mentions[0].sentence, c.mentions[0].span.start))
    return clusters


def cluster_by_name(mentions: list[Mention], kind: str) -> list[Cluster]:
    """Organisations and places: one per name; a country under any of its names is one place."""
    clusters: dict[str, Cluster] = {}
    for m in mentions:
        if m.type != kind:
            continue
        country = country_named(m.name) if kind == "place" else None
        key = f"country:{country.code}" if country else fold(m.name)
        clusters.setdefault(key, Cluster(kind)).mentions.append(m)
    return list(clusters.values())


class Affiliations:
    """Country words of one article, and the name the article itself uses for each country."""

    def __init__(self, analysis: Analysis):
        self.analysis = analysis
        self.display: dict[str, str] = {}
        for _, span, country in analysis.countries:
            text = span.text.replace("’s", "").replace("'s", "").strip()
            if country_named(text) is not None and not text.isupper():
                self.display.setdefault(country.code, text)

    def name(self, country: Country) -> str:
        return self.display.get(country.code, country.name)

    def explicit(self, mention: Mention) -> Country | None:
        role = mention.role
        return country_of(role.affiliation) if role and role.affiliation else None

    def from_context(self, mention: Mention) -> Country | None:
        """The nearest country named around a mention: same sentence, then earlier in the paragraph."""
        a = self.analysis
        here = mention.sentence
        block = a.sentence_block[here]
        same = [(abs(span.start - mention.span.start), c) for s, span, c in a.countries
                if s == here and not (mention.span.start <= span.start < mention.span.end)]
        if same:
            return min(same, key=lambda x: x[0])[1]
        if a.kinds[block] not in ("paragraph",):
            return None
        for s in range(here - 1, -1, -1):
            if a.sentence_block[s] < block - CONTEXT_BLOCKS or a.kinds[a.sentence_block[s]] != "paragraph":
                break
            found = [(span.start, c) for t, span, c in a.countries if t == s]
            if found:
                return max(found, key=lambda x: x[0])[1]
        return None


def person_entity(cluster: Cluster, affiliations: Affiliations) -> Entity:
    name = cluster.canonical()
    roles: list[Role] = []
    seen = set()
    aliases = []
    explicit: Counter[str] = Counter()
    context = None
    for m in cluster.mentions:
        forms = [m.name]
        if m.role is not None:
            key = (m.role.title.lower(), m.role.qualifier)
            if key not in seen:
                seen.add(key)
                roles.append(Role(title=m.role.title, text=m.role.text, qualifier=m.role.qualifier))
            if m.role.start < m.span.start:  # written before the name: "President Putin"
                forms.append(m.span.doc[m.role.start : m.span.end].text)
        country = affiliations.explicit(m)
        if country is not None:
            explicit[affiliations.name(country)] += 1
        elif context is None:
            found = affiliations.from_context(m)
            context = affiliations.name(found) if found else None
        aliases += [f for f in forms if f != name and f not in aliases]
    affiliation = explicit.most_common(1)[0][0] if explicit else context
    return Entity(name=name, type="person", roles=roles, affiliation=affiliation, aliases=aliases,
                  mentions=len(cluster.mentions))


def named_entity(cluster: Cluster, affiliations: Affiliations) -> Entity:
    names = Counter(cluster.names)
    name = max(names, key=lambda n: (names[n], len(n)))
    if cluster.type == "place" and (country := country_named(name)):
        name = affiliations.name(country)
    aliases = sorted(set(cluster.names) - {name})
    return Entity(name=name, type=cluster.type, aliases=aliases, mentions=len(cluster.mentions))


def source_organisations(source: str | None, credit: str | None) -> list[str]:
    """Agencies named in the source line and the photo credit: "TRT World and Agencies", "AA"."""
    names = []
    for part in (source or "").replace(" & ", " and ").split(" and "):
        part = part.strip(" ,")
        if part and part.lower() not in _GENERIC_SOURCE_WORDS:
            names.append(part)
    if credit and (credit.isupper() or len(credit.split()) >= 2) and credit.lower() not in _GENERIC_SOURCE_WORDS:
        names.append(credit)
    return names


def resolve_entities(analysis: Analysis) -> tuple[list[Entity], list[Cluster]]:
    """The article's entities (people, then organisations, then places) and the person clusters.

    Each mention's `entity` is set to its index in the returned list.
    """
    affiliations = Affiliations(analysis)
    people = cluster_people(analysis.persons())
    clusters = people + cluster_by_name(analysis.mentions, "org") + cluster_by_name(analysis.mentions, "place")
    entities = []
    for index, cluster in enumerate(clusters):
        for m in cluster.mentions:
            m.entity = index
        entity = person_entity(cluster, affiliations) if cluster.type == "person" else named_entity(cluster, affiliations)
        entities.append(entity)
    known = {fold(e.name) for e in entities if e.type == "org"}
    for name in source_organisations(analysis.article.source, analysis.article.image and analysis.article.image.credit):
        if fold(name) not in known:
            known.add(fold(name))
            entities.append(Entity(name=name, type="org"))
    return entities, people

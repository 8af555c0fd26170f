"""One entity per person, organisation and place in an article, with roles and affiliations.

Mentions of a person resolve to one entity: a surname or first name alone joins the full name
it belongs to ("Putin", "President Putin" -> "Vladimir Putin"). Affiliation comes first from what
is written at the name ("Russian President", "Russia's Foreign Minister", "American Kevin King",
"(D-Minn.)"); then, for public officials, from a country named in the same sentence or the
delegation they belong to, and for everyone else from the organisation in their title
("Chargers coach", "CEO of Ceres Robotics").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..lang import Language
from ..lang.countries import (Country, country_by_code, country_named, country_of, country_of_demonym,
                               country_of_host, fold)
from ..lang.names import names_agree, spelling_key, title_key
from ..model import Entity, EntityType, Role
from .analysis import Analysis, Mention
from .ranks import split_titles
from .titlewords import is_title_word


#: How many sentences back a public official's country may have been named.
EARLIER_REACH = 3
#: What glues a country to the adjective it forms ("China-sympathetic", "US-led").
HYPHENS = frozenset("-‐‑–")


@dataclass
class Cluster:
    type: EntityType
    mentions: list[Mention] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [m.name for m in self.mentions]

    def canonical(self) -> str:
        """The longest name form, the most frequent among equals."""
        counts = Counter(self.names)
        return max(counts, key=lambda n: (len(n.split()), counts[n], -self.names.index(n)))


def cluster_people(persons: list[Mention]) -> list[Cluster]:
    """Group person mentions into people; full names first, then short forms join them.

    Full names join when they agree ("Pat Carlineo", "Patrick W. Carlineo" and "Patrick Carlineo
    Jr." are one man; "Boris Johnson" and "Jimmie Johnson" are two); a surname alone joins the
    nearest full name it ends, a given name alone the nearest it starts.
    """
    clusters: list[Cluster] = []
    # a family name with a particle, capitalised at a sentence's start, reads as a given name and a
    # surname: "De Miranda said" is Luis de Miranda's
    particled = {fold(m.person_name.surname) for m in persons if m.person_name.full and " " in m.person_name.surname}

    def short(m: Mention) -> bool:
        return not m.person_name.full or fold(str(m.person_name)) in particled

    for m in persons:
        if short(m):
            continue
        name = m.person_name
        target = next((c for c in clusters if names_agree(c.mentions[0].person_name, name)), None)
        if target is None and name.suffix is None:
            # "Patrick W. Carlineo" after "Patrick W. Carlineo Jr.": the same man, shorter; but
            # "Donald Trump Jr." after "Donald Trump" is his son
            target = next((c for c in clusters if c.mentions[0].person_name.suffix is not None
                           and names_agree(replace(c.mentions[0].person_name, suffix=None), name)), None)
        if target is None:
            target = Cluster("person")
            clusters.append(target)
        target.mentions.append(m)
    clusters = _join_name_tails(clusters)
    full = list(clusters)
    for m in persons:
        if not short(m):
            continue
        # by spelling, as across articles: "President Zelensky" is the "Volodymyr Zelenskiy" named before
        key = spelling_key(m.person_name.surname if not m.person_name.full else str(m.person_name))
        surname_of = [c for c in full if c.mentions[0].person_name.surname_key == key]
        given = [c for c in full if spelling_key(c.mentions[0].person_name.given[0]) == key]
        candidates = surname_of or given
        if candidates:
            target = min(candidates, key=lambda c: _distance(c, m))
        else:
            target = next((c for c in clusters if not c.mentions[0].person_name.full
                           and c.mentions[0].person_name.surname_key == key), None)
            if target is None:
                target = Cluster("person")
                clusters.append(target)
        target.mentions.append(m)
    for c in clusters:
        c.mentions.sort(key=lambda m: (m.sentence, m.span.start))
    clusters.sort(key=lambda c: (c.mentions[0].sentence, c.mentions[0].span.start))
    return clusters


def _join_name_tails(clusters: list[Cluster]) -> list[Cluster]:
    """A full name that is the last words of one longer name in the article is that person, its
    first words left out: "Eriksson Ek" of "Joel Eriksson Ek", "Der Beek" of "James Van Der Beek"."""
    names = [" " + fold(str(c.mentions[0].person_name)) for c in clusters]
    longest = [i for i, n in enumerate(names) if not any(o.endswith(n) and o != n for o in names)]
    into = [[j for j in longest if names[j] != n and names[j].endswith(n)] for n in names]
    for cluster, found in zip(clusters, into):
        if len(found) == 1:
            clusters[found[0]].mentions.extend(cluster.mentions)
    return [cluster for cluster, found in zip(clusters, into) if len(found) != 1]


def _distance(cluster: Cluster, mention: Mention) -> int:
    """Sentences between a short form and the nearest full name of a person named before it (or,
    when none was, after it)."""
    full = [m for m in cluster.mentions if m.person_name.full]
    before = [mention.sentence - m.sentence for m in full if m.sentence <= mention.sentence]
    if before:
        return min(before)
    return 10_000 + min(m.sentence - mention.sentence for m in full)


def cluster_by_name(mentions: list[Mention], kind: EntityType) -> list[Cluster]:
    """Organisations and places: one per name; a country under any of its names is one place, an
    organisation under the acronym the article gives it ("People Power Party (PPP)", "PPP") one."""
    clusters: dict[str, Cluster] = {}
    spelled = {m.name[m.name.rindex("(") + 1 : -1]: fold(m.name) for m in mentions
               if m.type == kind and m.name.endswith(")") and "(" in m.name}
    for m in mentions:
        if m.type != kind:
            continue
        country = country_named(m.name) if kind == "place" else None
        key = f"country:{country.code}" if country else spelled.get(m.name, fold(m.name))
        clusters.setdefault(key, Cluster(kind)).mentions.append(m)
    return list(clusters.values())


class Affiliations:
    """Country words of one article, and the name the article itself uses for each country."""

    def __init__(self, analysis: Analysis):
        self.analysis = analysis
        self.code = analysis.lang.code
        self.display: dict[str, str] = {}
        for _, span, country in analysis.countries:
            text = span.text.replace("’s", "").replace("'s", "").strip()
            text = text.removeprefix("the ").removeprefix("The ")
            if country_named(text, self.code) is not None and not text.isupper():
                self.display.setdefault(country.code, text)
        self.travelled = self._travelled()
        # "United States President Donald Trump": the country is his, not the next official's
        self.titled: dict[tuple[int, int], set[int]] = {}  # (doc, token) -> where the names titled so start
        for m in analysis.persons():
            for r in m.roles:
                for i in range(r.start, r.end):
                    self.titled.setdefault((id(m.span.doc), i), set()).add(m.span.start)
        # people, in full or by surname: "conseiller spécial d'Emmanuel Macron" serves him, and
        # "Trump's nominee for trade representative" Trump — neither is an organisation
        self.people = {fold(n) for m in analysis.persons() if m.words >= 2 for n in (m.name, m.surname)}

    def _travelled(self) -> set[tuple[int, int]]:
        """(block doc, token) where each country named as somewhere someone goes or comes from
        starts: "back from the United States (US)", "flew to the US", "troops leave Syria", "la
        frontière russe" (not "with regard to Mexico")."""
        a = self.analysis
        travel, after_verb = a.lang.countries.words("travel"), a.lang.countries.words("travel_after_verb")
        verbs, ground = a.lang.countries.words("travel_verbs"), a.lang.countries.words("ground_nouns")
        found: set[tuple[int, int]] = set()
        for _, span, _ in a.countries:
            doc, i = span.doc, span.start - 1
            if i >= 0 and doc[i].text == "(":  # "the United States (US)": the name before it again
                if any((id(doc), s.start) in found for _, s, _ in a.countries if s.doc is doc and s.end == i):
                    found.add((id(doc), span.start))
                continue
            if i >= 0 and doc[i].lower_ in a.lang.determiners:
                i -= 1
            word = doc[i].lower_ if i >= 0 else ""
            beside = {doc[j].lower_ for j in (span.start - 1, span.end) if 0 <= j < len(doc)}
            if word in travel or word in verbs or (
                    country_of_demonym(span.text, self.code) is not None and beside & ground) or (
                    word in after_verb and i > 0 and doc[i - 1].pos_ in ("VERB", "ADV")):
                found.add((id(doc), span.start))
        return found

    def _acts_for(self, span, mention: Mention) -> bool:
        """A country (by name or nationality, not capital) that may say whom `mention` acts for: not
        where someone travels, not in another person's title (in the mention's own it is: "ministre
        de la Défense de la Russie")."""
        titled = self.titled.get((id(span.doc), span.start))
        # a title of someone unnamed: "after a meeting with X, the US President said"
        unnamed = titled is None and span.end < len(span.doc) and is_title_word(span.doc[span.end], self.analysis.lang)
        return (country_of(span.text, capitals=False, lang=self.code) is not None and not self._modifies(span)
                and (id(span.doc), span.start) not in self.travelled and not unnamed
                and (not titled or mention.span.start in titled))

    @staticmethod
    def _modifies(span) -> bool:
        """Whether a country is glued to the adjective it forms ("China-sympathetic interests",
        "US-led"): it qualifies something else, it is no one's country."""
        doc = span.doc
        return span.end + 1 < len(doc) and doc[span.end].text in HYPHENS and doc[span.end + 1].is_lower

    def name(self, word: str) -> str:
        """The affiliation a word gives: "Russian" -> "Russia"; a place that is no country stays as written."""
        word = word.replace("’s", "").replace("'s", "").strip()
        country = country_of(word, lang=self.code)
        if country is None:
            return word
        return self.shown(country)

    def in_title(self, mention: Mention, role) -> str | None:
        """A country the title itself names: "ministre de la Défense de la Russie", "President of the
        United States" (by name, as the model may not have tagged it there)."""
        tokens = mention.span.doc[role.start : role.end]

        def ends_longer_name(i: int) -> bool:  # "governor of New Jersey", "First Minister of Northern Ireland"
            return i > 0 and tokens[i - 1].text[:1].isupper()

        def subject_of(end: int) -> bool:  # "a China scholar": what the job is about
            return end < len(tokens) and tokens[end].lower_ in self.analysis.lang.roles.words("subject_nouns")

        for size in (3, 2, 1):
            for i in range(len(tokens) - size + 1):
                text = tokens[i : i + size].text
                if text[:1].isupper() and country_named(text, self.code) is not None \
                        and not ends_longer_name(i) and not subject_of(i + size):
                    return self.name(text)
        return None

    def shown(self, country: Country) -> str:
        """A country by the name the article itself uses for it, else by its English name."""
        return self.display.get(country.code, country.name)

    @cached_property
    def home(self) -> str | None:
        """The country of the publisher's own country-code domain ("lemonde.fr", "francais.radio.cz"):
        whom a public official acts for when the article names no country for them, if it names that
        country (or its capital, or its people) as often as any other."""
        country = country_of_host(self.analysis.article.url)
        named = Counter(c.code for _, _, c in self.analysis.countries)
        if country is None or not named[country.code] or named[country.code] < max(named.values()):
            return None  # a German edition of an American story, a Canadian page on the European Space Agency
        return self.shown(country)

    def seat(self, org: str | None) -> str | None:
        """The country a seat of government stands for: "White House", "Kremlin", "Downing Street"."""
        code = self.analysis.lang.countries.table("seats").get(org) if org else None
        country = country_by_code(code) if code else None
        return self.shown(country) if country else None

    def referred_org(self, mention: Mention, role, reach: int = EARLIER_REACH) -> str | None:
        """The organisation a title refers back to ("the company's chief operating officer",
        "company CEO Andy Vesey"): the one named last before, within a few sentences, outside quotes."""
        a = self.analysis
        tokens = mention.span.doc[role.start : role.end]
        words = [t.lower_ for t in tokens if t.lower_ not in a.lang.determiners]
        if len(words) < 2 or words[0] not in a.lang.roles.words("referring_orgs"):
            return None
        earlier = [(m.sentence, m.span.start, m.name) for m in a.mentions
                   if m.type == "org" and mention.sentence - reach <= m.sentence <= mention.sentence
                   and (m.sentence < mention.sentence or m.span.start < role.start)
                   and not a.in_quote(m.span, a.sentence_block[m.sentence])]
        return max(earlier)[2] if earlier else None

    def before(self, mention: Mention, reach: int = EARLIER_REACH) -> str | None:
        """The country named last before a mention, within a few sentences and outside quotes."""
        a = self.analysis
        earlier = [(s, span.start, c) for s, span, c in a.countries
                   if mention.sentence - reach <= s < mention.sentence
                   and self._acts_for(span, mention) and not a.in_quote(span, a.sentence_block[s])]
        if not earlier:
            return None
        country = max(earlier, key=lambda x: (x[0], x[1]))[2]
        return self.shown(country)

    def _reported_from(self, mention: Mention) -> int:
        """Where a clause of what the person says or thinks starts after their name ("argued that
        Israel's conduct ..."): the countries in it are its matter, not whom they act for."""
        words = self.analysis.lang.countries.words("reported")
        sentence = self.analysis.sentences[mention.sentence]
        return next((t.i + (t.pos_ == "VERB") for t in sentence if t.i >= mention.span.end and t.lower_ in words
                     and t.pos_ in ("SCONJ", "VERB")), sentence.end)

    def in_sentence(self, mention: Mention) -> str | None:
        """The nearest country named (by name or nationality, not capital) in the mention's sentence."""
        a = self.analysis
        block = a.sentence_block[mention.sentence]
        said = self._reported_from(mention)
        near = [(abs(span.start - mention.span.start), c) for s, span, c in a.countries
                if s == mention.sentence and not (mention.span.start <= span.start < mention.span.end)
                and span.start < said and self._acts_for(span, mention) and not a.in_quote(span, block)]
        if not near:
            return None
        country = min(near, key=lambda x: x[0])[1]
        return self.shown(country)


@dataclass
class AffiliationEvidence:
    """What an article says of whom a person acts for, strongest first."""

    explicit: str | None = None  # "Russian President", "Russia's", "American Kevin King", "(D-Minn.)"
    context: str | None = None  # a country in the same sentence as a title of public office
    org: str | None = None  # "Kremlin spokesman", "CEO of Ceres Robotics"
    seat: str | None = None  # the country whose seat of government the title names: "White House Press Secretary"
    earlier: str | None = None  # the country named last before, within a few sentences
    home: str | None = None  # the country of the publisher's country-code domain ("lemonde.fr")
    public: bool = False

    def choose(self, side: str | None = None) -> str | None:
        """Public officials act for states, everyone else for their organisation."""
        if self.explicit:
            return self.explicit
        if self.public:
            return self.context or self.seat or side or self.org or self.earlier or self.home
        return self.org or side


def affiliation_evidence(cluster: Cluster, affiliations: Affiliations) -> AffiliationEvidence:
    evidence = AffiliationEvidence()
    explicit: Counter[str] = Counter()
    for m in cluster.mentions:
        for role in m.roles:
            evidence.public = evidence.public or role.public
            if role.affiliation and fold(role.affiliation) not in affiliations.people:
                explicit[affiliations.name(role.affiliation)] += 1
            elif named := affiliations.in_title(m, role):
                explicit[named] += 1
            if role.org and fold(role.org) not in affiliations.people:
                evidence.org = evidence.org or role.org
            elif referred := affiliations.referred_org(m, role):
                evidence.org = evidence.org or referred
        if m.nationality:
            explicit[affiliations.name(m.nationality)] += 1
        if m.party:
            explicit[m.party] += 1
        if m.employer and fold(m.employer) not in affiliations.people:
            evidence.org = evidence.org or m.employer
    evidence.explicit = explicit.most_common(1)[0][0] if explicit else None
    if evidence.public:
        evidence.context = next((c for m in cluster.mentions if m.roles and (c := affiliations.in_sentence(m))), None)
        evidence.seat = next((c for m in cluster.mentions for r in m.roles if (c := affiliations.seat(r.org))), None)
        evidence.earlier = next((c for m in cluster.mentions if m.roles and (c := affiliations.before(m))), None)
        evidence.home = affiliations.home
    return evidence


def person_entity(cluster: Cluster, affiliations: Affiliations, lang: Language) -> tuple[Entity, AffiliationEvidence]:
    name = cluster.canonical()
    roles: list[Role] = []
    seen = set()
    aliases = []
    naming = lang.roles.words("naming_words")  # not "a meteorologist named Edward Lorenz"
    for m in cluster.mentions:
        forms = [m.name]
        for role in m.roles:
            for title, qualifier in split_titles(role.title, role.qualifier, lang):
                key = (title_key(title), qualifier)  # "Lt. Col." and "Lt Col" are one
                if key not in seen:
                    seen.add(key)
                    roles.append(Role(title=title, text=role.text, qualifier=qualifier))
            between = m.span.doc[role.end : m.span.start]
            head = m.span.doc[role.end - 1]
            shared = "Plur" in head.morph.get("Number", []) and is_title_word(head, lang)  # "Sens. Sanders and"
            if role.start < m.span.start and not shared and not any(t.is_quote or t.is_bracket or t.text == "," or t.lower_ in naming for t in between):
                # written before the name: "President Putin" (not "le député « constructif » Thierry Solère",
                # nor an apposition: "the Kremlin spokesman, Dmitry Peskov")
                forms.append(m.span.doc[role.start : m.span.end].text)
        aliases += [f for f in forms if f != name and f not in aliases]
    evidence = affiliation_evidence(cluster, affiliations)
    entity = Entity(name=name, type="person", roles=fullest(roles), affiliation=evidence.choose(), aliases=aliases,
                    mentions=len(cluster.mentions))
    return entity, evidence


def fullest(roles: list[Role]) -> list[Role]:
    """Roles without those another role says more fully: "professeure" beside "professeure de
    nutrition", "President" beside "President of Russia" (with the same qualifier)."""
    def fuller(other: Role, role: Role) -> bool:
        return other.qualifier == role.qualifier and other.title.lower().startswith(role.title.lower() + " ")

    return [r for r in roles if not any(fuller(o, r) for o in roles)]


def named_entity(cluster: Cluster, affiliations: Affiliations) -> Entity:
    names = Counter(cluster.names)
    name = max(names, key=lambda n: (n.endswith(")"), names[n], len(n)))  # spelled out with its acronym first
    if cluster.type == "place" and country_named(name, affiliations.code):
        name = affiliations.name(name)
    aliases = sorted(set(cluster.names) - {name})
    return Entity(name=name, type=cluster.type, aliases=aliases, mentions=len(cluster.mentions))


def source_organisations(source: str | None, credit: str | None, lang: Language) -> list[str]:
    """Agencies named in the source line and the photo credit: "TRT World and Agencies", "AA"."""
    generic = lang.sources.words("generic")
    names = []
    for part in (source or "").replace(" & ", " and ").split(" and "):
        part = part.strip(" ,")
        if part and part.lower() not in generic:
            names.append(part)
    if credit and (credit.isupper() or len(credit.split()) >= 2) and credit.lower() not in generic:
        names.append(credit)
    return names


def with_sides(entities: list[Entity], evidence: dict[int, AffiliationEvidence], sides: dict[str, str]) -> list[Entity]:
    """Entities whose affiliation an event frame gives ("the Russian delegation ... members include X")."""
    updated = list(entities)
    for index, ev in evidence.items():
        side = sides.get(entities[index].name)
        if side and (chosen := ev.choose(side)) != entities[index].affiliation:
            updated[index] = entities[index].model_copy(update={"affiliation": chosen})
    return updated


def resolve_entities(analysis: Analysis) -> tuple[list[Entity], dict[int, AffiliationEvidence]]:
    """The article's entities (people, then organisations, then places) and each person's affiliation evidence.

    Each mention's `entity` is set to its index in the returned list.
    """
    affiliations = Affiliations(analysis)
    lang = analysis.lang
    people = cluster_people(analysis.persons())
    clusters = people + cluster_by_name(analysis.mentions, "org") + cluster_by_name(analysis.mentions, "place")
    entities, evidence = [], {}
    for index, cluster in enumerate(clusters):
        for m in cluster.mentions:
            m.entity = index
        if cluster.type == "person":
            entity, evidence[index] = person_entity(cluster, affiliations, lang)
        else:
            entity = named_entity(cluster, affiliations)
        entities.append(entity)
    # an affiliation by an organisation's other name is by the name the article's entity goes by
    canonical = {fold(a): e.name for e in entities if e.type == "org" for a in e.aliases}
    entities = [e.model_copy(update={"affiliation": canonical[fold(e.affiliation)]})
                if e.type == "person" and e.affiliation and fold(e.affiliation) in canonical else e for e in entities]
    known = {fold(e.name): i for i, e in enumerate(entities) if e.type == "org"}
    credit = analysis.article.image.credit if analysis.article.image else None
    for name in source_organisations(analysis.article.source, credit, lang):
        # who made the page, not whom it is about: kept, but marked, and never in the people graph
        if fold(name) in known:
            index = known[fold(name)]
            entities[index] = entities[index].model_copy(update={"credited": True})
        else:
            known[fold(name)] = len(entities)
            entities.append(Entity(name=name, type="org", credited=True, mentions=0))
    return entities, evidence

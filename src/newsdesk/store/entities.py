"""The people graph in the store: one entity per person, organisation and place across articles.

An article's entity is found among the store's by its exact name keys (`lang/keys.py`), else,
for a person, among the people of the same family name (`person_surnames`) by a full name that
agrees (`newsdesk.lang.names.names_agree`): one agreeing person is joined, none or several (an
initial two people share) make a new one. A bare surname joins only the one person of that name
who holds its title. Every form an entity was named by is counted (`entity_names`): its aliases,
and its name, the commonest clean full form. User corrections (`corrections.py`) pin keys; nothing
here unpins them. An article resolves in a few statements per entity, not per name: on PostgreSQL
each statement is a round trip.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, Engine, bindparam, delete, func, or_, select, update

from ..lang import english
from ..lang.names import names_agree, parse_person, title_key
from ..dates import month_series
from ..model import Article, ArticleRef, EntityProfile, MonthCount, NamedCount, RoleMention, RoleSpan
from . import lookup
from .corrections import EntityCorrections
from .base import EntityRef
from .schema import (articles, entities, entity_aliases, entity_names, mentions, new_id, person_surnames, person_titles,
                     upsert)


#: "Named together with" counts over an entity's latest articles, this many: a place named in
#: 30,000 articles would otherwise join half a million mentions on every view of its page.
CO_MENTION_WINDOW = 2000


def latest_naming(entity_id: int):
    """The articles naming an entity, the latest first (undated last): article_id, published."""
    published = func.max(mentions.c.published)
    return (select(mentions.c.article_id, published.label("published"))
            .where(mentions.c.entity_id == entity_id).group_by(mentions.c.article_id)
            .order_by(published.desc().nulls_last(), mentions.c.article_id.desc()))


def role_spans(rows) -> list[RoleSpan]:
    """Each (title, qualifier) an entity was given, from its mentions with roles (article_id,
    published, roles as JSON) in publication order: how many articles, first and last seen."""
    past = english().past_qualifiers  # qualifiers are kept in English words ("ancien" -> "former")
    spans: dict[tuple[str, str | None], RoleSpan] = {}
    attested: set[tuple] = set()
    for row in rows:
        for role in json.loads(row.roles):
            # one title however it is spelt ("Lt. Col." and "Lt Col"), shown as first written
            key = (title_key(role["title"]), role.get("qualifier"))
            if (key, row.article_id) in attested:
                continue
            attested.add((key, row.article_id))
            span = spans.get(key)
            if span is None:
                span = spans[key] = RoleSpan(title=role["title"], qualifier=key[1], current=key[1] not in past,
                                             articles=0)
            span.articles += 1
            if row.published:
                if span.first_seen is None:
                    span.first_seen, span.first_article = row.published, row.article_id
                span.last_seen, span.last_article = row.published, row.article_id
    return sorted(spans.values(), key=lambda r: (r.first_seen or "", r.title))


def _after_moves(moved: dict[int, int], entity_id: int | None) -> int | None:
    """Where an entity is now, after the moves made while an article resolved."""
    while entity_id in moved:
        entity_id = moved[entity_id]
    return entity_id


class EntityGraph(EntityCorrections):
    """The entity methods of a SqlStore (they need `self.engine`)."""

    engine: Engine  # set by the store

    # -- resolving an article's entities -------------------------------------------------------

    def resolve_entities(self, article: Article, refs: list[EntityRef]) -> list[int | None]:
        """Store-wide entity ids of an article's entities (made where new; None: not in the graph),
        its mentions recorded. Re-resolving an article first takes back what it counted. A few
        statements per entity, not per name: on PostgreSQL each is a round trip."""
        with self.engine.begin() as conn:
            self._forget_article(conn, article.id)
            known = self._known_keys(conn, refs)
            moved: dict[int, int] = {}  # an entity absorbed into another while the article resolved
            resolved = [self._entity_for(conn, ref, known, moved) for ref in refs]
            ids = [_after_moves(moved, entity_id) for entity_id in resolved]
            recorded: dict[tuple[int, str], dict] = {}
            for ref, entity_id in zip(refs, ids):
                if entity_id is None:
                    continue
                e = ref.entity
                row = recorded.get((entity_id, e.name))
                if row is None:  # two names of the article may resolve to one entity: one row each
                    recorded[(entity_id, e.name)] = {
                        "article_id": article.id, "entity_id": entity_id, "name": e.name,
                        "aliases": list(e.aliases), "roles": [r.model_dump() for r in e.roles],
                        "affiliation": e.affiliation, "published": article.published, "count": e.mentions}
                else:
                    row["count"] += e.mentions
                    row["aliases"] += [a for a in e.aliases if a not in row["aliases"]]
            if recorded:
                conn.execute(mentions.insert(), [
                    {**row, "aliases": json.dumps(row["aliases"], ensure_ascii=False),
                     "roles": json.dumps(row["roles"], ensure_ascii=False)} for row in recorded.values()])
            self._count(conn, recorded.values(), +1)
        return ids

    @staticmethod
    def _known_keys(conn: Connection, refs: list[EntityRef]) -> dict[tuple[str, str], int]:
        """(key, type) -> entity id of every key the article's entities hold that the store knows."""
        keys = sorted({key for ref in refs for key in ref.keys})
        if not keys:
            return {}
        return {(r.key, r.type): r.entity_id for r in conn.execute(
            select(entity_aliases.c.key, entity_aliases.c.type, entity_aliases.c.entity_id)
            .where(entity_aliases.c.key.in_(keys)))}

    def _forget_article(self, conn: Connection, article_id: str) -> None:
        old = conn.execute(select(mentions.c.entity_id, mentions.c.name, mentions.c.aliases)
                           .where(mentions.c.article_id == article_id)).all()
        if not old:
            return
        conn.execute(mentions.delete().where(mentions.c.article_id == article_id))
        self._count(conn, [{"entity_id": r.entity_id, "name": r.name, "aliases": json.loads(r.aliases)} for r in old],
                    -1)

    def _count(self, conn: Connection, rows, step: int) -> None:
        """Count (or take back) an article's names of each entity, and the article itself."""
        names: set[tuple[int, str]] = set()
        touched: set[int] = set()
        for row in rows:
            touched.add(row["entity_id"])
            names.update((row["entity_id"], name) for name in {row["name"], *row["aliases"]})
        if not touched:
            return
        named = [{"entity_id": entity_id, "name": name} for entity_id, name in sorted(names)]
        if step > 0:
            insert = upsert(conn.dialect.name, entity_names)
            conn.execute(insert.values([{**n, "articles": 1} for n in named]).on_conflict_do_update(
                index_elements=["entity_id", "name"], set_={"articles": entity_names.c.articles + 1}))
        else:
            conn.execute(update(entity_names).where(entity_names.c.entity_id == bindparam("b_entity"),
                                                    entity_names.c.name == bindparam("b_name"))
                         .values(articles=entity_names.c.articles - 1),
                         [{"b_entity": n["entity_id"], "b_name": n["name"]} for n in named])
            conn.execute(delete(entity_names).where(entity_names.c.articles <= 0))
        conn.execute(update(entities).where(entities.c.id == bindparam("b_id"))
                     .values(articles=entities.c.articles + step), [{"b_id": i} for i in sorted(touched)])
        if step > 0:
            self._rename(conn, sorted(touched))

    def _entity_for(self, conn: Connection, ref: EntityRef, known: dict[tuple[str, str], int],
                    moved: dict[int, int]) -> int | None:
        """The store's entity for an article's entity: found by a key (`known`, kept up to date) or
        an agreeing name, else made (None for a name that stays out of the graph); its keys, family
        name and titles recorded."""
        kind = ref.entity.type
        found = next((known[(key, kind)] for key in ref.keys if (key, kind) in known), None)
        if found is None and ref.person is not None:
            found = self._agreeing_person(conn, ref)
        if found is None:
            if not ref.keys:
                return None
            found = new_id(conn.execute(entities.insert().values(type=kind, name=ref.entity.name, articles=0)))
        new_keys = [key for key in dict.fromkeys(ref.keys) if (key, kind) not in known]
        if new_keys:
            conn.execute(entity_aliases.insert(), [{"key": key, "type": kind, "entity_id": found, "pinned": False}
                                                   for key in new_keys])
            known.update({(key, kind): found for key in new_keys})
        if ref.person is not None and ref.person.full:
            self._insert_missing(conn, person_surnames, [{"surname": ref.person.surname_key, "entity_id": found}])
            self._insert_missing(conn, person_titles, [{"entity_id": found, "title": t} for t in sorted(ref.titles)])
            self._absorb_bare(conn, found, ref, known, moved)
        return found

    def _absorb_bare(self, conn: Connection, entity_id: int, ref: EntityRef, known: dict[tuple[str, str], int],
                     moved: dict[int, int]) -> None:
        """"President Trump", met before any full name held the title, is Donald Trump once he is
        the one person of that family name who holds it."""
        assert ref.person is not None
        surname = ref.person.surname_key
        if not ref.titles:
            return
        bare = {r.key.rsplit(":", 1)[1]: r.entity_id for r in conn.execute(
            select(entity_aliases.c.key, entity_aliases.c.entity_id).where(
                entity_aliases.c.key.in_([f"bare:{surname}:{title}" for title in sorted(ref.titles)]),
                entity_aliases.c.type == "person", ~entity_aliases.c.pinned))}
        for title, other in sorted(bare.items()):
            if other == entity_id:
                continue
            holders: set[int] = set(conn.execute(select(person_titles.c.entity_id).join(
                person_surnames, person_surnames.c.entity_id == person_titles.c.entity_id).where(
                person_surnames.c.surname == surname, person_titles.c.title == title)).scalars())
            if holders == {entity_id}:
                self._move(conn, other, entity_id, pin=False)
                known.update({k: entity_id for k, v in known.items() if v == other})
                moved[other] = entity_id

    def _agreeing_person(self, conn: Connection, ref: EntityRef) -> int | None:
        """The one person of the same family name whose full name agrees (a full name), or who holds
        one of its titles (a bare surname); None when there is none, or more than one."""
        person = ref.person
        assert person is not None
        candidates = select(person_surnames.c.entity_id).where(person_surnames.c.surname == person.surname_key)
        if person.full:
            rows = conn.execute(select(entity_names.c.entity_id, entity_names.c.name)
                                .where(entity_names.c.entity_id.in_(candidates))).all()
            agreeing = {r.entity_id for r in rows
                        if (other := parse_person(r.name)) is not None and names_agree(person, other)}
        elif ref.titles:
            agreeing = set(conn.execute(select(person_titles.c.entity_id).where(
                person_titles.c.entity_id.in_(candidates), person_titles.c.title.in_(sorted(ref.titles)))).scalars())
        else:
            return None
        return agreeing.pop() if len(agreeing) == 1 else None

    def clear_entity_graph(self) -> None:
        """Forget every resolution but the user's corrections: pinned keys and their entities stay."""
        with self.engine.begin() as conn:
            conn.execute(mentions.delete())
            conn.execute(entity_names.delete())
            conn.execute(person_surnames.delete())
            conn.execute(person_titles.delete())
            conn.execute(entity_aliases.delete().where(~entity_aliases.c.pinned))
            conn.execute(entities.delete().where(entities.c.id.not_in(select(entity_aliases.c.entity_id))))
            conn.execute(update(entities).values(articles=0))

    # -- reading ---------------------------------------------------------------------------------

    def find_entity(self, name: str) -> int | None:
        """The entity a typed name means (`lookup.find_entity`)."""
        with self.engine.connect() as conn:
            return lookup.find_entity(conn, name)

    def entity_profile(self, entity_id: int, limit: int = 20, offset: int = 0) -> EntityProfile | None:
        """Name, type, aliases, roles over time, affiliation, articles per month, and one page of
        the articles naming it, the latest first. Counted in SQL: a place named in 30,000 articles
        reads its roles' mentions only, never every mention."""
        mine = mentions.c.entity_id == entity_id
        with self.engine.connect() as conn:
            head = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
            if head is None:
                return None
            names: list[str] = list(conn.execute(select(entity_names.c.name).where(entity_names.c.entity_id == entity_id)
                                      .order_by(entity_names.c.articles.desc(), entity_names.c.name)).scalars())
            affiliation = conn.execute(
                select(mentions.c.affiliation).where(mine, mentions.c.affiliation.is_not(None))
                .group_by(mentions.c.affiliation)
                .order_by(func.count(mentions.c.article_id.distinct()).desc(), mentions.c.affiliation).limit(1)).scalar()
            month = func.substr(mentions.c.published, 1, 7)
            months = {str(r.month): int(r.articles) for r in conn.execute(
                select(month.label("month"), func.count(mentions.c.article_id.distinct()).label("articles"))
                .where(mine, mentions.c.published.is_not(None)).group_by(month))}
            with_roles = conn.execute(
                select(mentions.c.article_id, mentions.c.published, mentions.c.roles)
                .where(mine, mentions.c.roles != "[]").order_by(mentions.c.published, mentions.c.article_id)).all()
        return EntityProfile(
            id=head.id, name=head.name, type=head.type, aliases=[n for n in names if n != head.name],
            affiliation=affiliation, roles=role_spans(with_roles),
            timeline=[MonthCount(month=m, articles=n) for m, n in month_series(months)],
            total=head.articles, articles=self.entity_articles(entity_id, limit, offset))

    def role_mentions(self, entity_id: int | None = None, title_words: list[str] | None = None) -> list[RoleMention]:
        """The mentions of people that give roles (of one entity; whose roles hold one of the
        ASCII words, case aside: a first sieve, the caller matches titles), oldest first."""
        query = (select(mentions.c.entity_id, entities.c.name.label("person"), mentions.c.article_id,
                        mentions.c.published, mentions.c.roles, mentions.c.affiliation, mentions.c.name)
                 .join(entities, entities.c.id == mentions.c.entity_id)
                 .where(mentions.c.roles != "[]", entities.c.type == "person")
                 .order_by(mentions.c.published, mentions.c.article_id))
        if entity_id is not None:
            query = query.where(mentions.c.entity_id == entity_id)
        if title_words:
            query = query.where(or_(*(func.lower(mentions.c.roles).contains(w.casefold(), autoescape=True)
                                      for w in title_words)))
        with self.engine.connect() as conn:
            return [RoleMention(**r._mapping) for r in conn.execute(query)]

    def entity_articles(self, entity_id: int, limit: int = 20, offset: int = 0) -> list[ArticleRef]:
        """The articles naming an entity, the latest first."""
        named = latest_naming(entity_id).limit(limit).offset(offset).subquery()
        query = (select(named.c.article_id.label("id"), articles.c.headline, named.c.published)
                 .join(articles, articles.c.id == named.c.article_id)
                 .order_by(named.c.published.desc().nulls_last(), named.c.article_id.desc()))
        with self.engine.connect() as conn:
            return [ArticleRef(**r._mapping) for r in conn.execute(query)]

    def entities(self, kind: str | None = None, name: str | None = None, limit: int = 50,
                 offset: int = 0) -> list[NamedCount]:
        """Entities named in the most articles first; of one type; whose name holds `name`."""
        query = select(entities.c.id, entities.c.name, entities.c.type, entities.c.articles) \
            .where(entities.c.articles > 0)
        if kind:
            query = query.where(entities.c.type == kind)
        if name and name.strip():
            like = f"%{name.strip().lower()}%"
            query = query.where(or_(func.lower(entities.c.name).like(like), entities.c.id.in_(
                select(entity_names.c.entity_id).where(func.lower(entity_names.c.name).like(like)))))
        query = query.order_by(entities.c.articles.desc(), entities.c.name, entities.c.id).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [NamedCount(**r._mapping) for r in conn.execute(query)]

    def entity_ids_for_article(self, article_id: str) -> dict[str, int]:
        """Name in the article (and each other form it used) -> store-wide entity id, for linking."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(mentions.c.name, mentions.c.aliases, mentions.c.entity_id)
                                .where(mentions.c.article_id == article_id)).all()
        found: dict[str, int] = {}
        for r in rows:
            for name in [r.name, *json.loads(r.aliases)]:
                found.setdefault(name, r.entity_id)
        return found

    def co_mentioned(self, entity_id: int, limit: int = 10) -> list[NamedCount]:
        """The entities most often named in the same articles as this one, among its latest
        CO_MENTION_WINDOW articles (all of them for all but the most named)."""
        recent = latest_naming(entity_id).limit(CO_MENTION_WINDOW).subquery()
        shared = func.count(mentions.c.article_id.distinct())
        query = (select(entities.c.id, entities.c.name, entities.c.type, shared.label("articles"))
                 .select_from(recent.join(mentions, mentions.c.article_id == recent.c.article_id)
                              .join(entities, entities.c.id == mentions.c.entity_id))
                 .where(mentions.c.entity_id != entity_id)
                 .group_by(entities.c.id, entities.c.name, entities.c.type)
                 .order_by(shared.desc(), entities.c.name).limit(limit))
        with self.engine.connect() as conn:
            return [NamedCount(**r._mapping) for r in conn.execute(query)]

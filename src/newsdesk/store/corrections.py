"""A user's corrections to the people graph: merging two entities into one, splitting one
entity's mentions under a name into an entity of its own. Both pin the keys they move, so the
graph never undoes them."""

from __future__ import annotations

import json
from collections import Counter

from sqlalchemy import Connection, Engine, bindparam, func, select, update

from ..lang.names import canonical_name, names_agree, parse_person, spelling_key
from .schema import (entities, entity_aliases, entity_names, follows, mentions, new_id, person_surnames, person_titles,
                     upsert)


class EntityCorrections:
    """The correcting methods of a SqlStore's entity graph (they need `self.engine`)."""

    engine: Engine  # set by the store

    def merge_entities(self, keep: int, other: int) -> dict:
        """Make `other` part of `keep` for good: its keys are pinned to `keep`, its mentions (each
        with its own roles and names) move over. Returns what moved."""
        with self.engine.begin() as conn:
            return self._move(conn, other, keep, pin=True)

    def _move(self, conn: Connection, other: int, keep: int, pin: bool) -> dict:
        """Everything of entity `other` to `keep`, and `other` gone."""
        moved = conn.execute(select(func.count()).select_from(mentions).where(mentions.c.entity_id == other)
                             ).scalar_one()
        keys: list[str] = list(conn.execute(select(entity_aliases.c.key).where(entity_aliases.c.entity_id == other))
                               .scalars())
        conn.execute(entity_aliases.update().where(entity_aliases.c.entity_id == other)
                     .values(entity_id=keep, **({"pinned": True} if pin else {})))
        if pin:
            conn.execute(entity_aliases.update().where(entity_aliases.c.entity_id == keep).values(pinned=True))
        # rows of one article under both names stay apart (their keys differ by name)
        conn.execute(mentions.update().where(mentions.c.entity_id == other).values(entity_id=keep))
        for table, column in ((person_surnames, "surname"), (person_titles, "title")):
            values: list[str] = list(conn.execute(select(table.c[column]).where(table.c.entity_id == other)).scalars())
            self._insert_missing(conn, table, [{column: value, "entity_id": keep} for value in values])
            conn.execute(table.delete().where(table.c.entity_id == other))
        conn.execute(entity_names.delete().where(entity_names.c.entity_id == other))
        conn.execute(follows.update().where(follows.c.kind == "entity", follows.c.target == str(other))
                     .values(target=str(keep), filters=json.dumps({"entity_id": keep})))  # a follower follows the merge
        conn.execute(entities.delete().where(entities.c.id == other))
        self._recount(conn, keep)
        if not pin:
            self._rename(conn, [keep])
        return {"mentions": moved, "keys": len(keys)}

    def split_entity(self, entity_id: int, alias: str) -> tuple[int | None, dict]:
        """Give the mentions named `alias` (by a full form that agrees with it, or, when it is one
        word, by that family name) an entity of their own, pinned for good. Returns the new
        entity's id and what moved; (None, ...) when no mention is named so."""
        wanted = parse_person(alias)
        key = spelling_key(alias)

        def named_so(names: list[str]) -> bool:
            for name in names:
                if spelling_key(name) == key:
                    return True
                other = parse_person(name)
                if wanted is not None and other is not None and (
                        names_agree(wanted, other) if wanted.full else other.surname_key == wanted.surname_key):
                    return True
            return False

        with self.engine.begin() as conn:
            row = conn.execute(select(entities.c.type, entities.c.name).where(entities.c.id == entity_id)).one()
            kind, name = str(row.type), str(row.name)
            rows = [r for r in conn.execute(select(mentions).where(mentions.c.entity_id == entity_id)).all()
                    if named_so([r.name, *json.loads(r.aliases)])]
            if not rows or len(rows) == conn.execute(select(func.count()).select_from(mentions)
                                                     .where(mentions.c.entity_id == entity_id)).scalar_one():
                return None, {"mentions": 0}
            counts = Counter(r.name for r in rows)
            new = new_id(conn.execute(entities.insert().values(type=kind, name=canonical_name(kind, dict(counts)),
                                                               articles=0)))
            moved_names = {n for r in rows for n in [r.name, *json.loads(r.aliases)]}
            for r in rows:
                conn.execute(mentions.update().where(mentions.c.article_id == r.article_id,
                                                     mentions.c.entity_id == entity_id, mentions.c.name == r.name)
                             .values(entity_id=new))
            # the keys of the names that moved now find the new entity, for good
            keys = {spelling_key(n) for n in moved_names} | {key}
            for k in keys:
                conn.execute(entity_aliases.delete().where(entity_aliases.c.key == k, entity_aliases.c.type == kind))
                conn.execute(entity_aliases.insert().values(key=k, type=kind, entity_id=new, pinned=True))
            conn.execute(entity_aliases.update().where(entity_aliases.c.entity_id == entity_id).values(pinned=True))
            if kind == "person":
                surnames = {p.surname_key for n in moved_names if (p := parse_person(n)) is not None and p.full}
                self._insert_missing(conn, person_surnames,
                                     [{"surname": s, "entity_id": new} for s in sorted(surnames)])
                staying = [r for r in conn.execute(select(mentions.c.name, mentions.c.aliases)
                                                   .where(mentions.c.entity_id == entity_id)).all()]
                still = {p.surname_key for r in staying for n in [r.name, *json.loads(r.aliases)]
                         if (p := parse_person(n)) is not None and p.full}
                for surname in surnames - still:
                    conn.execute(person_surnames.delete().where(person_surnames.c.entity_id == entity_id,
                                                                person_surnames.c.surname == surname))
            self._recount(conn, entity_id)
            self._recount(conn, new)
        return new, {"mentions": len(rows), "keys": len(keys), "from": name}

    def _recount(self, conn: Connection, entity_id: int) -> None:
        """An entity's counts and names again from its mentions, after a correction moved some."""
        rows = conn.execute(select(mentions.c.article_id, mentions.c.name, mentions.c.aliases)
                            .where(mentions.c.entity_id == entity_id)).all()
        forms: dict[str, set[str]] = {}
        for r in rows:
            forms.setdefault(r.article_id, set()).update([r.name, *json.loads(r.aliases)])
        names: Counter[str] = Counter(n for named in forms.values() for n in named)
        conn.execute(entity_names.delete().where(entity_names.c.entity_id == entity_id))
        if names:
            conn.execute(entity_names.insert(), [{"entity_id": entity_id, "name": n, "articles": c}
                                                 for n, c in names.items()])
        conn.execute(update(entities).where(entities.c.id == entity_id)
                     .values(articles=len(forms)))

    @staticmethod
    def _insert_missing(conn: Connection, table, rows: list[dict]) -> None:
        """Rows the table lacks, added (one statement: a row it holds is left as it is)."""
        if rows:
            conn.execute(upsert(conn.dialect.name, table).values(rows).on_conflict_do_nothing())

    @staticmethod
    def _rename(conn: Connection, entity_ids: list[int]) -> None:
        """Each entity's name: the commonest clean full form it was named by (a user's choice stays)."""
        pinned: set[int] = set(conn.execute(select(entity_aliases.c.entity_id).where(
            entity_aliases.c.entity_id.in_(entity_ids), entity_aliases.c.pinned)).scalars())
        free = [i for i in entity_ids if i not in pinned]
        if not free:
            return
        counts: dict[int, dict[str, int]] = {}
        for r in conn.execute(select(entity_names.c.entity_id, entity_names.c.name, entity_names.c.articles)
                              .where(entity_names.c.entity_id.in_(free))):
            counts.setdefault(r.entity_id, {})[r.name] = r.articles
        renamed = []
        for r in conn.execute(select(entities.c.id, entities.c.type, entities.c.name).where(entities.c.id.in_(free))):
            best = canonical_name(str(r.type), counts[r.id]) if counts.get(r.id) else r.name
            if best != r.name:
                renamed.append({"b_id": r.id, "b_name": best})
        if renamed:
            conn.execute(update(entities).where(entities.c.id == bindparam("b_id")).values(name=bindparam("b_name")),
                         renamed)

"""Which entity a name typed by a user means (`newsdesk entity NAME`, `who --person`, the API).

A key the user pinned (a merge or split) decides. A bare family name ("Trump") means the person
named most with it, not an organisation or place the model once called so ("Trump" tagged as an
organisation in a few articles), unless that organisation or place is named in more articles than
the person ("Jordan" the country, beside a little-named Jordan). A full name, or a name no person
bears, is found by its exact keys, then among the people of its family name, then among the names
entities were once called.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from ..lang.countries import country_named
from ..lang.names import parse_person, spelling_key
from .schema import entities, entity_aliases, entity_names, person_surnames


def find_entity(conn: Connection, name: str) -> int | None:
    """The entity a typed name means; None when nothing is called so."""
    person = parse_person(name)
    keyed = keyed_entity(conn, name)
    if keyed is not None and keyed[1]:
        return keyed[0]
    bearer = most_named_bearer(conn, person.surname_key) if person is not None else None
    if keyed is not None and (bearer is None or person is None or person.full
                              or articles_of(conn, keyed[0]) > articles_of(conn, bearer)):
        return keyed[0]
    if bearer is not None:
        return bearer
    return conn.execute(select(entity_names.c.entity_id).where(entity_names.c.name == name.strip())
                        .order_by(entity_names.c.articles.desc()).limit(1)).scalar()


def keyed_entity(conn: Connection, name: str) -> tuple[int, bool] | None:
    """The entity a name's exact keys find (a country under any name, else its spelling; a pinned
    key first, then the entity named in more articles, a person before an organisation or place of
    the same name), and whether that key is pinned."""
    country = country_named(name)
    keys = [f"country:{country.code}"] if country is not None else []
    keys.append(spelling_key(name))
    for key in keys:
        found = conn.execute(select(entity_aliases.c.entity_id, entity_aliases.c.pinned)
                             .join(entities, entities.c.id == entity_aliases.c.entity_id)
                             .where(entity_aliases.c.key == key)
                             .order_by(entity_aliases.c.pinned.desc(), entities.c.articles.desc(),
                                       (entities.c.type == "person").desc(), entities.c.id).limit(1)).first()
        if found is not None:
            return int(found.entity_id), bool(found.pinned)
    return None


def most_named_bearer(conn: Connection, surname: str) -> int | None:
    """The person of this family name named in the most articles."""
    return conn.execute(
        select(entities.c.id).join(person_surnames, person_surnames.c.entity_id == entities.c.id)
        .where(person_surnames.c.surname == surname)
        .order_by(entities.c.articles.desc(), entities.c.id).limit(1)).scalar()


def articles_of(conn: Connection, entity_id: int) -> int:
    return int(conn.execute(select(entities.c.articles).where(entities.c.id == entity_id)).scalar() or 0)

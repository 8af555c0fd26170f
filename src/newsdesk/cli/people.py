"""The `newsdesk` commands about people: one entity, the index of entities, who held an office."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from .. import offices, pipeline, terminal
from ..model import EntityProfile
from ..store import Store
from . import JsonFlag, app, fail, out, print_json, progress_bar, store


def find_entity_or_fail(st: Store, name: str) -> int:
    found = st.find_entity(name)
    if found is None:
        raise fail(f"{name}: no such entity")
    return found


def profile_of(st: Store, entity_id: int, limit: int = 20) -> EntityProfile:
    profile = st.entity_profile(entity_id, limit=limit)
    if profile is None:
        raise fail(f"{entity_id}: no such entity")
    return profile


@app.command()
def entity(
    words: Annotated[list[str], typer.Argument(
        help="NAME to show; or: merge NAME OTHER (OTHER becomes part of NAME); or: split NAME ALIAS "
             "(the mentions named ALIAS get an entity of their own).")],
    limit: Annotated[int, typer.Option(help="How many of its articles, the latest first.", min=1)] = 20,
    as_json: JsonFlag = False,
) -> None:
    """One person, organisation or place across the store: names, roles over time, articles.

    Corrections stay: after `merge` or `split`, re-ingesting never undoes them; each is undone by
    the other.
    """
    done = None
    with store() as st:
        if words[0] == "merge" and len(words) == 3:
            keep, other = find_entity_or_fail(st, words[1]), find_entity_or_fail(st, words[2])
            kept, merged = profile_of(st, keep), profile_of(st, other)
            if keep == other:
                raise fail(f"{words[1]} and {words[2]} are one entity already: {kept.name} ({keep})")
            if kept.type != merged.type:
                raise fail(f"cannot merge {merged.name} ({merged.type}) into {kept.name} ({kept.type})")
            moved = st.merge_entities(keep, other)
            done = (f"merged {merged.name} ({other}) into {kept.name} ({keep}): {moved['mentions']} mentions "
                    f"moved; undo with: newsdesk entity split {json.dumps(kept.name)} {json.dumps(merged.name)}")
            profile = profile_of(st, keep)
        elif words[0] == "split" and len(words) == 3:
            source = find_entity_or_fail(st, words[1])
            name = profile_of(st, source).name
            new, moved = st.split_entity(source, words[2])
            if new is None:
                raise fail(f"{name} ({source}): no mention named {words[2]!r} to split off (or every mention is)")
            profile = profile_of(st, new)
            done = (f"split {profile.name} ({new}) from {name} ({source}): {moved['mentions']} mentions moved; "
                    f"undo with: newsdesk entity merge {json.dumps(name)} {json.dumps(profile.name)}")
        elif words[0] in ("merge", "split"):
            raise fail(f"say: entity {words[0]} NAME OTHER, each name in quotes when it has spaces", code=2)
        else:  # "entity Vladimir Medinsky", unquoted, is one name
            profile = profile_of(st, find_entity_or_fail(st, " ".join(words)), limit)
    if as_json:
        shown = profile.model_dump(mode="json")
        print_json({**shown, "done": done} if done else shown)
        return
    if done:
        out.print(escape(done))
    terminal.print_entity(out, profile)


@app.command()
def entities(
    kind: Annotated[str | None, typer.Option("--type", help="person, org or place.")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Only those whose name holds this.")] = None,
    limit: Annotated[int, typer.Option(help="How many.", min=1)] = 50,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Resolve every stored article's entities again "
                                                            "with the current rules (your merges and splits stay).")] = False,
    as_json: JsonFlag = False,
) -> None:
    """People, organisations and places, named in the most articles first."""
    if kind not in (None, "person", "org", "place"):
        raise fail(f"--type {kind}: say person, org or place", code=2)
    with store() as st:
        if rebuild and sys.stderr.isatty():
            with progress_bar("relating entities") as bar:
                task = bar.add_task("rebuild", total=st.count())
                pipeline.rebuild_entity_graph(st, lambda: bar.advance(task))
        elif rebuild:
            pipeline.rebuild_entity_graph(st)
        rows = st.entities(kind=kind, name=name, limit=limit)
    if as_json:
        print_json([row.model_dump() for row in rows])
        return
    table = Table("id", "name", "type", "articles")
    for row in rows:
        table.add_row(str(row.id), row.name, row.type, str(row.articles))
    out.print(table)


@app.command()
def who(
    title: Annotated[str | None, typer.Argument(help='An office: "Defense Minister", "foreign minister".')] = None,
    of: Annotated[str | None, typer.Option("--of", help="Whose: a country or an organisation.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="As of this day (YYYY-MM-DD): later evidence set aside.")] = None,
    person: Annotated[str | None, typer.Option("--person", help="A person's offices over time instead.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Who held an office, as the stored articles say, with their sentences; or a person's offices.

    Conflicting evidence is shown, not settled: everyone called the office is listed, newest first.
    """
    if (title is None) == (person is None):
        raise fail('say an office ("Defense Minister" --of Russia) or --person NAME', code=2)
    if on is not None and not offices.is_day(on):
        raise fail(f"--on {on}: say a day as YYYY-MM-DD", code=2)
    with store() as st:
        if person is not None:
            entity_id = find_entity_or_fail(st, person)
            found = offices.offices_held(st, entity_id)
            heading = f"{profile_of(st, entity_id, 1).name}: offices, newest first"
        else:
            assert title is not None
            found = offices.who_held(st, title, of, on)
            heading = f"{title}{' of ' + of if of else ''}{' on ' + on if on else ''}"
    if as_json:
        print_json({"asked": {"title": title, "of": of, "on": on, "person": person},
                    "found": [h.model_dump(mode="json") for h in found]})
        return
    for line in offices.describe(found, heading):
        out.print(escape(line))

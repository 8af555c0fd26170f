"""The `newsdesk` commands that follow news: follow a search, an entity or a story (with a webhook
to alert), list and remove follows, send the alerts waiting."""

from __future__ import annotations

import secrets
from enum import Enum
from typing import Annotated
from urllib.parse import urlsplit

import typer
from rich.markup import escape
from rich.table import Table

from ..alerts import AlertReport, send_alerts
from ..model import Follow
from ..store import Store
from ..store.search import SearchFilters
from . import JsonFlag, app, err, fail, out, print_json, store
from .people import find_entity_or_fail


class Kind(str, Enum):
    search = "search"
    entity = "entity"
    story = "story"


def checked_webhook(url: str | None) -> str | None:
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise fail(f"{url}: a webhook must be an http:// or https:// URL")
    return url


def what_to_follow(st: Store, kind: Kind, target: str) -> tuple[str, str, SearchFilters]:
    """(target, label, filters) of a follow, or a one-line refusal for what is not stored."""
    if kind is Kind.entity:
        entity_id = find_entity_or_fail(st, target)
        profile = st.entity_profile(entity_id, limit=1)
        return str(entity_id), profile.name if profile else target, SearchFilters(entity_id=entity_id)
    if kind is Kind.story:
        found = st.story(target)
        if found is None:
            raise fail(f"{target}: no such story")
        return target, found.headline, SearchFilters(story_id=target)
    if not target.strip():
        raise fail("a search to follow needs words")
    return target, target, SearchFilters()


@app.command()
def follow(
    kind: Annotated[Kind, typer.Argument(help="What to follow: a search, an entity or a story.")],
    target: Annotated[str, typer.Argument(help="The search's words, the entity's name or the story's id.")],
    webhook: Annotated[str | None, typer.Option(help="POST each new matching article here as JSON.")] = None,
    secret: Annotated[str | None, typer.Option(
        help="Sign alerts with this secret (HMAC-SHA256); one is made when a webhook is given without it.")] = None,
    category: Annotated[str | None, typer.Option(help="A search: only this category.")] = None,
    source: Annotated[str | None, typer.Option(help="A search: only this source.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="A search: published on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="A search: published on or before (YYYY-MM-DD).")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Follow a search, an entity or a story from now on: articles stored later that match are
    alerts, POSTed once each to the webhook, after every ingest."""
    url = checked_webhook(webhook)
    key = (secret or secrets.token_urlsafe(24)) if url else secret
    with store() as st:
        target, label, filters = what_to_follow(st, kind, target)
        if kind is Kind.search:
            filters = SearchFilters(category=category, source=source, date_from=date_from, date_to=date_to)
        made = st.add_follow(kind.value, target, label, filters, url, key)
    if as_json:
        print_json({**made.model_dump(mode="json"), "secret": key})
        return
    out.print(f"following {kind.value} {label!r} (follow {made.id})", markup=False)
    if url:
        out.print(f"alerts go to {url}, signed with the secret {key}", markup=False)


@app.command("follows")
def list_follows(as_json: JsonFlag = False) -> None:
    """What is followed, and what came of it: new matches, alerts delivered, waiting, given up."""
    with store() as st:
        found = st.follows()
    if as_json:
        print_json([f.model_dump(mode="json") for f in found])
        return
    if not found:
        out.print("nothing is followed: newsdesk follow search|entity|story ...", markup=False)
        return
    out.print(follows_table(found))


def follows_table(found: list[Follow]) -> Table:
    table = Table("id", "follows", "webhook", "matched", "delivered", "waiting", "last error", box=None)
    for f in found:
        table.add_row(str(f.id), f"{f.kind} {escape(f.label)}", escape(f.webhook or "-"), str(f.matched),
                      str(f.delivered), str(f.pending + f.failed), escape(f.last_error or ""))
    return table


@app.command()
def unfollow(follow_id: Annotated[int, typer.Argument(help="The follow's id (newsdesk follows).")]) -> None:
    """Stop following; its alerts go with it."""
    with store() as st:
        gone = st.remove_follow(follow_id)
    if gone is None:
        raise fail(f"{follow_id}: no such follow")
    out.print(f"no longer following {gone.kind} {gone.label!r} (follow {gone.id})", markup=False)


@app.command()
def notify(as_json: JsonFlag = False) -> None:
    """Match follows against the articles stored since and send the alerts waiting (ingest and
    watch do this after each run)."""
    with store() as st:
        report = send_alerts(st)
    if as_json:
        print_json(report.__dict__)
        return
    print_alerts(report, always=True)


def print_alerts(report: AlertReport, always: bool = False) -> None:
    """One line on stderr of what a run of alerts did; nothing when it did nothing, unless asked."""
    if not (always or report.matched or report.delivered or report.waiting):
        return
    line = f"alerts: {report.matched} new matches, {report.delivered} delivered, {report.waiting} waiting"
    for url, error in report.errors.items():
        line += f"; {error}" if error.startswith(url) else f"; {url}: {error}"
    err.print(f"newsdesk: {line}", markup=False)


def alerts_after_ingest(st: Store) -> None:
    """Send the alerts an ingest made, when anything is followed."""
    if st.follows():
        print_alerts(send_alerts(st))

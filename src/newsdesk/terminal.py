"""How newsdesk's records read on a terminal: an article as its page shows it, an entity, a story."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from .model import EntityProfile, Story


def print_article(out: Console, record: dict) -> None:
    """An article on a terminal as its page shows it: headline, byline and date, the body, then what
    newsdesk read in it (people and their roles, quotes, events) and its story and similar articles."""
    meta = " · ".join(str(x) for x in (record.get("category"), (record.get("published") or "")[:10] or None,
                                        record.get("byline"), record.get("source")) if x)
    out.print(f"[dim]{escape(record['id'])}  {escape(meta)}[/dim]")
    out.print(f"[bold]{escape(record['headline'])}[/bold]")
    if record.get("standfirst"):
        out.print(f"[italic]{escape(record['standfirst'])}[/italic]")
    for block in record.get("body", []):
        text = escape(block["text"])
        out.print(f"\n[bold]{text}[/bold]" if block["type"] == "heading" else f"\n{text}")
    understanding = record.get("understanding") or {}
    if understanding and not understanding.get("model"):
        out.print(f"\n[dim]not understood: no pipeline for {escape(understanding.get('language') or 'this language')}[/dim]")
    people = [e for e in record.get("entities", []) if e["type"] == "person"]
    if people:
        out.print("\n[bold]People[/bold]")
        for p in people:
            roles = "; ".join(((r.get("qualifier") + " ") if r.get("qualifier") else "") + r["title"] for r in p["roles"])
            extra = "".join(f" — {x}" for x in (roles,) if x) + (f" ({p['affiliation']})" if p.get("affiliation") else "")
            out.print(f"  {escape(p['name'])}{escape(extra)}")
    if record.get("quotes"):
        out.print("\n[bold]Quotes[/bold]")
        for q in record["quotes"]:
            out.print(f"  “{escape(q['text'])}” — {escape(q.get('speaker') or 'unnamed')}")
    events = [e for e in record.get("events", []) if e["type"] != "statement"]
    if events:
        out.print("\n[bold]Events[/bold]")
        for e in events:
            out.print(f"  {escape(e['label'])}" + (f" [dim]{escape(e['date'])}[/dim]" if e.get("date") else ""))
    if record.get("story_id") and record["story_id"] != record["id"]:
        out.print(f"\n[dim]part of story {escape(record['story_id'])}[/dim]")
    if record.get("similar"):
        out.print("\n[bold]Similar[/bold]")
        for other in record["similar"]:
            out.print(f"  {escape(other['id'])}  {escape(other['headline'])}")
    out.print()


def print_entity(out: Console, profile: EntityProfile) -> None:
    """An entity: name, type and affiliation, other names, roles over time, its latest articles."""
    out.print(f"[bold]{escape(profile.name)}[/bold] ({profile.type})"
              + (f", {escape(profile.affiliation)}" if profile.affiliation else ""))
    if profile.aliases:
        out.print("  also: " + escape(", ".join(profile.aliases[:12])))
    for role in profile.roles:
        out.print(f"  {escape((role.qualifier + ' ') if role.qualifier else '')}{escape(role.title)}"
                  f"  [dim]{(role.first_seen or '')[:10]}–{(role.last_seen or '')[:10]}, {role.articles} articles[/dim]")
    for article in profile.articles:
        out.print(f"  {(article.published or '')[:10]:10}  {escape(article.headline)}")
    if profile.total > len(profile.articles):
        out.print(f"  [dim]the latest {len(profile.articles)} of {profile.total} articles; --limit shows more[/dim]")


def print_story(out: Console, found: Story) -> None:
    """A story's timeline: its articles in order, copies marked, and who it names most."""
    out.print(f"[bold]{escape(found.headline)}[/bold]  [dim]{found.size} articles, "
              f"{found.first_published or '?'} to {found.last_published or '?'}[/dim]")
    if found.named:
        out.print("  named most: " + escape(", ".join(f"{e.name} ({e.articles})" for e in found.named)))
    for a in found.articles:
        copy = "  [dim](copy)[/dim]" if a.duplicate_of else ""
        out.print(f"  {a.published or '':10}  {a.id}  {escape(a.headline)}  [dim]{escape(a.source or '')}[/dim]{copy}")

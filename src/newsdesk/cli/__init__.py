"""The `newsdesk` command: ingest, extract, list, show, search, serve (people and offices: `cli/people.py`;
following and alerts: `cli/follows.py`).

Errors are one line on stderr naming the input; no traceback reaches the user.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from .. import pipeline, terminal
from ..config import Config, Reading
from ..lang import use_folder
from ..errors import BadInput, NewsdeskError
from ..sources import holds_many
from ..store import Store, open_store

app = typer.Typer(
    help="newsdesk turns raw news into knowledge people can read, search and trust.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"newsdesk: {message}", markup=False)
    return typer.Exit(code)


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.callback()
def settings() -> None:
    """newsdesk turns raw news into knowledge people can read, search and trust."""
    use_folder(Config.from_env().languages)  # language files are looked up from anywhere below


def reading() -> Reading:
    """What reading documents depends on (site rules, spaCy pipelines, language files), from the environment."""
    return Config.from_env().reading


def store() -> Store:
    db = Config.from_env().db
    try:
        return open_store(db)
    except NewsdeskError as exc:
        raise fail(str(exc)) from exc


SourcesArg = Annotated[list[str], typer.Argument(
    help="Files, folders, URLs, RSS/Atom feeds, sitemaps, .warc/.warc.gz and .wet/.wet.gz archives, .jsonl files.")]


AllowPrivate = Annotated[bool, typer.Option(
    "--allow-private", help="Fetch private and local addresses too (refused by default, as in the API).")]


def fetcher_for(allow_private: bool):
    """The fetcher of a command: public addresses only unless --allow-private or
    NEWSDESK_ALLOW_PRIVATE_URLS say otherwise."""
    from dataclasses import replace

    from ..sources.fetch import FetchConfig, Fetcher

    config = FetchConfig.from_config(Config.from_env())
    return Fetcher(replace(config, public_only=False) if allow_private else config)


def run_ingest(ingester: pipeline.Ingester, sources: list[str], show_progress: bool,
               client=None) -> pipeline.IngestSummary:
    """Ingest with a progress bar on a terminal: a count of files, or of documents when unknown."""
    planned = pipeline.plan_sources(sources)
    if not show_progress:
        return ingester.ingest(planned, client=client)
    countable = not any(holds_many(p) for p in planned)
    with progress_bar("ingesting") as progress:
        task = progress.add_task("ingest", total=len(planned) if countable else None)
        return ingester.ingest(planned, on_document=lambda _: progress.advance(task), client=client)


def progress_bar(label: str) -> Progress:
    """A progress bar on stderr, gone when the work is done."""
    return Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=err, transient=True)


def print_failures(failures: list[pipeline.Failure]) -> None:
    """A line on stderr for each bad input; an archive's skipped records counted in one (--json lists each)."""
    for line in pipeline.failure_lines(failures):
        err.print(f"newsdesk: {line}", markup=False)


def report(summary: pipeline.IngestSummary, as_json: bool) -> None:
    print_failures(summary.failures)
    if as_json:
        print_json(summary.to_json())
    else:
        unchanged_urls = f", {summary.not_modified} not modified" if summary.not_modified else ""
        out.print(
            f"{len(summary.outcomes)} ingested ({summary.count('new')} new, {summary.count('updated')} updated, "
            f"{summary.count('unchanged')} unchanged{unchanged_urls}), {len(summary.failures)} failed",
            markup=False,
        )


@app.command()
def ingest(
    sources: SourcesArg,
    cluster: Annotated[str | None, typer.Option(
        help="Run extraction and understanding on Dask: local:N (N local workers) or tcp://HOST:PORT.")] = None,
    allow_private: AllowPrivate = False,
    as_json: JsonFlag = False,
) -> None:
    """Read, understand and store news; bad documents are reported and skipped."""
    from contextlib import nullcontext

    from ..cluster import connect

    with (store() as st, fetcher_for(allow_private) as fetcher,
          (connect(cluster) if cluster else nullcontext()) as client):
        summary = run_ingest(pipeline.Ingester(st, fetcher, reading()), sources, show_progress=err.is_terminal and not as_json,
                             client=client)
        follows.alerts_after_ingest(st)
    if not (summary.outcomes or summary.failures or summary.not_modified):
        raise fail(f"found nothing to read in {', '.join(sources)}")
    report(summary, as_json)
    if not summary.ok:
        raise typer.Exit(1)


def parse_interval(text: str) -> float:
    """"15m", "30s", "2h", "90" (seconds) as seconds."""
    units = {"s": 1, "m": 60, "h": 3600}
    text = text.strip().lower()
    try:
        return float(text[:-1]) * units[text[-1]] if text[-1] in units else float(text)
    except (ValueError, IndexError) as exc:
        raise typer.BadParameter(f"{text!r} is not an interval like 30s, 15m or 1h") from exc


@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(help="Feeds and sitemaps (or any source) to poll.")],
    every: Annotated[str, typer.Option(help="Time between polls: 30s, 15m, 1h.")] = "15m",
    times: Annotated[int, typer.Option(help="Stop after this many polls (0: never).")] = 0,
    allow_private: AllowPrivate = False,
    as_json: JsonFlag = False,
) -> None:
    """Keep polling feeds and sitemaps and ingest what is new; unchanged pages cost a 304."""
    import time

    interval = parse_interval(every)
    done = 0
    try:
        with store() as st, fetcher_for(allow_private) as fetcher:
            ingester = pipeline.Ingester(st, fetcher, reading())  # one relator for every poll, kept fresh
            while True:
                report(run_ingest(ingester, sources, show_progress=False), as_json)
                follows.alerts_after_ingest(st)
                done += 1
                if times and done >= times:
                    break
                time.sleep(interval)
    except KeyboardInterrupt:
        err.print("newsdesk: watch stopped")


@app.command()
def extract(
    source: Annotated[str, typer.Argument(help="A file, folder or URL of news pages.")],
    allow_private: AllowPrivate = False,
    as_json: JsonFlag = False,
) -> None:
    """Read and understand without storing; prints what `show` would."""
    from ..sources import SourceReader

    records, failures = [], []
    with fetcher_for(allow_private) as fetcher:
        items = list(pipeline.read_all(SourceReader(fetcher).read([source]), reading=reading()))
    for item in items:
        if isinstance(item, pipeline.Failure):
            failures.append(item)
        else:
            records.append(item[1].to_json())
    print_failures(failures)
    if not records:
        raise fail(f"{source}: nothing to read there" if not failures else f"{source}: no news page could be read")
    single = len(records) == 1 and not failures and (pipeline.is_url(source) or not Path(source).is_dir())
    if as_json:
        print_json(records[0] if single else records)
    else:
        for record in records:
            terminal.print_article(out, record)


@app.command()
def articles(
    limit: Annotated[int, typer.Option(help="How many to list.", min=1)] = 50,
    offset: Annotated[int, typer.Option(help="How many to skip.", min=0)] = 0,
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """List stored articles, newest first."""
    with store() as st:
        rows = st.articles(limit=limit, offset=offset, category=category)
    if as_json:
        print_json([row.model_dump(mode="json") for row in rows])
        return
    table = Table("id", "published", "category", "headline")
    for row in rows:
        table.add_row(row.id, row.published or "", row.category or "", row.headline)
    out.print(table)


@app.command()
def show(article_id: Annotated[str, typer.Argument(help="The article's id.")], as_json: JsonFlag = False) -> None:
    """One article with everything known about it."""
    with store() as st:
        article = st.get(article_id)
    if article is None:
        raise fail(f"{article_id}: no such article")
    if as_json:
        print_json(article.to_json())
    else:
        terminal.print_article(out, article.to_json())


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find.")],
    limit: Annotated[int, typer.Option(help="How many hits.", min=1)] = 20,
    as_json: JsonFlag = False,
) -> None:
    """Full-text search, best hits first."""
    with store() as st:
        hits = st.search(query, limit=limit)
    if as_json:
        print_json([hit.model_dump(mode="json") for hit in hits])
        return
    if not hits:
        out.print(f"no articles match {query!r}", markup=False)
    for hit in hits:
        out.print(f"[bold]{hit.id}[/bold]  {(hit.published or '')[:10]:10}  {escape(hit.headline)}")


@app.command()
def story(story_id: Annotated[str, typer.Argument(help="The story's id (an article's story_id).")],
          as_json: JsonFlag = False) -> None:
    """One story's timeline: its articles in the order they were published, its outlets and the
    people and organisations it names most."""
    with store() as st:
        found = st.story(story_id)
    if found is None:
        raise fail(f"{story_id}: no such story")
    if as_json:
        print_json(found.model_dump(mode="json"))
        return
    terminal.print_story(out, found)


@app.command()
def stories(
    limit: Annotated[int, typer.Option(help="How many stories.", min=1)] = 20,
    min_size: Annotated[int, typer.Option(help="Only stories with at least this many articles.", min=1)] = 2,
    as_json: JsonFlag = False,
) -> None:
    """Stories the store has seen told more than once, the latest news first."""
    with store() as st:
        rows = st.stories(limit=limit, min_size=min_size)
    if as_json:
        print_json([row.model_dump(mode="json") for row in rows])
        return
    table = Table("story", "articles", "first", "last", "headline")
    for row in rows:
        table.add_row(row.id, str(row.size), row.first_published or "", row.last_published or "", row.headline)
    out.print(table)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", help="jsonl, jsonld or parquet.")] = "jsonl",
    output: Annotated[Path | None, typer.Option(
        help="File to write (jsonl, jsonld; default standard output) or folder (parquet; default ./export).")] = None,
) -> None:
    """Export every stored article: JSON Lines, schema.org JSON-LD, or Parquet tables."""
    from .. import export as exporter

    if format not in exporter.FORMATS:
        raise fail(f"--format {format}: choose one of {', '.join(exporter.FORMATS)}", code=2)
    with store() as st:
        articles = st.iter_articles()
        if format == "parquet":
            folder = output or Path("export")
            count = exporter.write_parquet(articles, folder)
            err.print(f"newsdesk: {count} articles exported to {folder}/", markup=False)
            return
        writer = exporter.write_jsonl if format == "jsonl" else exporter.write_jsonld
        if output is None:
            writer(articles, sys.stdout)
        else:
            with output.open("w", encoding="utf-8") as stream:
                count = writer(articles, stream)
            err.print(f"newsdesk: {count} articles exported to {output}", markup=False)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
) -> None:
    """Serve the reader site and the JSON API."""
    import uvicorn

    from ..serve.app import create_app

    import socket

    config = Config.from_env()
    host, port = host or config.host, port or config.port
    try:  # claim the port before saying anything: a port in use is one line, not a traceback
        sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as exc:
        raise fail(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from exc
    web = create_app(store())
    server = uvicorn.Server(uvicorn.Config(web, log_level="warning"))
    out.print(f"newsdesk is serving {config.db} on http://{host}:{port}", markup=False)
    server.run(sockets=[sock])


def main() -> None:
    try:
        app()
    except BadInput as exc:
        err.print(f"newsdesk: {exc}", markup=False)
        sys.exit(1)
    except NewsdeskError as exc:
        err.print(f"newsdesk: {exc}", markup=False)
        sys.exit(1)


from . import follows, people  # noqa: E402,F401  (their commands join `app`)

if __name__ == "__main__":
    main()

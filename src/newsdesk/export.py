"""Exports for analysts: JSON Lines, schema.org JSON-LD, and Parquet with one table per record kind.

Articles are read from the store a batch at a time and written as they come, so an export of a
large store runs in flat memory. The Parquet tables join on `article_id`:

    articles, body, entities, roles, quotes, time_expressions, events, participants, related
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import pyarrow as pa
import pyarrow.parquet as pq

from .jsonld import news_article
from .model import Article

FORMATS = ("jsonl", "jsonld", "parquet")
#: Rows gathered before a row group is written.
ROW_GROUP = 2000

S, I, B = pa.string(), pa.int32(), pa.bool_()
SCHEMAS = {
    "articles": pa.schema([("article_id", S), ("url", S), ("origin", S), ("published", S), ("category", S),
                           ("reading_time_minutes", I), ("headline", S), ("standfirst", S), ("byline", S),
                           ("authors", pa.list_(S)), ("source", S), ("dateline", S), ("language", S),
                           ("image_caption", S),
                           ("image_credit", S), ("body_text", S), ("duplicate_of", S), ("story_id", S)]),
    "body": pa.schema([("article_id", S), ("position", I), ("type", S), ("text", S)]),
    "entities": pa.schema([("article_id", S), ("name", S), ("type", S), ("affiliation", S), ("mentions", I),
                           ("aliases", pa.list_(S))]),
    "roles": pa.schema([("article_id", S), ("name", S), ("title", S), ("text", S), ("qualifier", S)]),
    "quotes": pa.schema([("article_id", S), ("speaker", S), ("text", S), ("partial", B), ("place", S),
                         ("said_on", S)]),
    "time_expressions": pa.schema([("article_id", S), ("text", S), ("normalized", S), ("kind", S),
                                   ("approximate", B)]),
    "events": pa.schema([("article_id", S), ("event", I), ("type", S), ("label", S), ("date", S), ("place", S),
                         ("country", S), ("role", S), ("parties", pa.list_(S)),
                         ("unnamed_participants", pa.list_(S))]),
    "participants": pa.schema([("article_id", S), ("event", I), ("name", S), ("part", S), ("side", S)]),
    "related": pa.schema([("article_id", S), ("title", S), ("url", S)]),
}


def rows_of(article: Article) -> dict[str, list[dict]]:
    """An article as rows of every table."""
    a = article
    image = a.image
    rows: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    rows["articles"].append(dict(
        article_id=a.id, url=a.url, origin=a.origin, published=a.published, category=a.category,
        reading_time_minutes=a.reading_time_minutes, headline=a.headline, standfirst=a.standfirst, byline=a.byline,
        authors=a.authors, source=a.source, dateline=a.dateline, language=a.language,
        image_caption=image.caption if image else None,
        image_credit=image.credit if image else None, body_text=a.body_text, duplicate_of=a.duplicate_of,
        story_id=a.story_id))
    rows["body"] = [dict(article_id=a.id, position=i, type=b.type, text=b.text) for i, b in enumerate(a.body)]
    for e in a.entities:
        rows["entities"].append(dict(article_id=a.id, name=e.name, type=e.type, affiliation=e.affiliation,
                                     mentions=e.mentions, aliases=e.aliases))
        rows["roles"] += [dict(article_id=a.id, name=e.name, title=r.title, text=r.text, qualifier=r.qualifier)
                          for r in e.roles]
    rows["quotes"] = [dict(article_id=a.id, **q.model_dump()) for q in a.quotes]
    rows["time_expressions"] = [dict(article_id=a.id, **t.model_dump()) for t in a.time_expressions]
    for i, ev in enumerate(a.events):
        rows["events"].append(dict(article_id=a.id, event=i, type=ev.type, label=ev.label, date=ev.date,
                                   place=ev.place, country=ev.country, role=ev.role, parties=ev.parties,
                                   unnamed_participants=ev.unnamed_participants))
        rows["participants"] += [dict(article_id=a.id, event=i, **p.model_dump()) for p in ev.participants]
    rows["related"] = [dict(article_id=a.id, title=r.title, url=r.url) for r in a.related]
    return rows


def write_jsonl(articles: Iterable[Article], out: IO[str]) -> int:
    count = 0
    for article in articles:
        out.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_jsonld(articles: Iterable[Article], out: IO[str]) -> int:
    """One JSON-LD document whose @graph holds a NewsArticle per article, streamed."""
    out.write('{"@context": "https://schema.org", "@graph": [\n')
    count = 0
    for article in articles:
        out.write((",\n" if count else "") + json.dumps(news_article(article), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def write_parquet(articles: Iterable[Article], folder: Path) -> int:
    """One Parquet file per table in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    writers = {name: pq.ParquetWriter(folder / f"{name}.parquet", schema) for name, schema in SCHEMAS.items()}
    pending: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    count = 0

    def flush(name: str) -> None:
        if pending[name]:
            writers[name].write_table(pa.Table.from_pylist(pending[name], schema=SCHEMAS[name]))
            pending[name] = []

    try:
        for article in articles:
            for name, rows in rows_of(article).items():
                pending[name] += rows
                if len(pending[name]) >= ROW_GROUP:
                    flush(name)
            count += 1
        for name in SCHEMAS:
            flush(name)
    finally:
        for writer in writers.values():
            writer.close()
    return count

"""The Store contract: idempotent ingest, versions, raw documents kept, full-text search."""

import zlib

from sqlalchemy import create_engine, inspect, text

from newsdesk.extract import extract
from newsdesk.model import RawDocument


def raw_of(text_: str, origin: str = "/news/seed.txt") -> RawDocument:
    return RawDocument(origin=origin, data=text_.encode("utf-8"))


def put(store, text_: str, origin: str = "/news/seed.txt"):
    raw = raw_of(text_, origin)
    return store.add(raw, extract(raw))


def test_new_then_unchanged(store, seed_text):
    first = put(store, seed_text)
    again = put(store, seed_text)
    assert first.status == "new" and first.version == 1
    assert again.status == "unchanged" and again.version == 1
    assert again.article_id == first.article_id
    assert store.count() == 1
    assert len(store.versions(first.article_id)) == 1
    assert len(store.raw_documents(first.article_id)) == 1


def test_changed_document_becomes_a_new_version_and_the_old_stays(store, seed_text):
    first = put(store, seed_text)
    edited = seed_text.replace("led by presidential aide", "headed by presidential aide")
    second = put(store, edited)
    assert second.status == "updated" and second.version == 2
    assert store.count() == 1
    versions = store.versions(first.article_id)
    assert [("led by" in v.body_text, "headed by" in v.body_text) for v in versions] == [(True, False), (False, True)]
    assert "headed by" in store.get(first.article_id).body_text
    raws = store.raw_documents(first.article_id)
    assert [r.data.decode() for r in raws] == [seed_text, edited]


def test_search_follows_the_current_version(store, seed_text):
    put(store, seed_text)
    put(store, seed_text.replace("Medinsky", "Medinskiy"))
    assert store.search("Medinsky") == []
    assert len(store.search("Medinskiy")) == 1


def test_raw_documents_are_kept_compressed_with_their_hash(store, db_path, seed_text):
    outcome = put(store, seed_text)
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        row = conn.execute(text("SELECT content, content_hash, size, origin FROM raw_documents")).one()
    engine.dispose()
    assert zlib.decompress(row.content) == seed_text.encode()
    assert len(row.content) < row.size
    assert row.content_hash == raw_of(seed_text).hash
    assert row.origin == "/news/seed.txt"
    assert store.get(outcome.article_id).origin == "/news/seed.txt"


def test_same_text_from_two_places_is_two_articles(store, seed_text):
    a = put(store, seed_text, "/a/seed.txt")
    b = put(store, seed_text, "/b/seed.txt")
    assert a.article_id != b.article_id
    assert store.count() == 2


def test_schema_comes_from_migrations(store, db_path):
    engine = create_engine(f"sqlite:///{db_path}")
    tables = set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        mode = conn.execute(text("PRAGMA journal_mode")).scalar()
    engine.dispose()
    assert {"raw_documents", "articles", "article_versions", "article_search"} <= tables
    assert version is not None
    assert mode == "wal"


def test_search_ranks_headline_matches_first_and_marks_snippets(store, seed_text):
    seed = put(store, seed_text, "/news/seed.txt")
    other = seed_text.replace(
        "Putin gathers top officials ahead of Ukraine talks in Istanbul",
        "Markets steady as investors await central bank decision",
    ).replace("date 2025-05-15", "date 2025-05-16")
    other = other.replace("Russian President Vladimir Putin has convened", "the president has convened")
    put(store, other, "/news/other.txt")
    hits = store.search("Putin")
    assert [h.id for h in hits][0] == seed.article_id
    assert len(hits) == 2
    assert "<mark>Putin</mark>" in hits[0].snippet
    assert hits[0].score >= hits[1].score


def test_search_is_safe_with_operators_and_markup(store, seed_text):
    put(store, seed_text)
    for query in ['"unbalanced', "NEAR(", "a OR", "*", "Medinsky)", "<script>"]:
        store.search(query)  # no error
    assert store.search("") == []
    assert len(store.search("medinsky DELEGATION")) == 1
    assert len(store.search("Turkiye")) == 1  # diacritics folded


def test_snippets_escape_page_text(store, seed_text):
    put(store, seed_text.replace("Vladimir Medinsky.", "Vladimir Medinsky <b>bold</b>."))
    snippet = store.search("Medinsky")[0].snippet
    assert "<b>" not in snippet and "&lt;b&gt;" in snippet


def test_listing_is_newest_first_and_filters_by_category(store, seed_text):
    put(store, seed_text, "/n/1.txt")
    put(store, seed_text.replace("date 2025-05-15 POLITICS", "date 2025-06-01 WORLD"), "/n/2.txt")
    rows = store.articles()
    assert [r.published for r in rows] == ["2025-06-01", "2025-05-15"]
    assert [r.category for r in store.articles(category="world")] == ["WORLD"]
    assert len(store.articles(limit=1, offset=1)) == 1

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


def test_new_then_unchanged(engine_store, seed_text):
    first = put(engine_store, seed_text)
    again = put(engine_store, seed_text)
    assert first.status == "new" and first.version == 1
    assert again.status == "unchanged" and again.version == 1
    assert again.article_id == first.article_id
    assert engine_store.count() == 1
    assert len(engine_store.versions(first.article_id)) == 1
    assert len(engine_store.raw_documents(first.article_id)) == 1


def test_changed_document_becomes_a_new_version_and_the_old_stays(engine_store, seed_text):
    first = put(engine_store, seed_text)
    edited = seed_text.replace("led by presidential aide", "headed by presidential aide")
    second = put(engine_store, edited)
    assert second.status == "updated" and second.version == 2
    assert engine_store.count() == 1
    versions = engine_store.versions(first.article_id)
    assert [("led by" in v.body_text, "headed by" in v.body_text) for v in versions] == [(True, False), (False, True)]
    assert "headed by" in engine_store.get(first.article_id).body_text
    raws = engine_store.raw_documents(first.article_id)
    assert [r.data.decode() for r in raws] == [seed_text, edited]


def test_search_follows_the_current_version(engine_store, seed_text):
    put(engine_store, seed_text)
    put(engine_store, seed_text.replace("Medinsky", "Medinskiy"))
    assert engine_store.search("Medinsky") == []
    assert len(engine_store.search("Medinskiy")) == 1


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


def test_same_text_from_two_places_is_two_articles(engine_store, seed_text):
    a = put(engine_store, seed_text, "/a/seed.txt")
    b = put(engine_store, seed_text, "/b/seed.txt")
    assert a.article_id != b.article_id
    assert engine_store.count() == 2


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


def test_search_ranks_headline_matches_first_and_marks_snippets(engine_store, seed_text):
    seed = put(engine_store, seed_text, "/news/seed.txt")
    other = seed_text.replace(
        "Putin gathers top officials ahead of Ukraine talks in Istanbul",
        "Markets steady as investors await central bank decision",
    ).replace("date 2025-05-15", "date 2025-05-16")
    other = other.replace("Russian President Vladimir Putin has convened", "the president has convened")
    put(engine_store, other, "/news/other.txt")
    hits = engine_store.search("Putin")
    assert [h.id for h in hits][0] == seed.article_id
    assert len(hits) == 2
    assert "<mark>Putin</mark>" in hits[0].snippet
    assert hits[0].score >= hits[1].score


def test_search_ranks_only_the_newest_matches_and_pages_reach_past_them(engine_store, seed_text, monkeypatch):
    """A frequent word is ranked over its RANK_WINDOW newest matches, not all of them: the best
    match stored first falls outside a window of two; filters narrow before the window is taken."""
    from newsdesk.store import search

    best = seed_text.replace("Putin gathers top officials", "Putin Putin Putin gathers officials")
    put(engine_store, best, "/n/best.txt")
    for i in range(3):
        put(engine_store, seed_text.replace("date 2025-05-15 POLITICS", f"date 2025-05-1{6 + i} WORLD"), f"/n/{i}.txt")
    everything = [h.id for h in engine_store.search("Putin", limit=10)]
    assert len(everything) == 4 and everything[0] == put(engine_store, best, "/n/best.txt").article_id
    if engine_store.engine.dialect.name == "postgresql":  # its window is sized from the planner's statistics
        with engine_store.engine.begin() as conn:
            conn.execute(text("ANALYZE articles"))
    monkeypatch.setattr(search, "RANK_WINDOW", 2)
    newest = [h.origin for h in engine_store.search("Putin", limit=2)]
    assert len(newest) == 2 and "/n/best.txt" not in newest  # the two newest (PostgreSQL: about, with a margin)
    assert len(engine_store.search("Putin", limit=2, offset=2)) == 2  # a deeper page widens the window
    politics = engine_store.search("Putin", limit=2, filters=search.SearchFilters(category="politics"))
    assert [h.origin for h in politics] == ["/n/best.txt"]


def test_search_matches_and_marks_other_forms_of_a_word(engine_store, seed_text):
    """Both engines match words by their stems (Porter in SQLite, english in PostgreSQL)."""
    put(engine_store, seed_text)
    for query, form in (("talk", "talks"), ("negotiation", "negotiations"), ("convening", "convened")):
        (hit,) = engine_store.search(query)
        assert f"<mark>{form}</mark>" in hit.snippet, (query, hit.snippet)


def test_common_words_do_not_rank_and_alone_list_newest_first(store, seed_text, monkeypatch):
    """A word in most of the newest articles (here: a sample of two matches spanning few keys) is
    not what ranks a query's matches: "Putin" alone lists newest first, and "Putin Erdogan" ranks
    by "Erdogan" only, which the oldest page names most."""
    from newsdesk.store import sqlite

    best = seed_text.replace("Putin gathers top officials", "Putin Putin Erdogan Erdogan gathers officials")
    put(store, best, "/n/best.txt")
    put(store, seed_text.replace("Russian President", "Turkish President Recep Tayyip Erdogan and Russian President")
        .replace("date 2025-05-15", "date 2025-05-16"), "/n/erdogan.txt")
    for i in range(2):
        put(store, seed_text.replace("date 2025-05-15", f"date 2025-05-1{7 + i}"), f"/n/{i}.txt")
    monkeypatch.setattr(sqlite, "SHARE_SAMPLE", 2)
    monkeypatch.setattr(sqlite, "COMMON_SHARE", 0.75)
    assert [h.origin for h in store.search("Putin")] == ["/n/1.txt", "/n/0.txt", "/n/erdogan.txt", "/n/best.txt"]
    assert [h.origin for h in store.search("putin erdogan")] == ["/n/best.txt", "/n/erdogan.txt"]
    monkeypatch.setattr(sqlite, "COMMON_SHARE", 1.1)  # nothing common: bm25 over every word
    assert store.search("Putin")[0].origin == "/n/best.txt"


def test_search_is_safe_with_operators_and_markup(engine_store, seed_text):
    put(engine_store, seed_text)
    for query in ['"unbalanced', "NEAR(", "a OR", "*", "Medinsky)", "<script>"]:
        engine_store.search(query)  # no error
    assert engine_store.search("") == []
    assert len(engine_store.search("medinsky DELEGATION")) == 1



def test_snippets_escape_page_text(store, seed_text):
    put(store, seed_text.replace("Vladimir Medinsky.", "Vladimir Medinsky <b>bold</b>."))
    snippet = store.search("Medinsky")[0].snippet
    assert "<b>" not in snippet and "&lt;b&gt;" in snippet


def test_listing_is_newest_first_and_filters_by_category(engine_store, seed_text):
    put(engine_store, seed_text, "/n/1.txt")
    put(engine_store, seed_text.replace("date 2025-05-15 POLITICS", "date 2025-06-01 WORLD"), "/n/2.txt")
    rows = engine_store.articles()
    assert [r.published for r in rows] == ["2025-06-01", "2025-05-15"]
    assert [r.category for r in engine_store.articles(category="world")] == ["WORLD"]
    assert len(engine_store.articles(limit=1, offset=1)) == 1


def test_diacritics_fold_in_sqlite_search(store, seed_text):
    put(store, seed_text)
    assert len(store.search("Turkiye")) == 1


def test_snippets_escape_page_text_on_both_engines(engine_store, seed_text):
    put(engine_store, seed_text.replace("Vladimir Medinsky.", "Vladimir Medinsky <b>bold</b>."))
    snippet = engine_store.search("Medinsky")[0].snippet
    assert "<b>" not in snippet and "<mark>Medinsky</mark>" in snippet  # PostgreSQL drops tags, SQLite escapes them


def test_conditional_get_validators_are_kept(engine_store):
    assert engine_store.validators("https://example.org/a") is None
    engine_store.remember_validators("https://example.org/a", '"v1"', None)
    engine_store.remember_validators("https://example.org/a", '"v2"', "Wed, 06 Mar 2024 09:30:00 GMT")
    assert engine_store.validators("https://example.org/a") == ('"v2"', "Wed, 06 Mar 2024 09:30:00 GMT")


def test_several_ingesters_at_once_store_one_copy(engine_store, seed_text):
    from concurrent.futures import ThreadPoolExecutor

    raw = raw_of(seed_text)
    article = extract(raw)
    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(lambda _: engine_store.add(raw, article), range(8)))
    assert sorted(o.status for o in outcomes).count("new") == 1
    assert engine_store.count() == 1 and len(engine_store.versions(article.id)) == 1
    assert len(engine_store.raw_documents(article.id)) == 1


def test_relating_keeps_frequencies_vectors_and_stories(engine_store, seed_text):
    from newsdesk.relate.relator import Relator

    relator = Relator(engine_store)
    texts = {"/a.txt": seed_text,
             "/b.txt": seed_text.replace("The meeting reflected", "The meeting, observers said, reflected"),
             "/c.txt": "date 2025-05-16 SPORT\nHarbour club wins the regional rowing final\n"
                       "The town's rowing club took the regional title on Saturday after a close race.\n"}
    related = {}
    for origin, body in texts.items():
        raw = raw_of(body, origin)
        article = extract(raw)
        engine_store.add(raw, article)
        related[origin] = relator.relate(article)
    seed, copy, rowing = related["/a.txt"], related["/b.txt"], related["/c.txt"]
    assert copy.duplicate_of == seed.id and copy.story_id == seed.story_id and rowing.story_id == rowing.id

    frequencies, documents = all_frequencies(engine_store)
    assert documents == 3 and max(frequencies.values()) == 3  # a word of all three counted once each
    relator.relate(rowing)  # relating an article again does not count its words again
    assert all_frequencies(engine_store) == (frequencies, documents)

    again = Relator(engine_store)  # a new ingest starts from what the store kept
    assert again.knows(seed.id) and len(again.known) == 3
    assert engine_store.term_frequencies(sorted(frequencies)) == frequencies
    story = engine_store.story(seed.story_id)
    assert [a.id for a in story.articles] == [seed.id, copy.id] and story.articles[1].duplicate_of == seed.id
    assert [s.id for s in engine_store.stories()] == [seed.story_id]
    assert engine_store.story("nothing") is None


def all_frequencies(store) -> tuple[dict[int, int], int]:
    """Every term's document frequency, and how many articles are related."""
    from sqlalchemy import select

    from newsdesk.store.schema import term_frequencies

    with store.engine.connect() as conn:
        return dict(conn.execute(select(term_frequencies.c.term, term_frequencies.c.articles)).all()), store.related_count()


FOLLOW = ("Russia and Ukraine hold first direct talks in Istanbul. Security Council Secretary Sergei Shoigu said"
          " Moscow was ready for a long negotiation with Ukraine in Istanbul, with Turkey as mediator.")
ROWING = "The town's rowing club took the regional title on Saturday after a close race on the river."


def test_a_store_related_before_tfidf_gets_its_vectors_when_opened(engine_db, seed_text):
    """Migration 0004 weighs the articles a 0003 store had related, so relating goes on from them."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, text

    from newsdesk.config import database_url
    from newsdesk.relate.relator import SIMILAR_MIN, Relator
    from newsdesk.relate.similarity import TermVector
    from newsdesk.store import open_store
    from newsdesk.store.sql import MIGRATIONS

    engine = create_engine(database_url(engine_db))
    with engine.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
        for pk, (key, body) in enumerate([("seed", seed_text), ("follow", FOLLOW), ("rowing", ROWING)], 1):
            conn.execute(text(
                "INSERT INTO articles (pk, id, origin, version, fingerprint, headline, body_text, data, first_seen, updated_at)"
                " VALUES (:pk, :id, :origin, 1, '', '', :body, '{}', '2025-05-16', '2025-05-16')"),
                         {"pk": pk, "id": key, "origin": key, "body": body})
            conn.execute(text("INSERT INTO article_signatures VALUES (:id, :mh, :mh, 0)"), {"id": key, "mh": bytes(1024)})
    engine.dispose()

    with open_store(engine_db) as store:
        vectors = {row.article_id: TermVector.from_bytes(row.terms) for row in store.signatures()}
        frequencies, documents = all_frequencies(store)
        assert documents == 3 and frequencies
        assert vectors["seed"].cosine(vectors["follow"]) > SIMILAR_MIN > vectors["seed"].cosine(vectors["rowing"])
        assert Relator(store).knows("rowing")


def test_a_migration_cleans_stored_categories(tmp_path, seed_text):
    """Stores made before categories were cleaned at extraction get the rule once (0009)."""
    import sqlite3

    from newsdesk.extract import extract
    from newsdesk.model import RawDocument
    from newsdesk.store import open_store

    db = tmp_path / "old.db"
    raw = RawDocument(origin="seed.txt", data=seed_text.encode())
    with open_store(str(db)) as store:
        store.add(raw, extract(raw))
    conn = sqlite3.connect(db)
    junk = "news, politics, trump, ukraine, russia"
    conn.execute("UPDATE articles SET category = ?, data = json_set(data, '$.category', ?)", (junk, junk))
    conn.execute("UPDATE alembic_version SET version_num = '0008'")
    conn.commit()
    conn.close()
    with open_store(str(db)) as store:
        (summary,) = store.articles()
        assert summary.category is None and store.get(summary.id).category is None
        assert store.categories() == []


def test_a_store_related_before_bands_finds_its_old_copies(engine_db, seed_text):
    """Migrations 0012 and 0013 give every related article its band keys and count them: a relator
    holding none of them in memory finds an old article as the original of its copy."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, text

    from newsdesk.config import database_url
    from newsdesk.relate.relator import Relator
    from newsdesk.store import open_store
    from newsdesk.store.sql import MIGRATIONS

    with open_store(engine_db) as store:
        seed = Relator(store).relate(store.get(put(store, seed_text).article_id))
    engine = create_engine(database_url(engine_db))
    with engine.begin() as conn:  # the store as 0011 left it
        conn.execute(text("DROP TABLE article_bands"))
        conn.execute(text("DROP TABLE relation_totals"))
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.stamp(config, "0011")
    engine.dispose()
    with open_store(engine_db) as store:
        assert store.related_count() == 1  # counted once by 0013, kept after
        copy = put(store, seed_text.replace("yesterday evening", "last evening"), origin="/news/copy.txt")
        related = Relator(store, recent=0).relate(store.get(copy.article_id))
        assert related.duplicate_of == seed.id and related.story_id == seed.story_id

"""Follows on both engines: matched against what is stored after them, each article once, the same
words and filters as search, near-duplicates left out, crash-safe claims."""

from datetime import datetime, timedelta, timezone

from sqlalchemy import update

from newsdesk.model import Article, Block, RawDocument
from newsdesk.store.schema import alerts
from newsdesk.store.search import SearchFilters


def put(store, n: int, headline: str, body: str, category: str = "World", published: str = "2026-11-02",
        **relations) -> str:
    article = Article(id=f"art{n:04}", origin=f"/news/{n}.txt", headline=headline, category=category,
                      published=published, body=[Block(type="paragraph", text=body)])
    store.add(RawDocument(origin=article.origin, data=f"{headline}\n{body}".encode()), article)
    if relations:
        store.save_relations(article.model_copy(update=relations), b"", b"", [], [])
    return article.id


def alerted(store, follow_id: int) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.execute(alerts.select().with_only_columns(alerts.c.article_id)
                                .where(alerts.c.follow_id == follow_id)).scalars())


def test_a_follow_matches_only_what_is_stored_after_it(engine_store):
    put(engine_store, 1, "Harbour strike enters its second week", "Dock workers walked out over pay.")
    follow = engine_store.add_follow("search", "harbour strike", "harbour strike")
    assert engine_store.match_follows() == 0
    new = put(engine_store, 2, "Harbour strike ends with a pay deal", "The dock workers voted to return.")
    put(engine_store, 3, "Cafe owners protest rents", "Owners of cafes marched on Tuesday.")
    assert engine_store.match_follows() == 1
    assert alerted(engine_store, follow.id) == {new}
    assert engine_store.match_follows() == 0  # matched once: nothing new since
    listed = engine_store.follows()
    assert [(f.id, f.matched, f.pending, f.delivered) for f in listed] == [(follow.id, 1, 0, 0)]


def test_search_follows_keep_their_filters_and_skip_near_duplicates(engine_store):
    follow = engine_store.add_follow("search", "strike", "strike", SearchFilters(category="business",
                                                                               date_from="2026-11-01"))
    put(engine_store, 1, "Strike at the port", "A strike closed the port.", category="Business")
    put(engine_store, 2, "Strike at the school", "A strike closed the school.", category="Education")
    put(engine_store, 3, "Strike long ago", "A strike closed the mine.", category="Business", published="2020-01-01")
    put(engine_store, 4, "Strike at the port, again", "A strike closed the port.", category="Business",
        duplicate_of="art0001", story_id="art0001")
    engine_store.match_follows()
    assert alerted(engine_store, follow.id) == {"art0001"}
    assert engine_store.follows()[0].filters == {"category": "business", "date_from": "2026-11-01"}


def test_story_follows_and_matches_newest_first_for_feeds(engine_store):
    first = put(engine_store, 1, "Talks open in Istanbul", "Delegations met.", story_id="art0001")
    follow = engine_store.add_follow("story", first, "Talks open in Istanbul", SearchFilters(story_id=first))
    second = put(engine_store, 2, "Talks end without a deal", "Delegations left.", story_id=first)
    put(engine_store, 3, "Other talks elsewhere", "Delegations met elsewhere.", story_id="art0003")
    engine_store.match_follows()
    assert alerted(engine_store, follow.id) == {second}
    newest = engine_store.matches(None, SearchFilters(story_id=first), limit=5)
    assert [m.article_id for m in newest] == [second, first]
    assert newest[0].key > newest[1].key and newest[0].first_seen.tzinfo is not None
    assert [m.article_id for m in engine_store.matches("delegations", limit=2)] == ["art0003", second]


def test_alerts_are_claimed_once_and_a_dead_senders_claim_expires(engine_store):
    follow = engine_store.add_follow("search", "storm", "storm", webhook="http://127.0.0.1:9/hook", secret="s")
    put(engine_store, 1, "Storm hits the coast", "A storm hit the coast overnight.")
    engine_store.match_follows()
    claimed = engine_store.claim_alerts()
    assert [(f.id, a) for f, a in claimed] == [(follow.id, "art0001")]
    assert engine_store.claim_alerts() == []  # in flight: another sender leaves it alone
    with engine_store.engine.begin() as conn:  # the sender died ten minutes ago
        conn.execute(update(alerts).values(claimed_at=datetime.now(timezone.utc) - timedelta(minutes=11)))
    assert len(engine_store.claim_alerts()) == 1
    engine_store.settle_alert(follow.id, "art0001", "http://127.0.0.1:9/hook: ConnectError")
    shown = engine_store.follows()[0]
    assert (shown.pending, shown.delivered, shown.last_error) == (1, 0, "http://127.0.0.1:9/hook: ConnectError")
    assert len(engine_store.claim_alerts()) == 1
    engine_store.settle_alert(follow.id, "art0001", None)
    shown = engine_store.follows()[0]
    assert (shown.pending, shown.delivered, shown.last_error) == (0, 1, None)
    assert engine_store.claim_alerts() == []  # delivered: never again


def test_unfollow_removes_the_follow_and_its_alerts(engine_store):
    follow = engine_store.add_follow("search", "storm", "storm")
    put(engine_store, 1, "Storm hits the coast", "A storm hit the coast overnight.")
    engine_store.match_follows()
    assert engine_store.remove_follow(follow.id).label == "storm"
    assert engine_store.follows() == [] and alerted(engine_store, follow.id) == set()
    assert engine_store.remove_follow(follow.id) is None

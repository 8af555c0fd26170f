"""Uploads take the same path as `newsdesk ingest`: stored, related, their entities linked (finding 11)."""

from fastapi.testclient import TestClient

from newsdesk.config import Config
from newsdesk.model import RawDocument
from newsdesk.pipeline import Ingester
from newsdesk.serve.app import create_app

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_an_upload_is_related_like_an_ingest_and_the_server_keeps_up_with_others(store, seed_text):
    web = create_app(store, Config(db="unused", host="127.0.0.1", port=0, api_token=TOKEN))
    client = TestClient(web)
    first = client.post("/api/documents", content=seed_text.encode(), headers=AUTH)
    assert first.status_code == 200 and first.json()["status"] == "new"
    a = client.get(f"/api/articles/{first.json()['article_id']}").json()
    assert a["story_id"] == a["id"]
    medinsky = store.find_entity("Vladimir Medinsky")
    assert medinsky is not None
    assert a["id"] in {x.id for x in store.entity_profile(medinsky).articles}

    # another process (a CLI ingest) stores a copy while the server runs
    copy = seed_text.replace("The meeting reflected", "The meeting, observers said, reflected")
    raw = RawDocument(origin="other/copy.txt", data=copy.encode())
    outcome = Ingester(store).ingest_documents([raw]).outcomes[0]

    third = seed_text.replace("Wednesday night", "Wednesday evening")
    uploaded = client.post("/api/documents", content=third.encode(), headers=AUTH).json()
    c = client.get(f"/api/articles/{uploaded['article_id']}").json()
    assert c["duplicate_of"] == a["id"] and c["story_id"] == a["story_id"]
    assert web.state.ingester.relator.knows(outcome.article_id)  # caught up with the other writer
    assert store.related_count() == 3

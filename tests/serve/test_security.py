"""What the site and API do to stay safe: headers, validators, tokens, size limits, SSRF."""

import pytest
from fastapi.testclient import TestClient

from helpers import WIRE_PAGE
from newsdesk.config import Config
from newsdesk.serve.app import create_app

TOKEN = "s3cret-token"


def app_with(store, **config):
    return TestClient(create_app(store, Config(db="unused", host="127.0.0.1", port=0, **config)))


def test_strict_headers_on_pages_and_api(store, seeded):
    client = app_with(store)
    for path in (f"/articles/{seeded.id}", f"/api/articles/{seeded.id}", "/", "/search?q=x"):
        response = client.get(path)
        assert "script-src 'none'" in response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in client.get("/api/articles", headers={"Origin": "https://x.org"}).headers


def test_etag_and_304(store, seeded):
    client = app_with(store)
    for path in (f"/articles/{seeded.id}", f"/api/articles/{seeded.id}"):
        first = client.get(path)
        etag = first.headers["etag"]
        again = client.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b""
        assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200


def test_writes_are_off_without_a_token(store):
    response = app_with(store).post("/api/documents", content=b"x")
    assert response.status_code == 403 and "NEWSDESK_API_TOKEN" in response.json()["detail"]


def test_writes_need_the_right_token(store):
    client = app_with(store, api_token=TOKEN)
    assert client.post("/api/documents", content=b"x", headers={"Authorization": "Bearer nope"}).status_code == 401
    page = WIRE_PAGE.read_bytes()
    ok = client.post("/api/documents", content=page, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["status"] == "new"
    assert client.get(f"/api/articles/{ok.json()['article_id']}").json()["source"] == "Reuters"


def test_upload_errors_and_size_limit(store):
    client = app_with(store, api_token=TOKEN, max_upload=10_000)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    bad = client.post("/api/documents", content=b"\x00\x01binary", headers=auth)
    assert bad.status_code == 422 and "binary data" in bad.json()["detail"]
    big = client.post("/api/documents", content=b"<p>" + b"x" * 20_000, headers=auth)
    assert big.status_code == 413


def test_ingest_url_refuses_local_addresses(store):
    client = app_with(store, api_token=TOKEN)
    result = client.post("/api/ingest", json={"url": "http://127.0.0.1:9/page.html"},
                         headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert result["new"] == 0 and "private or local address" in result["failures"][0]["error"]
    assert client.post("/api/ingest", json={"url": "file:///etc/passwd"},
                       headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 422



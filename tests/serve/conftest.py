import pytest
from fastapi.testclient import TestClient

from helpers import WIRE_PAGE
from newsdesk import pipeline
from newsdesk.extract import extract
from newsdesk.model import RawDocument
from newsdesk.serve.app import create_app


@pytest.fixture
def seeded(store, seed_text):
    """The seed page, read and stored."""
    raw = RawDocument(origin="/news/seed.txt", data=seed_text.encode())
    article = extract(raw)
    store.add(raw, article)
    return article


@pytest.fixture
def site(store, tmp_path, seed_text):
    """The seed, a later version of it and the wire page, ingested, behind a test client."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "seed.txt").write_text(seed_text)
    (folder / "later.txt").write_text(seed_text.replace("date 2025-05-15", "date 2025-06-20")
                                      .replace("Putin gathers top officials", "Putin meets officials again"))
    (folder / "wire.html").write_bytes(WIRE_PAGE.read_bytes())
    pipeline.ingest(pipeline.plan_sources([str(folder)]), store)
    return TestClient(create_app(store))

import pytest

from newsdesk.extract import extract
from newsdesk.model import RawDocument


@pytest.fixture
def seeded(store, seed_text):
    """The seed page, read and stored."""
    raw = RawDocument(origin="/news/seed.txt", data=seed_text.encode())
    article = extract(raw)
    store.add(raw, article)
    return article

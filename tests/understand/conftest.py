import pytest

from newsdesk.extract import extract
from newsdesk.model import RawDocument
from newsdesk.understand import understand


@pytest.fixture(scope="session")
def seed_article(seed_text):
    return understand(extract(RawDocument(origin="seed.txt", data=seed_text.encode())))


def page(body: str, published: str = "2025-05-15", headline: str = "A headline for the test page") -> str:
    """A minimal page around body paragraphs (one per line)."""
    return f"date {published} WORLD\n{headline}\n{body}\n"


@pytest.fixture(scope="session")
def read_page():
    def read(body: str, published: str = "2025-05-15"):
        return understand(extract(RawDocument(origin="t.txt", data=page(body, published).encode())))

    return read

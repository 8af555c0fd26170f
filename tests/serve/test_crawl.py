"""Every page of the reader site answers on a store of real news: no 5xx, no page over a second.

The store is built by newsdesk's own ingest from the 181 pages of the extraction benchmark (their
dates, names and chrome as they are); the crawl follows every link the pages give, from the home
page, the stories, the entity index and a search. Links to one page under many query values (every
entity's `/search?entity=` and its feed) are followed for a sample of QUERY_SAMPLE values each: the
same handler and query, which would otherwise treble the crawl.
"""

import re
import time
from collections import Counter

import pytest
from fastapi.testclient import TestClient

from common import EXTRACTION

#: The slowest a page may answer.
MAX_SECONDS = 1.0
START = ["/", "/stories", "/entities", "/entities?type=person", "/events", "/events?page=2", "/search?q=president",
         "/search?q=trump&page=2"]
_LINK = re.compile(r'href="(/[^"#]*)"')
#: How many values of one route's query parameters the crawl follows.
QUERY_SAMPLE = 50


def query_shape(path: str) -> tuple[str, tuple[str, ...]] | None:
    """A link's route and the names of its query parameters (None without a query)."""
    if "?" not in path:
        return None
    route, query = path.split("?", 1)
    return route, tuple(sorted(pair.split("=")[0] for pair in query.split("&")))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not (EXTRACTION / "html").exists():
        pytest.skip(f"{EXTRACTION} is not beside this checkout")
    from newsdesk.pipeline import ingest
    from newsdesk.serve.app import create_app
    from newsdesk.store import open_store

    store = open_store(str(tmp_path_factory.mktemp("crawl") / "news.db"))
    summary = ingest([str(EXTRACTION / "html")], store)
    assert len(summary.outcomes) >= 180
    yield TestClient(create_app(store), raise_server_exceptions=False)
    store.close()


def crawl(client: TestClient):
    seen, queue, answers = set(), list(START), []
    shapes: Counter = Counter()
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        shape = query_shape(path)
        if shape is not None and path not in START:
            shapes[shape] += 1
            if shapes[shape] > QUERY_SAMPLE:
                continue
        start = time.perf_counter()
        response = client.get(path)
        answers.append((path, response.status_code, time.perf_counter() - start))
        if "text/html" in response.headers.get("content-type", ""):
            for link in _LINK.findall(response.text):
                link = link.replace("&amp;", "&")
                if not link.startswith(("/static/", "/api/", "/docs", "/openapi")) and link not in seen:
                    queue.append(link)
    return answers


def test_every_page_answers_in_under_a_second(site):
    answers = crawl(site)
    kinds = {re.sub(r"^(/\w+)/[^/]+$", r"\1/ID", path.split("?")[0]) for path, _, _ in answers}
    assert {"/", "/articles/ID", "/entities/ID", "/stories/ID", "/events/ID", "/search", "/entities"} <= kinds
    assert [a for a in answers if a[1] >= 500] == []
    assert [a for a in answers if a[2] > MAX_SECONDS] == []
    assert len(answers) > 1000

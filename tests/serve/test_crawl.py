"""Every page of the reader site answers on a store of real news: no 5xx, no page over a second.

The store is built by newsdesk's own ingest from the 181 pages of the extraction benchmark (their
dates, names and chrome as they are); the crawl follows every link the pages give, from the home
page, the stories, the entity index and a search.
"""

import re
import time

import pytest
from fastapi.testclient import TestClient

from common import EXTRACTION

#: The slowest a page may answer.
MAX_SECONDS = 1.0
START = ["/", "/stories", "/entities", "/entities?type=person", "/events", "/events?page=2", "/search?q=president",
         "/search?q=trump&page=2"]
_LINK = re.compile(r'href="(/[^"#]*)"')


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
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
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

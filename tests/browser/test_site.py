"""The reader site in a real browser: Debian's chromium driven by Playwright, screenshots kept.

Open the home page, go to the seed's article, follow a person to their entity page, see the
mentions chart drawn, search; and check every page type with axe-core.
"""

import socket
import threading
import time
from pathlib import Path

import pytest

from newsdesk import pipeline
from newsdesk.store import open_store

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "tools" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "test-artifacts" / "screenshots"

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (make install-browser)",
                allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    import uvicorn

    from newsdesk.serve.app import create_app

    db = tmp_path_factory.mktemp("site") / "site.db"
    store = open_store(str(db))
    pipeline.ingest(pipeline.plan_sources([str(ROOT / "samples")]), store)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM),
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_reader_journey(site, page):
    page.goto(site + "/")
    assert page.locator("h1").first.inner_text() == "Latest stories"
    shot(page, "1-home")
    page.get_by_role("link", name="Putin gathers top officials ahead of Ukraine talks in Istanbul").first.click()
    assert page.locator("h1").inner_text() == "Putin gathers top officials ahead of Ukraine talks in Istanbul"
    assert page.locator(".standfirst").inner_text().startswith("Kremlin confirms")
    assert "Photo: AA" in page.locator("figcaption").first.inner_text()
    assert page.locator(".body h2").all_inner_texts() == ["Composition of Russian delegation revealed",
                                                         "Türkiye’s role reaffirmed as diplomatic hub"]
    shot(page, "2-article")
    page.get_by_role("link", name="Vladimir Medinsky").click()
    assert page.locator("h1").inner_text() == "Vladimir Medinsky"
    chart = page.locator("svg.chart")
    box = chart.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 20
    assert page.locator("svg.chart rect.bar").count() >= 1
    shot(page, "3-entity")
    page.fill("#site-q", "delegation")
    page.press("#site-q", "Enter")
    page.wait_for_url("**/search?q=delegation*")
    assert page.locator("mark").first.inner_text().lower() == "delegation"
    shot(page, "4-search")


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (make install-browser runs npm install)")
@pytest.mark.parametrize("path", ["/", "ARTICLE", "ENTITY", "/search?q=delegation", "STORY", "/stories", "EVENT",
                                  "/entities", "/entities?type=person&q=pu", "/events"])
def test_accessibility_of_each_page_type(site, page, path):
    import httpx

    articles = httpx.get(site + "/api/articles").json()["articles"]
    seed = next(a for a in articles if a["headline"].startswith("Putin gathers"))
    article = httpx.get(f"{site}/api/articles/{seed['id']}").json()
    targets = {"ARTICLE": f"/articles/{seed['id']}", "STORY": f"/stories/{article['story_id']}",
               "EVENT": f"/events/{seed['id']}-0"}
    if path == "ENTITY":
        page.goto(site + targets["ARTICLE"])
        path = page.get_by_role("link", name="Vladimir Medinsky").get_attribute("href")
    page.goto(site + targets.get(path, path))
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious]


def test_api_docs_work_offline(site, page):
    """Swagger UI's files come from the swagger-ui-bundle package, served by newsdesk: no CDN."""
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    context = page.context
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site) else route.abort())
    page.goto(site + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=10000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/articles" in p for p in paths) and any("/api/entities" in p for p in paths)
    assert all(url.startswith(site) for url in requests)
    shot(page, "api-docs")
    assert page.evaluate("document.querySelector('link[rel=icon]').href").endswith("/static/favicon.svg")


def test_the_header_leads_to_every_section(site, page):
    """Each header link, clicked as a reader would: a page in the site's layout with a heading."""
    page.goto(site + "/")
    names = page.locator("nav.site-nav a").all_inner_texts()
    assert names[:7] == ["Latest", "Stories", "People", "Organisations", "Places", "Events", "Search"]
    for name in names:
        page.goto(site + "/")
        with page.expect_navigation():
            page.locator("nav.site-nav").get_by_role("link", name=name, exact=True).click()
        assert page.locator("h1").count() >= 1 and page.locator("nav.site-nav").count() == 1
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), name
        shot(page, f"5-section-{name.lower().replace(' ', '-')}")

"""Alerts end to end: follow from the CLI, ingest real pages, and a local receiver gets each new
matching article once, signed; down, it gets them on a later run; failing, it is tried again."""

import hashlib
import hmac
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from helpers import CAFE_PAGE, WIRE_PAGE
from newsdesk import alerts
from newsdesk.cli import app

runner = CliRunner()


def cli(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


class Receiver:
    """A webhook on 127.0.0.1 that keeps what it is sent and answers with the statuses it is given."""

    def __init__(self, statuses: list[int] | None = None):
        self.received: list[tuple[dict, bytes]] = []
        self.statuses = list(statuses or [])
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                status = receiver.statuses.pop(0) if receiver.statuses else 204
                if status < 300:
                    receiver.received.append((dict(self.headers), body))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    found = Receiver()
    yield found
    found.close()


@pytest.fixture
def quick(monkeypatch):
    """Retries without the real waits."""
    monkeypatch.setattr(alerts, "BACKOFF", 0.01)


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/hook"


def pages(tmp_path, *sources):
    folder = tmp_path / "incoming"
    folder.mkdir(exist_ok=True)
    for source in sources:
        (folder / source.name).write_bytes(source.read_bytes())
    return str(folder)


def test_an_ingest_posts_each_new_matching_article_once_signed(db_path, tmp_path, receiver, quick):
    made = json.loads(cli("follow", "search", "strike", "--webhook", receiver.url, "--json").stdout)
    assert made["kind"] == "search" and made["secret"]
    result = cli("ingest", pages(tmp_path, WIRE_PAGE, CAFE_PAGE))
    assert result.exit_code == 0, result.output
    assert "alerts: 1 new matches, 1 delivered, 0 waiting" in result.stderr
    [(headers, body)] = receiver.received
    sent = json.loads(body)
    assert sent["follow"] == {"id": made["id"], "kind": "search", "label": "strike", "target": "strike"}
    assert "strike" in sent["article"]["headline"].lower()
    assert sent["delivery"] == f"{made['id']}-{sent['article']['id']}" == headers["X-Newsdesk-Delivery"]
    expected = "sha256=" + hmac.new(made["secret"].encode(), body, hashlib.sha256).hexdigest()
    assert headers["X-Newsdesk-Signature"] == expected
    cli("ingest", pages(tmp_path, WIRE_PAGE, CAFE_PAGE))  # nothing new
    assert cli("notify").exit_code == 0
    assert len(receiver.received) == 1
    listed = json.loads(cli("follows", "--json").stdout)
    assert [(f["matched"], f["delivered"], f["pending"]) for f in listed] == [(1, 1, 0)]
    assert "secret" not in listed[0]


def test_a_receiver_down_gets_its_alerts_on_a_later_run(db_path, tmp_path, quick):
    down = closed_port_url()
    cli("follow", "search", "strike", "--webhook", down, "--secret", "s3cret")
    result = cli("ingest", pages(tmp_path, WIRE_PAGE))
    assert result.exit_code == 0  # an alert not sent does not fail the ingest
    assert "1 delivered" not in result.stderr and "1 waiting" in result.stderr and down in result.stderr
    [shown] = json.loads(cli("follows", "--json").stdout)
    assert (shown["pending"], shown["delivered"]) == (1, 0) and "ConnectError" in shown["last_error"]
    host, port = down.removeprefix("http://").removesuffix("/hook").split(":")
    up = Receiver()
    up.server.server_close()  # the same port, now answering
    up.server = ThreadingHTTPServer((host, int(port)), up.server.RequestHandlerClass)
    threading.Thread(target=up.server.serve_forever, daemon=True).start()
    try:
        assert "1 delivered, 0 waiting" in cli("notify").stderr
        assert "0 delivered, 0 waiting" in cli("notify").stderr
        assert len(up.received) == 1
    finally:
        up.close()


def test_a_failing_receiver_is_tried_again_within_the_run(db_path, tmp_path, quick):
    flaky = Receiver(statuses=[503, 500])
    try:
        cli("follow", "search", "strike", "--webhook", flaky.url)
        assert "1 delivered" in cli("ingest", pages(tmp_path, WIRE_PAGE)).stderr
        assert len(flaky.received) == 1
    finally:
        flaky.close()


def test_a_refusing_receiver_is_not_hammered(db_path, tmp_path, quick):
    refusing = Receiver(statuses=[404, 404, 404])
    try:
        cli("follow", "search", "strike", "--webhook", refusing.url)
        result = cli("ingest", pages(tmp_path, WIRE_PAGE))
        assert "answered 404" in result.stderr
        assert refusing.statuses == [404, 404]  # asked once: a 404 is not a busy receiver
    finally:
        refusing.close()


def test_follow_entity_and_story_and_what_is_refused(db_path, tmp_path, seed_text):
    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    cli("ingest", str(tmp_path / "seed.txt"))
    shown = json.loads(cli("show", json.loads(cli("articles", "--json").stdout)[0]["id"], "--json").stdout)
    assert "following entity 'Vladimir Putin'" in cli("follow", "entity", "Putin").stdout
    assert "following story" in cli("follow", "story", shown["story_id"]).stdout
    for args, said in [(("entity", "Nobody Anywhere"), "Nobody Anywhere: no such entity"),
                       (("story", "nostory"), "nostory: no such story"),
                       (("search", "x", "--webhook", "ftp://example.org/"), "must be an http:// or https:// URL"),
                       (("search", " "), "a search to follow needs words")]:
        result = cli("follow", *args)
        assert result.exit_code == 1 and said in result.stderr
    table = cli("follows").stdout
    assert "entity Vladimir Putin" in table and "story" in table
    cli("follow", "entity", "Shoygu")
    putin = json.loads(cli("entity", "Putin", "--json").stdout)["id"]
    assert cli("entity", "merge", "Vladimir Putin", "Sergey Shoygu").exit_code == 0
    followed = [f for f in json.loads(cli("follows", "--json").stdout) if f["label"] == "Sergey Shoygu"]
    assert [(f["target"], f["filters"]) for f in followed] == [(str(putin), {"entity_id": putin})]  # follows the merge
    assert "no longer following entity 'Vladimir Putin'" in cli("unfollow", "1").stdout
    gone = cli("unfollow", "1")
    assert gone.exit_code == 1 and "1: no such follow" in gone.stderr

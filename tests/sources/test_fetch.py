"""Every rule of the polite fetcher, against the local server."""

import threading
import time

import pytest

from newsdesk.errors import BadInput, Unreadable
from newsdesk.config import Config
from newsdesk.sources.fetch import DEFAULT_USER_AGENT, FetchConfig, Fetcher, HostGate, Validators, retry_after_seconds


class Sleeps(list):
    def __call__(self, seconds):
        self.append(seconds)


def fetcher(**config):
    sleeps = Sleeps()
    return Fetcher(FetchConfig(**{"delay": 0.0, "public_only": False, **config}), sleep=sleeps), sleeps


def test_robots_txt_is_obeyed_and_read_once(server, hits):
    f, _ = fetcher()
    with pytest.raises(BadInput, match="disallowed by robots.txt"):
        f.get(f"{server}/private/secret.html")
    assert f.get(f"{server}/articles/a.html").status == 200
    assert hits["/robots.txt"] == 1 and hits["/private/secret.html"] == 0


def test_honest_user_agent_that_a_user_can_set(server, agents, monkeypatch):
    f, _ = fetcher()
    f.get(f"{server}/articles/a.html")
    assert agents[-1] == DEFAULT_USER_AGENT and "newsdesk" in agents[-1]
    monkeypatch.setenv("NEWSDESK_USER_AGENT", "ExampleBot/2.0 (+mailto:desk@example.org)")
    monkeypatch.setenv("NEWSDESK_ALLOW_PRIVATE_URLS", "1")
    monkeypatch.setenv("NEWSDESK_FETCH_DELAY", "0")
    config = FetchConfig.from_config(Config.from_env())  # the settings are read at the edge, once
    assert (config.delay, config.public_only) == (0.0, False)
    Fetcher(config).get(f"{server}/articles/b.html")
    assert agents[-1] == "ExampleBot/2.0 (+mailto:desk@example.org)"


def test_requests_to_one_host_are_paced():
    now = [100.0]
    sleeps = Sleeps()

    def sleep(seconds):
        sleeps.append(seconds)
        now[0] += seconds

    gate = HostGate(delay=1.5, per_host=2, clock=lambda: now[0], sleep=sleep)
    for _ in range(3):
        with gate("example.org"):
            pass
    with gate("other.org"):
        pass
    assert sleeps == [1.5, 1.5]  # the other host did not wait


def test_no_more_than_per_host_requests_at_once():
    gate = HostGate(delay=0, per_host=2)
    running, peak, lock = [0], [0], threading.Lock()

    def work():
        with gate("example.org"):
            with lock:
                running[0] += 1
                peak[0] = max(peak[0], running[0])
            time.sleep(0.05)
            with lock:
                running[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] == 2


def test_the_fetcher_sleeps_between_requests_to_a_host(server):
    f, sleeps = fetcher(delay=0.2)
    for page in ("a", "b", "c"):
        f.get(f"{server}/articles/{page}.{'txt' if page == 'c' else 'html'}")
    assert len([s for s in sleeps if s > 0]) >= 2  # robots.txt, then three pages, each after the last


def test_conditional_get_answered_304(server, hits):
    f, _ = fetcher()
    first = f.get(f"{server}/etag.html")
    assert first.validators.etag == '"v1"'
    second = f.get(f"{server}/etag.html", first.validators)
    assert second.not_modified and second.content == b""
    assert hits["/etag.html"] == 2


def test_503_then_success_honours_retry_after(server, hits):
    f, sleeps = fetcher()
    result = f.get(f"{server}/flaky.html")
    assert result.status == 200 and hits["/flaky.html"] == 2
    assert 1.0 in sleeps


def test_429_gives_up_after_the_retries(server, hits):
    f, sleeps = fetcher(retries=2)
    with pytest.raises(Unreadable, match="HTTP 429"):
        f.get(f"{server}/always-busy.html")
    assert hits["/always-busy.html"] == 3


def test_read_timeout(server):
    f, _ = fetcher(read_timeout=0.3)
    with pytest.raises(Unreadable, match="timed out"):
        f.get(f"{server}/slow.html")


def test_a_20_mb_page_is_refused_while_streaming(server):
    f, _ = fetcher()
    with pytest.raises(Unreadable, match="over the 10485760-byte limit"):
        f.get(f"{server}/big.html")


def test_redirect_loop_stops_at_the_limit(server, hits):
    f, _ = fetcher(max_redirects=5)
    with pytest.raises(Unreadable, match="more than 5 redirects"):
        f.get(f"{server}/loop-a")
    assert hits["/loop-a"] + hits["/loop-b"] <= 6


def test_errors_name_the_url(server):
    f, _ = fetcher()
    with pytest.raises(Unreadable) as info:
        f.get(f"{server}/missing.html")
    assert str(info.value) == f"{server}/missing.html: HTTP 404"
    with pytest.raises(BadInput, match="only http and https"):
        f.get("file:///etc/passwd")


def test_unreachable_host_is_a_clear_error():
    f, _ = fetcher(retries=0, connect_timeout=1)
    with pytest.raises(Unreadable, match="cannot be fetched|timed out"):
        f.get("http://127.0.0.1:9/nothing")


@pytest.mark.parametrize("value, seconds", [("7", 7.0), (None, None), ("soon", None)])
def test_retry_after_values(value, seconds):
    assert retry_after_seconds(value) == seconds


def test_validators_round_trip():
    assert Validators('"x"', None).etag == '"x"'

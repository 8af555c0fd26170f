"""Alerts: each new article a follow matched, POSTed once to the follow's webhook as signed JSON.

The body names the delivery (`<follow id>-<article id>`, also in `X-Newsdesk-Delivery`, the same
on every try), the follow and the article. It is signed with the follow's secret: HMAC-SHA256 of the
body's bytes in `X-Newsdesk-Signature: sha256=<hex>`, which the receiver computes again to know the
alert is newsdesk's. A POST that fails is tried again with backoff; still failing, the alert waits
for the next run (`ingest`, `watch`, `notify`). An alert the receiver said yes to (any 2xx) is
never sent again.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol
from datetime import datetime, timezone

import httpx

from .model import Article, Follow
from .store.base import ArticleStore, FollowStore

#: Tries of one POST in a run, and the wait before the second (doubling after each failure).
TRIES = 3
BACKOFF = 1.0
#: How long a receiver may take to answer.
TIMEOUT = 10.0
#: Alerts sent per run at most; the rest wait for the next.
PER_RUN = 1000
#: Answers worth trying again: the receiver was busy or failing, not refusing the alert.
RETRY_STATUS = {408, 425, 429} | set(range(500, 600))
SIGNATURE_HEADER = "X-Newsdesk-Signature"
DELIVERY_HEADER = "X-Newsdesk-Delivery"


class AlertStore(ArticleStore, FollowStore, Protocol):
    """What sending alerts needs of a store."""


@dataclass
class AlertReport:
    """What one run of alerts did: new matches, alerts delivered, alerts still waiting and why."""

    matched: int = 0
    delivered: int = 0
    waiting: int = 0
    errors: dict[str, str] = field(default_factory=dict)  # webhook -> its last error


def sign(secret: str, body: bytes) -> str:
    """The signature header's value for a body: what a receiver recomputes with the shared secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def alert_body(follow: Follow, article: Article, sent_at: datetime) -> bytes:
    """The JSON an alert carries: the delivery's id, the follow and the article's essentials."""
    data = {
        "delivery": f"{follow.id}-{article.id}",
        "sent_at": sent_at.isoformat(timespec="seconds"),
        "follow": {"id": follow.id, "kind": follow.kind, "label": follow.label, "target": follow.target},
        "article": {"id": article.id, "url": article.url, "headline": article.headline,
                    "standfirst": article.standfirst, "published": article.published, "category": article.category,
                    "source": article.source, "authors": article.authors, "language": article.language,
                    "story_id": article.story_id},
    }
    return json.dumps(data, ensure_ascii=False).encode()


def signed(follow: Follow, article: Article, secret: str | None) -> tuple[bytes, dict[str, str]]:
    """An alert's body and headers, signed when the follow has a secret."""
    body = alert_body(follow, article, datetime.now(timezone.utc))
    headers = {"Content-Type": "application/json", DELIVERY_HEADER: f"{follow.id}-{article.id}",
               "User-Agent": "newsdesk-alerts"}
    if secret:
        headers[SIGNATURE_HEADER] = sign(secret, body)
    return body, headers


def post_alert(client: httpx.Client, url: str, body: bytes, headers: dict[str, str], tries: int = TRIES,
               backoff: float = BACKOFF, sleep: Callable[[float], None] = time.sleep) -> str | None:
    """POST one alert, tried again with backoff while the receiver is down or failing: None when it
    said yes, else why not."""
    error = "not tried"
    for attempt in range(tries):
        if attempt:
            sleep(backoff * 2 ** (attempt - 1))
        try:
            answer = client.post(url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            error = f"{url}: {type(exc).__name__}: {exc}" if str(exc) else f"{url}: {type(exc).__name__}"
            continue
        if answer.is_success:
            return None
        error = f"{url} answered {answer.status_code}"
        if answer.status_code not in RETRY_STATUS:
            break
    return error


def send_alerts(store: AlertStore, client: httpx.Client | None = None, tries: int | None = None,
                backoff: float | None = None, sleep: Callable[[float], None] = time.sleep) -> AlertReport:
    """Match every follow against the articles stored since it last looked, then POST the alerts
    waiting for a webhook. A webhook that failed all its tries is not tried again in this run: its
    other alerts wait with it."""
    report = AlertReport(matched=store.match_follows())
    claimed = store.claim_alerts(limit=PER_RUN)
    if not claimed:
        return report
    articles = store.get_many(sorted({article_id for _, article_id in claimed}))
    secrets: dict[int, str | None] = {}
    own_client = client is None
    client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=False)
    try:
        for follow, article_id in claimed:
            assert follow.webhook is not None  # only follows with a webhook have alerts to claim
            article = articles.get(article_id)
            if article is None:
                error: str | None = f"article {article_id} is no longer stored"
            elif follow.webhook in report.errors:
                error = report.errors[follow.webhook]  # down a moment ago: not tried again in this run
            else:
                if follow.id not in secrets:
                    secrets[follow.id] = store.follow_secret(follow.id)
                error = post_alert(client, follow.webhook, *signed(follow, article, secrets[follow.id]),
                                   tries=TRIES if tries is None else tries,
                                   backoff=BACKOFF if backoff is None else backoff, sleep=sleep)
                if error is not None:
                    report.errors[follow.webhook] = error
            store.settle_alert(follow.id, article_id, error)
            report.delivered += error is None
            report.waiting += error is not None
    finally:
        if own_client:
            client.close()
    return report

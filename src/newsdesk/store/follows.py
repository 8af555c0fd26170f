"""Follows and their alerts: what a user follows, the new articles each matched, and which of them
reached a webhook.

A follow is matched the way a search is (each engine's own text match, the same filters) against
the articles stored since it last looked (`after_key`); each match is written once as an alert, in
the same transaction that moves the follow's key, so a crash matches nothing twice and loses
nothing. A sender claims an alert before sending it (a claim older than CLAIM_EXPIRES is taken to
be a crashed sender's) and marks it delivered only on the receiver's yes.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import (BigInteger, Connection, DateTime, Engine, String, and_, case, delete, func, or_, select, text,
                        update)

from ..model import Follow, FollowKind
from .schema import alerts, articles, follows, new_id
from .search import SearchFilters, query_words

#: A claimed alert not settled after this long was being sent by a process that died.
CLAIM_EXPIRES = timedelta(minutes=10)
#: An alert that failed this many times is given up (a webhook gone for good is not tried forever).
GIVE_UP_AFTER = 20
#: Articles matched per statement while catching a follow up.
MATCH_BATCH = 500


@dataclass(frozen=True)
class Match:
    """An article a query and filters matched: its key (the order it was stored in), its id and
    when it was first stored."""

    key: int
    article_id: str
    first_seen: datetime


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)  # SQLite gives naive times back


class FollowBook:
    """The follow methods of a SqlStore (they need `self.engine` and the engine's text match)."""

    engine: Engine  # set by the store

    def _text_match(self, words: list[str]) -> tuple[str, str, str, dict]:
        """FROM, WHERE and the key column of the engine's full-text match over articles `a`."""
        raise NotImplementedError

    def matches(self, query: str | None, filters: SearchFilters | None = None, after: int = 0, limit: int = 50,
                newest_first: bool = True, originals_only: bool = False) -> list[Match]:
        """Articles stored after key `after` that match every word of `query` (any article when
        there is none) and `filters`, by the order they were stored in."""
        words = query_words(query or "")
        if words:
            source, where, key, params = self._text_match(words)
        else:
            source, where, key, params = "articles a", "true", "a.pk", {}
        narrow, narrow_params = (filters or SearchFilters()).sql()
        if originals_only:
            narrow += " AND a.duplicate_of IS NULL"
        sql = text(f"SELECT {key} AS key, a.id, a.first_seen FROM {source} WHERE {where}{narrow} AND {key} > :after "
                   f"ORDER BY {key} {'DESC' if newest_first else 'ASC'} LIMIT :limit"
                   ).columns(key=BigInteger, id=String, first_seen=DateTime(timezone=True))  # typed: SQLite keeps text
        with self.engine.connect() as conn:
            rows = conn.execute(sql, {**params, **narrow_params, "after": after, "limit": limit}).all()
        return [Match(int(r.key), r.id, _utc(r.first_seen)) for r in rows]

    # -- following ---------------------------------------------------------------------------------

    def add_follow(self, kind: FollowKind, target: str, label: str, filters: SearchFilters | None = None,
                   webhook: str | None = None, secret: str | None = None) -> Follow:
        """Follow a search, an entity or a story from now on: only articles stored later are new to it."""
        kept = {k: v for k, v in asdict(filters or SearchFilters()).items() if v is not None}
        with self.engine.begin() as conn:
            newest: int = conn.execute(select(func.coalesce(func.max(articles.c.pk), 0))).scalar_one()
            follow_id = new_id(conn.execute(follows.insert().values(
                kind=kind, target=target, label=label, filters=json.dumps(kept), webhook=webhook, secret=secret,
                created_at=datetime.now(timezone.utc), after_key=newest)))
        found = self.follow(follow_id)
        assert found is not None
        return found

    def follow(self, follow_id: int) -> Follow | None:
        found = [f for f in self.follows() if f.id == follow_id]
        return found[0] if found else None

    def follows(self) -> list[Follow]:
        """Every follow, the oldest first, with what came of it."""
        delivered = alerts.c.delivered_at.isnot(None)
        failed = and_(alerts.c.delivered_at.is_(None), alerts.c.attempts >= GIVE_UP_AFTER)
        counts = (select(alerts.c.follow_id, func.count().label("matched"),
                         func.sum(case((delivered, 1), else_=0)).label("delivered"),
                         func.sum(case((failed, 1), else_=0)).label("failed"),
                         func.max(alerts.c.last_error).label("last_error"))
                  .group_by(alerts.c.follow_id).subquery())
        sql = (select(follows, counts.c.matched, counts.c.delivered, counts.c.failed, counts.c.last_error)
               .outerjoin(counts, counts.c.follow_id == follows.c.id).order_by(follows.c.id))
        with self.engine.connect() as conn:
            rows = conn.execute(sql).mappings().all()
        found = []
        for row in rows:
            matched, delivered_n, failed_n = (int(row[k] or 0) for k in ("matched", "delivered", "failed"))
            waiting = matched - delivered_n - failed_n if row["webhook"] else 0
            found.append(Follow(
                id=row["id"], kind=row["kind"], target=row["target"], label=row["label"],
                filters=json.loads(row["filters"]), webhook=row["webhook"], created=_utc(row["created_at"]),
                matched=matched, delivered=delivered_n, pending=waiting, failed=failed_n,
                last_error=row["last_error"] if waiting or failed_n else None))
        return found

    def remove_follow(self, follow_id: int) -> Follow | None:
        """Stop following; its alerts go with it. None when there is no such follow."""
        found = self.follow(follow_id)
        if found is not None:
            with self.engine.begin() as conn:
                conn.execute(delete(alerts).where(alerts.c.follow_id == follow_id))
                conn.execute(delete(follows).where(follows.c.id == follow_id))
        return found

    def follow_secret(self, follow_id: int) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(follows.c.secret).where(follows.c.id == follow_id)).scalar()

    # -- alerts ------------------------------------------------------------------------------------

    def match_follows(self) -> int:
        """Match every follow against the articles stored since it last looked; how many new alerts."""
        made = 0
        for found in self.follows():
            filters = SearchFilters(**found.filters)  # type: ignore[arg-type]
            query = found.target if found.kind == "search" else None
            while True:
                with self.engine.connect() as conn:
                    after = conn.execute(select(follows.c.after_key).where(follows.c.id == found.id)).scalar()
                if after is None:
                    break  # unfollowed meanwhile
                batch = self.matches(query, filters, after=after, limit=MATCH_BATCH, newest_first=False,
                                     originals_only=True)
                if not batch:
                    break
                with self.engine.begin() as conn:
                    made += self._record_alerts(conn, found.id, after, batch)
        return made

    @staticmethod
    def _record_alerts(conn: Connection, follow_id: int, after: int, batch: list[Match]) -> int:
        """Alerts for one batch of matches, and the follow's key moved past them, in one transaction;
        nothing when another process moved the key first."""
        moved = conn.execute(update(follows).where(follows.c.id == follow_id, follows.c.after_key == after)
                             .values(after_key=batch[-1].key))
        if moved.rowcount != 1:
            return 0
        seen: set[str] = set(conn.execute(select(alerts.c.article_id).where(
            alerts.c.follow_id == follow_id, alerts.c.article_id.in_([m.article_id for m in batch]))).scalars())
        new = [m for m in batch if m.article_id not in seen]
        if new:
            now = datetime.now(timezone.utc)
            conn.execute(alerts.insert(), [{"follow_id": follow_id, "article_id": m.article_id, "matched_at": now,
                                            "attempts": 0} for m in new])
        return len(new)

    def claim_alerts(self, limit: int = 100) -> list[tuple[Follow, str]]:
        """Alerts waiting for a webhook, each claimed for this sender: (follow, article id), the
        oldest match first."""
        now = datetime.now(timezone.utc)
        by_id = {f.id: f for f in self.follows() if f.webhook}
        waiting = (select(alerts.c.follow_id, alerts.c.article_id)
                   .where(alerts.c.follow_id.in_(list(by_id)), alerts.c.delivered_at.is_(None),
                          alerts.c.attempts < GIVE_UP_AFTER,
                          or_(alerts.c.claimed_at.is_(None), alerts.c.claimed_at < now - CLAIM_EXPIRES))
                   .order_by(alerts.c.matched_at, alerts.c.follow_id, alerts.c.article_id).limit(limit))
        claimed = []
        with self.engine.begin() as conn:
            for row in conn.execute(waiting).all():
                follow_id, article_id = int(row.follow_id), str(row.article_id)
                took = conn.execute(update(alerts).where(
                    alerts.c.follow_id == follow_id, alerts.c.article_id == article_id, alerts.c.delivered_at.is_(None),
                    or_(alerts.c.claimed_at.is_(None), alerts.c.claimed_at < now - CLAIM_EXPIRES)).values(claimed_at=now))
                if took.rowcount == 1:
                    claimed.append((by_id[follow_id], article_id))
        return claimed

    def settle_alert(self, follow_id: int, article_id: str, error: str | None) -> None:
        """An alert sent (error None: the receiver said yes) or not (the reason kept, tried again later)."""
        done: dict[str, object] = ({"delivered_at": datetime.now(timezone.utc), "last_error": None} if error is None
                                   else {"last_error": error})
        with self.engine.begin() as conn:
            conn.execute(update(alerts).where(alerts.c.follow_id == follow_id, alerts.c.article_id == article_id)
                         .values(claimed_at=None, attempts=alerts.c.attempts + 1, **done))

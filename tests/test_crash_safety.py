"""SIGKILL in the middle of an ingest, then the same ingest again: one copy of everything, no partial rows.

The ingest kills itself at a point the test chooses, so the kill always lands mid-way: inside the
transaction that stores an article (its raw document, article and version rows written, not
committed), or between storing an article and relating it.
"""

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

DOCUMENTS = 12
#: The ingest is killed while storing (or relating) this article, counted from 1.
KILLED_AT = 5

#: `python -m newsdesk.cli ingest FOLDER`, killed by itself at a chosen point.
INGEST_UNTIL_KILLED = '''
import os, runpy, signal, sys

point, at, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
seen = 0


def count_and_kill():
    global seen
    seen += 1
    if seen == at:
        os.kill(os.getpid(), signal.SIGKILL)


if point == "storing":
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "after_cursor_execute")
    def after_execute(conn, cursor, statement, parameters, context, executemany):
        # the article's version row is written and its transaction not yet committed
        if statement.lstrip().upper().startswith("INSERT INTO ARTICLE_VERSIONS"):
            count_and_kill()
elif point == "relating":
    from newsdesk.relate.relator import Relator

    relate = Relator.relate

    def relate_or_die(self, article):
        count_and_kill()  # the article is stored and committed, not yet related
        return relate(self, article)

    Relator.relate = relate_or_die
else:
    raise SystemExit(f"no such point: {point}")
sys.argv = ["newsdesk", "ingest", folder]
runpy.run_module("newsdesk.cli", run_name="__main__")
'''


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "article_versions", "raw_documents", "article_search")
        }


def orphans(db: Path) -> int:
    """Rows that do not hang together: an article without its current version, a version without its raw bytes."""
    with sqlite3.connect(db) as conn:
        return conn.execute(
            """SELECT
                 (SELECT count(*) FROM articles a WHERE NOT EXISTS (
                     SELECT 1 FROM article_versions v WHERE v.article_id = a.id AND v.version = a.version))
               + (SELECT count(*) FROM article_versions v WHERE NOT EXISTS (
                     SELECT 1 FROM raw_documents r WHERE r.id = v.raw_id))
               + (SELECT count(*) FROM articles a WHERE NOT EXISTS (
                     SELECT 1 FROM article_search s WHERE s.rowid = a.pk))"""
        ).fetchone()[0]


def unrelated(db: Path) -> int:
    """Stored articles that relating has not reached (every related article has a story)."""
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchone()[0]


def each(n: int) -> dict[str, int]:
    return {"articles": n, "article_versions": n, "raw_documents": n, "article_search": n}


@pytest.mark.parametrize("point, stored, related", [
    ("storing", KILLED_AT - 1, KILLED_AT - 1),  # the article being stored is rolled back whole
    ("relating", KILLED_AT, KILLED_AT - 1),  # stored, and related only by the re-run
])
def test_sigkill_mid_ingest_then_rerun(tmp_path, seed_text, point, stored, related):
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(DOCUMENTS):
        (folder / f"page-{i:03d}.txt").write_text(seed_text.replace("Putin gathers", f"Putin gathers ({i})"))
    db = tmp_path / "crash.db"
    env = {**os.environ, "NEWSDESK_DB": str(db)}
    script = tmp_path / "ingest_until_killed.py"
    script.write_text(INGEST_UNTIL_KILLED)
    log = tmp_path / "killed.log"
    with log.open("w") as stderr:
        child = subprocess.run([sys.executable, str(script), point, str(KILLED_AT), str(folder)], env=env,
                               stdout=subprocess.DEVNULL, stderr=stderr, timeout=300)
    assert child.returncode == -signal.SIGKILL, log.read_text()[-2000:]  # killed, not finished nor failed
    assert counts(db) == each(stored)
    assert orphans(db) == 0
    assert unrelated(db) == stored - related

    command = [sys.executable, "-m", "newsdesk.cli", "ingest", str(folder)]
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert counts(db) == each(DOCUMENTS)
    assert orphans(db) == 0
    assert unrelated(db) == 0

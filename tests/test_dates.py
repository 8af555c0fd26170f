"""Publication dates: read once into ISO 8601, placeholders dropped, old stores normalised."""

import json
import sqlite3
from datetime import datetime, timezone

import pytest
from pydantic import ValidationError

from newsdesk.dates import day_of, normalize_published
from newsdesk.extract import extract
from newsdesk.model import Article, RawDocument
from newsdesk.dates import by_day, by_month

NOW = datetime(2019, 11, 25, tzinfo=timezone.utc)


@pytest.mark.parametrize("written, value", [
    ("Tue Nov 19 2019 03:05:46 GMT+0000 (Coordinated Universal Time)", "2019-11-19T03:05:46+00:00"),
    ("November 20, 2019 12:32", "2019-11-20T12:32:00"),
    ("19 Nov 2019 07:09 GMT", "2019-11-19T07:09:00+00:00"),
    ("Mon, 18 Nov 2019 16:07:38 -0600", "2019-11-18T16:07:38-06:00"),
    ("Nov. 20, 2019 5:32 p.m. EST", "2019-11-20T17:32:00-05:00"),
    ("Wed 20 Nov 2019 08:00 GMT+0300", "2019-11-20T08:00:00+03:00"),  # ahead of GMT, whatever POSIX says
    ("2019-11-20", "2019-11-20"),
    ("15 May 2019", "2019-05-15"),
])
def test_dates_as_pages_write_them_become_iso(written, value):
    assert normalize_published(written, NOW) == (value, None)


@pytest.mark.parametrize("written, why", [
    ("0001-01-01T00:00:00Z", "placeholder"), ("1970-01-01T00:00:00Z", "epoch"),
    ("2031-01-01", "future"), ("yesterday-ish", "not a date"),
])
def test_placeholders_become_null_with_a_reason(written, why):
    value, reason = normalize_published(written, NOW)
    assert value is None and why in reason


def test_an_article_carries_only_iso_and_keeps_what_the_page_wrote():
    with pytest.raises(ValidationError):
        Article(id="x", origin="x", headline="h", published="Tue Nov 19 2019")
    page = ("<html><head><title>T</title><meta property='article:published_time' "
            "content='Tue Nov 19 2019 03:05:46 GMT+0000'></head><body><article><h1>A headline here</h1>"
            "<p>" + "A paragraph of the article that says something about the news of the day. " * 4 + "</p>"
            "</article></body></html>")
    article = extract(RawDocument(origin="p.html", data=page.encode()))
    assert (article.published, article.published_raw) == ("2019-11-19T03:05:46+00:00", "Tue Nov 19 2019 03:05:46 GMT+0000")


def test_timelines_never_loop_on_what_is_not_a_date():
    assert by_month(["2019-11-20", "Tue Nov 19 2019", "2019-12-01T08:00:00+01:00", None]) == [
        ("2019-11", 1), ("2019-12", 1)]
    assert by_day(["2019-11-20T06:00:00-05:00", "20 N", "2019"]) == [("2019-11-20", 1)]
    assert day_of("2019-11-20T23:30:00-05:00").isoformat() == "2019-11-20"


def test_a_migration_normalises_what_is_stored(tmp_path, seed_text):
    from newsdesk.store import open_store

    db = tmp_path / "old.db"
    with open_store(str(db)) as store:
        store.add(RawDocument(origin="seed.txt", data=seed_text.encode()),
                  extract(RawDocument(origin="seed.txt", data=seed_text.encode())))
    conn = sqlite3.connect(db)  # as a store made before 0006 kept it
    written = "Thu May 15 2025 10:30:00 GMT+0300"
    conn.execute("UPDATE articles SET published = ?, data = json_remove(json_set(data, '$.published', ?), "
                 "'$.published_raw')", (written, written))
    conn.execute("UPDATE alembic_version SET version_num = '0005'")
    conn.commit()
    conn.close()
    with open_store(str(db)) as store:
        (summary,) = store.articles()
        article = store.get(summary.id)
    assert summary.published == article.published == "2025-05-15T10:30:00+03:00"
    assert article.published_raw == written
    assert json.loads(article.model_dump_json())["published"] == "2025-05-15T10:30:00+03:00"

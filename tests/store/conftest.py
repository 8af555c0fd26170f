"""The store suite runs on both engines: a SQLite file and the PostgreSQL server at 127.0.0.1:5432."""

import pytest

from helpers import drop_schema, postgres_schema_url
from newsdesk.store import open_store

@pytest.fixture(params=["sqlite", "postgres"])
def engine_db(request, tmp_path):
    """A place for a store on each engine, as NEWSDESK_DB would name it, with nothing in it yet."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    schema, url = postgres_schema_url()
    try:
        yield url
    finally:
        drop_schema(schema)


@pytest.fixture(params=["sqlite", "postgres"])
def engine_store(request, tmp_path):
    if request.param == "sqlite":
        with open_store(str(tmp_path / "store.db")) as st:
            yield st
        return
    schema, url = postgres_schema_url()
    try:
        with open_store(url) as st:
            yield st
    finally:
        drop_schema(schema)

"""The store suite runs on both engines: a SQLite file and the PostgreSQL server at 127.0.0.1:5432."""

import os
import uuid

import pytest

from newsdesk.store import open_store

POSTGRES = os.environ.get("NEWSDESK_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def postgres_schema_url():
    """A fresh schema on the test server, or a skip saying why there is none."""
    try:
        import psycopg
    except ImportError:
        pytest.skip("psycopg is not installed")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(POSTGRES, connect_timeout=3, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL at {POSTGRES}: {str(exc).splitlines()[0]}")
    return schema, f"{POSTGRES}?options=-csearch_path%3D{schema}"


def drop_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


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

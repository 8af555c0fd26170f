"""Paths the tests share (a module of its own: several folders have a conftest)."""

import os
import uuid
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared"
ROOT = Path(__file__).resolve().parents[1]
#: HTML pages written for newsdesk (no third-party text), shipped as demo samples and used by the tests.
WIRE_PAGE = ROOT / "samples" / "example-harbour-strike.html"
CAFE_PAGE = ROOT / "samples" / "example-cafe-owners.html"
#: The PostgreSQL test server (trust auth); tests that need it skip when it is absent.
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

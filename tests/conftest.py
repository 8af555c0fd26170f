import json
from pathlib import Path

import pytest

from helpers import DATA


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return DATA / "seed.txt"


@pytest.fixture(scope="session")
def seed_text(seed_path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((DATA / "seed.gold.json").read_text(encoding="utf-8"))


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "newsdesk.db"
    monkeypatch.setenv("NEWSDESK_DB", str(path))
    return path


@pytest.fixture
def store(db_path):
    from newsdesk.store import open_store

    with open_store(str(db_path)) as st:
        yield st

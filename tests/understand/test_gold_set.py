"""The hand-annotated gold set of 17 benchmark articles: quality must not fall below what was measured."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from common import EXTRACTION  # noqa: E402

#: Measured F1 on 2026-11-25 (bench/RESULTS.md), less a small margin for model noise.
FLOORS = {"people": 0.87, "roles": 0.80, "affiliations": 0.65, "quotes": 0.95, "quote_speakers": 0.88}


@pytest.fixture(scope="module")
def score():
    if not (EXTRACTION / "ground-truth.json").exists():
        pytest.skip(f"{EXTRACTION} is not beside this checkout")
    from understanding import quality

    return quality()[0]


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_f1_floor(score, field):
    assert getattr(score, field).f1 >= FLOORS[field]

"""The seed and its gold are copied into tests/data so the suite runs anywhere; they must not drift."""

import pytest

from helpers import DATA, SHARED


@pytest.mark.parametrize(
    "copy, original",
    [("seed.txt", "seeds/000_efc63973d7af3df1.txt"), ("seed.gold.json", "gold/000_efc63973d7af3df1.gold.json")],
)
def test_copy_matches_shared(copy, original):
    source = SHARED / original
    if not source.exists():
        pytest.skip(f"{source} is not beside this checkout")
    assert (DATA / copy).read_bytes() == source.read_bytes()

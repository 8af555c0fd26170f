"""The hand-annotated gold sets (bench/understanding.py): quality must not fall below what was measured.

en-181: 17 English articles of the extraction benchmark; en-fundus: 25 English pages of
fundus-dev; fr: 20 French pages of french-dev and fundus-dev; en-heldout: 15 more English articles
of the extraction benchmark, annotated blind, en-heldout2: 12 after them, never read for rules, and
en-heldout3: 15 after those, and en-heldout4: the 13 after them, each annotated blind and read for
rules after its first measure; en-heldout5: 15 English news pages of readability-dev, and en-heldout6:
the 8 English fundus-dev pages outside en-fundus, the same; en-heldout7: 15 English articles of the
extraction benchmark in no earlier set, naming one titled person or more, annotated blind on
2026-11-28 and read for rules after two measures, and en-heldout8: the 15 after them by the same rule,
annotated blind and not read yet. en-heldout2 was read for rules on 2026-11-27, after its measures.
Each read by its language's pipeline.
"""

import pytest

from common import EXTRACTION, SHARED

#: F1 measured on 2026-11-25, roles again on 2026-11-26 and five times on 2026-11-27, en-heldout7 and
#: en-heldout8 on 2026-11-28 (bench/RESULTS.md), less a small margin.
FLOORS = {
    "en-181": {"people": 0.93, "roles": 0.93, "affiliations": 0.70, "quotes": 0.96, "quote_speakers": 0.89},
    "en-fundus": {"people": 0.85, "roles": 0.92, "affiliations": 0.50, "quotes": 0.87, "quote_speakers": 0.68},
    "fr": {"people": 0.85, "roles": 0.93, "affiliations": 0.16, "quotes": 0.66, "quote_speakers": 0.42},
    "en-heldout": {"people": 0.86, "roles": 0.81, "affiliations": 0.44, "quotes": 0.89, "quote_speakers": 0.73},
    "en-heldout2": {"people": 0.88, "roles": 0.81, "affiliations": 0.25, "quotes": 0.84, "quote_speakers": 0.68},
    "en-heldout3": {"people": 0.89, "roles": 0.80, "affiliations": 0.55, "quotes": 0.85, "quote_speakers": 0.73},
    "en-heldout4": {"people": 0.88, "roles": 0.80, "affiliations": 0.27, "quotes": 0.84, "quote_speakers": 0.72},
    "en-heldout5": {"people": 0.84, "roles": 0.78, "affiliations": 0.43, "quotes": 0.90, "quote_speakers": 0.75},
    "en-heldout6": {"people": 0.80, "roles": 0.70, "affiliations": 0.33, "quotes": 0.81, "quote_speakers": 0.61},
    "en-heldout7": {"people": 0.86, "roles": 0.69, "affiliations": 0.27, "quotes": 0.86, "quote_speakers": 0.83},
    "en-heldout8": {"people": 0.80, "roles": 0.80, "affiliations": 0.62, "quotes": 0.89, "quote_speakers": 0.89},
}
#: The sets rules were developed on; en-heldout, en-heldout3 to en-heldout6 were annotated blind and
#: only read for general rules afterwards (en-heldout2 from 2026-11-27, en-heldout7 from 2026-11-28),
#: en-heldout8 not yet.
DEVELOPED_ON = ("en-181", "en-fundus", "fr")
NEEDS = {"en-181": EXTRACTION / "ground-truth.json", "en-fundus": SHARED / "bench" / "fundus-dev" / "gold.json",
         "fr": SHARED / "bench" / "french-dev" / "html", "en-heldout": EXTRACTION / "ground-truth.json",
         "en-heldout2": EXTRACTION / "ground-truth.json", "en-heldout3": EXTRACTION / "ground-truth.json",
         "en-heldout4": EXTRACTION / "ground-truth.json", "en-heldout5": SHARED / "bench" / "readability-dev",
         "en-heldout6": SHARED / "bench" / "fundus-dev" / "gold.json", "en-heldout7": EXTRACTION / "ground-truth.json",
         "en-heldout8": EXTRACTION / "ground-truth.json"}


@pytest.fixture(scope="module")
def scores():
    return {}


def score(scores, gold_set):
    if not NEEDS[gold_set].exists():
        pytest.skip(f"{NEEDS[gold_set]} is not beside this checkout")
    from understanding import quality

    if gold_set not in scores:
        scores[gold_set] = quality(gold_set)[0]
    return scores[gold_set]


@pytest.mark.parametrize("gold_set, field", [(s, f) for s in FLOORS for f in sorted(FLOORS[s])])
def test_f1_floor(scores, gold_set, field):
    assert getattr(score(scores, gold_set), field).f1 >= FLOORS[gold_set][field]


@pytest.mark.parametrize("gold_set", DEVELOPED_ON)
def test_roles_are_found_nine_times_in_ten_and_right_nine_times_in_ten(scores, gold_set):
    roles = score(scores, gold_set).roles
    assert min(roles.precision, roles.recall) >= 0.9, (roles.precision, roles.recall)

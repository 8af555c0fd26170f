"""The people graph held on a small fixed corpus: the same audit and join checks as bench/people.py.

36 real pages (article-extraction and fundus-dev) chosen as those in most hand-labelled pairs of
bench/data/person-pairs.json, weighing pairs of two different people thrice: shared surnames,
shared first names, transliterations. Ingested through newsdesk's own pipeline into a SQLite file.
"""

import json
from pathlib import Path

import pytest

from common import SHARED

PAGES = [
    "article-extraction/0d46122928b6f468cc4bbc694051d0dbae5702bc75a16dab82a99b58daf150a0",
    "article-extraction/11ea381ad92b5448cf66eae62f52ac565361a244c8881615fc6a7bb523cc0c32",
    "article-extraction/3d8f3404cf975af824d7866b7679bc45189c3eea6adb32f0a125a0904b1abbb2",
    "article-extraction/42aad16bde9288623543642a9ce1a396be83e2db44aa2ff8cbbfe46e14abd7cc",
    "article-extraction/5211188428849a31e309ef2475746563ff788b1591c89818c08d5abedec4ef5e",
    "article-extraction/65ce3a4577a0306994efa190a0d96e84014f9d4257ad54753e807ede518f02c0",
    "article-extraction/6a72de37e8f98f4eee6c0821e593b35ce536cef6c8b424c5e1dd747ebe6621ba",
    "article-extraction/702d1da63b8e064cb70617620e45c2d116b4912c9bc9d518dcf5ce54bb8057ed",
    "article-extraction/7a457a4f71735c17b8b34fafc88835d225cf879b2d812311857a64cfc891eee9",
    "article-extraction/7a664e40d256470fdb12d10c3f8d1c6db0581e9b080c71765e55f273a3ac7d03",
    "article-extraction/82b6d780c792df78dcfb00484d50c86fbc7f324a9eb5835b7615f028edb9a574",
    "article-extraction/851498a2b9f4f0b578ac9700c245253dbc147a06c0fb3499adebf1c2d5663c29",
    "article-extraction/8634d1211c3f2b73041e6cadd5d59676619838949999a83a23c51a3195b44892",
    "article-extraction/87bf60570e6e2e33cb1f0fdb5600d6c85012e60be25ba6fa587b8f90eb9a3770",
    "article-extraction/8cad00dc22de45ba42e9540421b5f78333f7ac57b385d69acb27a53b9fd69f0c",
    "article-extraction/9eef8162bbb67b0bd73792313b91b87dc9304f43f85f479e67e71c166417451e",
    "article-extraction/a1fca19b884e0e946ad3fbe2a7f5031e5e3b23372702a76db302b6143c77cb31",
    "article-extraction/a6968f427cdb786531cfb326518e674bd8b48af94df7c5c6165cdf40e944357a",
    "article-extraction/ac1bfdd4c510f679c58f1b62101630d40fda20a16703235ae0f56b65a465e423",
    "article-extraction/aec5deeaada8b2fb81b55349da0229d5c77a4dc9605c1aaa31e5ce8b71358bc9",
    "article-extraction/bdb56ac83513635db1d8b9eb46b2da4c0de8da2f1f28f5bf5163df3eb3d3ec06",
    "article-extraction/c00962aabe7bdd1fca78f5360ea7fa93cd7674863b05157e00827506a7aa58c4",
    "article-extraction/c58aa507c4deebd660f69905f9abb8f96d935f6e7210f597ed4cd32b3f39f7f7",
    "article-extraction/c81e134ed49902bcf69b551426b4a346c5a77ae993cac8bda68b5541a664ef4c",
    "article-extraction/c90731f051d033e49e4cfcc920895051bbc3b54ef1a11519abcf22a115c3aa79",
    "article-extraction/e7994d5500875202d93e736e8f0c8a0436107d10add94ce3789001b8c5c32358",
    "article-extraction/ecb46e3e489d2aac92b2563112e1801077b4219a6db9751f18e228bcaf457802",
    "article-extraction/eecd2575093b85933997521d6babddd397599419588d7096c5c19dc4ffe2ea72",
    "article-extraction/f5c90a6d5253c3a21ff3168c64bea4b5ffade7a1ba5bed952a59ebee0d648d98",
    "fundus-dev/be__PoliticoEu_2025_10_23",
    "fundus-dev/de__DW_2024_01_30",
    "fundus-dev/de__NTV_2024_08_05",
    "fundus-dev/uk__EveningStandard_2024_10_24",
    "fundus-dev/uk__Metro_2024_11_29",
    "fundus-dev/uk__iNews_2023_08_30",
    "fundus-dev/us__LATimes_2023_06_26",
]


def page_file(key: str) -> Path:
    folder, name = key.split("/", 1)
    return SHARED / "bench" / folder / "html" / f"{name}.html.gz"


@pytest.fixture(scope="module")
def people_store(tmp_path_factory):
    if not all(page_file(p).exists() for p in PAGES):
        pytest.skip(f"the benchmark pages are not in {SHARED}")
    from people import build_store

    from newsdesk.store import open_store

    db = str(tmp_path_factory.mktemp("people") / "people.db")
    build_store(db, [page_file(p) for p in PAGES])
    with open_store(db) as store:
        yield store


@pytest.fixture(scope="module")
def pairs():
    from people import PAIRS

    return [p for p in json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]
            if p["a"]["page"] in PAGES and p["b"]["page"] in PAGES]


def test_two_people_of_different_names_are_never_joined(people_store, pairs):
    from people import score_pairs

    different_names = [p for p in pairs if p["a"]["name"] != p["b"]["name"]]
    counts, wrong = score_pairs(people_store, different_names)
    assert wrong == []
    assert counts["joined"] >= 5  # transliterations, initials and nicknames of one person do join


def test_one_person_under_one_name_is_joined(people_store, pairs):
    from people import score_pairs

    same = [p for p in pairs if p["same"] and p["a"]["name"] == p["b"]["name"]]
    counts, _ = score_pairs(people_store, same)
    assert counts["joined_same"] >= 0.9 * (counts["pairs"] - counts["missing"])


def test_people_named_most_are_names_and_one_person_each(people_store):
    from people import audit

    result = audit(people_store, top=100)
    n = len(result["people"])
    assert n >= 80
    assert len(result["junk"]) <= 0.02 * n, result["junk"]
    assert len(result["merged"]) <= 0.02 * n, result["merged"]

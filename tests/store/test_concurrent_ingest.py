"""Two ingests at once into one store relate as one after the other would (the attack's finding 10)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from newsdesk.store import open_store
from newsdesk.store.schema import articles, term_frequencies

STORIES = {
    "rowing": ("SPORT", "Harbour club wins the regional rowing final",
               "The town's rowing club took the regional title on Saturday after a close race on the river. "
               "Coaches praised the crew's late sprint past the favourites from the estuary."),
    "bakery": ("BUSINESS", "Family bakery opens a second shop near the station",
               "A family bakery known for rye loaves opened a second shop near the railway station. "
               "The owners hired eleven bakers and plan to sell pastries from dawn."),
    "library": ("CULTURE", "Library extends opening hours for exam season",
                "The central library will stay open until midnight during exam season, the council said. "
                "Students asked for quiet reading rooms and more power sockets."),
    "storm": ("WEATHER", "Storm closes coastal road and cuts power to villages",
              "A storm closed the coastal road overnight and cut power to several villages. "
              "Engineers expect to restore electricity by Tuesday afternoon."),
    "vaccine": ("HEALTH", "Clinic starts flu vaccination drive for pensioners",
                "The clinic began a flu vaccination drive for pensioners, with walk-in hours each morning. "
                "Nurses said demand was higher than last winter."),
    "bridge": ("LOCAL", "Repairs to the old stone bridge begin in spring",
               "Repairs to the old stone bridge will begin in spring and last four months. "
               "Traffic will be diverted through the market square while masons replace the parapet."),
}


def write_pages(folder: Path, seed_text: str) -> dict[str, str]:
    """Eleven pages: six distinct stories and five wordings of the seed (near-duplicates)."""
    pages = {name: f"date 2025-05-1{i} {cat}\n{head}\n{body}\n" for i, (name, (cat, head, body)) in
             enumerate(STORIES.items())}
    for i, (old, new) in enumerate([("The meeting reflected", "The meeting, observers said, reflected"),
                                    ("Wednesday night", "Wednesday evening"), ("yesterday", "on Thursday"),
                                    ("delegation", "team"), ("talks", "negotiations")]):
        pages[f"seed-{i}"] = seed_text.replace(old, new, 1)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return pages


def split_folders(tmp_path: Path, seed_text: str) -> tuple[Path, Path]:
    source = tmp_path / "all"
    names = sorted(write_pages(source, seed_text))
    a, b = tmp_path / "a", tmp_path / "b"
    for folder, chosen in ((a, names[:7]), (b, names[4:])):  # three pages in both
        folder.mkdir()
        for name in chosen:
            (folder / f"{name}.txt").write_bytes((source / f"{name}.txt").read_bytes())
    return a, b


def ingest(db: str, *folders: Path, wait: bool = True):
    exe = Path(sys.executable).parent / "newsdesk"
    process = subprocess.Popen([exe, "ingest", *map(str, folders), "--json"], env={"NEWSDESK_DB": db, "PATH": ""},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if wait:
        process.communicate(timeout=300)
    return process


def picture(db: str) -> dict:
    """What relating made, independent of which article came first: term counts, duplicate groups, stories."""
    with open_store(db) as store:
        with store.engine.connect() as conn:
            freqs = dict(conn.execute(select(term_frequencies.c.term, term_frequencies.c.articles)).all())
            rows = conn.execute(select(articles.c.origin, articles.c.id, articles.c.duplicate_of, articles.c.story_id)).all()
        name = {r.id: f"{Path(r.origin).parent.name}/{Path(r.origin).stem}" for r in rows}
        groups: dict[str, set] = {}
        stories: dict[str, set] = {}
        for r in rows:
            groups.setdefault(r.duplicate_of or r.id, set()).add(name[r.id])
            stories.setdefault(r.story_id, set()).add(name[r.id])
        return {"articles": sorted(name.values()), "documents": store.related_count(), "frequencies": freqs,
                "duplicates": sorted(sorted(g) for g in groups.values()),
                "stories": sorted(sorted(s) for s in stories.values())}


def test_two_ingests_at_once_equal_one_after_the_other(engine_db, tmp_path, seed_text):
    if not (Path(sys.executable).parent / "newsdesk").exists():
        pytest.skip("newsdesk is not installed next to this Python")
    a, b = split_folders(tmp_path, seed_text)
    sequential = str(tmp_path / "sequential.db") if engine_db.endswith(".db") else None
    if sequential is None:  # PostgreSQL: the sequential run goes to a SQLite file, the result must not differ
        sequential = str(tmp_path / "sequential.db")
    ingest(sequential, a)
    ingest(sequential, b)

    first, second = ingest(engine_db, a, wait=False), ingest(engine_db, b, wait=False)
    outputs = [p.communicate(timeout=300) for p in (first, second)]
    assert all(p.returncode == 0 for p in (first, second)), outputs
    assert sum(json.loads(out)["new"] for out, _ in outputs) >= 11

    together, one_by_one = picture(engine_db), picture(sequential)
    # a text page without a URL is known by its path: the three pages in both folders are two articles each
    assert together["articles"] == one_by_one["articles"] and len(together["articles"]) == 14
    assert together["documents"] == one_by_one["documents"] == 14
    assert together["frequencies"] == one_by_one["frequencies"]  # no word counted twice
    assert together["duplicates"] == one_by_one["duplicates"]  # no duplicate missed
    seeds = sorted(f"{folder}/seed-{i}" for folder, i in [("a", 0), ("a", 1), ("a", 2), ("b", 0), ("b", 1), ("b", 2),
                                                           ("b", 3), ("b", 4)])
    assert [g for g in together["duplicates"] if len(g) > 1] == [seeds]
    assert together["stories"] == one_by_one["stories"]

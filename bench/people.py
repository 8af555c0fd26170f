"""The people graph on real news: do mentions of one person join, and do two people stay two?

    .venv/bin/python bench/people.py [--db PATH] [--top N]

Builds a store from ../shared/bench/article-extraction (181 English pages), fundus-dev (131 pages,
~20 languages) and french-dev (18 French pages) through newsdesk's own ingest (or reads --db if
it exists), then prints:
- **Joins**, against bench/data/person-pairs.json: 394 pairs of mentions in two different pages,
  labelled by hand same person or not, hard cases on purpose (shared surnames, shared first names,
  transliterations, bare surnames). A pair is *joined* when both mentions resolve to one entity.
  Precision = joined pairs that are one person / joined pairs; recall = joined / same-person pairs
  (a mention newsdesk did not find at all counts as not joined).
- **Audit** of the N people named in the most articles: how many are not names at all (junk), and
  how many merge two people (their forms carry two different first names), with examples. Junk is
  judged by bench/data/people-audit.json (names read in their pages and judged by hand) and, for
  names not judged there, by plain signs of a fragment (a lower-case word, a digit, more than five
  words, capitals throughout); unjudged names are listed so they can be judged.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ROOT, SHARED, machine, table  # noqa: E402

from newsdesk.lang.countries import fold  # noqa: E402
from newsdesk.lang.names import PARTICLES, clean_full_name, given_names_agree, parse_person  # noqa: E402

PAIRS = ROOT / "bench" / "data" / "person-pairs.json"
AUDIT_LABELS = ROOT / "bench" / "data" / "people-audit.json"
CORPUS = [SHARED / "bench" / "article-extraction" / "html", SHARED / "bench" / "fundus-dev" / "html",
          SHARED / "bench" / "french-dev" / "html"]


def build_store(db: str, sources: list[Path]) -> None:
    from newsdesk.pipeline import ingest
    from newsdesk.store import open_store

    with open_store(db) as store:
        summary = ingest([str(s) for s in sources], store)
    print(f"ingested {len(summary.outcomes)} pages, {len(summary.failures)} failed", file=sys.stderr)


def page_key(origin: str) -> str | None:
    """"article-extraction/<id>" or "fundus-dev/<name>" for a stored page's origin."""
    path = Path(origin)
    name = path.name.removesuffix(".gz").removesuffix(".html")
    return f"{path.parent.parent.name}/{name}" if path.parent.name == "html" else None


def mentions_by_page(store) -> dict[str, list[tuple[int, list[str]]]]:
    """Page key -> (entity id, every form it was named by there) of each person the page names."""
    from sqlalchemy import select

    from newsdesk.store.schema import articles, entities, mentions

    query = (select(articles.c.origin, mentions.c.entity_id, mentions.c.name, mentions.c.aliases)
             .join(mentions, mentions.c.article_id == articles.c.id)
             .join(entities, entities.c.id == mentions.c.entity_id).where(entities.c.type == "person"))
    found: dict[str, list] = defaultdict(list)
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            key = page_key(row.origin)
            if key:
                found[key].append((row.entity_id, [row.name, *json.loads(row.aliases)]))
    return found


def entity_named(page_mentions: list[tuple[int, list[str]]], name: str) -> int | None:
    """The entity a page's mention of `name` resolved to: by a form equal to the name, else by its
    family name alone when only one person of the page carries it."""
    want = fold(name).rstrip(".")
    for entity_id, forms in page_mentions:
        if any(fold(f).rstrip(".") == want for f in forms):
            return entity_id
    last = want.split()[-1]
    by_surname = {entity_id for entity_id, forms in page_mentions
                  if any(fold(f).rstrip(".").split()[-1:] == [last] for f in forms)}
    return by_surname.pop() if len(by_surname) == 1 else None


def score_pairs(store, pairs: list[dict]) -> tuple[dict, list[dict]]:
    found = mentions_by_page(store)
    counts = {"pairs": len(pairs), "same": 0, "joined": 0, "joined_same": 0, "missing": 0}
    wrong = []
    for pair in pairs:
        a = entity_named(found.get(pair["a"]["page"], []), pair["a"]["name"])
        b = entity_named(found.get(pair["b"]["page"], []), pair["b"]["name"])
        counts["same"] += pair["same"]
        counts["missing"] += a is None or b is None
        joined = a is not None and a == b
        counts["joined"] += joined
        counts["joined_same"] += joined and pair["same"]
        if joined and not pair["same"]:
            wrong.append(pair)
    return counts, wrong


def _two_first_names(forms: list[str]) -> tuple[str, str] | None:
    """Two full forms whose first names cannot be one person's ("Boris" and "Jimmie" Johnson; a
    title before the name is no first name: "President Joe Biden" is Joe)."""
    full = [(f, p) for f in forms if clean_full_name(f) and (p := parse_person(f)) is not None]
    for i, (a, pa) in enumerate(full):
        for b, pb in full[i + 1:]:
            if not given_names_agree(pa.given[0], pb.given[0]):
                return a, b
    return None


def _fragment(name: str) -> str | None:
    """Why a name is plainly not a person's, or None."""
    words = name.split()
    if any(c.isdigit() for c in name):
        return "a digit"
    if len(words) > 5:
        return "more than five words"
    if any(w[:1].islower() and w.lower() not in PARTICLES and not re.match(r"^(al|el|bin|ibn|abu)-", w)
           for w in words):
        return "a lower-case word"
    letters = [c for c in name if c.isalpha()]
    if len(words) > 1 and letters and all(c.isupper() for c in letters):
        return "capitals throughout"
    return None


def audit(store, top: int = 100, labels: dict | None = None) -> dict:
    """The `top` people named in most articles, each judged: a name or junk, one person or two."""
    from sqlalchemy import select

    from newsdesk.store.schema import entity_names

    labels = labels if labels is not None else load_labels()
    people = store.entities(kind="person", limit=top)
    junk, merged, unjudged = [], [], []
    with store.engine.connect() as conn:
        for person in people:
            forms = conn.execute(select(entity_names.c.name).where(entity_names.c.entity_id == person.id)
                                 ).scalars().all()
            name = person.name
            verdict = labels.get(name)
            reason = "judged not a person" if verdict == "junk" else (None if verdict == "person" else _fragment(name))
            if reason:
                junk.append((name, reason))
            elif verdict is None:
                unjudged.append(name)
            two = _two_first_names(forms)
            if two:
                merged.append((name, two))
    return {"people": people, "junk": junk, "merged": merged, "unjudged": unjudged}


def load_labels() -> dict[str, str]:
    if not AUDIT_LABELS.exists():
        return {}
    data = json.loads(AUDIT_LABELS.read_text(encoding="utf-8"))
    return {**{n: "junk" for n in data.get("junk", [])}, **{n: "person" for n in data.get("people", [])}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="a store to read (built from the benchmark pages if it does not exist)")
    parser.add_argument("--top", type=int, default=100)
    args = parser.parse_args()
    from newsdesk.store import open_store

    db = args.db or str(Path(tempfile.mkdtemp()) / "people.db")
    if not Path(db).exists():
        build_store(db, CORPUS)
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]
    print(f"Machine: {machine()}\n")
    with open_store(db) as store:
        counts, wrong = score_pairs(store, pairs)
        result = audit(store, args.top)
    precision = counts["joined_same"] / counts["joined"] if counts["joined"] else 1.0
    recall = counts["joined_same"] / counts["same"] if counts["same"] else 1.0
    print(f"Joins across articles, {counts['pairs']} hand-labelled pairs ({counts['same']} one person)")
    print(table(["pairs", "one person", "joined", "joined and one person", "precision", "recall",
                 "a mention not found"],
                [[counts["pairs"], counts["same"], counts["joined"], counts["joined_same"], precision, recall,
                  counts["missing"]]]))
    for pair in wrong:
        print(f"  wrongly joined: {pair['a']['name']} ({pair['a']['page']}) ~ {pair['b']['name']} "
              f"({pair['b']['page']}): {pair.get('note', '')}")
    n = len(result["people"])
    print(f"\nAudit of the {n} people named in the most articles")
    print(table(["people", "junk names", "junk share", "merging two people", "merge share", "not judged"],
                [[n, len(result["junk"]), len(result["junk"]) / n if n else 0.0, len(result["merged"]),
                  len(result["merged"]) / n if n else 0.0, len(result["unjudged"])]]))
    for name, reason in result["junk"]:
        print(f"  junk: {name} ({reason})")
    for name, (a, b) in result["merged"]:
        print(f"  two people in {name}: {a} / {b}")
    if result["unjudged"]:
        print("  not judged yet: " + "; ".join(result["unjudged"]))


if __name__ == "__main__":
    main()

"""Relating, measured on labelled pairs built from real pages: near-duplicate and same-story thresholds.

    .venv/bin/python bench/relate.py

Pairs (from ../shared/bench/article-extraction bodies):
- copies: a page and itself under another URL (duplicate);
- edited copies: one paragraph dropped, a tenth of the words changed, a new first paragraph, a
  footer added (duplicate);
- same topic, different outlet: pages of the benchmark that report one event (not duplicates, same story);
- unrelated: pages from different events (neither).
For each threshold: precision and recall of "duplicate" on 5-gram MinHash Jaccard, and of "same
story" on the relator's score (content overlap and shared people and organisations).
"""

from __future__ import annotations

import itertools
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import full_id, ground_truth, machine, table  # noqa: E402
from understanding import article_from_body  # noqa: E402

from newsdesk.relate.relator import ENTITY_WEIGHT, overlap  # noqa: E402
from newsdesk.relate.similarity import content_words, minhash, text_signature  # noqa: E402
from newsdesk.understand import understand_all  # noqa: E402

#: Benchmark pages that report one event from different outlets (read from their text).
SAME_EVENT = [
    ["7bb1ca9035", "a078b3656a", "bd673bd798", "9eef8162bb"],  # feather duvet lung
    ["42aad16bde", "c50845a715", "d1c57d7821"],  # NASA commercial moon landers
    ["686bb170ef", "14cc2a0ca5", "f344ca5fb3"],  # water vapour on Europa
    ["1ace8c85aa", "06e5123e4e"],  # New York attorney general and WeWork
    ["156770d676", "3f65af7b6b", "c13b9c0e04"],  # "Meth. We're on it." campaign
    ["9cb8224b66", "ac1bfdd4c5"],  # Doobie Brothers anniversary tour
    ["6ebac05f63", "7a457a4f71"],  # man pleads guilty to threatening Rep. Omar
    ["2c46804d9d", "51d066b060"],  # Fort Worth kidnapping rescue video
    ["ba4dfe2d3e", "ea25dd7edf", "8b19453030"],  # plague cases in China
    ["e1c7023ee2", "b37be3535e"],  # hibernating astronauts study
]


def edits(text: str, rng: random.Random) -> list[str]:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    words = text.split()
    dropped = "\n".join(p for i, p in enumerate(paragraphs) if i != len(paragraphs) // 2) if len(paragraphs) > 2 else text
    changed = " ".join(w if rng.random() > 0.1 else rng.choice(["said", "the", "new", "report"]) for w in words)
    new_lede = "\n".join(["In a statement released on Tuesday, officials gave more details of the case."] + paragraphs[1:])
    footer = text + "\nSign up for our newsletter to get the day's top stories. Follow us on social media."
    return [dropped, changed, new_lede, footer]


def pairs():
    truth = ground_truth()
    rng = random.Random(5)
    bodies = {key[:10]: truth[full_id(key)]["articleBody"] for group in SAME_EVENT for key in group}
    labelled = []  # (text a, text b, duplicate?, same story?)
    for key, text in bodies.items():
        labelled.append((text, text, True, True))
        labelled += [(text, edited, True, True) for edited in edits(text, rng)]
    for group in SAME_EVENT:
        labelled += [(bodies[a], bodies[b], False, True) for a, b in itertools.combinations(group, 2)]
    groups = [g[0] for g in SAME_EVENT]
    labelled += [(bodies[a], bodies[b], False, False) for a, b in itertools.combinations(groups, 2)]
    return labelled


def pr(scores: list[tuple[float, bool]], threshold: float) -> tuple[float, float]:
    tp = sum(1 for s, y in scores if s >= threshold and y)
    fp = sum(1 for s, y in scores if s >= threshold and not y)
    fn = sum(1 for s, y in scores if s < threshold and y)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def main() -> None:
    labelled = pairs()
    texts = sorted({t for a, b, _, _ in labelled for t in (a, b)})
    understood = understand_all([article_from_body(str(i), t, "2019-11-19") for i, t in enumerate(texts)])
    people = {t: frozenset(e.name for e in a.entities if e.type in ("person", "org")) for t, a in zip(texts, understood)}
    signature = {t: text_signature(t) for t in texts}
    content = {t: content_words(t) for t in texts}
    hashed = {t: minhash(content[t]) for t in texts}
    dup_scores, story_scores = [], []
    for a, b, duplicate, same_story in labelled:
        dup_scores.append((signature[a].jaccard(signature[b]), duplicate))
        c = overlap(len(content[a]), len(content[b]), hashed[a].jaccard(hashed[b]))
        shared = (len(people[a] & people[b]) / min(len(people[a]), len(people[b]))
                  if people[a] and people[b] else c)
        story_scores.append(((1 - ENTITY_WEIGHT) * c + ENTITY_WEIGHT * shared, same_story))
    counts = (sum(1 for _, _, d, _ in labelled if d), sum(1 for _, _, d, s in labelled if s and not d),
              sum(1 for _, _, _, s in labelled if not s))
    print(f"Machine: {machine()}\n{len(labelled)} labelled pairs: {counts[0]} duplicates, "
          f"{counts[1]} same event from different outlets, {counts[2]} unrelated\n")
    print("Near-duplicates: 5-gram MinHash Jaccard ≥ threshold")
    print(table(["threshold", "precision", "recall"], [[t, *pr(dup_scores, t)] for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)]))
    worst = max(s for s, y in dup_scores if not y)
    print(f"(highest Jaccard of a pair that is not a duplicate: {worst:.3f})")
    distinct = [(score, same) for (score, same), (_, _, dup, _) in zip(story_scores, labelled) if not dup]
    print("\nSame story, duplicates left out (same event from other outlets vs unrelated): relator score ≥ threshold")
    print(table(["threshold", "precision", "recall"], [[t, *pr(distinct, t)] for t in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)]))


if __name__ == "__main__":
    main()

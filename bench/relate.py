"""Relating, measured on labelled pairs built from real pages: near-duplicate and same-story thresholds.

    .venv/bin/python bench/relate.py

Pairs (from ../shared/bench/article-extraction bodies):
- copies: a page and itself under another URL (duplicate);
- edited copies: one paragraph dropped, a tenth of the words changed, a new first paragraph, a
  footer added (duplicate);
- same event, different outlet: pages of the benchmark that report one event (not duplicates, same story);
- same beat, other event: pages on one topic that report different events (neither: the hard case);
- unrelated: the first pages of two different events (neither).
For each threshold: precision and recall of "duplicate" on 5-gram MinHash Jaccard, and of "same
story" on the TF-IDF cosine of the two articles (document frequencies from all 181 benchmark
pages), alone and blended half and half with the share of people and organisations they name.
"""

from __future__ import annotations

import itertools
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import full_id, ground_truth, machine, table  # noqa: E402
from labels import SAME_EVENT, SAME_TOPIC  # noqa: E402
from similar import corpus_vectors  # noqa: E402
from understanding import article_from_body  # noqa: E402

from newsdesk.relate.similarity import text_signature  # noqa: E402
from newsdesk.understand import understand_all  # noqa: E402

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
    events = list(SAME_EVENT.values())
    bodies = {key: truth[full_id(key)]["articleBody"] for group in events + list(SAME_TOPIC.values()) for key in group}
    event_of = {key: i for i, group in enumerate(events) for key in group}
    labelled = []  # (text a, text b, duplicate?, same story?)
    for key in sorted({k for group in events for k in group}):
        text = bodies[key]
        labelled.append((text, text, True, True))
        labelled += [(text, edited, True, True) for edited in edits(text, rng)]
    for group in events:
        labelled += [(bodies[a], bodies[b], False, True) for a, b in itertools.combinations(group, 2)]
    for group in SAME_TOPIC.values():
        labelled += [(bodies[a], bodies[b], False, False) for a, b in itertools.combinations(group, 2)
                     if event_of.get(a, a) != event_of.get(b, b)]
    labelled += [(bodies[a[0]], bodies[b[0]], False, False) for a, b in itertools.combinations(events, 2)]
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
    vector = corpus_vectors([v["articleBody"] for v in ground_truth().values()] + texts)
    dup_scores, story_scores, blended_scores = [], [], []
    for a, b, duplicate, same_story in labelled:
        dup_scores.append((signature[a].jaccard(signature[b]), duplicate))
        c = vector[a].cosine(vector[b])
        shared = (len(people[a] & people[b]) / min(len(people[a]), len(people[b]))
                  if people[a] and people[b] else c)
        story_scores.append((c, same_story))
        blended_scores.append((0.5 * c + 0.5 * shared, same_story))
    sizes = (sum(1 for _, _, d, _ in labelled if d), sum(1 for _, _, d, s in labelled if s and not d),
              sum(1 for _, _, _, s in labelled if not s))
    print(f"Machine: {machine()}\n{len(labelled)} labelled pairs: {sizes[0]} duplicates, "
          f"{sizes[1]} same event from different outlets, {sizes[2]} not the same event (other events on the same beat, and unrelated)\n")
    print("Near-duplicates: 5-gram MinHash Jaccard ≥ threshold")
    print(table(["threshold", "precision", "recall"], [[t, *pr(dup_scores, t)] for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)]))
    worst = max(s for s, y in dup_scores if not y)
    print(f"(highest Jaccard of a pair that is not a duplicate: {worst:.3f})")
    thresholds = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
    for name, scores in (("TF-IDF cosine", story_scores), ("TF-IDF cosine and shared people/orgs, half each", blended_scores)):
        distinct = [(score, same) for (score, same), (_, _, dup, _) in zip(scores, labelled) if not dup]
        print(f"\nSame story, duplicates left out (same event from other outlets vs other events): {name} ≥ threshold")
        print(table(["threshold", "precision", "recall"], [[t, *pr(distinct, t)] for t in thresholds]))
        print(f"(lowest same-event score {min(s for s, y in distinct if y):.3f}, "
              f"highest unrelated score {max(s for s, y in distinct if not y):.3f})")


if __name__ == "__main__":
    main()

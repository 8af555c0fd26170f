"""Understanding: per-field precision, recall and F1 on the hand-made gold set, and speed.

    .venv/bin/python bench/understanding.py [--speed-only|--quality-only]

Quality: tests/data/understanding-gold.json (17 articles of ../shared/bench/article-extraction,
annotated by hand). Speed: words per second on one core over all 181 benchmark article bodies,
newsdesk's whole understanding stage beside spaCy's own full pipeline and its NER alone.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ROOT, full_id, ground_truth, machine, table  # noqa: E402

from newsdesk.evaluate import UnderstandingScore, score_article  # noqa: E402
from newsdesk.model import Article, Block  # noqa: E402
from newsdesk.understand import understand_all  # noqa: E402
from newsdesk.understand.nlp import load_pipeline, model_name  # noqa: E402

GOLD = ROOT / "tests" / "data" / "understanding-gold.json"


def article_from_body(page_id: str, body: str, published: str | None) -> Article:
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    return Article(id=page_id[:16], origin=page_id, headline="", published=published,
                   body=[Block(type="paragraph", text=p) for p in paragraphs])


def gold_articles() -> list[tuple[dict, Article]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    truth = ground_truth()
    return [(g, article_from_body(full_id(g["id"]), truth[full_id(g["id"])]["articleBody"], g["published"]))
            for g in gold]


def quality() -> tuple[UnderstandingScore, list[tuple[str, UnderstandingScore]]]:
    pairs = gold_articles()
    understood = understand_all([a for _, a in pairs])
    total, per_article = UnderstandingScore(), []
    for (g, _), article in zip(pairs, understood):
        s = score_article(g, article)
        total.add(s)
        per_article.append((g["id"], s))
    return total, per_article


def words_per_second(run, texts: list[str], repeat: int = 3) -> float:
    words = sum(len(t.split()) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run(texts)
        best = min(best, time.perf_counter() - start)
    return words / best


def speed() -> list[list]:
    import spacy

    bodies = [v["articleBody"] for v in ground_truth().values()]
    articles = [article_from_body(str(i), b, "2019-11-19") for i, b in enumerate(bodies)]
    paragraphs = [b.text for a in articles for b in a.body]
    full = spacy.load(model_name())
    ner_only = spacy.load(model_name(), disable=[p for p in full.pipe_names if p not in ("tok2vec", "ner")])
    ours = load_pipeline()
    understand_all(articles[:5])  # warm up
    rows = [
        ["newsdesk understanding (NER, senter, tagger + all rules)",
         words_per_second(lambda _: understand_all(articles), paragraphs)],
        ["spaCy full pipeline, nlp.pipe", words_per_second(lambda t: list(full.pipe(t, batch_size=256)), paragraphs)],
        ["spaCy NER alone (tok2vec + ner)",
         words_per_second(lambda t: list(ner_only.pipe(t, batch_size=256)), paragraphs)],
        ["newsdesk's pipeline without rules", words_per_second(lambda t: list(ours.pipe(t, batch_size=256)), paragraphs)],
    ]
    words = sum(len(p.split()) for p in paragraphs)
    return [[name, f"{wps:,.0f}"] for name, wps in rows] + [["(words in the run)", f"{words:,}"]]


def main() -> None:
    args = set(sys.argv[1:])
    print(f"Machine: {machine()}; model {model_name()}\n")
    if "--speed-only" not in args:
        total, per_article = quality()
        rows = [[name, getattr(total, name).precision, getattr(total, name).recall, getattr(total, name).f1,
                 getattr(total, name).tp, getattr(total, name).fp, getattr(total, name).fn]
                for name in UnderstandingScore.fields()]
        print("Understanding quality on 17 hand-annotated articles")
        print(table(["field", "precision", "recall", "F1", "tp", "fp", "fn"], rows))
        print()
        print(table(["article", *UnderstandingScore.fields()],
                    [[pid, *(f"{getattr(s, n).f1:.2f}" for n in UnderstandingScore.fields())] for pid, s in per_article]))
        print()
    if "--quality-only" not in args:
        print("Speed, one process, words per second")
        print(table(["what", "words/s"], speed()))


if __name__ == "__main__":
    main()

"""Understanding: per-field precision, recall and F1 on the hand-made gold sets, and speed.

    .venv/bin/python bench/understanding.py [--speed-only|--quality-only] [--articles] [SET ...]

Quality, on ten gold sets annotated by hand (people, their titles and affiliations, quotes
with speakers), each read by its language's pipeline:
- `en-181`: tests/data/understanding-gold.json, 17 English articles of
  ../shared/bench/article-extraction (the ground-truth bodies);
- `en-fundus`: tests/data/understanding-gold-fundus-en.json, 25 English pages of
  ../shared/bench/fundus-dev (their expected paragraphs; bench/fundus_english.py);
- `fr`: tests/data/french-gold.json, 20 French pages of ../shared/bench/french-dev and
  fundus-dev (bench/french_texts.py);
- `en-heldout`: tests/data/understanding-gold-heldout-en.json, 15 more English articles of
  ../shared/bench/article-extraction, picked by a fixed rule (the first 15 in id order naming three
  people with titles) and annotated on 2026-11-27 by someone who never saw newsdesk's output. No
  rule names its pages; its misses were read for general rules after its first measure;
- `en-heldout2`: tests/data/understanding-gold-heldout2-en.json, 12 more, the next in id order
  (three the rule picked were development pages and are left out), annotated blind the same day and
  not read for rules until four of its pages were on 2026-11-27;
- `en-heldout3`: tests/data/understanding-gold-heldout3-en.json, the next 15 by the same rule
  (short ids after 833caf3bdb, development pages skipped), annotated blind on 2026-11-27; its
  misses were read for general rules after its first measure, as en-heldout's were.
- `en-heldout4`: tests/data/understanding-gold-heldout4-en.json, the 13 pages after en-heldout3 by
  the same rule (which then had no more pages to give), annotated blind; read for rules after its
  first measure;
- `en-heldout5`: tests/data/understanding-gold-heldout5-en.json, 15 English news pages of
  ../shared/bench/readability-dev (Readability's expected output, bench/readability_texts.py), the
  first in folder order naming three people with titles, annotated blind on 2026-11-27 by a
  helper who never saw newsdesk's output; first measured after the rule rounds of that day;
- `en-heldout6`: tests/data/understanding-gold-heldout6-en.json, the 8 English fundus-dev pages
  outside en-fundus naming three people with titles (bench/fundus_english.py MORE_PAGES), annotated
  blind on 2026-11-27 and first measured after every rule round of that day;
- `en-heldout7`: tests/data/understanding-gold-heldout7-en.json, 15 English articles of
  ../shared/bench/article-extraction in no earlier set, the first in id order naming one person or
  more with a title or job, annotated blind on 2026-11-28 by a helper who never saw newsdesk's
  output; measured twice, then read for rules on 2026-11-28;
- `en-heldout8`: tests/data/understanding-gold-heldout8-en.json, the next 15 articles by the same
  rule (ids after 5ae11e580a), annotated blind on 2026-11-28 the same way, first measured after
  that day's rules; not read for rules: what newsdesk does on pages it was not written for.
Speed: words per second on one core, newsdesk's whole understanding stage beside spaCy's own
full pipeline and its NER alone, per language (English over all 181 benchmark bodies).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ROOT, full_id, ground_truth, machine, table  # noqa: E402

from scoring import UnderstandingScore, score_article  # noqa: E402
from newsdesk.model import Article, Block  # noqa: E402
from newsdesk.understand import understand_all  # noqa: E402
from newsdesk.understand.nlp import load_pipeline, pipeline_names  # noqa: E402

DATA = ROOT / "tests" / "data"


def article_from(page_id: str, paragraphs: list[str], published: str | None, language: str,
                 url: str | None = None) -> Article:
    return Article(id=page_id[:16], origin=page_id, headline="", published=published, language=language, url=url,
                   body=[Block(type="paragraph", text=p.strip()) for p in paragraphs if p.strip()])


def _en_181(file: str = "understanding-gold.json") -> list[tuple[str, list[str], str | None]]:
    truth = ground_truth()
    gold = json.loads((DATA / file).read_text(encoding="utf-8"))["articles"]
    return [(g["id"], truth[full_id(g["id"])]["articleBody"].split("\n"), g["published"], truth[full_id(g["id"])]["url"])
            for g in gold]


def _en_heldout() -> list[tuple[str, list[str], str | None]]:
    return _en_181("understanding-gold-heldout-en.json")


def _en_heldout2() -> list[tuple[str, list[str], str | None]]:
    return _en_181("understanding-gold-heldout2-en.json")


def _en_heldout3() -> list[tuple[str, list[str], str | None]]:
    return _en_181("understanding-gold-heldout3-en.json")


def _en_heldout4() -> list[tuple[str, list[str], str | None]]:
    return _en_181("understanding-gold-heldout4-en.json")


def _en_heldout7() -> list[tuple[str, list[str], str | None]]:
    return _en_181("understanding-gold-heldout7-en.json")


def _en_heldout8() -> list[tuple[str, list[str], str | None]]:
    return _en_181("understanding-gold-heldout8-en.json")


def _readability_en():
    from readability_texts import readability_articles

    return [(a["id"], a["paragraphs"], a["published"]) for a in readability_articles()]


def _fundus_en():
    from fundus_english import english_articles

    return [(a["id"], a["paragraphs"], a["published"], a["url"]) for a in english_articles()]


def _fundus_more_en():
    from fundus_english import MORE_PAGES, english_articles

    return [(a["id"], a["paragraphs"], a["published"], a["url"]) for a in english_articles(MORE_PAGES)]


def _french():
    from french_texts import french_articles

    return [(a["id"], a["paragraphs"], a["published"], a.get("url")) for a in french_articles()]


#: name -> (gold file, language, the texts annotated)
GOLD_SETS = {
    "en-181": ("understanding-gold.json", "en", _en_181),
    "en-fundus": ("understanding-gold-fundus-en.json", "en", _fundus_en),
    "fr": ("french-gold.json", "fr", _french),
    "en-heldout": ("understanding-gold-heldout-en.json", "en", _en_heldout),
    "en-heldout2": ("understanding-gold-heldout2-en.json", "en", _en_heldout2),
    "en-heldout3": ("understanding-gold-heldout3-en.json", "en", _en_heldout3),
    "en-heldout4": ("understanding-gold-heldout4-en.json", "en", _en_heldout4),
    "en-heldout5": ("understanding-gold-heldout5-en.json", "en", _readability_en),
    "en-heldout6": ("understanding-gold-heldout6-en.json", "en", _fundus_more_en),
    "en-heldout7": ("understanding-gold-heldout7-en.json", "en", _en_heldout7),
    "en-heldout8": ("understanding-gold-heldout8-en.json", "en", _en_heldout8),
}


def gold_articles(name: str) -> list[tuple[dict, Article]]:
    file, language, texts = GOLD_SETS[name]
    gold = {g["id"]: g for g in json.loads((DATA / file).read_text(encoding="utf-8"))["articles"]}
    return [(gold[pid], article_from(pid, paragraphs, published, language, *url))
            for pid, paragraphs, published, *url in texts() if pid in gold]


def quality(name: str = "en-181") -> tuple[UnderstandingScore, list[tuple[str, UnderstandingScore]]]:
    pairs = gold_articles(name)
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


def speed(language: str) -> list[list]:
    import spacy

    if language == "en":
        bodies = [v["articleBody"].split("\n") for v in ground_truth().values()]
    else:
        bodies = [paragraphs for _, paragraphs, *_ in GOLD_SETS["fr"][2]()]
    articles = [article_from(str(i), b, "2019-11-19", language) for i, b in enumerate(bodies)]
    paragraphs = [b.text for a in articles for b in a.body]
    model = pipeline_names()[language]
    full = spacy.load(model)
    ner_only = spacy.load(model, disable=[p for p in full.pipe_names if p not in ("tok2vec", "ner")])
    ours = load_pipeline(model)
    understand_all(articles[:5])  # warm up
    repeat = 3 if language == "en" else 6  # the French run is short: more tries, for a steadier best
    rows = [
        [f"{language}: newsdesk understanding (NER, senter, tagger + all rules)",
         words_per_second(lambda _: understand_all(articles), paragraphs, repeat)],
        [f"{language}: spaCy full pipeline, nlp.pipe",
         words_per_second(lambda t: list(full.pipe(t, batch_size=256)), paragraphs, repeat)],
        [f"{language}: spaCy NER alone (tok2vec + ner)",
         words_per_second(lambda t: list(ner_only.pipe(t, batch_size=256)), paragraphs, repeat)],
        [f"{language}: newsdesk's pipeline without rules",
         words_per_second(lambda t: list(ours.pipe(t, batch_size=256)), paragraphs, repeat)],
    ]
    # The lemmatizer is left out of newsdesk's pipeline (verb forms are listed in the language
    # files instead): what it would cost, run over docs our pipeline already tagged.
    lemmatizer = full.get_pipe("lemmatizer")
    lemmatizer.overwrite = True  # each timed run lemmatizes again, not only the first
    tagged = list(ours.pipe(paragraphs, batch_size=256))
    rows.append([f"{language}: the lemmatizer alone, over docs newsdesk's pipeline tagged",
                 words_per_second(lambda _: [lemmatizer(doc) for doc in tagged], paragraphs, repeat)])
    words = sum(len(p.split()) for p in paragraphs)
    return [[name, f"{wps:,.0f}"] for name, wps in rows] + [[f"{language}: (words in the run)", f"{words:,}"]]


def main() -> None:
    args = [a for a in sys.argv[1:] if a.startswith("--")]
    sets = [a for a in sys.argv[1:] if not a.startswith("--")] or list(GOLD_SETS)
    print(f"Machine: {machine()}; pipelines {pipeline_names()}\n")
    if "--speed-only" not in args:
        for name in sets:
            total, per_article = quality(name)
            rows = [[field, getattr(total, field).precision, getattr(total, field).recall, getattr(total, field).f1,
                     getattr(total, field).tp, getattr(total, field).fp, getattr(total, field).fn]
                    for field in UnderstandingScore.fields()]
            print(f"Understanding quality, {name}: {len(per_article)} hand-annotated articles")
            print(table(["field", "precision", "recall", "F1", "tp", "fp", "fn"], rows))
            print()
            if "--articles" in args:
                print(table(["article", *UnderstandingScore.fields()],
                            [[pid, *(f"{getattr(s, n).f1:.2f}" for n in UnderstandingScore.fields())]
                             for pid, s in per_article]))
                print()
    if "--quality-only" not in args:
        print("Speed, one process, words per second")
        print(table(["what", "words/s"], [row for language in ("en", "fr") for row in speed(language)]))


if __name__ == "__main__":
    main()

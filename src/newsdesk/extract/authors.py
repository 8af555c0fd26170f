"""Authors: the people a page names as its writers, from its byline as written.

A byline mixes people with what is not a person: "By Jane Doe and John Roe, Reuters", "Von
Anna Berg, dpa | 12.03.2024", "Jane Doe, Senior Correspondent", "Staff Writer", an e-mail
address. `authors_from` keeps the names: the leading "By" (in the languages news is written in)
cut, the byline split at commas, "and" and its kin, and every part dropped that is no name — a
role, an outlet or wire agency, a date, an address. The rules read the shape of a name (a few
capitalised words, particles allowed), never a list of people. `find_authors` says where a page
gives them: JSON-LD's people, its byline metadata, or the byline its markup shows.
"""

from __future__ import annotations

import re
import unicodedata

from .labels import labelled_values, spaced_text

#: Words that open a byline: "By", "Von", "Par", "Por", "Di", "Door", "Av", "Przez", "Autor:".
_OPENER = re.compile(
    r"^\s*(?:(?:written|reported|text|words|story|interview)\s+(?:by\s+)?|by|von|par|por|di|door|av|af|przez|od|"
    r"autor(?:in|a|es)?|auteur|author|text|texte|tekst|reportage)\s*[:\-–—]?(?:\s+|$)",
    re.IGNORECASE,
)
#: What joins names in a byline: commas, semicolons, slashes, bars, "&" and "and" in many languages.
_JOINERS = re.compile(r"\s*(?:[,;/|•·]|&|\+|\s(?:and|und|et|y|e|en|og|och|ja|és|ve|i|a|и)\s)\s*", re.IGNORECASE)
#: Particles a name may hold in lower case: "Ursula von der Leyen", "Luiz Inácio da Silva".
_PARTICLES = frozenset("van von der den de del della di da dos das du le la bin ibn al el ben ter ten zu y".split())
#: Words that say a part of a byline is a role, not who wrote it.
_ROLES = frozenset("""
reporter reporters correspondent correspondents editor editors writer writers staff journalist journalists
contributor contributors columnist producer photographer photographers senior chief political special deputy
updated published posted sources source our your share follow twitter facebook whatsapp linkedin email x
author authors autor autoren autorin auteur auteurs autore autori autores
""".split())
#: Words that say a part of a byline is a desk, an outlet or a wire agency, not a person.
_NOT_NAME = _ROLES | frozenset("""
desk team newsroom agency agencies news press wire service bureau media online digital redaktion rédaction
redacción redazione redakcja redacao redação agencia agence agentur associated reuters afp dpa ap apa ansa efe
upi anadolu xinhua tass bloomberg
""".split())
MAX_NAME_WORDS = 5
#: A bracketed aside: "(AP)", "(Reuters)", "(@handle)".
_BRACKETS = re.compile(r"\([^)]*\)")
#: A part of a byline followed by a web address is an outlet: "Deutsche Welle (www.dw.com)".
_ADDRESSED = re.compile(r"[^,;/|]*\((?:https?://)?[\w-]+(?:\.[\w-]+)+/?\)")
#: A title written after the name in Korean, Japanese and Chinese bylines: "신현주 기자", "山田太郎記者".
_TITLE_AFTER = re.compile(r"\s*(?:기자|특파원|논설위원|선임기자|記者|记者|特派員|特派员|編集委員)$")
#: A byline is a line: what is longer is cut before it is read.
MAX_BYLINE_CHARS = 300
#: A word of digits and date punctuation: "12.03.2024", "2024", "10:45".
_DATE_WORD = re.compile(r"(?:^|\s)[\d.:/-]*\d[\d.:/-]*(?:\s|$)")


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def is_name(part: str) -> bool:
    """Whether a piece of a byline has the shape of a person's name: one to five words, each
    capitalised (initials too) or a particle, no digits, no address, no role or outlet word."""
    words = part.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or any(c.isdigit() for c in part) or "@" in part or "://" in part:
        return False
    if any(w.strip(".,()").casefold() in _NOT_NAME for w in words):
        return False
    if not any(c.isalpha() and c.lower() != c.upper() for c in part):
        return any(c.isalpha() for c in part) and len(words) <= 3  # a script without case: "구현모", "大渡 美咲"
    if len(words) == 1 and (len(words[0].strip(".")) < 3 or words[0].isupper()):
        return False  # "AP", "J.", an outlet's initials: "LTO", "SRF"
    return all(w[:1].isupper() or w.casefold() in _PARTICLES for w in words) \
        and words[0][:1].isupper() and words[-1][:1].isupper()


def byline_of(line: str) -> str | None:
    """A line of page text as a byline: what follows its opener ("By", "Von", "Par", ...) when
    that names people ("Von Anna Berg" gives "Anna Berg"), else None."""
    m = _OPENER.match(line)
    if not m or len(line.split()) > _BYLINE_MAX_WORDS or not authors_from(line):
        return None
    return line[m.end():].strip() or None


def _parts(byline: str) -> list[str]:
    text = " ".join(byline[:MAX_BYLINE_CHARS].split())
    text = _ADDRESSED.sub(" ", text)
    text = _BRACKETS.sub(" ", text)
    text = _OPENER.sub("", text, count=1)
    parts = (_OPENER.sub("", part.strip(" .:-–—"), count=1).strip(" .:-–—") for part in _JOINERS.split(text))
    return [_TITLE_AFTER.sub("", part) for part in parts if part]


def _once(names: list[str]) -> list[str]:
    return list({_fold(n): n for n in reversed(names)}.values())[::-1]


def _outlet_key(name: str) -> str:
    """What two spellings of an outlet's name share: "n-tv NACHRICHTEN", "ntv Nachrichten"."""
    return "".join(ch for ch in _fold(name) if ch.isalnum())


def authors_from(byline: str | None, outlets: tuple[str | None, ...] = ()) -> list[str]:
    """The people named in a byline, in order, each once; parts naming one of `outlets` (the
    publisher, the site) or shaped like no name are dropped."""
    own = {_outlet_key(o) for o in outlets if o}
    names = [p.title() if p.isupper() and len(p) > 3 else p  # "JANE DOE"
             for p in _parts(byline or "") if _outlet_key(p) not in own and is_name(p)]
    return _once(names)


def credited(byline: str | None) -> list[str]:
    """Who a byline that names no person credits: the desk, outlet or agency as written ("Associated
    Press", "BBC News", "MM-Redaktion"); dates, addresses and bare roles are dropped."""
    return _once([p for p in _parts(byline or "") if not _DATE_WORD.search(p) and "@" not in p
                  and "://" not in p and not all(w.casefold() in _ROLES for w in p.split())])


#: Meta tags that carry a byline, in the order trusted: the common "author", then those of
#: widely used publishing and analytics tools.
BYLINE_META = ("author", "byl", "parsely-author", "sailthru.author", "dc.creator", "article:author")
#: Elements a page marks as its byline: microdata and link relations first, links to an author's
#: page ("/autoren/name/max-kolter"), then class names.
BYLINE_XPATH = ("//*[@itemprop='author']", "//*[contains(concat(' ', @rel, ' '), ' author ')]",
                "//a[" + " or ".join(f"contains(@href, '/{path}/')" for path in (
                    "author", "authors", "autor", "autoren", "auteur", "auteurs", "autore", "autori", "autores")) + "]",
                "//*[contains(@class, 'byline') or contains(@class, 'author')]")
_BYLINE_MAX_WORDS = 20
#: Author pages of a site's publishing accounts.
_ACCOUNT_PATH = re.compile(r"/(?:author|authors|user|users|profile)/(?:admin|administrator|editor|webmaster|staff"
                           r"|redaktion|redaccion|redazione|redaction)/?(?:[?#].*)?$", re.IGNORECASE)
#: A bold byline opens its story: no more paragraphs than this before it, one this long after it.
BOLD_BYLINE_AT = 3
STORY_WORDS = 20
#: Paths of a site's section and tag pages.
_SECTION_PATH = re.compile(r"/(?:category|categories|section|sections|tag|tags|topic|topics|kategorie|rubrik|thema"
                           r"|themen|categorie|rubrique|categoria|seccion|sezione)/", re.IGNORECASE)


def find_byline(tree, outlets: tuple[str | None, ...] = ()) -> str | None:
    """The byline as the page's markup shows it: the first marked element naming a person, else a
    labelled one ("<strong>Autor</strong> Roman Goncharenko", "<dt>By</dt><dd>Jane Doe</dd>")."""
    for xpath in BYLINE_XPATH:
        for el in tree.xpath(xpath)[:20]:
            if el.tag in ("meta", "link", "body", "html", "article", "main", "section"):
                continue
            text = el.get("content") or spaced_text(el)
            if (text and len(text.split()) <= _BYLINE_MAX_WORDS and authors_from(text, outlets)
                    and not links_no_author(el)):
                return text
    return labelled_byline(tree, outlets)


def is_account_url(url: object) -> bool:
    """Whether an author's page is a publishing account's, not a person's ("/author/admin/")."""
    return isinstance(url, str) and _ACCOUNT_PATH.search(url) is not None


def links_no_author(el) -> bool:
    """Whether a would-be byline only links to a section or a tag's page (an "author" box that shows
    the story's category) or to a publishing account's page: it names no author."""
    links = [el] if el.tag == "a" else el.xpath(".//a")
    return bool(links) and all(_SECTION_PATH.search(a.get("href") or "") or is_account_url(a.get("href"))
                               for a in links)


def is_byline_label(text: str) -> bool:
    """Whether a label's text opens a byline: "Autor", "By:", "Autorin/Autor", "Texte"."""
    parts = [t.strip() for t in text.strip(" :").split("/") if t.strip()]
    return bool(parts) and all((m := _OPENER.match(t)) is not None and m.end() == len(t) for t in parts)


def labelled_byline(tree, outlets: tuple[str | None, ...] = ()) -> str | None:
    """The first labelled byline of the page that names a person."""
    return next((value for value in labelled_values(tree, is_byline_label)
                 if len(value.split()) <= _BYLINE_MAX_WORDS and authors_from(value, outlets)), None)


def find_authors(tree, people: list[str], meta_byline: str | None, outlets: tuple[str | None, ...],
                 byline: str | None) -> list[str]:
    """Who wrote the page: the people JSON-LD names, else those of the metadata's byline, else
    those of the byline in the page (where the metadata names only the outlet), else a bold byline
    opening the story; a byline that names no person credits its desk, outlet or agency
    ("Associated Press"). A JSON-LD "Person" with no person's name ("SID", a wire) is credited as
    written, unless it is the outlet itself."""
    found = [name for written in people for name in authors_from(written, outlets)]
    if found:
        return list(dict.fromkeys(found))
    own = {_outlet_key(o) for o in outlets if o}
    if (wires := _once([c for written in people for c in credited(written) if _outlet_key(c) not in own])):
        return wires
    if (named := authors_from(meta_byline, outlets)):
        return named
    shown = byline or (find_byline(tree, outlets) if meta_byline else None)
    return authors_from(shown, outlets) or authors_from(bold_byline(tree), outlets) or credited(meta_byline or byline)


def bold_byline(tree) -> str | None:
    """A byline set in bold as the story's first paragraph ("<p><strong>Jane Doe</strong></p>",
    then the text): the first such paragraph among the first BOLD_BYLINE_AT of its container,
    followed by one of a story's length, naming people and no country or capital."""
    from ..lang.countries import country_named, is_capital

    for para in tree.iter("p"):
        text = " ".join(para.text_content().split())
        bold = para.xpath("./strong|./b")
        if not text or len(bold) != 1 or " ".join(bold[0].text_content().split()) != text or len(text.split()) > 8:
            continue
        before = [q for q in para.itersiblings("p", preceding=True) if q.text_content().strip()]
        after = next((q for q in para.itersiblings("p") if q.text_content().strip()), None)
        if (len(before) < BOLD_BYLINE_AT and after is not None and len(after.text_content().split()) >= STORY_WORDS
                and authors_from(text) and not any(country_named(part) or is_capital(part) for part in _parts(text))):
            return text
    return None

"""Line patterns of news pages, shared by the readers: dates, reading time, credits, site chrome.

Every pattern here is about how news sites in general lay out a page; none names a site.
"""

from __future__ import annotations

import math
import re

from ..dates import iso_day
from .monthnames import named_date_in, named_date_pattern


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_TIME = (r"(?:[T ,]+\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*+(?:[AaPp]\.?[Mm]\.?\s*+)?"
         r"(?:Z|[A-Z]{2,4}|(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?)?)?")
DATE = (
    r"(?:\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})"
    + _TIME
)

#: "date 2025-05-15 POLITICS", "Published: 15 May 2025 | World", "POLITICS · May 15, 2025"
#: White space is matched one way only ("\s*(?::\s*)?", not "\s*:?\s*"; a time's spaces are
#: never given back) and the category before a date ends at a non-space, so a long run of spaces
#: costs linear time, not quadratic.
_LABEL = r"(?:(?:date|published|updated|posted)\s*(?::\s*)?)?"
_CATEGORY = r"[^\W\d][\w&/' -]{0,40}"
METADATA_LINE = re.compile(
    rf"^{_LABEL}(?P<date>{DATE})\s*(?:[|·•,/–—-]\s*)?(?P<category>{_CATEGORY})$"
    rf"|^(?P<category2>{_CATEGORY}?)(?<!\s)\s*+(?:[|·•/–—-]\s*)?{_LABEL}(?P<date2>{DATE})$",
    re.IGNORECASE,
)
#: A line that is only a date (and maybe a time): the page's dateline.
DATE_LINE = re.compile(rf"^(?:(?:published|updated|posted)\s*(?::\s*)?)?(?P<date>{DATE})$", re.IGNORECASE)
#: "03.03.2024", "3. 3. 2024": the day first, as wherever dates are written with dots (a word may
#: follow with no space, as text copied from a teaser list glues it: "29.04.2024Chemnitz").
DOTTED_DATE = re.compile(r"\b(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?(?P<year>\d{4})(?!\d)")
#: "22/11/2024", "2025/01/31": the day first or the year first; "11/22/2024" (the month first) is read
#: when its day cannot be a month. Not inside a web address ("example.com/2011/09/07/story").
SLASHED_DATE = re.compile(r"(?<![\w/])(?:(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})"
                          r"|(?P<year2>\d{4})/(?P<month2>\d{1,2})/(?P<day2>\d{1,2}))(?![\w/])")
#: "2025年1月14日" (Chinese, Japanese), "2025년 1월 14일" (Korean): year, month, day.
CJK_DATE = re.compile(r"(?P<year>\d{4})\s?[年년]\s?(?P<month>\d{1,2})\s?[月월]\s?(?P<day>\d{1,2})\s?[日일]")
_DATE_IN = re.compile(DATE, re.IGNORECASE)
#: A line that carries a date among other words ("Posted: Mar 3, 2024 8:15 AM | Updated ...") is
#: no longer than this.
DATED_LINE_WORDS = 15


def date_in(line: str) -> str | None:
    """The first date a short line holds, as written (a dotted date, or one with a month's name in
    another language than English, as ISO), or None."""
    if len(line.split()) > DATED_LINE_WORDS:
        return None
    if m := _DATE_IN.search(line):
        return m.group()
    if m := DOTTED_DATE.search(line) or CJK_DATE.search(line):
        return iso_day(m["year"], m["month"], m["day"])
    if m := SLASHED_DATE.search(line):
        return slashed_iso(m)
    return named_date_in(line)


def slashed_iso(m: re.Match[str]) -> str | None:
    """The ISO date of a SLASHED_DATE match: the year first, else the one reading of day and month
    that is a date ("22/11/2024", "11/22/2024"); None when both are ("03/04/2024": the 3rd of April
    in most of the world, the 4th of March in the United States) or neither is."""
    if m["year2"]:
        return iso_day(m["year2"], m["month2"], m["day2"])
    a, b = int(m["a"]), int(m["b"])
    if a <= 12 and b <= 12 and a != b:
        return None
    day, month = (b, a) if a <= 12 < b else (a, b)
    return iso_day(m["year"], month, day)


#: The heading of a comment thread: "167 comments", "[ 12 Comments ]", "Top rated comments", "Leave a reply",
#: "Kommentare (4)", "Commentaires".
COMMENTS_HEADING = re.compile(
    r"^\[?\s?(?:(?:read|view|show|see|lire|voir|afficher|leer|ver|leggi|vedi)\s(?:(?:the|all|les|los|tous les|i)\s)?)?"
    r"(?:\d{1,6}\s)?(?:top rated |latest |reader |show |view |see |all )?(?:comments?|responses?|replies|kommentare?"
    r"|commentaires?|comentarios?|commenti|reacties|komentarze?|kommentarer)(?:\s?\(\d{1,6}\))?\s?\]?:?$"
    r"|^(?:leave a (?:comment|reply)|join the (?:discussion|conversation)|\d{1,6} thoughts? on\b.{0,150})$",
    re.IGNORECASE,
)
#: When a comment or a teaser was posted, counted back from now: "2 days ago at 07:52 am", "vor 3 Stunden",
#: "il y a 5 minutes", "hace 2 horas".
RELATIVE_TIME = re.compile(
    r"\b(?:\d{1,3}|an?|one)\s(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\sago\b"
    r"|\bvor\s\d{1,3}\s(?:Sekunden|Minuten|Stunden|Tagen|Wochen|Monaten|Jahren)\b"
    r"|\bil y a\s\d{1,3}\s(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)\b"
    r"|\bhace\s\d{1,3}\s(?:segundos?|minutos?|horas?|días?|semanas?|meses|años?)\b",
    re.IGNORECASE,
)


def without_dates(line: str) -> str:
    """A line with every date in it (any form date_in reads) blanked out."""
    for pattern in (_DATE_IN, DOTTED_DATE, SLASHED_DATE, CJK_DATE, named_date_pattern()):
        line = pattern.sub(" ", line)
    return line


#: "3 min read", "5 minutes read", "Reading time: 4 min"
READING_TIME = re.compile(
    r"^(?:reading time:?\s*)?(?P<minutes>\d{1,3})\s*(?:min|mins|minute|minutes)\.?(?:\s+read)?$", re.IGNORECASE
)
_CREDIT_WORD = r"(?:photo(?:graph)?|image|picture|credit|photo credit|foto|bild|crédit|credito|illustration|video)s?"
#: A photo caption is a sentence or two (the longest in the benchmark pages has 639 characters). An
#: HTML page's caption is cut to this length, so a page cannot make the reader and the language
#: model read a book's worth of "caption".
MAX_CAPTION_CHARS = 2000
#: "Caption text. (Photo: AA) / AA", "Caption text (Image: Reuters)". One line; the credit runs
#: from the first non-space after the colon to the last before ")" (only a space when that is all).
#: Written to cost linear time on any line: the caption ends only where no space precedes, the
#: credit holds no "(" (each "(Photo:" is scanned up to the next parenthesis, not to the end of the
#: line) and a line with more lines after it is refused up front.
CAPTION_WITH_CREDIT = re.compile(
    rf"^(?=[^\n]*\n?\Z)(?P<caption>.*?)(?<!\s)\s*\(\s*{_CREDIT_WORD}\s*:\s*?"
    rf"(?P<credit>[^()\s](?:[^()]*[^()\s])?|\s(?=\)))\s*\)\s*(?:[/|]\s*(?P<credit2>.+))?$",
    re.IGNORECASE,
)
#: "Caption text. Photo: Reuters" (no parentheses; a short credit at the end)
CAPTION_TRAILING_CREDIT = re.compile(
    rf"^(?P<caption>.+?[.!?”\"])?\s*(?:[|–—-]\s*)?{_CREDIT_WORD}\s*:\s*(?P<credit>[^.:]{{1,60}})$", re.IGNORECASE
)
#: A photo credit on a line of its own: "Foto: dpa", "Bild: SN/APA/Keystone", "Photo: Getty Images",
#: "© Reuters". The line before it is the photo's caption.
CREDIT_LINE = re.compile(rf"^(?:(?:{_CREDIT_WORD}|quelle|fuente)\s*:|©)\s*\S.{{0,100}}$",
                         re.IGNORECASE)
#: "SOURCE:TRT World and Agencies", "Source: Reuters"
SOURCE_LINE = re.compile(r"^sources?\s*:\s*(?P<source>\S.{0,120})$", re.IGNORECASE)
#: "By Jane Doe", "By Jane Doe and John Roe, Reuters"
BYLINE = re.compile(r"^by\s+(?P<byline>[^\W\d][\w.'’ ,&-]{1,80})$", re.IGNORECASE)
#: Class names of rails of other stories: related, recommended, "read more", ad networks' boxes.
RELATED_CLASS = re.compile(r"related|more-?stories|read-?more|recommend|also-?read|explore|more-?from|"
                           r"further-?reading|read-?next|more-?news|outbrain|taboola", re.IGNORECASE)
#: The heading of a rail of related stories.
RAIL_HEADING = re.compile(
    r"^(?:explore|explore more|related|related (?:stories|articles|news|content|coverage|links)|more (?:stories|news)"
    r"|more from .{1,40}|more on this (?:story|topic)|read more|read next|recommended(?: for you)?"
    r"|you (?:may|might) also like|also read|most read|most popular|trending(?: now| news)?|popular|top stories|latest news"
    r"|mehr zum thema|weitere artikel|verwandte artikel|ähnliche artikel|das könnte sie auch interessieren"
    r"|meistgelesen(?:e artikel)?|meist gelesen|lesen sie auch|relevante themen|weitere themen"
    r"|à lire aussi|lire aussi|sur le même sujet|les plus lus|noticias relacionadas|te puede interesar|lo más leído"
    r"|leggi anche|articoli correlati|i più letti)"
    r"\s*:?$",
    re.IGNORECASE,
)
#: Lines that belong to the site, not the story.
CHROME_LINE = re.compile(
    r"^(?:advertisement|advert|ad|sponsored|share|share this(?: article| story)?(?:\s*:.{1,40})?|share on .{1,20}|print"
    r"|email|comments?|copy link|skip to .{1,30}|menu|home|search|sign in|log in|login|register|subscribe.{0,60}"
    r"|zum inhalt|zur navigation|aller au contenu|ir al contenido|vai al contenuto|naar (?:de )?inhoud"
    r"|sign up.{0,80}|follow us.{0,60}|contact(?: us)?|about us|privacy policy|terms.{0,30}|cookie.{0,120}"
    r"|all rights reserved.{0,40}|(?:©|\(c\)|copyright).{0,80}|newsletter.{0,60}|download (?:the|our) app.{0,40}"
    r"|listen to (?:this )?article.{0,20}|watch:?|live|video|photos?|back to top|loading\.*|close|more)"
    r"[.!]?$",
    re.IGNORECASE,
)
_SENTENCE_END = ".!?…:;,\"”’'»)]"


#: Words a minute, for pages that do not state a reading time.
READING_WORDS_PER_MINUTE = 230


def word_count(text: str) -> int:
    return len(text.split())


def clean(text: str | None) -> str:
    """Text with its runs of white space made one space, ends trimmed."""
    return re.sub(r"\s+", " ", text or "").strip()


def furniture_heading(text: str) -> bool:
    """A heading of the page's furniture, not of the story: "Related links", "Share", "More:"."""
    return bool(RAIL_HEADING.match(text) or CHROME_LINE.match(text)) or text.endswith(":")


def reading_minutes(texts) -> int:
    """Minutes to read these texts at READING_WORDS_PER_MINUTE, at least one."""
    return max(1, math.ceil(sum(word_count(t) for t in texts) / READING_WORDS_PER_MINUTE))


def looks_like_heading(line: str, max_words: int = 12) -> bool:
    """A short line with no sentence punctuation at its end, starting with a capital or digit."""
    return (
        0 < word_count(line) <= max_words
        and line[-1] not in _SENTENCE_END
        and (line[0].isupper() or line[0].isdigit())
    )


#: A section name is short: "World", "Middle East", "Science & Tech".
CATEGORY_WORDS = 4
CATEGORY_CHARS = 40
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")


def clean_category(text: str | None) -> str | None:
    """A page's section as a category, or None when what the page gave is no section name: a
    keywords list ("news, politics, trump, ..."), a domain ("gizmodo.com"), a slogan."""
    if not text:
        return None
    text = " ".join(text.split())
    if (not text or len(text) > CATEGORY_CHARS or len(text.split()) > CATEGORY_WORDS or _DOMAIN.match(text)
            or any(c in text for c in ",;|:!?") or not any(c.isalpha() for c in text)):
        return None
    return text

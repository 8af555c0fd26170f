"""The snippet's stemmer stems as SQLite's FTS5 porter tokenizer does, the index being the judge."""

import re
import sqlite3

from newsdesk.store.porter import stem
from newsdesk.store.search import unaccented

CLASSIC = ("caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping "
           "tanned falling hissing fizzed failing filing happy sky relational conditional rational valenci digitizer "
           "conformabli radicalli differentli vileli analogousli vietnamization predication operator feudalism "
           "decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative formalize "
           "electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable "
           "defensible irritant replacement adjustment dependent adoption homologou communism activate angulariti "
           "homologous effective bowdlerize probate rate cease controll roll 1990s at bé ℕ")


def fts5_stems(words: list[str]) -> list[str | None]:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    conn.executemany("INSERT INTO t (rowid, x) VALUES (?, ?)", list(enumerate(words)))
    terms = dict(conn.execute("SELECT doc, term FROM v"))
    return [terms.get(i) for i in range(len(words))]


def test_stems_agree_with_the_index(seed_text):
    words = sorted({unaccented(w).lower() for w in CLASSIC.split() + re.findall(r"[^\W_]+", seed_text)})
    assert [stem(w) for w in words] == fts5_stems(words)

"""Snippets cut from a hit's own text: the words sought marked, accents and case aside, escaped."""

from newsdesk.store.search import make_snippet


def test_the_span_holding_most_of_the_words_is_shown_with_them_marked():
    body = ("Markets opened flat. " * 20 + "Talks in Istanbul with the Ukrainian delegation began at noon. "
            + "Markets closed flat. " * 20)
    snippet = make_snippet([body, "A standfirst"], ["istanbul", "delegation"], size=12)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>Istanbul</mark>" in snippet and "<mark>delegation</mark>" in snippet


def test_accents_case_and_whole_words():
    snippet = make_snippet(["Talks in Türkiye: TURKIYE's turkiyeans"], ["turkiye"])
    assert snippet == "Talks in <mark>Türkiye</mark>: <mark>TURKIYE</mark>&#x27;s turkiyeans"


def test_near_the_end_the_words_before_fill_it_and_text_is_escaped():
    snippet = make_snippet(["one two three four <b>five</b> six & Putin."], ["putin"], size=4)
    assert snippet == "…five&lt;/b&gt; six &amp; <mark>Putin</mark>."


def test_the_standfirst_when_the_body_has_none_of_the_words_and_the_opening_when_neither_has():
    assert make_snippet(["A body.", "A standfirst on Putin"], ["putin"]) == "A standfirst on <mark>Putin</mark>"
    assert make_snippet(["A body without it.", ""], ["putin"]) == "A body without it."


def test_a_long_text_of_a_common_word_is_cut_like_a_short_one():
    snippet = make_snippet(["the word " * 50_000 + "Putin"], ["the"], size=5)
    assert snippet == "<mark>the</mark> word <mark>the</mark> word <mark>the</mark>…"

"""The headline the page's own sources agree on."""

import pytest

from newsdesk.extract.headline import choose_headline, without_site_name


@pytest.mark.parametrize("title, cut", [
    ("Storm hits the coast | Coast News", "Storm hits the coast"),
    ("Storm hits the coast - Coast News", "Storm hits the coast"),
    ("장동혁 제명했지만ㅣ한국일보", "장동혁 제명했지만"),
    ("Coast News", "Coast News"),  # the site's name alone stays
    ("Storm hits Coast-News town", "Storm hits Coast-News town"),  # no separator, no cut
])
def test_the_site_name_is_cut_from_a_title(title, cut):
    assert without_site_name(title, ["Coast News", "한국일보", "News"]) == cut


def test_the_form_most_sources_give_wins_over_the_h1():
    h1 = "Olympische Spiele: Deutscher Aggressor beeindruckt"
    assert choose_headline([h1, "Deutscher Aggressor beeindruckt", "Deutscher Aggressor beeindruckt"], []) \
        == "Deutscher Aggressor beeindruckt"


def test_on_a_tie_the_h1_wins():
    assert choose_headline(["What readers see", "What search engines see"], []) == "What readers see"


def test_spellings_of_one_title_agree_and_the_site_name_does_not_split_them():
    assert choose_headline(["Sweden tells households ‘how to survive’", "What search engines see",
                            "Sweden tells households 'how to survive' | Metro"], ["Metro"]) \
        == "Sweden tells households ‘how to survive’"


def test_a_title_with_a_section_and_site_tail_agrees_with_the_bare_one():
    assert choose_headline(["Bare title", "Another", "Bare title | Politics | Daily"], []) == "Bare title"


def test_no_candidates():
    assert choose_headline([None, "", "  "], []) is None

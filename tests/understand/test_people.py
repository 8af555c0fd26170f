"""People, titles and affiliations on sentences unlike the seed's."""

import pytest

from newsdesk.errors import ModelNotInstalled
from newsdesk.understand.nlp import load_pipeline, model_for, pipeline_names


def person(article, name):
    return next(e for e in article.entities if e.type == "person" and e.name == name)


def test_appositive_title_and_possessive_country(read_page):
    a = read_page(
        "Anna Berg, the Swedish foreign minister, arrived in Oslo on Monday.\n"
        "France's Finance Minister Claire Dubois said the plan was sound.\n"
        "Berg later met Dubois in Paris."
    )
    berg = person(a, "Anna Berg")
    assert [(r.title, r.text) for r in berg.roles] == [("foreign minister", "Swedish foreign minister")]
    assert berg.affiliation == "Sweden"
    dubois = person(a, "Claire Dubois")
    assert dubois.roles[0].title == "Finance Minister"
    assert dubois.affiliation == "France"
    assert dubois.mentions == 2 and "Dubois" in dubois.aliases


@pytest.mark.parametrize(
    "sentence, name, title, qualifier",
    [
        ("Former Prime Minister Jan Kowalski criticised the bill.", "Jan Kowalski", "Prime Minister", "former"),
        ("Acting Chief Executive Maria Lopez resigned on Friday.", "Maria Lopez", "Chief Executive", "acting"),
        ("The plan was drafted by senior adviser Tom Hale.", "Tom Hale", "senior adviser", None),
    ],
)
def test_titles_and_qualifiers(read_page, sentence, name, title, qualifier):
    p = person(read_page(sentence + "\nThe decision is expected next week."), name)
    assert (p.roles[0].title, p.roles[0].qualifier) == (title, qualifier)


def test_quote_with_pronoun_and_quote_paragraph(read_page):
    a = read_page(
        "Finance Minister Claire Dubois said on Tuesday that the budget was fair.\n"
        "“We have made difficult choices, but they are the right ones,” she said.\n"
        "“The deficit will fall by next year,” Dubois told parliament in Paris."
    )
    assert [(q.speaker, q.partial) for q in a.quotes] == [("Claire Dubois", False), ("Claire Dubois", False)]
    assert a.quotes[1].place == "Paris"
    assert a.quotes[0].said_on == "2025-05-13"  # "on Tuesday" in the attribution before it


def test_scare_quotes_are_not_quotes(read_page):
    a = read_page("Critics called the plan a “disaster” and a “farce” on Monday.")
    assert a.quotes == []


def test_each_language_gets_its_pipeline_and_a_user_map_overrides_it():
    mapped = pipeline_names("en=no_such_pipeline_xx")
    assert model_for("en", mapped) == "no_such_pipeline_xx" and model_for("fr", mapped) == "fr_core_news_md"
    with pytest.raises(ModelNotInstalled, match="no_such_pipeline_xx"):
        load_pipeline(model_for("en", mapped))
    nlp = load_pipeline(model_for("en"))
    assert "ner" in nlp.pipe_names and "senter" in nlp.pipe_names and "parser" not in nlp.pipe_names
    assert model_for("de") is None  # no words for German: not understood, whatever pipeline is mapped


def test_a_known_surname_opening_a_sentence_is_the_person_whatever_its_tag(read_page):
    a = read_page("The campaign drew mockery, but Michelle Hege’s response was concern.\n"
                  "Hege is the CEO of DH, the Spokane advertising firm.")
    hege = person(a, "Michelle Hege")
    assert [r.title for r in hege.roles] == ["CEO"] and hege.affiliation == "DH" and "Hege" in hege.aliases


def test_a_person_titled_inside_anothers_title_stays_a_person(read_page):
    a = read_page("Lawmakers grilled Jennifer Williams, a top national security aide to Vice President Pence "
                  "on Trump's July 25 phone call.")
    assert [r.title for r in person(a, "Pence").roles] == ["Vice President"]
    williams = person(a, "Jennifer Williams")
    assert [r.title for r in williams.roles] == ["top national security aide"] and williams.affiliation is None


def test_a_list_shares_its_title_past_bracketed_asides(read_page):
    a = read_page("Sens. Elizabeth Warren (D-Mass.) and Bernie Sanders (I-Vt.) spoke.\n"
                  "Kevin King (USA) and Timothy Weeks (Australia), both professors at the university, were freed.\n"
                  "He was a peer to writers including Neil Gaiman, James Rigney (better known as Robert Jordan), "
                  "and Jack Womack.")
    assert [r.title for r in person(a, "Bernie Sanders").roles] == ["Sen."]
    assert [r.title for r in person(a, "Kevin King").roles] == [r.title for r in person(a, "Timothy Weeks").roles] \
        == ["professor"]
    assert [r.title for r in person(a, "Jack Womack").roles] == ["writer"]
    assert person(a, "Robert Jordan").roles == []


def test_a_family_name_with_a_particle_opening_a_sentence_is_the_persons(read_page):
    a = read_page("“We think of Las Vegas,” said Luis de Miranda, a philosopher.\n"
                  "“In the 1960s, the Soviets deployed neon,” De Miranda said.")
    assert [e.name for e in a.entities if e.type == "person"] == ["Luis de Miranda"]
    assert {q.speaker for q in a.quotes} == {"Luis de Miranda"}


def test_a_third_name_the_model_left_out(read_page):
    a = read_page("A plan to impeach South Korean President Yoon Suk Yeol over his declaration has failed.")
    assert [e.name for e in a.entities if e.type == "person"] == ["Yoon Suk Yeol"]


def test_no_third_name_after_two_longer_ones(read_page):
    a = read_page("Michael Jordan Brand products sold well this year, the company said in a statement on Monday.")
    assert [e.name for e in a.entities if e.type == "person"] == ["Michael Jordan"]


def test_an_organisation_and_its_acronym_are_one_and_affiliate_by_its_name(read_page):
    a = read_page("Han Dong-hoon, the leader of the People Power Party (PPP), said the vote would fail.\n"
                  "The PPP walked out of the chamber on Saturday. PPP leader Han Dong-hoon called it a disgrace.")
    orgs = [e for e in a.entities if e.type == "org"]
    assert [(o.name, o.aliases) for o in orgs] == [("People Power Party (PPP)", ["PPP"])]
    assert person(a, "Han Dong-hoon").affiliation.startswith("People Power Party")


@pytest.mark.parametrize("sentence, name, affiliation", [
    ("Charles Schultze, chairman of the Council of Economic Advisers in the Carter administration, once summed it "
     "up with a metaphor about a termite.", "Charles Schultze", "Council of Economic Advisers"),
    ("Jennifer Jett is the Asia Digital Editor for NBC News, based in Hong Kong, and she wrote the story on Monday.",
     "Jennifer Jett", "NBC News"),
    ("Lawmakers grilled Lt Col Alexander Vindman, a Ukraine specialist on the National Security Council, on Tuesday.",
     "Alexander Vindman", "the National Security Council"),
])
def test_the_organisation_a_job_is_for(read_page, sentence, name, affiliation):
    assert person(read_page(sentence), name).affiliation == affiliation


def test_a_name_the_model_missed_before_a_title_in_apposition(read_page):
    a = read_page("Ana Escrogima, the U.S. ambassador to Oman, told reporters that tech companies have launched.\n"
                  "On a January 31 earnings call, Amit Mehrotra, an analyst for Deutsche Bank, expressed concern.")
    assert [r.title for r in person(a, "Ana Escrogima").roles] == ["ambassador"]
    assert person(a, "Amit Mehrotra").affiliation == "Deutsche Bank"


def test_a_style_before_a_title_is_neither_title_nor_organisation(read_page):
    a = read_page("On September 15, 1987, His Holiness Pope John Paul II visited the stadium and said mass there.\n"
                  "His Excellency Archbishop Roger M. Mahony led the prayers for the crowd that afternoon.")
    pope = person(a, "John Paul II")
    assert [r.title for r in pope.roles] == ["Pope"] and pope.affiliation is None
    assert [r.title for r in person(a, "Roger M. Mahony").roles] == ["Archbishop"]


def test_a_given_name_ending_as_jobs_do_opens_a_sentence_as_a_name(read_page):
    a = read_page("The union met on Monday in Des Moines to talk about the new contract.\n"
                  "Tanner Fischer, the president of the local, said the union was strong.")
    assert [r.title for r in person(a, "Tanner Fischer").roles] == ["president"]


def test_a_priest_set_off_by_commas_before_his_name(read_page):
    a = read_page("The talks went on all night.\n"
                  "The priest, Fidelis Mukonori, is acting as a middle-man between Mr Mugabe and the generals.")
    assert [r.title for r in person(a, "Fidelis Mukonori").roles] == ["priest"]


def test_a_given_name_the_model_once_took_for_an_organisation_leaves_the_person_a_person(read_page):
    a = read_page("LOS ANGELES (AP) — To LeBron James, triple-doubles are not a goal.\n"
                  "Triple-doubles also don’t mean much to LeBron without wins attached to them, so James was pleased "
                  "when his latest statistical superlative occurred during yet another successful night for the "
                  "surging Los Angeles Lakers.\n"
                  "Seven of LeBron’s assists came on baskets by Davis.")
    assert person(a, "LeBron James").mentions >= 2


def test_a_name_the_model_took_for_an_organisation_after_a_title_is_a_person(read_page):
    a = read_page("In another tweet in which Emery links to an article that falsely attributes a quote to "
                  "President-elect Trump, Emery states that some people put words in Trump’s mouth.")
    assert [r.title for r in person(a, "Trump").roles] == ["President-elect"]

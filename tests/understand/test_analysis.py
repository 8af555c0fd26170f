"""`analysis`: quote marks, sentences, and NER spans made mentions with the model's habits mended.

Most tests set the entities themselves (`ents=`): each rule mends one habit of the model, and is
tested on that habit whatever the model tags in the sentence today.
"""

import pytest

from literal import analysed, doc
from newsdesk.lang import english
from newsdesk.understand.analysis import classify, credit_names, quote_spans
from newsdesk.understand.reading import title_case
from newsdesk.understand.names import calendar_words


def mentions(analysis):
    return [(m.type, m.name) for m in analysis.mentions]


def roles(analysis):
    return {m.name: [r.title for r in m.roles] for m in analysis.persons()}


def quoted(text):
    return [text[start:end] for _, _, start, end in quote_spans(text)]


# -- quote marks ----------------------------------------------------------------------------------

def test_each_kind_of_quote_mark_closes_with_its_own():
    text = "He said “one two” and ‘three four’ then « cinq six » and „sieben acht“ done."
    assert quoted(text) == ["one two", "three four", " cinq six ", "sieben acht"]
    assert quote_spans(text)[0] == (8, 17, 9, 16)  # marks included, then the text inside


def test_an_unclosed_quote_runs_to_the_end_of_the_paragraph():
    assert quote_spans("“We will not give up on this.") == [(0, 29, 1, 29)]


def test_apostrophes_are_not_single_quotes():
    assert quoted("Africa’s markets don’t fall, it’s said.") == []
    assert quoted("‘It’s Africa’s biggest market,’ she said.") == ["It’s Africa’s biggest market,"]
    assert quoted("The rock’n‘roll band played.") == []  # an opening mark inside a word opens nothing


# -- sentences ------------------------------------------------------------------------------------

def sentences(text):
    return [s.text for s in analysed([text]).sentences]


def test_abbreviated_titles_do_not_end_sentences():
    first = "Dr. Anna Berg of the U.S. Department of State arrived at 9 a.m. on Monday."
    assert sentences(first + " She left soon after.") == [first, "She left soon after."]
    assert sentences("The bill passed on Monday. Sen. John Thune voted against it.") == [
        "The bill passed on Monday.", "Sen. John Thune voted against it."]


def test_abbreviated_titles_stay_one_token():
    tokens = [t.text for t in doc("Sens. Booker and Harris met Gov. Noem.")]
    assert tokens[:5] == ["Sens.", "Booker", "and", "Harris", "met"] and tokens[5] == "Gov."


@pytest.mark.parametrize("text, second", [
    ("The bill passed on Monday. Sens. John Thune and Mike Rounds voted against it.",
     "Sens. John Thune and Mike Rounds voted against it."),
    ("Dr. Anna Berg arrived on Monday. Prof. Tom Hale left on Tuesday.", "Prof. Tom Hale left on Tuesday."),
])
def test_an_abbreviated_title_opening_a_sentence_stays_in_it(text, second):
    assert sentences(text)[1:] == [second]


@pytest.mark.parametrize("text, language", [
    ("Loué pour sa gestion, l’épidémiologiste Roman Prymula a été rappelé en septembre.", "fr"),
    ("Le 31 août 2017, M’Jid El Guerrab, alors député, frappe un cadre du PS.", "fr"),
])
def test_no_sentence_starts_after_a_word_on_the_same_line(text, language):
    """`senter` starts sentences at capitalised nouns ("Roman") and after an elided "M’"."""
    assert [s.text for s in analysed([text], language=language).sentences] == [text]


def test_a_title_before_a_name_the_model_split_from_it_is_its_role():
    a = analysed(["Loué pour sa gestion, l’épidémiologiste Roman Prymula a été rappelé en septembre."], language="fr")
    assert roles(a) == {"Roman Prymula": ["épidémiologiste"]}


def test_every_block_is_read_in_order_with_its_sentences():
    a = analysed(["Anna Berg spoke. Tom Hale replied.", "Nobody else came."], headline="Berg speaks")
    assert [s.text for s in a.sentences] == [
        "Berg speaks", "Anna Berg spoke.", "Tom Hale replied.", "Nobody else came."]
    assert a.sentence_block == [0, 1, 1, 2] and a.kinds == ["headline", "paragraph", "paragraph"]


# -- one NER span: what it names ------------------------------------------------------------------

def classified(sentence, ents):
    parsed = doc(sentence, ents=ents)
    lang = english()
    found = classify(parsed.ents[-1], lang, calendar_words(lang))
    return None if found is None else (found[0], found[2])


@pytest.mark.parametrize("sentence, ents, want", [
    ("Kyiv withdrew its ambassador on Monday.", {"Kyiv": "PERSON"}, ("place", "Kyiv")),
    ("Türkiye’s role in the talks was praised.", {"Türkiye’s": "ORG"}, ("place", "Türkiye")),
    ("Defense Minister Andrei Belousov spoke.", {"Defense": "ORG"}, None),
    ("Ukrainian soldiers advanced.", {"Ukrainian": "GPE"}, None),
    ("It isn't clear.", {"n't": "GPE"}, None),
    ("It isn't clear.", {"n't": "ORG"}, None),
    ("eBay sold it.", {"eBay": "ORG"}, ("org", "eBay")),
    ("The North Atlantic Treaty Organization (NATO) met.", {"North Atlantic Treaty Organization": "ORG"},
     ("org", "North Atlantic Treaty Organization (NATO)")),
    ("Hage Geingob, the president, spoke.", {"Hage Geingob": "ORG"}, ("person", "Hage Geingob")),
    ("Idaho police officer Brett Payne wrote it.", {"Brett Payne": "ORG"}, ("person", "Brett Payne")),
    ("He is the president of Blue Origin.", {"Blue Origin": "ORG"}, ("org", "Blue Origin")),
    ("Jeff Bezos's Blue Origin launched a rocket.", {"Jeff Bezos's": "PERSON"}, ("person", "Jeff Bezos")),
    ("Sunday Melina Wolf spoke.", {"Sunday Melina Wolf": "PERSON"}, ("person", "Melina Wolf")),
    ("President Trump spoke.", {"President Trump": "PERSON"}, ("person", "Trump")),
    ("The first witness was Hawks head Major-Gen Gopaul Govender.", {"Major-Gen Gopaul Govender": "ORG"},
     ("person", "Gopaul Govender")),
    ("Police detained the manager of Nana Backpacker Hostel.", {"Nana Backpacker Hostel": "ORG"},
     ("org", "Nana Backpacker Hostel")),
])
def test_a_span_is_classified_with_the_models_mistakes_mended(sentence, ents, want):
    assert classified(sentence, ents) == want


@pytest.mark.parametrize("sentence, ents, want", [
    ("Le ministre de la Santé Roman Prymula s'est retrouvé au restaurant.",
     {"ministre de la Santé Roman Prymula": "ORG"}, ("person", "Roman Prymula")),
    ("Le ministre de l'Intérieur a parlé.", {"ministre de l'Intérieur": "ORG"}, None),
])
def test_a_title_and_a_name_tagged_as_one_organisation_is_the_person(sentence, ents, want):
    from newsdesk.lang import language

    lang = language("fr")
    found = classify(doc(sentence, "fr", ents=ents).ents[-1], lang, calendar_words(lang))
    assert (None if found is None else (found[0], found[2])) == want


# -- mentions of a whole article ------------------------------------------------------------------

def test_the_pages_byline_and_photo_credit_are_not_people_of_the_story():
    a = analysed(["Tom Hale reported from Oslo, where Anna Berg spoke."], byline="By Tom Hale and Al-Bawaba",
                 ents=[{"Tom Hale": "PERSON", "Oslo": "GPE", "Anna Berg": "PERSON"}])
    assert mentions(a) == [("place", "Oslo"), ("person", "Anna Berg")]
    a = analysed(["Anna Berg spoke on Monday."], caption="Anna Berg in Oslo. Jane Smith", credit="Jane Smith",
                 ents=[{"Anna Berg": "PERSON", "Jane Smith": "PERSON"}, {"Anna Berg": "PERSON"}])
    assert mentions(a) == [("person", "Anna Berg"), ("person", "Anna Berg")]


def test_credit_names_are_split_on_and_commas_and_by():
    assert credit_names(analysed(["x"], byline="By Jane Doe and Al-Bawaba", source="AFP, Reuters").article) == {
        "jane doe", "al bawaba", "afp", "reuters"}


def test_people_only_in_title_case_headings_are_dropped_unless_named_again():
    a = analysed(["How to Adopt an Online Leader Success Mindset", "Experts agree it takes time."],
                 ents=[{"Online Leader": "PERSON"}, {}])
    assert mentions(a) == []
    a = analysed(["Meet Anna Berg at the Oslo Book Fair", "Anna Berg will sign books."],
                 ents=[{"Anna Berg": "PERSON"}, {"Anna Berg": "PERSON"}])
    assert mentions(a) == [("person", "Anna Berg"), ("person", "Anna Berg")]


def test_title_case():
    lang = english()
    assert title_case(doc("Twin Telescopes Open on Mauna Kea")[:], lang)
    assert not title_case(doc("Twin telescopes open on the mountain of Mauna Kea")[:], lang)


def test_a_product_of_an_organisation_the_article_names_is_no_person():
    a = analysed(["Google Stadia closed last year, Google said."], ents=[{"Google Stadia": "PERSON", "Google": "ORG"}])
    assert mentions(a) == [("org", "Google")]
    a = analysed(["Fans queued for the Nintendo Switch Lite on Friday."], ents=[{"Nintendo Switch": "PERSON"}])
    assert mentions(a) == []


def test_a_speaker_the_model_missed_is_added_when_named_in_full():
    a = analysed(["Marina Lacerda was 14 at the time.", "Lacerda claimed she had been lied to."], ents=[{}, {}])
    assert mentions(a) == [("person", "Marina Lacerda"), ("person", "Lacerda")]


def test_proper_nouns_the_model_missed_after_a_title_or_honorific_are_a_person():
    a = analysed(["(Former Arkansas Governor Asa Hutchinson is still in the running.)",
                  "It is bad, Dr Atilla Kisla, the cluster lead, said."], ents=[{"Arkansas": "GPE"}, {}])
    assert mentions(a) == [("place", "Arkansas"), ("person", "Asa Hutchinson"), ("person", "Atilla Kisla")]


def test_proper_nouns_after_a_word_that_is_no_title_stay_unnamed():
    assert mentions(analysed(["The tour visited Great Chamberlain Street in May."], ents=[{}])) == []


@pytest.mark.parametrize("text", ["Lacerda claimed she had been lied to.", "Reuters said the firm had lied."])
def test_a_one_word_speaker_never_named_in_full_is_not_added(text):
    assert mentions(analysed([text], ents=[{}])) == []


@pytest.mark.parametrize("text, language, name", [
    ("« Il faut penser ensemble », glisse Zineb, étudiante en littérature française.", "fr", "Zineb"),
    ("\"We cannot afford it,\" said Mike, a teacher at the school.", "en", "Mike"),
])
def test_a_one_word_speaker_given_a_title_in_apposition_is_added(text, language, name):
    assert mentions(analysed([text], language=language, ents=[{}])) == [("person", name)]
    assert mentions(analysed([text.replace(",", "") + " Reuters said so."], language=language, ents=[{}])) == []


def test_a_surname_tagged_as_a_place_is_the_person_named_before():
    a = analysed(["Claire Dubois arrived.", "Dubois told parliament the plan was sound."],
                 ents=[{"Claire Dubois": "PERSON"}, {"Dubois": "GPE"}])
    assert mentions(a) == [("person", "Claire Dubois"), ("person", "Dubois")]


def test_one_word_people_with_no_title_full_name_or_speech_are_dropped():
    assert mentions(analysed(["Brexit dominated the debate."], ents=[{"Brexit": "PERSON"}])) == []
    assert mentions(analysed(["President Trump spoke."], ents=[{"Trump": "PERSON"}])) == [("person", "Trump")]
    assert mentions(analysed(["Mbumba says the plan will work."], ents=[{"Mbumba": "PERSON"}])) == [
        ("person", "Mbumba")]


def test_a_person_inside_another_persons_title_is_an_organisation():
    a = analysed(["Will Moy, chief executive of the charity Full Fact, agreed."],
                 ents=[{"Will Moy": "PERSON", "Full Fact": "PERSON"}])
    assert mentions(a) == [("person", "Will Moy"), ("org", "Full Fact")]


def test_a_plural_title_before_two_names_is_each_ones_in_the_singular():
    a = analysed(["Sens. Cory Booker and Kamala Harris voted against the bill."])
    assert roles(a) == {"Cory Booker": ["Sen."], "Kamala Harris": ["Sen."]}


def test_a_plural_title_before_three_names_is_each_ones():
    a = analysed(["Sens. Cory Booker, Kamala Harris and Bernie Sanders voted against the bill."])
    assert roles(a) == {"Cory Booker": ["Sen."], "Kamala Harris": ["Sen."], "Bernie Sanders": ["Sen."]}


def test_a_plural_title_after_a_list_and_both_or_all_is_each_ones():
    a = analysed(["Anna Berg, Tom Hale and Li Wei, all ministers, met in Oslo."])
    assert roles(a) == {"Anna Berg": ["minister"], "Tom Hale": ["minister"], "Li Wei": ["minister"]}


def test_a_singular_title_is_not_shared_along_a_list():
    a = analysed(["Senator Cory Booker and Kamala Harris voted against the bill."])
    assert roles(a) == {"Cory Booker": ["Senator"], "Kamala Harris": []}

"""`quotes`: direct quotes and who said them, on literal paragraphs (English and French)."""

import pytest

from literal import stages
from newsdesk.lang import english
from newsdesk.understand.quotes import looks_like_title, place_said, speech_words


def said(paragraphs, language="en"):
    """(speaker, text, partial) of each quote."""
    return [(q.speaker, q.text, q.partial) for q in stages(paragraphs, language=language).quotes]


@pytest.mark.parametrize("paragraph", [
    "“The talks will continue next week,” said Foreign Minister Hakan Fidan.",
    "“The talks will continue next week,” Hakan Fidan said.",
])
def test_the_attribution_after_the_quote(paragraph):
    assert said([paragraph]) == [("Hakan Fidan", "The talks will continue next week,", False)]


def test_the_attribution_before_the_quote():
    assert said(["Hakan Fidan told reporters: “The talks will continue next week.”"]) == [
        ("Hakan Fidan", "The talks will continue next week.", False)]


def test_a_quote_inside_a_sentence_is_partial():
    assert said(["Marco Rubio said the meeting was “a real step forward for everyone” and left."]) == [
        ("Marco Rubio", "a real step forward for everyone", True)]


def test_single_quotes_with_a_pronoun_for_the_person_named_before():
    assert said(["Anna Berg spoke on Monday. ‘We are not going to give up now,’ she said."]) == [
        ("Anna Berg", "We are not going to give up now,", False)]


def test_apostrophes_inside_single_quotes_do_not_close_them():
    assert said(["‘It's Africa’s biggest market and it didn’t fall,’ Anna Berg said."]) == [
        ("Anna Berg", "It's Africa’s biggest market and it didn’t fall,", False)]


def test_a_quote_without_attribution_continues_the_one_before():
    assert said(["Anna Berg arrived.",
                 "“We will not give up on this project,” she said. “It matters too much to all of us.”"]) == [
        ("Anna Berg", "We will not give up on this project,", False),
        ("Anna Berg", "It matters too much to all of us.", False)]


def test_a_quote_across_a_paragraph_end():
    """The quote is not closed at the end of its paragraph: the next paragraph opens it again."""
    assert said(["Anna Berg said: “We will not give up on this project.", "“It matters too much to all of us.”"]) == [
        ("Anna Berg", "We will not give up on this project.", False),
        ("Anna Berg", "It matters too much to all of us.", False)]


def test_a_quote_across_a_paragraph_end_attributed_at_its_end():
    assert said(["Anna Berg opened the session.", "“We will not give up on this project.",
                 "“It matters too much to all of us,” she said."]) == [
        ("Anna Berg", "We will not give up on this project.", False),
        ("Anna Berg", "It matters too much to all of us,", False)]


def test_a_quote_paragraph_after_a_paragraph_that_has_someone_speak():
    assert said(["Tauqeer Ahmed says the problem is getting worse.", "“Nobody listens to the farmers any more.”"]) == [
        ("Tauqeer Ahmed", "Nobody listens to the farmers any more.", False)]


def test_a_speaker_described_by_a_title_held_by_one_person():
    assert said(["Claire Dubois, the French finance minister, spoke to parliament.",
                 "“The deficit will fall by next year,” the minister said."]) == [
        ("Claire Dubois", "The deficit will fall by next year,", False)]


def test_a_speaker_described_by_age_is_the_person_last_named():
    assert said(["Anna Berg arrived on Monday.", "“We will not give up on this project,” the 56-year-old said."]) == [
        ("Anna Berg", "We will not give up on this project,", False)]


@pytest.mark.parametrize("paragraphs", [
    ["“Nobody knows what happens next in this war,” one diplomat said."],
    ["Claire Dubois spoke. “Nobody knows what happens next in this war,” a spokesman for the ministry said."],
    ["A doctor treated the children.", "“Nobody knows what happens next in this war,” the doctor said."],
    ["“Nobody knows what happens next in this war,” the 56-year-old said.", "Anna Berg arrived later."],
])
def test_a_speaker_the_article_does_not_name_is_none(paragraphs):
    assert said(paragraphs) == [(None, "Nobody knows what happens next in this war,", False)]


def test_where_the_quote_was_said_and_when():
    quote = stages(["“We have made our choice,” Claire Dubois told parliament in Paris on Monday."]).quotes[0]
    assert (quote.speaker, quote.place, quote.said_on) == ("Claire Dubois", "Paris", "2025-05-12")


@pytest.mark.parametrize("paragraph", [
    "Critics called the plan a “disaster” and a “farce” on Monday.",
    "He sang “Takin' It to the Streets” at the show, Anna Berg said.",
    "Anna Berg praised the team’s work on the ‘new deal’ plan.",
])
def test_scare_quotes_and_titles_are_not_quotes(paragraph):
    assert said([paragraph]) == []


def test_looks_like_title_and_place_said():
    assert looks_like_title("Takin' It to the Streets") and not looks_like_title("We will win this war")
    assert not looks_like_title("Why Not Now?")
    words = speech_words(english())
    assert place_said(words, " Dubois told parliament in Paris on Monday.") == "Paris"
    assert place_said(words, " Dubois said. He flew in from Paris.") is None


def test_a_pronoun_speaker_is_not_the_person_spoken_to():
    quotes = said(["Jane Roe, the port's director, told Tom Smith the demand is growing. "
                   "“It is not that bad,” she said."])
    assert [speaker for speaker, _, _ in quotes] == ["Jane Roe"]


def test_she_is_not_the_man_named_last_when_the_article_shows_he_is_a_he():
    quotes = said(["Tom Smith runs the harbour. He took the job in 2019.",
                   "Tom Smith spoke to the council. He asked for money.",
                   "Jane Roe met the staff on Monday. Then Tom Smith spoke. “It is fine,” she said."])
    assert [speaker for speaker, _, _ in quotes] == ["Jane Roe"]


def test_a_speaker_described_without_a_pronoun_may_be_a_person_whose_kind_is_known():
    quotes = said(["Tom Smith plays guitar in the band. He wrote the songs.",
                   "Tom Smith sang on Friday. He thanked the fans.", "“It was loud,” the singer said."])
    assert [speaker for speaker, _, _ in quotes] == ["Tom Smith"]


# -- French: « », incises, "selon" ---------------------------------------------------------------

def test_french_attribution_after_the_quote():
    assert said(["« Nous ne céderons pas sur les retraites », a affirmé Sophie Binet devant les militants."], "fr") == [
        ("Sophie Binet", "Nous ne céderons pas sur les retraites", False)]


def test_french_incise_with_a_pronoun_inside_the_marks():
    assert said(["Sophie Binet, la secrétaire générale de la CGT, était à Paris. « Cette loi est injuste, "
                 "affirme-t-elle. Nous ne céderons pas. »"], "fr") == [
        ("Sophie Binet", "Cette loi est injuste, affirme-t-elle. Nous ne céderons pas.", False)]


def test_french_incise_with_a_pronoun_means_the_speaker_named_after_a_verb_before():
    # the subject after its verb ("comme le raconte Antoine"), not the person named before him
    quotes = said(["Marie-Pierre Dausse enseigne à Paris-8. La précarité est prégnante, comme nous le raconte "
                   "Antoine Durand, chargé de cours en sociologie. « Je suis très inquiet pour mon avenir, glisse-t-il. "
                   "Je n'ai pas reçu mon salaire. »"], "fr")
    assert [speaker for speaker, _, _ in quotes] == ["Antoine Durand"]


def test_a_speaker_described_by_a_job_known_by_its_ending_is_the_one_who_holds_it():
    quotes = said(["Francisca Joly-Gomez, professeure de nutrition et gastro-entérologue au CHU Beaujon, "
                   "conseille de manger des légumes.", "Pour soigner le transit, « les fibres nourrissent les "
                   "bactéries du microbiote », précise la gastro-entérologue."], "fr")
    assert quotes == [("Francisca Joly-Gomez", "les fibres nourrissent les bactéries du microbiote", True)]


def test_french_incise_with_a_name_inside_the_marks():
    assert said(["« Absurde, explique Antony Fastier, cette réforme ne marchera jamais. »"], "fr") == [
        ("Antony Fastier", "Absurde, explique Antony Fastier, cette réforme ne marchera jamais.", False)]


def test_french_selon_gives_a_partial_quote():
    assert said(["Selon Dmitri Peskov, « les pourparlers reprendront dès que possible »."], "fr") == [
        ("Dmitri Peskov", "les pourparlers reprendront dès que possible", True)]


def test_french_speaker_not_named_is_none():
    assert said(["« Nous irons jusqu'au bout de cette bataille », a déclaré le ministre."], "fr") == [
        (None, "Nous irons jusqu'au bout de cette bataille", False)]


@pytest.mark.parametrize("verb", ["rapporte", "conseille", "assène", "rétorque", "détaille"])
def test_french_speech_verbs_beyond_say(verb):
    assert said([f"« Les systèmes de défense ont intercepté 33 drones », {verb} Olivier Panisset."], "fr") == [
        ("Olivier Panisset", "Les systèmes de défense ont intercepté 33 drones", False)]


@pytest.mark.parametrize("paragraph, speaker", [
    ('President Donald Trump, according to the White House, made a trip for a "quick exam and labs" on Saturday.',
     None),  # the source is the White House, not the sentence's subject
    ('The firm has tended to "consolidate copy editing and page design," according to a 2018 survey by Jane Roe.',
     "Jane Roe"),
    ('"We will not back down from this fight at all," according to Senator Jane Roe of Ohio.', "Jane Roe"),
])
def test_according_to_names_the_source_after_it(paragraph, speaker):
    assert [q.speaker for q in stages([paragraph]).quotes] == [speaker]


def test_speech_opening_a_sentence_after_one_that_says_who_speaks_in_the_same_paragraph():
    assert [q.speaker for q in stages(["Kym Lino, a spokesperson for Instagram, confirmed to WIRED that the company "
                                       "notifies people. “We use a model which predicts likely commercial intent.”"]
                                      ).quotes] == ["Kym Lino"]


def test_someone_of_a_named_persons_speaks_unnamed():
    quotes = stages(["Taylor Swift said she was hurt.", "Swift's rep told Fox News that this was not the whole "
                     "truth. \"Big Machine is trying to deflect and make this about money by saying she owes them.\""]
                    ).quotes
    assert [(q.text[:11], q.speaker) for q in quotes] == [("Big Machine", None)]


def test_a_pronoun_after_a_speaker_named_after_the_verb():
    quotes = said(["Daniel Rothman studied the paper. Coding pays better in industry, said Alyssa Goodman, an "
                   "astronomer at Harvard University. “In the 1960s, there was no such thing as a data scientist,” "
                   "she said."])
    assert [q[0] for q in quotes] == ["Alyssa Goodman"]


def test_the_one_told_is_not_the_speaker_a_pronoun_stands_for():
    quotes = said(["Customers began to ask for more, Tim Cook told Marc Benioff on stage.",
                   "“We really took that challenge to heart,” he said."])
    assert [q[0] for q in quotes] == ["Tim Cook"]


def test_a_surname_the_gazetteer_knows_as_a_place_speaks_when_the_model_says_person():
    quotes = said(["When Margaret Hamilton arrived at MIT in 1959, Lorenz had only recently bought the computer.",
                   "“He loved that computer,” Hamilton said."])
    assert [q[0] for q in quotes] == ["Margaret Hamilton"]


def test_an_interviewees_unattributed_sentences_of_speech_are_theirs():
    paragraphs = ["“Leadership is a craft you learn,” says Tony Blair, sitting in his office.",
                  "“It takes years to get good at it,” Blair says.",
                  "“Nobody is born knowing how to run a country,” he adds, smiling.",
                  "Is the new leader doing well?",
                  "“Give the guy a chance, he has only just started in the job.”"]
    assert [q[0] for q in said(paragraphs)] == ["Tony Blair"] * 4


def test_no_interviewee_where_several_people_speak():
    paragraphs = ["“We will win this,” said Anna Berg.", "“We will not,” said Tom Hale.",
                  "“We will see about that,” said Anna Berg.", "“You will not win,” said Tom Hale.",
                  "The crowd cheered for both of them at the rally.",
                  "“Give the guy a chance, he has only just started in the job.”"]
    assert [q[0] for q in said(paragraphs)] == ["Anna Berg", "Tom Hale"] * 2

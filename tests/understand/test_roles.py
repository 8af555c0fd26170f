"""`roles`: the title written around one mention of a name, on literal sentences."""

import pytest

from literal import doc, span, stages
from newsdesk.understand.allegiance import nationality_before, party_after
from newsdesk.understand.described import title_among_peers, title_as
from newsdesk.understand.roles import title_after, title_before
from newsdesk.understand.nlp import lang_of
from newsdesk.understand.titlewords import is_title_word


def person(paragraphs, name):
    return stages(paragraphs).people()[name]


def role(sentence: str, name: str, read=None, lang: str = "en"):
    """(title, text, qualifier, affiliation, org, public) of the title around `name`, or None."""
    parsed = doc(sentence, lang)
    person = span(parsed, name)
    if read is None:
        found = title_before(person) or title_after(person) or title_as(person)
    else:
        found = read(person)
    if found is None:
        return None
    return found.title, found.text, found.qualifier, found.affiliation, found.org, found.public


def test_a_title_before_the_name():
    assert role("Foreign Minister Hakan Fidan arrived in Ankara.", "Hakan Fidan", title_before) == (
        "Foreign Minister", "Foreign Minister", None, None, None, True)


def test_a_country_word_opening_the_title_is_its_affiliation():
    assert role("Russian President Vladimir Putin met officials.", "Vladimir Putin", title_before) == (
        "President", "Russian President", None, "Russian", None, True)
    assert role("US Secretary of State Marco Rubio met NATO allies.", "Marco Rubio", title_before) == (
        "Secretary of State", "US Secretary of State", None, "US", None, True)


def test_an_appositive_title_with_a_possessive_country():
    assert role("Sergey Lavrov, Russia's foreign minister, spoke to reporters.", "Sergey Lavrov", title_after) == (
        "foreign minister", "Russia's foreign minister", None, "Russia", None, True)


def test_a_title_before_a_comma_opened_by_a_determiner():
    assert role("The Kremlin spokesman, Dmitry Peskov, said talks would resume.", "Dmitry Peskov", title_before) == (
        "Kremlin spokesman", "Kremlin spokesman", None, None, "Kremlin", True)


def test_a_lower_case_portfolio_after_a_possessive_owner():
    sentence = "South Africa's minister of electricity, Kgosientsho Ramokgopa, said the plan would work."
    assert role(sentence, "Kgosientsho Ramokgopa", title_before) == (
        "minister of electricity", "South Africa's minister of electricity", None, "South Africa", None, True)


def test_a_lower_case_portfolio_of_two_words():
    assert role("Minister of mines and energy Tom Alweendo spoke.", "Tom Alweendo", title_before)[0] == (
        "Minister of mines and energy")


@pytest.mark.parametrize("sentence", [
    "In a letter to every senator, Anna Berg resigned.",
    "Unlike most senators, Anna Berg voted no.",
])
def test_no_title_across_a_comma_without_a_determiner(sentence):
    """A title before a comma is the name's only in apposition: "the Kremlin spokesman, Dmitry Peskov"."""
    assert role(sentence, "Anna Berg", title_before) is None


@pytest.mark.parametrize("sentence", [
    "After meeting the president, Anna Berg left.",
    "Asked about the minister, Anna Berg said nothing.",
])
def test_no_title_from_a_clause_before_the_comma(sentence):
    assert role(sentence, "Anna Berg", title_before) is None


@pytest.mark.parametrize("sentence", [
    "Putin met the Kremlin spokesman, Dmitry Peskov, on Monday.",
    "The talks were led by the Kremlin spokesman, Dmitry Peskov.",
    "In a statement, the Kremlin spokesman, Dmitry Peskov said the talks would go on.",
])
def test_an_apposition_inside_a_clause_is_closed_after_the_name(sentence):
    assert role(sentence, "Dmitry Peskov", title_before)[0] == "Kremlin spokesman"


@pytest.mark.parametrize("sentence, name, title", [
    ("Minister of Natural Resources, Anna Berg, would not confirm the lease.", "Anna Berg", "Minister of Natural Resources"),
    ("Former area councillor, Tom Hale, said they had raised concerns.", "Tom Hale", "area councillor"),
])
def test_a_title_opening_the_sentence_set_off_by_commas(sentence, name, title):
    assert role(sentence, name, title_before)[0] == title


def test_an_age_between_the_name_and_its_title():
    found = role("One of the protesters, Anna Berg, 42, a lecturer, said it was hard.", "Anna Berg", title_after)
    assert found[0] == "lecturer"


def test_a_french_title_after_a_name_starts_at_its_article():
    found = role("« Rien ne change », a rapporté sur Facebook le porte-parole du président, Berik Uali.", "Berik Uali",
                 title_before, lang="fr")
    assert found[0] == "porte-parole du président"


@pytest.mark.parametrize("sentence, name, title, qualifier", [
    ("Former Prime Minister Boris Johnson criticised the deal.", "Boris Johnson", "Prime Minister", "former"),
    ("Acting Chief Executive Maria Lopez resigned.", "Maria Lopez", "Chief Executive", "acting"),
    ("Newly appointed Defence Secretary John Healey visited the base.", "John Healey", "Defence Secretary",
     "newly appointed"),
    ("The plan was drafted by senior adviser Tom Hale.", "Tom Hale", "senior adviser", None),
])
def test_qualifiers_are_kept_apart_from_the_title(sentence, name, title, qualifier):
    assert role(sentence, name, title_before)[0::2] == (title, qualifier, None)


def test_then_is_a_qualifier_and_the_country_the_affiliation():
    assert role("Then-UK Prime Minister Boris Johnson visited Kyiv.", "Boris Johnson", title_before) == (
        "Prime Minister", "UK Prime Minister", "then", "UK", None, True)


def test_a_qualified_title_in_apposition_before_the_name():
    found = role("The newly appointed ambassador, Li Wei, arrived in London.", "Li Wei", title_before)
    assert found is not None and (found[0], found[2]) == ("ambassador", "newly appointed")


def test_an_organisation_before_the_title_is_the_titles_organisation():
    assert role("Chargers coach Jim Harbaugh praised the defense.", "Jim Harbaugh", title_before) == (
        "Chargers coach", "Chargers coach", None, None, "Chargers", False)


def test_an_organisation_in_the_complement():
    assert role("Amy Chen, CEO of Ceres Robotics, said the robot was ready.", "Amy Chen", title_after) == (
        "CEO", "CEO of Ceres Robotics", None, None, "Ceres Robotics", False)


def test_the_complement_runs_to_the_comma():
    found = role("Will Moy, chief executive of the charity Full Fact, said the claim was false.", "Will Moy",
                 title_after)
    assert found[:2] == ("chief executive", "chief executive of the charity Full Fact")


def test_the_complement_runs_over_a_hyphenated_adjective():
    found = role("Will Moy, chief executive of the fact-checking website Full Fact, said the claim was false.",
                 "Will Moy", title_after)
    assert found[1] == "chief executive of the fact-checking website Full Fact" and found[4] == "Full Fact"


def test_a_title_after_as_with_a_possessive_owner():
    assert role("He replaced Mauricio Pochettino as Tottenham's manager.", "Mauricio Pochettino", title_as)[:2] == (
        "manager", "Tottenham's manager")


def test_words_of_a_two_word_job_alone_are_no_title():
    assert role("He ran back to Anna Berg and kept running.", "Anna Berg", title_before) is None


def test_a_clause_after_the_names_comma_is_no_title():
    assert role("Rose-Lynn worships Patsy Cline, and so the three writers knew they had to craft a country song.",
                "Patsy Cline", title_after) is None


def test_one_of_a_plural_title_in_apposition_holds_it_in_the_singular():
    assert role("Author and one of the organisers, Kelly L Clarke, said the conference was a success.",
                "Kelly L Clarke", title_before)[0] == "organiser"


def test_no_title_after_a_possessive_and_no_noun():
    assert role("Anna Berg's as good as anyone.", "Anna Berg", title_as) is None


@pytest.mark.parametrize("sentence, name, title", [
    ("The findings were checked by sociologist Maria Gomez.", "Maria Gomez", "sociologist"),
    ("The plumber John Smith fixed the sink.", "John Smith", "plumber"),
    ("Her brother John Smith, a teacher, was there.", "John Smith", "teacher"),
    # the end of a hyphenated compound, whatever the tagger made of it
    ("Singer-keyboardist Michael Day and multi-instrumentalist John McFee will tour.", "John McFee",
     "multi-instrumentalist"),
    ("A colleague remembered that a graduate student named Sarah Gille had studied there.", "Sarah Gille",
     "graduate student"),
    ("Republican counsel Steve Castor asked Morrison about it.", "Steve Castor", "counsel"),
    ("Kosmos was co-founded by Barcelona soccer player Gerard Pique.", "Gerard Pique", "soccer player"),
    ("“It helps,” says Chris Early, senior vp partnerships and revenue at Ubisoft.", "Chris Early",
     "senior vp partnerships and revenue"),
])
def test_job_nouns_by_their_ending_are_titles(sentence, name, title):
    assert role(sentence, name)[0] == title


@pytest.mark.parametrize("sentence, name", [
    ("Jane Doe, a user of the app, said it was slow.", "Jane Doe"),
    ("The customer Jane Doe complained.", "Jane Doe"),
    ("Jane Doe, the younger sister of the mayor, spoke.", "Jane Doe"),
    ("Her brother John Smith arrived late.", "John Smith"),
    ("The best player John Smith has seen retired.", "John Smith"),  # a player only after the game's name
    # a plural title before one name is no apposition
    ("The firm is mostly recent graduates and master’s students, Mrwan Mohey said.", "Mrwan Mohey"),
])
def test_nouns_ending_as_jobs_that_are_no_titles(sentence, name):
    assert role(sentence, name) is None


def test_is_title_word():
    parsed = doc("The sociologist and the customer met a senator and his daughter.")
    words = {t.text: is_title_word(t) for t in parsed}
    assert (words["sociologist"], words["senator"], words["customer"], words["daughter"]) == (True, True, False, False)


def test_a_plural_title_word_is_a_title_word():
    parsed = doc("The professors met.")
    assert is_title_word(parsed[1])


def test_nationality_and_party_written_at_the_name():
    parsed = doc("American Kevin King won the race.")
    assert nationality_before(span(parsed, "Kevin King")) == "American"
    parsed = doc("Rep. Ilhan Omar (D-Minn.) voted no.")
    assert party_after(span(parsed, "Ilhan Omar")) == "Democratic Party"
    assert title_before(span(parsed, "Ilhan Omar")).title == "Rep."


@pytest.mark.parametrize("sentence, name, nationality", [
    ("British backpacker and lawyer Simone White died in Laos.", "Simone White", "British"),
    ("The move was criticised by Russian politicians and Donald Trump on Monday.", "Donald Trump", None),  # a plural
    ("Negotiations between the London side and Jose Mourinho intensified.", "Jose Mourinho", None),  # "and" at the name
])
def test_a_nationality_before_the_plain_words_that_describe_the_person(sentence, name, nationality):
    assert nationality_before(span(doc(sentence), name)) == nationality


@pytest.mark.parametrize("sentence, name, title, qualifier, affiliation", [
    ("Le président russe Vladimir Poutine a parlé.", "Vladimir Poutine", "président", None, "russe"),
    ("Le secrétaire d'État américain Antony Blinken a parlé.", "Antony Blinken", "secrétaire d'État", None,
     "américain"),

    ("L'ancien ministre de la Justice Éric Dupond-Moretti a parlé.", "Éric Dupond-Moretti", "ministre de la Justice",
     "former", None),
    ("La nouvelle ministre des Sports, Roxana Maracineanu, a parlé.", "Roxana Maracineanu", "ministre des Sports",
     "new", None),
])
def test_french_titles_with_adjectives_after_the_noun_and_qualifiers_in_english(sentence, name, title, qualifier,
                                                                                 affiliation):
    person = span(doc(sentence, "fr"), name)
    found = title_before(person)
    assert (found.title, found.qualifier, found.affiliation) == (title, qualifier, affiliation)


def test_a_french_appositive_title_with_its_organisation():
    person = span(doc("Sophie Binet, la secrétaire générale de la CGT, a dénoncé la réforme.", "fr"), "Sophie Binet")
    found = title_after(person)
    assert (found.title, found.text, found.org) == ("secrétaire générale", "secrétaire générale de la CGT", "CGT")


@pytest.mark.parametrize("sentence, name, title, qualifier", [
    ("Much depends on whether Anna Berg will continue as manager next season.", "Anna Berg", "manager", None),
    ("Tom Hale has served as minister since May.", "Tom Hale", "minister", None),
    ("Adam Neumann stepped down as CEO in 2019.", "Adam Neumann", "CEO", "former"),
])
def test_a_title_after_a_verb_and_as(sentence, name, title, qualifier):
    found = role(sentence, name, title_as)
    assert (found[0], found[2]) == (title, qualifier)


@pytest.mark.parametrize("sentence, name, titles", [
    ("Marine Corps Commandant Major General Tom Hale said the drills went well.", "Tom Hale",
     ["Marine Corps Commandant", "Major General"]),
    ("Exercise representative Colonel Tom Hale spoke.", "Tom Hale", ["Exercise representative", "Colonel"]),
    ("Attorney General Tom Hale said so.", "Tom Hale", ["Attorney General"]),
    ("Sergeant Major Tom Hale said so.", "Tom Hale", ["Sergeant Major"]),
    ("Lieutenant Colonel Tom Hale testified.", "Tom Hale", ["Lieutenant Colonel"]),
])
def test_a_rank_after_an_office_is_a_role_of_its_own(sentence, name, titles):
    from newsdesk.lang import language
    from newsdesk.understand.ranks import ranks_apart

    assert [r.title for r in ranks_apart(title_before(span(doc(sentence), name)), language("en"))] == titles


def test_a_title_the_model_took_into_the_name_is_still_a_title():
    parsed = doc("The plan is fair, King Charles said in his speech.", ents={"King Charles": "PERSON"})
    assert title_before(span(parsed, "Charles")).title == "King"


@pytest.mark.parametrize("sentence, name, title, org", [
    ("The head of the engineering centre of excellence, Tauqeer Ahmed, says the problem is cost.", "Tauqeer Ahmed",
     "head", None),
    ("It is unlawful, the UN undersecretary general for legal affairs, Elinor Hammarskjöld, told the court.",
     "Elinor Hammarskjöld", "UN undersecretary general for legal affairs", "UN"),  # the portfolio is the office's
])
def test_a_title_with_its_complement_before_a_comma_and_the_name(sentence, name, title, org):
    found = title_before(span(doc(sentence), name))
    assert (found.title, found.org) == (title, org)


def test_a_person_in_the_complement_before_the_comma_stays_out_of_the_title():
    parsed = doc("Le conseiller recherche d’Emmanuel Macron, Thierry Coulhon, est candidat.", "fr")
    found = title_before(span(parsed, "Thierry Coulhon"))
    assert found is not None and found.end <= span(parsed, "Emmanuel Macron").start


def test_a_title_run_goes_over_and_inside_an_organisations_name_and_a_hyphenated_rank():
    sentence = ("On Tuesday, South Africa’s Department of International Relations and Cooperation (Dirco) "
                "director-general, Zane Dangor, told the court it was wrong.")
    parsed = doc(sentence, ents={"South Africa’s": "GPE",
                                 "Department of International Relations and Cooperation": "ORG",
                                 "Zane Dangor": "PERSON"})
    found = title_before(span(parsed, "Zane Dangor"))
    assert found.title.endswith("director-general") and found.affiliation == "South Africa"
    parsed = doc("The first witness was Hawks head Major-Gen Gopaul Govender.")
    assert title_before(span(parsed, "Gopaul Govender")).title == "Hawks head Major-Gen"


@pytest.mark.parametrize("sentence, name, lang", [
    ("Dr. Owen Dempsey said the case was rare.", "Owen Dempsey", "en"),
    ("Le Dr Jean Martin a soigné le patient.", "Jean Martin", "fr"),
])
def test_a_doctors_honorific_is_no_role(sentence, name, lang):
    assert role(sentence, name, title_before, lang) is None


# -- what may stand between a name and its title (`asides`) ---------------------------------------

@pytest.mark.parametrize("sentence, name, title, lang", [
    ("Comme le raconte Antoine*, 32 ans, chargé de cours en sociologie, la fac est en grève.", "Antoine",
     "chargé", "fr"),
    ("Selon Francisca Joly-Gomez (2), professeure de nutrition, il faut manger de tout.", "Francisca Joly-Gomez",
     "professeure", "fr"),
    ("One of the protesters, Anna Berg, 42 years old, a lecturer, said it was hard.", "Anna Berg", "lecturer", "en"),
])
def test_a_footnote_mark_and_an_age_between_a_name_and_its_title(sentence, name, title, lang):
    assert role(sentence, name, title_after, lang)[0] == title


def test_a_word_in_quotation_marks_between_a_title_and_the_name():
    assert role("Le député « constructif » Thierry Solère a rejoint la majorité.", "Thierry Solère",
                title_before, "fr")[0] == "député"


def test_a_name_an_editor_put_in_brackets_after_its_title():
    # the bracket no longer starts a sentence inside the name's (`nlp.mend_sentences`)
    assert role("Zelensky fired the civilian defense minister [Mykhailo Fedorov] after a rift.", "Mykhailo Fedorov",
                title_before)[0] == "civilian defense minister"


def test_a_title_set_off_by_dashes_but_not_a_quote():
    assert role("Le film consacré à Andy Kaufman – comique et génie de la scène – est sorti.", "Andy Kaufman",
                title_after, "fr")[0] == "comique et génie"
    assert role("Son directeur Alexandre Nardella – « premier responsable du parti à être entendu » – est mis en "
                "examen.", "Alexandre Nardella", title_after, "fr") is None


@pytest.mark.parametrize("sentence, name, title", [
    ("Anna Berg, who has served as finance minister since 2019, said the budget was sound.", "Anna Berg",
     "finance minister"),
    ("The witness was Gopaul Govender, who was appointed as the national co-ordinator for the inquiry.",
     "Gopaul Govender", "national co-ordinator"),
])
def test_a_title_after_who_a_verb_and_as(sentence, name, title):
    assert role(sentence, name, title_as)[0] == title


def test_an_article_before_a_title_and_a_name_makes_it_hypothetical():
    assert role("Diplomats fear that a President Connolly might confuse the world.", "Connolly", title_before) is None
    assert role("Diplomats fear that President Connolly might confuse the world.", "Connolly",
                title_before)[0] == "President"


def test_a_nationality_after_another_noun_of_the_title_is_no_affiliation():
    assert role("Zineb Amrani, étudiante en littérature française, a parlé.", "Zineb Amrani", title_after, "fr")[3] is None
    assert role("Zineb Amrani, étudiante française, a parlé.", "Zineb Amrani", title_after, "fr")[3] == "française"


@pytest.mark.parametrize("sentence, name, title", [
    ("In Birmingham, single mother Adriane Burnett takes home about $2,800 a month as a customer service "
     "representative for a manufacturing company.", "Adriane Burnett", "customer service representative"),
    ("Tom Hale spent the past nine years as an opposition lawmaker.", "Tom Hale", "opposition lawmaker"),
])
def test_a_title_after_as_past_measures_of_time_and_money(sentence, name, title):
    assert role(sentence, name, title_as)[0] == title


@pytest.mark.parametrize("sentence, name", [
    ("Tom Hale hired the firm as a consultant.", "Tom Hale"),  # the firm is the consultant
    ("Tom Hale described him as a leader.", "Tom Hale"),
    ("Tom Hale hired Anna Berg as his lawyer.", "Tom Hale"),
])
def test_a_title_after_as_that_is_another_ones_is_not_the_persons(sentence, name):
    assert role(sentence, name, title_as) is None


def test_a_title_after_as_in_a_relative_clause_after_an_appositive():
    parsed = doc("Catherine Connolly, a former mayor of Galway who’s spent the past nine years as an opposition "
                 "socialist lawmaker in Ireland’s parliament, leads the polls.")
    person = span(parsed, "Catherine Connolly")
    first = title_after(person)
    assert (first.title, first.qualifier) == ("mayor", "former")
    assert title_as(person, first.end).title == "opposition socialist lawmaker"
    friend = span(doc("Tom Hale, an aide to Anna Berg who served as minister, spoke."), "Tom Hale")
    assert title_as(friend, title_after(friend).end) is None  # the minister is Anna Berg


def test_a_second_appositive_when_the_first_holds_no_title():
    assert role("Jean-Jacques Bridey, un des premiers « marcheurs », actuel président de la commission de la "
                "défense, est visé par une enquête.", "Jean-Jacques Bridey", title_after, "fr")[0] == "président"
    assert role("Tom Hale, of Ohio, a former senator, spoke.", "Tom Hale", title_after)[::2] == (
        "senator", "former", None)


@pytest.mark.parametrize("sentence, name, lang, title", [
    ("Former chief executive of Apple, John Sculley said the company was doomed.", "John Sculley", "en",
     "chief executive of Apple"),
    ("Première et éphémère ministre des Armées d’Emmanuel Macron, Sylvie Goulard a été mise en examen le 29 "
     "novembre 2019 par la juge.", "Sylvie Goulard", "fr", "ministre"),  # the served person stays out
])
def test_a_title_with_its_complement_opening_the_sentence_needs_no_determiner(sentence, name, lang, title):
    assert role(sentence, name, title_before, lang)[0] == title


def test_a_phrase_opening_the_sentence_is_no_title_without_one():
    assert role("After meeting the president of Kenya, Anna Berg left.", "Anna Berg", title_before) is None


@pytest.mark.parametrize("sentence, name, title", [
    ("In a letter to other assistant deputy ministers, Murray Jones explained the changes.", "Murray Jones",
     "assistant deputy minister"),
    ("Like his fellow senators, Tom Hale voted against the bill.", "Tom Hale", "senator"),
])
def test_a_name_after_its_peers_plural_title_holds_it(sentence, name, title):
    assert role(sentence, name, title_among_peers)[0] == title


@pytest.mark.parametrize("sentence", [
    "Other ministers, Tom Hale said, disagreed.",  # the phrase opens with no preposition
    "After meeting other ministers, Tom Hale left.",  # a verb in the phrase
    "In a letter to other staff, Tom Hale explained the changes.",  # no title
])
def test_peers_give_no_title_without_a_plural_title_in_a_verbless_phrase(sentence):
    assert role(sentence, "Tom Hale", title_among_peers) is None


@pytest.mark.parametrize("sentence, name, read, title", [
    # a participle before a title word modifies it; it does not end the title
    ("“We never saw this,” said Aseem Prakash, founding director of the Center for Environmental Politics at the "
     "University of Washington.", "Aseem Prakash", title_after, "founding director"),
    # words after the title that are none of it
    ("Harper — a young British filmmaker hot off directing an advert — was hired.", "Harper", title_after,
     "young British filmmaker"),
    # a formal title in capitals opening the sentence
    ("Senate Leader, Ahmad Lawan raises a motion on the deaths.", "Ahmad Lawan", title_before, "Senate Leader"),
    # an article before an office in lower case, or with its organisation, is no hypothesis
    ("The camp was described by a senior adviser Tom Hale on Monday.", "Tom Hale", title_before, "senior adviser"),
    ("Cleveland quarterback Mason Rudolph was shoved to the ground.", "Mason Rudolph", title_before, "quarterback"),
    ("“My husband [actor Ted Danson] and I were frightened,” she said.", "Ted Danson", title_before, "actor"),
    # after the person's possessive and a noun
    ("After Rachel Reeves' first major speech as chancellor, the OBR spoke up.", "Rachel Reeves", title_as,
     "chancellor"),
    ("Tony Blair's decade as prime minister changed the party.", "Tony Blair", title_as, "prime minister"),
    # a job written in two words, neither a job alone
    ("Rudolph had thrown the ball to running back Trey Edmunds.", "Trey Edmunds", title_before, "running back"),
    ("The Bills signed tight end Dawson Knox on Monday.", "Dawson Knox", title_before, "tight end"),
    # a plural after "co-" the tagger read as a verb
    ("Her co-writers Caitlyn Smith and Kate York came to the project.", "Caitlyn Smith", title_before, "co-writer"),
])
def test_titles_read_on_pages_never_developed_on(sentence, name, read, title):
    assert role(sentence, name, read)[0] == title


def test_a_second_appositive_after_a_possessive_is_another_persons():
    assert role("In Kentucky, Andy Beshear — whose father, also as governor, passed the law — won.", "Andy Beshear",
                title_after) is None


def test_a_title_in_a_complement_is_no_organisation():
    parsed = doc("Patrick Strzoda, directeur de cabinet du président de la République, a été entendu.", "fr",
                 ents={"Patrick Strzoda": "PER", "président de la République": "ORG"})
    assert title_after(span(parsed, "Patrick Strzoda")).org is None


@pytest.mark.parametrize("sentence, name, title, org", [
    ("Michelle Hege is the CEO of DH, the Spokane advertising firm.", "Michelle Hege", "CEO", "DH"),
    ("The letter went to Kevin McAleenan, who was the acting director of the Department of Homeland Security.",
     "Kevin McAleenan", "director", "Department of Homeland Security"),
    ("Michael Howitt, who is now an immunologist at Stanford University, agreed.", "Michael Howitt", "immunologist",
     "Stanford University"),
    ("Tova Noel and Michael Thomas were the officers on duty.", "Michael Thomas", "officer", None),
    ("Tova Noel and Michael Thomas were the officers on duty.", "Tova Noel", "officer", None),
])
def test_a_title_the_persons_own_clause_says_they_are(sentence, name, title, org):
    from newsdesk.understand.described import title_by_copula

    found = role(sentence, name, title_by_copula)
    assert found is not None and (found[0], found[4]) == (title, org)


def test_two_subjects_share_only_a_plural_title():
    from newsdesk.understand.described import title_by_copula

    assert role("Tova Noel and Michael Thomas were at home.", "Tova Noel", title_by_copula) is None
    assert role("Tova Noel and Michael Thomas is the name of the firm.", "Tova Noel", title_by_copula) is None


@pytest.mark.parametrize("sentence", [
    "Jane Doe is not the CEO of Acme.",
    "Jane Doe is right: the company needed a win.",
    "Jane Doe's lawyer is the CEO of Acme.",
])
def test_no_title_from_a_negated_clause_or_anothers(sentence):
    from newsdesk.understand.described import title_by_copula

    assert role(sentence, "Jane Doe", title_by_copula) is None


@pytest.mark.parametrize("sentence, name, title", [
    ("He was a peer to writers including Neil Gaiman, Jo Walton and Ellen Kushner.", "Neil Gaiman", "writer"),
    ("We hope to see politicians such as Bill Clinton grilled.", "Bill Clinton", "politician"),
])
def test_a_plural_title_before_including_or_such_as(sentence, name, title):
    from newsdesk.understand.described import title_before_examples

    assert role(sentence, name, title_before_examples)[0] == title


@pytest.mark.parametrize("sentence, name, title", [
    ("Brian Babin (R-TX), ranking member of the space subcommittee, spoke.", "Brian Babin", "ranking member"),
    ("Wikileaks editor-in-chief Kristinn Hrafnsson said it was over.", "Kristinn Hrafnsson", "editor-in-chief"),
    ("When the immunologist Ann Berg at the University of Pennsylvania looked, she was surprised.", "Ann Berg",
     "immunologist"),
    ("Monica de Bolle, a senior fellow at the Peterson Institute, said so.", "Monica de Bolle", "senior fellow"),
])
def test_titles_past_a_party_tag_inside_compounds_and_whatever_the_tagger_said(sentence, name, title):
    assert title in role(sentence, name)[0]


def test_a_fellow_is_a_title_only_at_the_head_of_its_phrase():
    parsed = doc("Like his fellow senators, Tom Hale voted.", "en")
    assert not is_title_word(next(t for t in parsed if t.text == "fellow"))


def test_a_title_that_owns_the_next_is_not_the_title():
    found = role("Ronny Jackson, who was then serving as the President's physician, suggested a diet.", "Ronny Jackson",
                 title_as)
    assert found is not None and found[0].endswith("physician")


def test_an_honorific_before_the_name_is_the_names_not_the_titles():
    assert role("The letter was signed by his longtime physician Dr. Harold Bornstein.", "Harold Bornstein",
                title_before)[0] == "longtime physician"


def test_a_bracketed_aside_before_a_title_is_none_of_it():
    assert role("(CNN) President Donald Trump made an unscheduled trip.", "Donald Trump", title_before)[:2] == (
        "President", "President")


@pytest.mark.parametrize("sentence, name, title", [
    ("A spokesman for Prime Minister Boris Johnson said the talks would go on.", "Boris Johnson", "Prime Minister"),
    ("An aide to former president Donald Trump said no.", "Donald Trump", "president"),
    ("The country's nominee for governor Jim Hood lost.", "Jim Hood", "nominee for governor"),
    ("Secretary of State Marco Rubio met NATO allies.", "Marco Rubio", "Secretary of State"),
])
def test_the_job_of_someone_serving_the_named_is_not_their_title(sentence, name, title):
    assert role(sentence, name, title_before)[0] == title


def test_a_possessive_owner_before_a_qualified_title():
    assert role("The stake was held by Tribune’s former chairman, Michael Ferro, until May.", "Michael Ferro",
                title_before)[1:5] == ("Tribune’s former chairman", "former", None, "Tribune")


def test_one_of_a_plural_title_is_one_of_them():
    found = role("The book sold well, said Beth Meacham, one of his editors at Tor.", "Beth Meacham", title_after)
    assert (found[0], found[4]) == ("editor", "Tor")
    assert role("He met John Smith, one of the richest men in Texas.", "John Smith", title_after) is None


def test_a_complement_word_inside_an_organisations_name_is_not_the_titles_complement():
    found = role("It did not appeal to Julie Graham, Washington State Department of Health public information "
                 "officer, she said.", "Julie Graham", title_after)
    assert found[0].endswith("public information officer") and found[4] == "Washington State Department of Health"


def test_ranks_without_their_full_stops():
    assert role("Lawmakers grilled Lt Col Alexander Vindman on Tuesday.", "Alexander Vindman", title_before)[0] == \
        "Lt Col"


def test_a_noun_the_tagger_read_as_a_verb_inside_a_title():
    assert role("JPL scientist and study co-author Michael Malaska said so.", "Michael Malaska", title_before)[0] \
        .endswith("study co-author")


@pytest.mark.parametrize("word", ["address", "business", "progress"])
def test_nouns_ending_as_jobs_do_that_are_no_jobs(word):
    parsed = doc(f"She gave me the {word} Martha Fry had left.", "en")
    assert not is_title_word(next(t for t in parsed if t.text == word))


@pytest.mark.parametrize("sentence, name, title", [
    ("As a postdoc at Harvard University in 2011, Michael Howitt became fascinated with tuft cells.", "Michael Howitt",
     "postdoc"),
    ("As President, Barack Obama signed it.", "Barack Obama", "President"),
])
def test_a_title_in_the_as_phrase_opening_the_sentence(sentence, name, title):
    from newsdesk.understand.described import title_as_opening

    assert role(sentence, name, title_as_opening)[0] == title


@pytest.mark.parametrize("sentence", ["As the storm passed, Ann Berg left.", "As a result, Ann Berg left."])
def test_no_title_from_an_opening_as_clause_or_phrase_without_one(sentence):
    from newsdesk.understand.described import title_as_opening

    assert role(sentence, "Ann Berg", title_as_opening) is None


def test_a_title_after_as_past_the_verbs_place():
    assert role("Ann Berg had been signed to the BBC as a presenter in May.", "Ann Berg", title_as)[0] == "presenter"


def test_a_copula_title_with_an_owner():
    from newsdesk.understand.described import title_by_copula

    found = role("Michael Reed, who will be the merged company’s chairman, told investors.", "Michael Reed",
                 title_by_copula)
    assert found[:2] == ("chairman", "merged company’s chairman")


@pytest.mark.parametrize("sentence, name, title", [
    ("Instructions came from the office of a meteorologist named Edward Norton Lorenz.", "Edward Norton Lorenz",
     "meteorologist"),
    ("The roadshow featured the Prime Minister’s national security adviser, Andrew Shearer, and others.",
     "Andrew Shearer", "national security adviser"),
    ("A quote was attributed to President-elect Donald Trump.", "Donald Trump", "President-elect"),
    ("The cast spoke to Vice-president elect Mike Pence.", "Mike Pence", "Vice-president elect"),
])
def test_titles_given_by_named_an_owner_or_elect(sentence, name, title):
    assert role(sentence, name, title_before)[0] == title


def test_a_second_title_after_and_an_article():
    from newsdesk.understand.ranks import joined_title

    parsed = doc("“It is a worry,” said Eugene Steuerle, a fellow at the Urban Institute and a co-founder of the "
                 "Tax Policy Center.", "en")
    first = title_after(span(parsed, "Eugene Steuerle"))
    assert first.title == "fellow" and [r.title for r in joined_title(first, parsed, lang_of(parsed))] == [
        "co-founder"]
    # and after an adverb of time: "and now an industry consultant"
    parsed = doc("“It adds risk,” said Doug Cooke, a former NASA associate administrator for exploration and now an "
                 "industry consultant, during a hearing.", "en")
    first = title_after(span(parsed, "Doug Cooke"))
    assert [r.title for r in joined_title(first, parsed, lang_of(parsed))] == ["industry consultant"]


def test_a_second_title_after_a_comma_and_and_past_the_place_that_closes_the_first():
    assert [r.title for r in person(["“It works,” Dylan Nelson, a postdoctoral fellow at the Max Planck Institute in "
                                     "Munich, Germany, and co-author of the study, said."], "Dylan Nelson").roles] == [
        "postdoctoral fellow", "co-author"]
    # but not another person's title and name
    roles = person(["That drew rebukes from Prime Minister Micheál Martin, the leader of Fianna Fáil, and Foreign "
                    "Minister Simon Harris."], "Micheál Martin").roles
    assert "Foreign Minister" not in " ".join(r.title for r in roles)


def test_two_titles_joined_by_and_are_two_roles():
    assert [r.title for r in person(["“It is a step down,” said Lisa Boesky, a clinical psychologist and jail suicide "
                                     "expert."], "Lisa Boesky").roles] == ["clinical psychologist", "jail suicide expert"]


def test_an_owner_after_including_is_no_example():
    from newsdesk.understand.described import title_before_examples

    assert role("Many other officials, including Yoon’s chief of staff, resigned.", "Yoon", title_before_examples) \
        is None


@pytest.mark.parametrize("word", ["receptors", "character", "murder", "schooner", "witness", "tenderness"])
def test_things_ending_as_jobs_do_are_no_titles(word):
    parsed = doc(f"The {word} Martha Fry had seen was there.", "en")
    assert not is_title_word(next(t for t in parsed if t.text == word))


def test_a_job_opening_the_sentence_in_capitals():
    assert role("Novelist Jo Watson, from Johannesburg, admitted it was not her vibe.", "Jo Watson",
                title_before)[0] == "Novelist"


def test_who_replaced_someone_as_holds_the_title_too():
    assert role("Jeremy Hunt, who replaced Kwasi Kwarteng as chancellor shortly afterwards, said so.", "Jeremy Hunt",
                title_as)[0] == "chancellor"


def test_a_hyphenated_qualifier_is_no_part_of_the_title():
    assert role("After ex-premier Leabua Jonathan lost the elections, he ruled by decree.", "Leabua Jonathan",
                title_before)[:3] == ("premier", "premier", "ex")


@pytest.mark.parametrize("sentence, name, title", [
    ("Jim Cantrell, who worked at SpaceX in its earliest days and is now CEO of Phantom Space, told us.",
     "Jim Cantrell", "CEO"),
    ("Todd Hartsell has been a member of the union for 40 years and was president of Local 90.", "Todd Hartsell",
     "president"),
])
def test_a_title_said_by_a_second_verb_of_the_persons_clause(sentence, name, title):
    from newsdesk.understand.described import title_by_joined_copula

    assert role(sentence, name, title_by_joined_copula)[0] == title


@pytest.mark.parametrize("sentence", [
    "Ann Berg said the firm grew and is now the largest in Oslo.",
    "Ann Berg met Tom Hale, who left and is now CEO of Acme.",
])
def test_no_second_verb_title_past_speech_or_another_person(sentence):
    from newsdesk.understand.described import title_by_joined_copula

    assert role(sentence, "Ann Berg", title_by_joined_copula) is None


def test_a_critic_is_a_job_only_after_its_field():
    assert role("The legendary film critic Pauline Kael wrote it down.", "Pauline Kael", title_before)[0].endswith(
        "film critic")
    assert role("A critic of the plan, Tom Hale said no.", "Tom Hale", title_before) is None


@pytest.mark.parametrize("sentence, name, title", [
    ("The team signed UCLA star Kenny Washington on March 21, 1946.", "Kenny Washington", "UCLA star"),
    ("Braun is unhappy with the way his business partner Scott Borchetta has handled it.", "Scott Borchetta",
     "business partner"),
])
def test_a_star_and_a_business_partner_are_roles(sentence, name, title):
    assert role(sentence, name)[0] == title


def test_his_partner_alone_is_no_role():
    assert role("She arrived with her partner Scott Borchetta on Monday.", "Scott Borchetta") is None


@pytest.mark.parametrize("sentence, name, title, qualifier", [
    ("It turned out that Sarah Gille, now a physical oceanographer at the university, was their daughter.",
     "Sarah Gille", "physical oceanographer", None),
    ("It was Rosa who signed up Tanner Fischer, then a teenage loader making $10.50 an hour, to the union.",
     "Tanner Fischer", "teenage loader", "then"),
])
def test_an_adverb_before_an_appositives_article(sentence, name, title, qualifier):
    found = role(sentence, name, title_after)
    assert (found[0], found[2]) == (title, qualifier)


def test_the_first_item_of_a_list_after_a_name_is_no_title():
    assert role("Because of the noise, Edward Lorenz, his secretary, his programmer and his students shared "
                "an office.", "Edward Lorenz", title_after) is None
    assert role("Rose Woods, his secretary, said so, and left.", "Rose Woods", title_after)[0] == "secretary"


@pytest.mark.parametrize("sentence, name, title", [
    ("“In honored memory of John F. Kennedy (1917-1963). 35th President of the United States. He spoke here.”",
     "John F. Kennedy", "35th President"),
    ("“Howard Harding Jones (1885-1941). Head football coach of USC from 1925 to 1940.”", "Howard Harding Jones",
     "Head football coach"),
    ("Anna Berg spoke. The minister left.", "Anna Berg", None),  # a sentence with a verb says more than a title
])
def test_a_sentence_of_nothing_but_a_title_after_the_name_it_follows(sentence, name, title):
    from newsdesk.understand.described import title_in_next_sentence

    found = role(sentence, name, title_in_next_sentence)
    assert (found[0] if found else None) == title


def test_a_list_of_titles_before_the_name_is_each_a_role():
    assert [r.title for r in person(["“It was good,” chairman, CEO and president Craig Menear said."],
                                    "Craig Menear").roles] == ["chairman", "CEO", "president"]


def test_a_capitalised_title_after_as_runs_to_its_end():
    assert role("My6sense is adding Ivan Braiker as the company’s first Chief Strategy Officer.", "Ivan Braiker",
                title_as)[0] == "first Chief Strategy Officer"


def test_a_modifier_alone_as_the_subject_of_a_verb_is_no_title():
    assert role("Sur un une-deux entre Yoane Wissa et Pierre-Yves Hamel, le premier termine l'action.",
                "Pierre-Yves Hamel", lang="fr") is None

"""`entities`: mentions grouped into people, organisations and places, with roles and affiliations."""

import pytest

from literal import stages
from newsdesk.lang import english
from newsdesk.understand.entities import source_organisations
from newsdesk.understand.ranks import split_titles


def entities(paragraphs, **fields):
    """(name, type, aliases, mentions) of each entity, in the order resolve_entities gives them."""
    return [(e.name, e.type, e.aliases, e.mentions) for e in stages(paragraphs, **fields).entities]


def person(paragraphs, name, **fields):
    return stages(paragraphs, **fields).people()[name]


# -- one person under all their names -------------------------------------------------------------

def test_a_surname_and_a_title_with_it_are_the_person_named_in_full():
    putin = person(["Vladimir Putin spoke in Moscow.", "Putin said the talks would resume.", "President Putin left."],
                   "Vladimir Putin")
    assert (putin.aliases, putin.mentions, [r.title for r in putin.roles]) == (["Putin", "President Putin"], 3,
                                                                               ["President"])


def test_a_given_name_alone_joins_the_full_name_it_starts():
    assert entities(["Anna Berg opened the fair.", "Later, Anna thanked the staff."]) == [
        ("Anna Berg", "person", ["Anna"], 2)]


def test_a_surname_joins_the_nearest_full_name_before_it():
    assert entities(["Boris Johnson spoke on Monday.", "Jimmie Johnson won the race on Sunday.",
                     "Johnson celebrated with his team."]) == [
        ("Boris Johnson", "person", [], 1), ("Jimmie Johnson", "person", ["Johnson"], 2)]


def test_a_surname_in_another_spelling_joins_the_full_name():
    zelenskiy = person(["Trump asked Ukraine President Volodymyr Zelenskiy for investigations.",
                        "Holmes said President Zelensky would do anything he was asked."], "Volodymyr Zelenskiy")
    assert ("Zelensky" in zelenskiy.aliases, zelenskiy.mentions) == (True, 2)


def test_a_name_taken_for_an_organisation_with_a_title_in_apposition_is_a_person():
    read = stages(["Eswar Prasad, a trade professor at Cornell, said the deal was thin.", "Eswar Prasad has doubts."],
                  ents=[{"Eswar Prasad": "ORG", "Cornell": "ORG"}, {"Eswar Prasad": "ORG"}])
    prasad = read.people()["Eswar Prasad"]
    assert ([r.title for r in prasad.roles], prasad.mentions) == (["trade professor"], 2)
    # a place ending an opening phrase, before the sentence's subject, stays a place
    read = stages(["At the assembly plant in New Orleans, workers installed the engines."], ents=[{"New Orleans": "GPE"}])
    assert (read.names("person"), read.names("place")) == ([], ["New Orleans"])


def test_a_titled_person_is_no_product_of_the_same_name_taken_for_an_organisation():
    read = stages(["The label was bought by a company owned by talent manager Scooter Braun earlier this year.",
                   "Fans criticised Scooter Braun's company."],
                  ents=[{"Scooter Braun": "PERSON"}, {"Scooter Braun": "ORG"}])
    assert [r.title for r in read.people()["Scooter Braun"].roles] == ["talent manager"]
    # and a full name called a person as often as anything else is one person everywhere
    read = stages(["The label was bought by a company owned by talent manager Scooter Braun.",
                   "Braun has worked with Kanye West.", "Fans criticised Scooter Braun's company."],
                  ents=[{"Scooter Braun": "PERSON"}, {"Kanye West": "PERSON"}, {"Scooter Braun's": "ORG"}])
    assert [(e.name, e.type, e.mentions) for e in read.entities if e.name == "Scooter Braun"] == [
        ("Scooter Braun", "person", 3)]
    # but a name before the noun it qualifies is no one's: "the deputy White House press secretary"
    read = stages(["“We are fine,” said Hogan Gidley, the principal deputy White House press secretary.",
                   "The White House said so."], ents=[{"Hogan Gidley": "PERSON", "White House": "PERSON"},
                                                    {"White House": "ORG"}])
    assert list(read.people()) == ["Hogan Gidley"]


def test_a_person_that_opens_an_organisations_name_with_the_rest_after_it_is_the_organisation():
    read = stages(["James Causey told Rest of World the demand is growing.", "Rest of World asked the agency."],
                  ents=[{"James Causey": "PERSON", "Rest": "PERSON"}, {"Rest of World": "ORG"}])
    assert (read.names("person"), [(e.name, e.mentions) for e in read.entities if e.type == "org"]) == (
        ["James Causey"], [("Rest of World", 2)])


def test_a_name_that_ends_one_longer_name_is_that_person():
    assert entities(["Joel Eriksson Ek scored twice on Tuesday.", "“He came off my back,” Eriksson Ek said."],
                    ents=[{"Joel Eriksson Ek": "PERSON"}, {"Eriksson Ek": "PERSON"}]) == [
        ("Joel Eriksson Ek", "person", ["Eriksson Ek"], 2)]
    # but not when it ends two: "Der Beek" of James's and of Kimberly's
    assert [name for name, _, _, _ in entities(
        ["James Van Der Beek and Kimberly Van Der Beek spoke on Monday.", "Later, Der Beek thanked the fans."],
        ents=[{"James Van Der Beek": "PERSON", "Kimberly Van Der Beek": "PERSON"}, {"Der Beek": "PERSON"}])] == [
        "James Van Der Beek", "Kimberly Van Der Beek", "Der Beek"]


def test_a_one_word_name_the_model_calls_a_person_more_often_than_not_is_one_everywhere():
    read = stages(["Trump spoke in Ohio on Monday.", "Trump said the vote was close.",
                   "Trump sent a similar message to Virginia. “Go out and vote today,” he said."],
                  ents=[{"Trump": "PERSON", "Ohio": "GPE"}, {"Trump": "PERSON"}, {"Trump": "ORG", "Virginia": "GPE"}])
    assert ([(e.name, e.mentions) for e in read.entities if e.type != "place"], [q.speaker for q in read.quotes]) == (
        [("Trump", 3)], ["Trump"])


def test_a_law_is_no_person_though_bill_is_a_given_name():
    read = stages(["The Government backed the Data Retention Bill on Monday.", "Opposition Leader Bill Shorten opposed it.",
                   "The Bill would require providers to store metadata."],
                  ents=[{"Data Retention Bill": "ORG"}, {"Bill Shorten": "PERSON"}, {"Bill": "PERSON"}])
    assert [(e.name, e.type, e.mentions) for e in read.entities] == [
        ("Bill Shorten", "person", 1), ("Data Retention Bill", "org", 1)]


def test_an_institution_the_model_took_for_a_place_is_whom_a_title_serves():
    francisca = person(["Francisca Joly-Gomez, gastro-entérologue au CHU Beaujon, conseille de manger des légumes."],
                       "Francisca Joly-Gomez", language="fr",
                       ents=[{"Francisca Joly-Gomez": "PER", "CHU Beaujon": "LOC"}])
    assert francisca.affiliation == "CHU Beaujon"


def test_full_names_that_agree_are_one_person():
    assert entities(["Patrick W. Carlineo Jr. was charged.", "Patrick W. Carlineo appeared in court.",
                     "Carlineo denied it."]) == [
        ("Patrick W. Carlineo Jr.", "person", ["Patrick W. Carlineo", "Carlineo"], 3)]


def test_a_son_named_after_his_father_is_another_person():
    assert entities(["Donald Trump spoke.", "Donald Trump Jr. also spoke."]) == [
        ("Donald Trump", "person", [], 1), ("Donald Trump Jr.", "person", [], 1)]


def test_a_surname_with_a_capitalised_particle_joins_the_full_name():
    assert entities(["Botic van de Zandschulp beat the champion on Tuesday.",
                     "Van de Zandschulp said he was delighted."]) == [
        ("Botic van de Zandschulp", "person", ["Van de Zandschulp"], 2)]


# -- what is not a person's name ------------------------------------------------------------------

def test_a_score_after_a_players_name_is_not_part_of_it():
    assert entities(["Botic van de Zandschulp 6-2 6-3 beat the champion on Tuesday."],
                    ents=[{"Botic van de Zandschulp 6-2": "PERSON"}]) == [("Botic van de Zandschulp", "person", [], 1)]


def test_a_title_inside_a_person_span_is_cut_to_the_full_name_after_it():
    assert entities(["Browns DL Sheldon Richardson weighed in on Monday."],
                    ents=[{"Browns DL Sheldon Richardson": "PERSON"}]) == [
        ("Sheldon Richardson", "person", ["Browns DL Sheldon Richardson"], 1)]  # the title's form an alias
    assert [e[0] for e in entities(["Julie Bishop spoke."], ents=[{"Julie Bishop": "PERSON"}])] == ["Julie Bishop"]


def test_groups_and_studios_are_no_people():
    assert entities(["Virginia Democrats won and Balmond Studio built it."],
                    ents=[{"Virginia Democrats": "PERSON", "Balmond Studio": "PERSON"}]) == []


def test_venues_are_not_people():
    assert entities(["Fans packed Jiffy Lube Live for the concert in Sioux Falls."],
                    ents=[{"Jiffy Lube Live": "PERSON", "Sioux Falls": "PERSON"}]) == []
    assert entities(["Nottingham Forest met at Victoria Embankment Gardens."],
                    ents=[{"Nottingham Forest": "PERSON", "Victoria Embankment Gardens": "PERSON"}]) == []
    assert [e[0] for e in entities(["Forest Whitaker spoke."], ents=[{"Forest Whitaker": "PERSON"}])] == [
        "Forest Whitaker"]  # a given name is no venue word


def test_a_team_sheet_glued_into_one_span_keeps_its_last_name_and_an_institution_is_no_person():
    sheet = "AouarB. Guimarães Rodriguez MouraT. Mendes"  # a line break lost before each initial
    assert [e.name for e in stages([f"Remplaçants : {sheet}."], language="fr", ents=[{sheet: "PER"}]).entities] == [
        "T. Mendes"]
    assert stages(["Le président de la République a parlé."], language="fr",
                  ents=[{"de la République": "PER"}]).entities == []


def test_an_apostrophe_opening_a_name_is_the_names():
    people = stages(["“This is our daily life,” said ’Manteboheng Molatjeng, a mother of three.",
                     "It was ‘fine,’ Tom Hale added."]).people()
    assert set(people) == {"’Manteboheng Molatjeng", "Tom Hale"}  # not a closing quote before a name


def test_a_contraction_is_not_a_place():
    assert entities(["It isn't clear, Anna Berg said."], ents=[{"n't": "GPE", "Anna Berg": "PERSON"}]) == [
        ("Anna Berg", "person", [], 1)]


# -- who made the page ----------------------------------------------------------------------------

def test_a_photo_credit_is_kept_marked_not_as_an_organisation_the_story_names():
    found = stages(["Kristi Noem visited the border on Monday."],
                   caption="Getty ImagesKristi Noem speaks at the border.", credit="Getty Images").entities
    assert [(e.name, e.type, e.mentions, e.credited) for e in found] == [
        ("Kristi Noem", "person", 2, False), ("Getty Images", "org", 0, True)]


def test_source_organisations():
    lang = english()
    assert source_organisations("TRT World and Agencies", "AA", lang) == ["TRT World", "AA"]
    assert source_organisations("Reuters & AFP", "Jane", lang) == ["Reuters", "AFP"]  # one word, not in capitals
    assert source_organisations(None, None, lang) == []


# -- organisations and places ---------------------------------------------------------------------

def test_a_country_under_two_names_is_one_place():
    assert entities(["Türkiye hosted the talks.", "Turkey said the talks went well."]) == [
        ("Türkiye", "place", ["Turkey"], 2)]


# -- roles and affiliations -----------------------------------------------------------------------

def test_two_offices_in_one_title_are_two_roles():
    lang = english()
    assert split_titles("founder and former CEO", None, lang) == [("founder", None), ("CEO", "former")]
    assert split_titles("Research and Advocacy Director", None, lang) == [("Research and Advocacy Director", None)]
    chen = person(["Amy Chen, founder and former CEO of Ceres Robotics, spoke."], "Amy Chen")
    assert [(r.title, r.qualifier) for r in chen.roles] == [("founder", None), ("CEO", "former")]
    assert chen.affiliation == "Ceres Robotics"


@pytest.mark.parametrize("paragraphs, name, affiliation", [
    # written at the name
    (["Sergey Lavrov, Russia's foreign minister, met Hakan Fidan in Ankara."], "Sergey Lavrov", "Russia"),
    (["Russian President Vladimir Putin met officials."], "Vladimir Putin", "Russia"),
    (["American Kevin King won the race."], "Kevin King", "United States"),
    (["Rep. Ilhan Omar (D-Minn.) voted no."], "Ilhan Omar", "Democratic Party"),
    # a public office: a country in the sentence, the seat of government, a country named before
    (["Foreign Minister Hakan Fidan spoke in Turkey on Monday."], "Hakan Fidan", "Turkey"),
    (["White House Press Secretary Karoline Leavitt spoke on Monday."], "Karoline Leavitt", "United States"),
    (["Turkey hosted the talks on Monday.", "Foreign Minister Hakan Fidan welcomed the delegations."], "Hakan Fidan",
     "Turkey"),
    # everyone else: the organisation in the title
    (["Chargers coach Jim Harbaugh praised the defense."], "Jim Harbaugh", "Chargers"),
    (["Amy Chen, CEO of Ceres Robotics, said the robot was ready."], "Amy Chen", "Ceres Robotics"),
    # an organisation the model took for a person, or its article outside the title
    (["Like Instagram head Adam Mosseri, Twitter CEO Jack Dorsey has spoken out about it."], "Jack Dorsey", "Twitter"),
    (["In 2005, the University of Liverpool biochemist Soraya Shirazi-Beechey showed it."], "Soraya Shirazi-Beechey",
     "University of Liverpool"),
    (["Prosecutors dropped an investigation into Wikileaks co-founder Julian Assange in 2010."], "Julian Assange",
     "Wikileaks"),
    # written after the name
    (["When the immunologist De’Broski Herbert at the University of Pennsylvania looked inside, he saw cells."],
     "De’Broski Herbert", "University of Pennsylvania"),
    (["Jane Roe of Goldman Sachs said rates will fall."], "Jane Roe", "Goldman Sachs"),
    (["John Smith of London said he was pleased."], "John Smith", None),
    # a complement's organisation whose name runs past the comma; an office said by its verb
    (["Jim Chilton, senior vice president for space and launch at Boeing Defense, Space, and Security, said it."],
     "Jim Chilton", "Boeing Defense"),
    (["The tariffs hurt, said Scott Paul, who heads the Alliance for American Manufacturing, a trade group."],
     "Scott Paul", "Alliance for American Manufacturing"),
    # the organisation a title refers back to
    (["Tyvak Nano-Satellite Systems makes small satellites.",
      "Marco Villa, the company’s chief operating officer, said it would grow."], "Marco Villa",
     "Tyvak Nano-Satellite Systems"),
    (["PG&E cut power to millions.", "“We won’t roll the dice on public safety,” company CEO Andy Vesey said."],
     "Andy Vesey", "PG&E"),
])
def test_affiliations(paragraphs, name, affiliation):
    assert person(paragraphs, name).affiliation == affiliation


def test_an_office_said_by_its_verb_needs_an_organisation_for_object():
    paul = person(["The tariffs hurt, said Scott Paul, who heads the Alliance for American Manufacturing."], "Scott Paul")
    assert [(r.title, r.text) for r in paul.roles] == [("head", "heads the Alliance for American Manufacturing")]
    assert person(["Jeff Bezos founded Amazon in 1994."], "Jeff Bezos").roles[0].title == "founder"
    assert person(["Kevin Hart heads to Florida on Friday."], "Kevin Hart").roles == []


@pytest.mark.parametrize("paragraphs", [["President Donald Trump agreed. Trump adviser John Bolton said no."],
                                        ["President Donald Trump agreed.", "Trump adviser John Bolton said no."]])
def test_a_surname_before_a_title_is_a_person_not_an_employer(paragraphs):
    bolton = person(paragraphs, "John Bolton")
    assert bolton.affiliation is None and bolton.roles[0].title.endswith("adviser")


@pytest.mark.parametrize("paragraphs, name, affiliation", [
    (["President Nangolo Mbumba knew something was wrong as the plane flew back from the United States (US)."],
     "Nangolo Mbumba", None),
    (["Namibia went to the polls in November.", "Observers from the United States watched the count.",
      "President Netumbo Nandi-Ndaitwah was sworn in on Friday."], "Netumbo Nandi-Ndaitwah", "Namibia"),
    (["Hage Geingob travelled to the US for treatment.", "Vice President Nangolo Mbumba said he was hopeful."],
     "Nangolo Mbumba", None),
    (["President Nangolo Mbumba thanked Namibia's doctors."], "Nangolo Mbumba", "Namibia"),
])
def test_a_country_someone_travels_to_or_from_is_not_whom_an_official_acts_for(paragraphs, name, affiliation):
    assert person(paragraphs, name).affiliation == affiliation


@pytest.mark.parametrize("paragraphs, name, affiliation", [
    # a country someone deals with
    (["The decree was signed in 2011 by Sultan Qaboos bin Said, who took power with British support."],
     "Qaboos bin Said", None),
    (["Vice President Anna Berg said the talks with Ukraine would go on."], "Anna Berg", None),
    # a country in someone else's title, even an unnamed one's, or in what the official said
    (["In a Truth Social post after a meeting with Nato Secretary General Mark Rutte, the US President said: "
      "\"NATO WASN'T THERE WHEN WE NEEDED THEM.\""], "Mark Rutte", "Nato"),
    (["The Nato chief at the time, Jens Stoltenberg, said Ukraine could join in the long term."],
     "Jens Stoltenberg", "Nato"),
    # a capital the model took for a person is where the envoy goes, not whom he serves
    (["Later in the day, Kurt Volker, former special envoy to Kyiv, testified before the House Committee."],
     "Kurt Volker", None),
    # "New" opening a place's name is no qualifier
    (["New Jersey Sen. Cory Booker and Hawaii Rep. Tulsi Gabbard are under enormous pressure."], "Cory Booker",
     "New Jersey"),
])
def test_whom_an_official_acts_for_and_whom_they_deal_with(paragraphs, name, affiliation):
    assert person(paragraphs, name).affiliation == affiliation


def test_a_country_in_what_an_official_argues_is_not_whom_they_act_for():
    adviser = person(["Anna Berg, the president's special adviser on legal affairs, argued that Israel's conduct "
                      "breaks the law."], "Anna Berg")
    assert adviser.affiliation is None
    assert person(["Anna Berg, Norway's special adviser on legal affairs, argued that Israel's conduct breaks the "
                   "law."], "Anna Berg").affiliation == "Norway"


def test_a_person_a_title_serves_is_no_organisation_to_act_for():
    # a person the article names for themselves, not only inside the title (`demote_names_in_titles`)
    emelien = person(["Emmanuel Macron a remercié son équipe lundi.",
                      "Ismaël Emelien, conseiller spécial d’Emmanuel Macron, a quitté ses fonctions."], "Ismaël Emelien",
                     language="fr")
    assert ([r.title for r in emelien.roles], emelien.affiliation) == (["conseiller spécial"], None)
    cruz = person(["L'activiste Victoria Cruz, membre de l’organisation Anti-Violence Project, réclame une enquête."],
                  "Victoria Cruz", language="fr")
    assert cruz.affiliation == "Anti-Violence Project"


@pytest.mark.parametrize("paragraphs, name, language, titles", [
    (["Selon Francisca Joly-Gomez, professeure de nutrition et gastro-entérologue au CHU Beaujon, il faut manger "
      "de tout."], "Francisca Joly-Gomez", "fr", ["professeure", "gastro-entérologue"]),
    (["Anna Berg, head of the bank's board and director of its foundation, resigned."], "Anna Berg", "en",
     ["head", "director"]),
    (["Tom Alweendo, the minister of mines and energy, spoke."], "Tom Alweendo", "en", ["minister"]),
])
def test_a_second_title_after_the_firsts_complement_and_and_is_a_role_too(paragraphs, name, language, titles):
    assert [r.title for r in person(paragraphs, name, language=language).roles] == titles


def test_a_country_is_no_affiliation_of_someone_with_no_public_office():
    economist = person(["The economist Anna Berg spoke in Turkey on Monday."], "Anna Berg")
    assert ([r.title for r in economist.roles], economist.affiliation) == (["economist"], None)
    assert person(["Anna Berg spoke in Turkey on Monday."], "Anna Berg").affiliation is None


def test_the_article_names_a_country_its_own_way():
    lavrov = person(["The talks in Türkiye ended.", "Sergey Lavrov, Turkey's foreign minister, left."],
                    "Sergey Lavrov")
    assert lavrov.affiliation == "Türkiye"


def test_a_title_after_a_demonstrative_is_the_person_it_points_back_to():
    christie = person(["Chris Christie quit his bid on Wednesday with all the bombast that has characterized the "
                       "career of this former federal prosecutor and governor of New Jersey."], "Chris Christie")
    assert [(r.title, r.qualifier) for r in christie.roles] == [("federal prosecutor", "former"),
                                                                ("governor of New Jersey", "former")]
    assert christie.affiliation is None  # "Jersey" of "New Jersey" is no country
    # two people to point back to, or a quote: nobody's
    people = stages(["Tom Hale met Anna Berg, who praised this former senator."]).people()
    assert people["Tom Hale"].roles == [] and people["Anna Berg"].roles == []
    quoted = stages(["Tom Hale spoke. “This senator has failed us,” he said."]).people()
    assert quoted["Tom Hale"].roles == []


def test_roles_said_more_fully_elsewhere_are_kept_once():
    from newsdesk.model import Role
    from newsdesk.understand.entities import fullest

    roles = [Role(title="professeure", text="professeure"), Role(title="Pr", text="Pr"),
             Role(title="professeure de nutrition", text="professeure de nutrition"),
             Role(title="President", text="President", qualifier="former"),
             Role(title="President of Kenya", text="President of Kenya")]
    assert [r.title for r in fullest(roles)] == ["Pr", "professeure de nutrition", "President", "President of Kenya"]


def test_someone_by_what_they_do_for_themselves_holds_no_office():
    white = person(["British backpacker and lawyer Simone White died in Laos."], "Simone White")
    assert ([r.title for r in white.roles], white.affiliation) == (["lawyer"], "United Kingdom")


def test_a_full_name_tagged_a_place_once_is_the_person_named_so_elsewhere():
    joly = person(["« Son bon équilibre favorise un état de bonne santé », résume quant à elle Francisca Joly-Gomez (2), "
                   "professeure de nutrition et gastro-entérologue au CHU Beaujon à Clichy.",
                   "Plus nuancée, la professeure de nutrition Francisca Joly-Gomez ajoute qu'il aggrave les symptômes.",
                   "Concernant le lait, Francisca Joly-Gomez est quant à elle plus nuancée."],
                  "Francisca Joly-Gomez", language="fr",
                  ents=[{"Francisca Joly-Gomez": "LOC", "CHU Beaujon": "LOC"}, {"Francisca Joly-Gomez": "PER"},
                        {"Francisca Joly-Gomez": "PER"}])  # as the small model tags them
    assert sorted(r.title for r in joly.roles) == ["gastro-entérologue", "professeure de nutrition"]


def test_an_office_with_co_splits_from_the_one_before():
    benioff = person(["Salesforce founder and co-CEO Marc Benioff said the deal was done."], "Marc Benioff")
    assert [r.title for r in benioff.roles] == ["Salesforce founder", "co-CEO"]


def test_a_country_someone_leaves_is_not_whom_they_act_for():
    trump = person(["The U.S. will keep its base after American troops leave Syria under President Donald Trump’s "
                    "announcement last month."], "Donald Trump")
    assert trump.affiliation == "United States"


def test_a_person_who_owns_a_title_is_not_the_holders_affiliation():
    greer = person(["Donald Trump named his team on Monday.",
                    "Ebrard will meet Jamieson Greer, Trump’s nominee for United States trade representative, soon."],
                   "Jamieson Greer", ents=[{"Donald Trump": "PERSON"},
                                           {"Ebrard": "PERSON", "Jamieson Greer": "PERSON", "Trump": "ORG",
                                            "United States": "GPE"}])  # as the small model tags them
    assert greer.affiliation != "Trump"


def test_a_country_before_a_job_about_it_is_its_subject():
    scissors = person(["“The president wants a bigger deal,” said Derek Scissors, a China scholar with the American "
                       "Enterprise Institute in Washington."], "Derek Scissors")
    assert scissors.affiliation != "China"
    assert person(["France striker Kylian Mbappé scored twice."], "Kylian Mbappé").affiliation == "France"


def test_a_nationality_beside_a_border_says_where_not_for_whom():
    kobzar = person(["Des frappes ont fait deux morts à Soumy, dans le nord-est de l’Ukraine. Cette ville proche de "
                     "la frontière russe a été touchée par «plusieurs explosions massives», a indiqué le maire Artem "
                     "Kobzar sur Telegram."], "Artem Kobzar", language="fr")
    assert kobzar.affiliation == "Ukraine"


def test_a_second_title_joined_with_words_of_its_own():
    peng = person(["Peng Mei, project manager for communications and PR director of Tmall, responded."], "Peng Mei")
    assert [r.title for r in peng.roles] == ["project manager", "PR director"]


def test_a_country_glued_to_an_adjective_is_no_ones_country():
    macron = person(["They would pressure otherwise China-sympathetic Western interests such as President Emmanuel "
                     "Macron and the NBA."], "Emmanuel Macron")
    assert macron.affiliation is None


def test_a_plural_title_before_names_is_each_ones_in_the_singular_and_no_form_of_their_names():
    found = stages(["Singer-guitarists Tom Johnston and Patrick Simmons, singer-keyboardist McDonald, and "
                    "multi-instrumentalist John McFee will tour."]).people()
    johnston = found["Tom Johnston"]
    assert [r.title for r in johnston.roles] == ["Singer-guitarist"] and johnston.aliases == []
    # "singer-keyboardist McDonald" is the next person in the list, not Simmons' title
    assert [r.title for r in found["Patrick Simmons"].roles] == ["Singer-guitarist"]


def test_a_country_word_that_ends_a_longer_place_name_is_no_nationality():
    assert person(["New Jersey native Connor Clifton added a goal as the Bruins won."], "Connor Clifton").affiliation \
        != "Jersey"
    assert person(["South African runner Jane Roe came second."], "Jane Roe").affiliation == "South Africa"


def test_an_organisation_that_only_qualifies_a_kind_of_people_is_no_employer():
    assert person(["Will Tjernlund, a consultant for Amazon sellers, said so."], "Will Tjernlund").affiliation is None


def test_an_organisation_run_across_a_comma_into_the_next_item_of_a_list_ends_at_the_comma():
    read = stages(["Swift took aim at Big Machine, Braun and The Carlyle Group.", "The maker is Dräger, Inc. of Lübeck.",
                   "The Ministry of Trade, Industry and Energy agreed."],
                  ents=[{"Big Machine, Braun": "ORG", "Carlyle Group": "ORG"}, {"Dräger, Inc.": "ORG"},
                        {"Ministry of Trade, Industry and Energy": "ORG"}])
    assert read.names("org") == ["Big Machine", "Carlyle Group", "Dräger", "Ministry of Trade, Industry and Energy"]


def test_a_family_name_of_particles_is_a_name_and_joins_the_full_name_taken_for_an_organisation():
    read = stages(["Alano De La Rosa holds the top office in Local 90.", "In 2015, it was De La Rosa who signed him up."],
                  ents=[{"Alano De La Rosa": "ORG"}, {"De La Rosa": "PERSON"}])
    assert [(e.name, e.type, e.mentions) for e in read.entities if e.type != "place"] == [
        ("Alano De La Rosa", "person", 2)]


def test_a_person_run_across_a_bracket_is_the_two_people_it_names():
    read = stages(["It follows Elio (Timothée Chalamet) and his father’s 24-year-old graduate student Oliver (Armie Hammer)."],
                  ents=[{"Elio": "PERSON", "Timothée Chalamet": "PERSON", "Oliver (Armie Hammer": "PERSON"}])
    assert read.names("person")[-2:] == ["Oliver", "Armie Hammer"]
    assert [r.title for r in read.people()["Oliver"].roles] == ["graduate student"]


def test_an_office_in_its_short_and_long_forms_is_one_role():
    noem = person(["Gov. Kristi Noem spoke in Pierre on Monday.", "Later, Governor Kristi Noem signed the bill."],
                  "Kristi Noem")
    assert [r.title for r in noem.roles] == ["Gov."]


def test_a_public_official_with_no_country_named_acts_for_the_country_of_the_publishers_domain():
    """... when the article names that country (here by its capital) as often as any other."""
    paragraphs = ["La ministre des Sports, Roxana Maracineanu, a répondu mardi.", "Elle a défendu son budget à Paris."]
    assert person(paragraphs, "Roxana Maracineanu", language="fr", url="https://www.lemonde.fr/sport/x").affiliation \
        == "France"
    assert person(paragraphs, "Roxana Maracineanu", language="fr", url="https://www.example.com/x").affiliation is None
    # not when the article is more about another country: a German edition of an American story
    assert person(["La ministre des Sports, Roxana Maracineanu, a répondu mardi.", "Washington et Washington, pas Paris."],
                  "Roxana Maracineanu", language="fr", url="https://www.lemonde.fr/x").affiliation != "France"
    # a country written at the name wins over the domain's
    assert person(["Le ministre tchèque de la Santé, Roman Prymula, a démissionné."], "Roman Prymula", language="fr",
                  url="https://www.lemonde.fr/x").affiliation != "France"


@pytest.mark.parametrize("url, country", [
    ("https://francais.radio.cz/le-ministre", "Czech Republic"), ("https://www.bbc.co.uk/news/x", "United Kingdom"),
    ("https://edition.cnn.com/x", None), ("https://news.example.io/x", None), (None, None),
    ("http://[abc/x", None),  # a malformed address a page claims: no country, no crash
])
def test_the_country_of_a_sites_country_code_domain(url, country):
    from newsdesk.lang.countries import country_of_host

    found = country_of_host(url)
    assert (found.name if found else None) == country


def test_a_name_joined_by_and_to_a_person_is_one_though_the_model_called_it_a_product():
    read = stages(["Then Marcel Granollers and Feliciano Lopez completed the comeback.",
                   "The firm hired Anna Berg, Boston Dynamics and Palo Alto Networks."],
                  ents=[{"Marcel Granollers": "PRODUCT", "Feliciano Lopez": "PERSON"},
                        {"Anna Berg": "PERSON", "Boston Dynamics": "ORG", "Palo Alto Networks": "GPE"}])
    assert read.names("person") == ["Marcel Granollers", "Feliciano Lopez", "Anna Berg"]

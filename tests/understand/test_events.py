"""`events`: meetings, negotiations, appointments and statements with who, where and when."""

import pytest

from literal import stages


def events(paragraphs, kind=None):
    found = stages(paragraphs).events
    return [e for e in found if kind is None or e.type == kind]


def who(event):
    return [(p.name, p.part, p.side) for p in event.participants]


def test_a_meeting_with_its_chair_place_date_and_participants():
    [meeting] = events(["President Vladimir Putin chaired a meeting in Moscow on Tuesday with Foreign Minister "
                        "Sergey Lavrov and Defence Minister Andrei Belousov."])
    assert (meeting.type, meeting.label, meeting.date, meeting.place) == (
        "meeting", "meeting chaired by Vladimir Putin in Moscow", "2025-05-13", "Moscow")
    assert who(meeting) == [("Vladimir Putin", "chair", None), ("Sergey Lavrov", "participant", None),
                            ("Andrei Belousov", "participant", None)]


def test_a_sentence_referring_back_to_the_meeting_adds_to_it():
    [meeting] = events(["President Vladimir Putin gathered top officials in Moscow on Tuesday.",
                        "The gathering included Foreign Minister Sergey Lavrov and Defence Minister Andrei Belousov."])
    assert meeting.label == "meeting chaired by Vladimir Putin in Moscow" and meeting.date == "2025-05-13"
    assert [p.name for p in meeting.participants] == ["Vladimir Putin", "Sergey Lavrov", "Andrei Belousov"]
    assert len(meeting.evidence) == 2


def test_a_group_that_met_unnamed():
    [meeting] = events(["Officials gathered in Geneva on Monday."])
    assert (meeting.label, meeting.place, meeting.date, meeting.unnamed_participants, meeting.participants) == (
        "meeting of Officials in Geneva", "Geneva", "2025-05-12", ["Officials"], [])


def test_two_people_who_met():
    [meeting] = events(["Anna Berg met Claire Dubois in Paris last Thursday."])
    assert (meeting.place, meeting.date) == ("Paris", "2025-05-08")
    assert {p.name for p in meeting.participants} == {"Anna Berg", "Claire Dubois"}


def test_negotiations_with_parties_place_date_and_a_delegation():
    [talks] = events(["Russia and Ukraine held talks in Istanbul on Friday.",
                      "The Russian delegation was led by presidential aide Vladimir Medinsky.",
                      "Its members include Deputy Foreign Minister Mikhail Galuzin."])
    assert (talks.type, talks.label, talks.date, talks.place, talks.parties) == (
        "negotiation", "Russia–Ukraine talks in Istanbul", "2025-05-09", "Istanbul", ["Russia", "Ukraine"])
    assert who(talks) == [("Vladimir Medinsky", "delegation head", "Russia"),
                          ("Mikhail Galuzin", "delegation member", "Russia")]


def test_talks_dated_long_before_the_article_are_other_talks():
    talks = events(["Russia and Ukraine held talks in Istanbul on Friday.",
                    "The two countries last held talks in Istanbul in March 2022."])
    assert [(t.label, t.date) for t in talks] == [("Russia–Ukraine talks in Istanbul", "2025-05-09"),
                                                  ("talks in Istanbul", "2022-03")]


@pytest.mark.parametrize("sentence, part", [
    ("Russia and Ukraine held talks on Friday, hosted by Turkey.", "host"),
    ("Russia and Ukraine held talks on Friday under Turkish mediation.", "mediator"),
])
def test_host_and_mediator(sentence, part):
    [talks] = events([sentence])
    assert (talks.label, who(talks)) == ("Russia–Ukraine talks", [("Turkey", part, None)])


def test_a_place_before_talks_is_where_a_country_is_what_about():
    [talks] = events(["The Istanbul talks ended without a deal."])
    assert (talks.label, talks.place) == ("talks in Istanbul", "Istanbul")
    [talks] = events(["The Ukraine talks ended without a deal."])
    assert (talks.label, talks.place, talks.country) == ("talks", None, None)


@pytest.mark.parametrize("sentence, name, role", [
    ("Maria Lopez was appointed finance minister on Monday.", "Maria Lopez", "finance minister"),
    ("Newly appointed Defence Secretary John Healey visited the base.", "John Healey", "Defence Secretary"),
])
def test_appointments(sentence, name, role):
    [appointment] = events([sentence], "appointment")
    assert (appointment.label, appointment.role, who(appointment)) == (
        f"{name} appointed {role}", role, [(name, "appointee", None)])


def test_a_former_minister_is_no_appointment():
    assert events(["Former Prime Minister Boris Johnson criticised the deal."], "appointment") == []


def test_an_appointment_has_its_date():
    [appointment] = events(["Maria Lopez was appointed finance minister on Monday."], "appointment")
    assert appointment.date == "2025-05-12"


def test_a_quote_is_a_statement_by_its_speaker():
    [statement] = events(["“We have made our choice,” Claire Dubois told parliament in Paris on Monday."], "statement")
    assert (statement.label, statement.date, statement.place, who(statement)) == (
        "Claire Dubois: “We have made our choice,”", "2025-05-12", "Paris", [("Claire Dubois", "speaker", None)])


def test_a_quote_without_a_speaker_is_no_statement():
    assert events(["“Nobody knows what happens next in this war,” one diplomat said."], "statement") == []

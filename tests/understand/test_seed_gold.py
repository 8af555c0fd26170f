"""Everything the gold says of the seed's people, quotes, times and events."""

from newsdesk.lang.countries import country_of


def same_country(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and country_of(a).code == country_of(b).code


def by_name(article):
    return {e.name: e for e in article.entities if e.type == "person"}


def test_fourteen_people_and_no_one_else(seed_article, gold):
    people = by_name(seed_article)
    assert set(people) == {p["name"] for p in gold["people"]}


def test_roles_qualifiers_and_affiliations(seed_article, gold):
    people = by_name(seed_article)
    for want in gold["people"]:
        person = people[want["name"]]
        titles = {r.title for r in person.roles} | {r.text for r in person.roles}
        assert want["role"] in titles, (want["name"], person.roles)
        assert same_country(person.affiliation, want["affiliation"]), (want["name"], person.affiliation)
        if "qualifier" in want:
            qualifiers = {r.qualifier for r in person.roles}
            assert any(q and want["qualifier"].startswith(q) for q in qualifiers), (want["name"], qualifiers)


def test_all_mentions_of_putin_are_one_entity(seed_article, gold):
    putin = by_name(seed_article)["Vladimir Putin"]
    assert set(gold["people"][0]["aliases"]) <= set(putin.aliases)
    assert putin.mentions >= 5


def test_no_person_from_the_related_headlines(seed_article, gold):
    names = " ".join(e.name for e in seed_article.entities)
    for name in gold["people_only_in_related_headlines"]:
        assert name not in names


def test_organisations_and_places(seed_article, gold):
    orgs = {e.name for e in seed_article.entities if e.type == "org"}
    places = {e.name for e in seed_article.entities if e.type == "place"}
    assert set(gold["organizations"]) <= orgs
    assert set(gold["places"]) <= places
    assert "Defense" not in orgs and "Kyiv" not in by_name(seed_article)


def test_quotes_with_their_speakers(seed_article, gold):
    got = {q.text: q for q in seed_article.quotes}
    assert len(seed_article.quotes) == 2
    for want in gold["quotes"]:
        quote = got[want["text"]]
        assert quote.speaker == want["speaker"]
        assert quote.partial == want.get("partial", False)
        if "where" in want:
            assert quote.place == want["where"]
        if "said_on" in want:
            assert quote.said_on == want["said_on"]


def strip_preposition(text: str) -> str:
    return text.removeprefix("on ").removeprefix("in ")


def test_time_expressions_resolved(seed_article, gold):
    got = {(strip_preposition(t.text), t.normalized) for t in seed_article.time_expressions}
    for want in gold["time_expressions"]:
        normalized = want["normalized"].split(" ")[0]  # "P2Y (approximate duration)" -> "P2Y"
        assert (strip_preposition(want["text"]), normalized) in got
    approx = next(t for t in seed_article.time_expressions if t.text == "nearly two years")
    assert approx.approximate and approx.kind == "duration"


def events_of(article, kind):
    return [e for e in article.events if e.type == kind]


def test_the_meeting_on_the_eve_of_the_talks(seed_article, gold):
    want = gold["events"][0]
    meeting = next(e for e in events_of(seed_article, "meeting") if e.people("chair"))
    assert meeting.date == want["date"]
    assert meeting.people("chair") == [want["chair"]]
    assert set(meeting.people()) == set(want["participants"])
    assert meeting.unnamed_participants == [want["participants_unnamed"].removeprefix("the ")]


def test_the_istanbul_talks_with_the_russian_delegation(seed_article, gold):
    want = gold["events"][1]
    talks = next(e for e in events_of(seed_article, "negotiation") if e.place == want["place"])
    assert talks.date == want["date"]
    assert same_country(talks.country, want["country"])
    assert same_country(talks.people("mediator")[0], want["mediator"])
    assert set(talks.parties) == set(want["parties"])
    russia = want["delegations"]["Russia"]
    assert talks.people("delegation head") == [russia["head"]]
    assert talks.people("delegation member") == russia["members"]
    assert all(p.side == "Russia" for p in talks.participants if p.part.startswith("delegation"))


def test_the_earlier_talks_hosted_by_turkiye(seed_article, gold):
    want = gold["events"][2]
    earlier = next(e for e in events_of(seed_article, "negotiation") if e.date == want["date"])
    assert same_country(earlier.people("host")[0], want["host"])
    assert set(earlier.parties) == set(want["parties"])


def test_the_nato_meeting_in_antalya(seed_article, gold):
    want = gold["events"][3]
    nato = next(e for e in events_of(seed_article, "meeting") if e.place == want["place"])
    assert nato.unnamed_participants == [want["participants_unnamed"]]


def test_the_appointment(seed_article, gold):
    want = gold["events"][4]
    (appointment,) = events_of(seed_article, "appointment")
    assert appointment.people() == [want["person"]] and appointment.role == want["role"]


def test_statements_for_each_quote(seed_article):
    statements = events_of(seed_article, "statement")
    assert [s.people("speaker") for s in statements] == [["Dmitry Peskov"], ["Marco Rubio"]]
    assert statements[0].place == "Moscow" and statements[0].date == "2025-05-15"

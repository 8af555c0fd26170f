"""The people graph on both engines: one person one entity, two people two, and corrections that undo."""

import pytest

from newsdesk.lang.names import canonical_name, names_agree, parse_person
from newsdesk.model import Article, Entity, Role
from newsdesk.pipeline import rebuild_entity_graph
from newsdesk.relate.relator import Relator


def person(name, *aliases, roles=(), affiliation=None):
    return Entity(name=name, type="person", aliases=list(aliases), affiliation=affiliation,
                  roles=[Role(title=t) for t in roles])


def add(store, relator, key, *entities, published="2025-05-15"):
    article = Article(id=key, origin=f"{key}.txt", headline=f"Story {key}", published=published,
                      entities=list(entities))
    from newsdesk.model import RawDocument

    store.add(RawDocument(origin=f"{key}.txt", data=key.encode()), article)
    relator.relate(article)
    return article


def entity_of(store, article_id, name):
    return store.entity_ids_for_article(article_id).get(name)


@pytest.mark.parametrize("a, b, same", [
    ("Boris Johnson", "Jimmie Johnson", False),
    ("Kamala Harris", "Matt Harris", False),
    ("Xi Jinping", "Chen Jinping", False),
    ("Tim Morrison", "Timothy Morrison", True),
    ("Sergey Shoygu", "Sergei Shoigu", True),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy", True),
    ("Madison Mogen", "Maddie Mogen", True),  # a short form she is called by
    ("Madison Mogen", "Mary Mogen", False),
    ("J. Smith", "John Smith", True),
    ("George W. Bush", "George H. W. Bush", False),
    ("Donald Trump", "Donald Trump Jr.", False),
    ("Owen John Dempsey", "Owen Dempsey", True),
    ("Botic van de Zandschulp", "Botic van de Zandschulp", True),
])
def test_full_names_agree_only_when_given_names_do(a, b, same):
    assert names_agree(parse_person(a), parse_person(b)) is same


def test_a_bare_surname_agrees_with_nothing():
    assert not names_agree(parse_person("Johnson"), parse_person("Boris Johnson"))


def test_canonical_name_is_the_commonest_clean_full_form():
    assert canonical_name("person", {"Sir Keir Starmer": 5, "Keir Starmer": 2, "Starmer": 9}) == "Keir Starmer"


def test_two_people_of_one_surname_stay_two(engine_store):
    relator = Relator(engine_store)
    add(engine_store, relator, "a1", person("Boris Johnson", "Johnson", roles=["Prime Minister"]))
    add(engine_store, relator, "a2", person("Jimmie Johnson", "Johnson"))
    add(engine_store, relator, "a3", person("Boris Johnson"))
    boris, jimmie = entity_of(engine_store, "a1", "Boris Johnson"), entity_of(engine_store, "a2", "Jimmie Johnson")
    assert boris != jimmie and entity_of(engine_store, "a3", "Boris Johnson") == boris
    assert [a.model_dump() for a in engine_store.entity_profile(boris).articles] == [  # the latest first
        {"id": "a3", "headline": "Story a3", "published": "2025-05-15"},
        {"id": "a1", "headline": "Story a1", "published": "2025-05-15"}]


def test_a_bare_surname_joins_only_under_a_title_one_person_holds(engine_store):
    relator = Relator(engine_store)
    add(engine_store, relator, "b1", person("President Trump", "Trump", roles=["President"]))  # before any full name
    add(engine_store, relator, "b2", person("Donald Trump", "President Donald Trump", roles=["President"]))
    add(engine_store, relator, "b3", person("Trump", roles=["President"]))
    add(engine_store, relator, "b4", person("Johnson"))  # no title: stays out of the graph
    trump = entity_of(engine_store, "b2", "Donald Trump")
    assert entity_of(engine_store, "b1", "President Trump") == trump  # absorbed once the full name came
    assert entity_of(engine_store, "b3", "Trump") == trump
    assert entity_of(engine_store, "b4", "Johnson") is None
    profile = engine_store.entity_profile(trump)
    assert profile.name == "Donald Trump" and {"Trump", "President Donald Trump"} <= set(profile.aliases)


def test_a_bare_surname_absorbed_while_its_article_resolves_is_counted_once(engine_store):
    relator = Relator(engine_store)
    add(engine_store, relator, "t1", person("President Trump", "Trump", roles=["President"]))
    # the bare name resolves first, then the full name holding its title absorbs it
    add(engine_store, relator, "t2", person("Trump", roles=["President"]), person("Donald Trump", roles=["President"]))
    trump = entity_of(engine_store, "t2", "Donald Trump")
    assert entity_of(engine_store, "t2", "Trump") == trump == entity_of(engine_store, "t1", "President Trump")
    profile = engine_store.entity_profile(trump)
    assert profile.total == 2 and {a.id for a in profile.articles} == {"t1", "t2"}


def test_an_initial_shared_by_two_people_joins_neither(engine_store):
    relator = Relator(engine_store)
    add(engine_store, relator, "c1", person("John Smith"))
    add(engine_store, relator, "c2", person("Jane Smith"))
    add(engine_store, relator, "c3", person("J. Smith"))
    ids = {entity_of(engine_store, k, n) for k, n in (("c1", "John Smith"), ("c2", "Jane Smith"), ("c3", "J. Smith"))}
    assert len(ids) == 3


def test_merge_keeps_both_roles_and_split_undoes_it(engine_store):
    relator = Relator(engine_store)
    add(engine_store, relator, "d1", person("Vladimir Putin", "Putin", roles=["President"]),
        person("Dmitry Peskov", "Peskov", roles=["Kremlin spokesman"]))
    add(engine_store, relator, "d2", person("Dmitry Peskov", roles=["spokesman"]))
    putin = engine_store.find_entity("Putin")
    peskov = engine_store.find_entity("Peskov")
    assert putin != peskov
    engine_store.merge_entities(putin, peskov)
    merged = engine_store.entity_profile(putin)
    assert {"President", "Kremlin spokesman", "spokesman"} <= {r.title for r in merged.roles}
    assert engine_store.find_entity("Peskov") == putin
    new, moved = engine_store.split_entity(putin, "Peskov")
    assert moved["mentions"] == 2
    assert engine_store.find_entity("Peskov") == new != putin
    assert engine_store.entity_profile(new).name == "Dmitry Peskov"
    assert {r.title for r in engine_store.entity_profile(new).roles} == {"Kremlin spokesman", "spokesman"}
    assert {r.title for r in engine_store.entity_profile(putin).roles} == {"President"}
    # the correction holds when the graph is built again
    rebuild_entity_graph(engine_store)
    assert engine_store.find_entity("Dmitry Peskov") != engine_store.find_entity("Vladimir Putin")


def test_the_entity_index_lists_the_most_named_first(engine_store):
    relator = Relator(engine_store)
    add(engine_store, relator, "e1", person("Anna Berg"), Entity(name="NATO", type="org"),
        Entity(name="TRT World", type="org", credited=True))
    add(engine_store, relator, "e2", person("Anna Berg"), Entity(name="Oslo", type="place"))
    rows = engine_store.entities()
    assert [r.name for r in rows][:1] == ["Anna Berg"] and rows[0].articles == 2
    assert "TRT World" not in {r.name for r in rows}  # who made the page, not whom it names
    assert [r.name for r in engine_store.entities(kind="place")] == ["Oslo"]
    assert [r.name for r in engine_store.entities(name="berg")] == ["Anna Berg"]


def test_an_entity_profile_counts_every_article_and_lists_one_page(engine_store):
    relator = Relator(engine_store)
    add(engine_store, relator, "f1", person("Anna Berg", roles=["minister"], affiliation="Norway"),
        Entity(name="Oslo", type="place"), published="2025-01-10")
    add(engine_store, relator, "f2", person("Anna Berg", roles=["minister"], affiliation="Norway"),
        Entity(name="Oslo", type="place"), published="2025-03-02")
    add(engine_store, relator, "f3", Entity(name="Anna Berg", type="person", roles=[Role(title="minister", qualifier="former")]),
        published="2025-03-20")
    add(engine_store, relator, "f4", person("Anna Berg"), Entity(name="NATO", type="org"), published=None)
    berg = engine_store.find_entity("Anna Berg")
    profile = engine_store.entity_profile(berg, limit=2)
    assert profile.total == 4 and [a.id for a in profile.articles] == ["f3", "f2"]  # the latest first
    assert [a.id for a in engine_store.entity_profile(berg, limit=2, offset=2).articles] == ["f1", "f4"]  # undated last
    assert [(t.month, t.articles) for t in profile.timeline] == [("2025-01", 1), ("2025-02", 0), ("2025-03", 2)]
    assert profile.affiliation == "Norway"
    minister = next(r for r in profile.roles if r.title == "minister" and r.qualifier is None)
    assert (minister.articles, minister.first_article, minister.last_article, minister.current) == (2, "f1", "f2", True)
    assert (minister.first_seen, minister.last_seen) == ("2025-01-10", "2025-03-02")
    former = next(r for r in profile.roles if r.qualifier == "former")
    assert (former.articles, former.current) == (1, False)
    assert [(e.name, e.articles) for e in engine_store.co_mentioned(berg)] == [("Oslo", 2), ("NATO", 1)]


def test_a_bare_family_name_finds_the_person_most_named_with_it(engine_store):
    relator = Relator(engine_store)
    add(engine_store, relator, "t1", Entity(name="Trump", type="org"))  # the model's slip, once
    for key in ("t2", "t3", "t4"):
        add(engine_store, relator, key, person("Donald Trump", "Trump", roles=["President"]))
    add(engine_store, relator, "t5", person("Melania Trump"))
    trump, org = entity_of(engine_store, "t2", "Donald Trump"), entity_of(engine_store, "t1", "Trump")
    assert engine_store.find_entity("Trump") == trump != org
    assert engine_store.find_entity("Melania Trump") == entity_of(engine_store, "t5", "Melania Trump")


def test_a_place_named_more_than_anyone_of_that_family_name_keeps_it(engine_store):
    relator = Relator(engine_store)
    for key in ("j1", "j2", "j3"):
        add(engine_store, relator, key, Entity(name="Jordan", type="place"))
    add(engine_store, relator, "j4", person("Michael Jordan"))
    add(engine_store, relator, "j5", Entity(name="Trump", type="org"), person("Donald Trump"))
    jordan = entity_of(engine_store, "j1", "Jordan")
    assert engine_store.find_entity("Jordan") == jordan != entity_of(engine_store, "j4", "Michael Jordan")
    # named in as many articles: the typed family name means the person
    assert engine_store.find_entity("Trump") == entity_of(engine_store, "j5", "Donald Trump")


def test_a_full_name_both_a_person_and_an_organisation_finds_the_one_named_more_the_person_on_a_tie(engine_store):
    relator = Relator(engine_store)
    add(engine_store, relator, "s1", Entity(name="Scooter Braun", type="org"))  # "Scooter Braun's company"
    add(engine_store, relator, "s2", person("Scooter Braun", "Braun", roles=["talent manager"]))
    braun = entity_of(engine_store, "s2", "Scooter Braun")
    assert engine_store.find_entity("Scooter Braun") == braun != entity_of(engine_store, "s1", "Scooter Braun")
    add(engine_store, relator, "s3", Entity(name="Scooter Braun", type="org"))
    assert engine_store.find_entity("Scooter Braun") == entity_of(engine_store, "s1", "Scooter Braun")


def test_a_users_correction_decides_what_a_family_name_finds(engine_store):
    relator = Relator(engine_store)
    add(engine_store, relator, "k1", Entity(name="Trump", type="org"), person("Donald Trump"))
    add(engine_store, relator, "k2", person("Donald Trump"))
    org, trump = entity_of(engine_store, "k1", "Trump"), entity_of(engine_store, "k1", "Donald Trump")
    assert engine_store.find_entity("Trump") == trump
    new, _ = engine_store.split_entity(trump, "Trump")  # nothing named so: no split, nothing pinned
    assert new is None and engine_store.find_entity("Trump") == trump
    engine_store.merge_entities(org, trump)  # the user says they are one, and keeps the organisation
    assert engine_store.find_entity("Trump") == org


@pytest.mark.parametrize("name, given, surname", [
    ("Botic van de Zandschulp", ("Botic",), "van de Zandschulp"),
    ("Van de Zandschulp", (), "Van de Zandschulp"),  # a family name opening a sentence
    ("Van Morrison", ("Van",), "Morrison"),
])
def test_particles_belong_to_the_family_name(name, given, surname):
    parsed = parse_person(name)
    assert (parsed.given, parsed.surname) == (given, surname)


def test_one_title_however_it_is_spelt_over_time(engine_store):
    relator = Relator(engine_store)
    add(engine_store, relator, "v1", person("Alexander Vindman", roles=["Lt. Col."]), published="2019-11-19")
    add(engine_store, relator, "v2", person("Alexander Vindman", roles=["Lt Col"]), published="2019-11-20")
    profile = engine_store.entity_profile(engine_store.find_entity("Alexander Vindman"))
    assert [(r.title, r.articles, r.first_article, r.last_article) for r in profile.roles] == [
        ("Lt. Col.", 2, "v1", "v2")]

"""Who held an office, with evidence (issue 19): titles by their words, affiliations by country,
dates, conflicting evidence shown; the CLI and the API on the seed."""

import json

import pytest
from typer.testing import CliRunner

from newsdesk import offices
from newsdesk.cli import app
from newsdesk.model import RoleMention

runner = CliRunner()
SEED_SENTENCE = ("The gathering included Foreign Minister Sergey Lavrov, newly appointed Defense Minister Andrey "
                 "Belousov, Chief of General Staff Valery Gerasimov, and Security Council Secretary Sergey Shoygu, "
                 "along with the heads of Russia’s intelligence and internal security agencies.")


def mention(entity_id, person, article, published, title, qualifier=None, affiliation="Russia", text=None):
    roles = json.dumps([{"title": title, "text": text or title, "qualifier": qualifier}])
    return RoleMention(entity_id=entity_id, person=person, article_id=article, published=published, roles=roles,
                       affiliation=affiliation, name=person)


@pytest.mark.parametrize("one, other, same", [
    ("Defense Minister", "defence minister", True),
    ("Minister of Defence", "Defense Minister", True),
    ("minister of foreign affairs", "Foreign Minister", True),
    ("ministre de la Défense", "Defense Minister", True),
    ("Deputy Defense Minister", "Defense Minister", False),
    ("Prime Minister", "Defense Minister", False),
    ("ministre de la Défense de la Russie", "Defense Minister", True),  # the country is the affiliation's
    ("ministre russe de la Défense", "Minister of Defence", True),
    ("Minister of Foreign Affairs of Ukraine", "ministre des Affaires étrangères d'Ukraine", True),
    ("US Secretary of State", "Secretary of State", True),
    ("président russe", "President", True),
    ("President of Russia's Security Council", "President", False),
    ("Governor of New York", "Governor", False),
])
def test_one_office_under_its_names(one, other, same):
    assert (offices.office_key(one) == offices.office_key(other)) is same


def test_affiliations_are_countries_however_named():
    assert offices.same_affiliation("Russia", "Russian Federation")
    assert offices.same_affiliation("Türkiye", "Turkey")
    assert not offices.same_affiliation("Ukraine", "Russia")
    assert offices.same_affiliation("Kremlin", "kremlin")
    assert not offices.same_affiliation(None, "Russia")
    assert offices.same_affiliation("Russia", "la Russie") and offices.same_affiliation("États-Unis", "United States")


def test_holders_newest_first_as_of_a_day_and_conflicts_shown():
    rows = [mention(1, "Sergey Shoygu", "a1", "2023-03-01", "Defence Minister"),
            mention(2, "Andrey Belousov", "a2", "2024-05-14", "Defense Minister", "newly appointed"),
            mention(1, "Sergey Shoygu", "a3", "2024-05-20", "Defense Minister", "former"),
            mention(3, "Other Person", "a4", "2024-05-14", "Defense Minister"),  # conflicting: same day
            mention(4, "Mikhail Galuzin", "a5", "2024-05-14", "Deputy Foreign Minister"),
            mention(5, "Oleksii Reznikov", "a6", "2023-01-01", "Defense Minister", affiliation="Ukraine")]
    found = offices.holders(rows, "Minister of Defence", of="Russian Federation")
    assert [h.name for h in found] == ["Sergey Shoygu", "Other Person", "Andrey Belousov"]
    assert not found[0].current and found[2].current  # "former" in Shoygu's newest evidence
    as_of = offices.holders(rows, "Defense Minister", of="Russia", on="2023-12-31")
    assert [(h.name, [e.article_id for e in h.evidence]) for h in as_of] == [("Sergey Shoygu", ["a1"])]
    assert as_of[0].current
    assert [h.name for h in offices.holders(rows, "Defense Minister")] [-1] == "Oleksii Reznikov"


def test_a_persons_offices_over_time():
    rows = [mention(1, "Sergey Shoygu", "a1", "2023-03-01", "Defence Minister"),
            mention(1, "Sergey Shoygu", "a2", "2025-05-15", "Security Council Secretary")]
    assert [g.name for g in offices.offices_of(rows)] == ["Security Council Secretary", "Defence Minister"]


def test_the_sentence_that_says_so():
    item = offices.Evidence(article_id="a", published="2025-05-15", title="Defense Minister", text="Defense Minister",
                            qualifier="newly appointed", affiliation="Russia", name="Andrey Belousov")
    body = "Kremlin spokesman Dmitry Peskov spoke.\n" + SEED_SENTENCE + " The meeting went on."
    assert offices.sentence_saying(body, item) == SEED_SENTENCE


def test_the_seed_answers_who_was_russias_defense_minister(db_path, seed_text, tmp_path):
    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(tmp_path / "seed.txt")]).exit_code == 0
    result = runner.invoke(app, ["who", "Defense Minister", "--of", "Russia", "--on", "2025-05-15", "--json"])
    assert result.exit_code == 0, result.output
    (belousov,) = json.loads(result.stdout)["found"]
    assert belousov["name"] == "Andrey Belousov" and belousov["current"]
    assert [(e["qualifier"], e["published"], e["sentence"]) for e in belousov["evidence"]] == [
        ("newly appointed", "2025-05-15", SEED_SENTENCE)]
    text = runner.invoke(app, ["who", "minister of defence", "--of", "Russia"]).stdout
    assert "Andrey Belousov" in text and "newly appointed Defense Minister" in text and "Lavrov" in text
    assert "nobody" in runner.invoke(app, ["who", "Defense Minister", "--of", "Russia", "--on", "2025-05-14"]).stdout
    person = json.loads(runner.invoke(app, ["who", "--person", "Sergey Shoygu", "--json"]).stdout)
    assert [g["name"] for g in person["found"]] == ["Security Council Secretary"]


FRENCH_PAGE = """<html lang="fr"><head><title>Moscou remanie son gouvernement</title>
<meta property="article:published_time" content="2025-05-14"></head><body><article><h1>Moscou remanie son gouvernement</h1>
<p>Le président russe Vladimir Poutine a nommé mardi Andreï Belooussov au poste de ministre de la Défense, en
remplacement de Sergueï Choïgou, a annoncé le Kremlin dans un communiqué publié à Moscou.</p>
<p>Le nouveau ministre de la Défense de la Russie, Andreï Belooussov, a déclaré mercredi que l'armée devait
s'adapter rapidement aux nouvelles technologies et aux exigences du front.</p></article></body></html>"""


def test_a_french_article_answers_in_either_language(db_path, tmp_path):
    (tmp_path / "fr.html").write_text(FRENCH_PAGE, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(tmp_path / "fr.html")]).exit_code == 0
    for title, country in [("ministre de la Défense", "Russie"), ("Defense Minister", "Russia")]:
        (found,) = json.loads(runner.invoke(app, ["who", title, "--of", country, "--json"]).stdout)["found"]
        assert found["name"] == "Andreï Belooussov" and found["evidence"][0]["qualifier"] == "new"
        assert found["evidence"][0]["sentence"].startswith("Le nouveau ministre de la Défense de la Russie")


@pytest.mark.parametrize("args, code, says", [
    (["who"], 2, "say an office"),
    (["who", "Defense Minister", "--person", "Shoygu"], 2, "say an office"),
    (["who", "Defense Minister", "--on", "15 May 2025"], 2, "YYYY-MM-DD"),
    (["who", "--person", "Nobody Atall"], 1, "no such entity"),
])
def test_who_refuses_what_it_cannot_answer(db_path, args, code, says):
    result = runner.invoke(app, args)
    assert result.exit_code == code and says in result.stderr


def test_the_api_answers_the_same(db_path, seed_text, tmp_path):
    from fastapi.testclient import TestClient

    from newsdesk.serve.app import create_app
    from newsdesk.store import open_store

    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    runner.invoke(app, ["ingest", str(tmp_path / "seed.txt")])
    with open_store(str(db_path)) as store:
        site = TestClient(create_app(store))
        found = site.get("/api/roles", params={"title": "Defence Minister", "of": "Russia", "on": "2025-05-15"}).json()
        assert [(h["name"], h["evidence"][0]["qualifier"], h["evidence"][0]["sentence"]) for h in found] == [
            ("Andrey Belousov", "newly appointed", SEED_SENTENCE)]
        assert site.get("/api/roles", params={"person": "Shoygu"}).json()[0]["name"] == "Security Council Secretary"
        assert site.get("/api/roles").status_code == 422
        assert site.get("/api/roles", params={"title": "x", "on": "May 2025"}).status_code == 422
        assert site.get("/api/roles", params={"person": "Nobody Atall"}).status_code == 404


def test_the_page_answers_the_same(db_path, seed_text, tmp_path):
    from fastapi.testclient import TestClient

    from newsdesk.serve.app import create_app
    from newsdesk.store import open_store

    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    runner.invoke(app, ["ingest", str(tmp_path / "seed.txt")])
    with open_store(str(db_path)) as store:
        site = TestClient(create_app(store))
        page = site.get("/roles", params={"title": "Defense Minister", "of": "Russia", "on": "2025-05-15"})
        assert page.status_code == 200
        assert "Andrey Belousov" in page.text and "newly appointed" in page.text and "Belousov, Chief of General" in page.text
        assert 'href="/roles"' in site.get("/").text  # linked from every page's header
        assert "Nobody in the stored articles" in site.get("/roles", params={"title": "Pope"}).text
        assert site.get("/roles", params={"title": "x", "on": "yesterday"}).status_code == 422

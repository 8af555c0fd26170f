"""Relating across the store: entities under all their names, near-duplicates, stories, corrections."""

import json

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app

runner = CliRunner()

FOLLOW_UP = """date 2025-05-16 POLITICS
2 min read
Russia and Ukraine hold first direct talks in Istanbul
Security Council Secretary Sergei Shoigu said Moscow was ready for a long process.
The first direct talks between Russia and Ukraine in more than three years opened in Istanbul on Friday, with Turkey acting as host and mediator.
Security Council Secretary Sergei Shoigu said in Moscow that the Russian side was ready for a long negotiation.
President Volodymyr Zelensky said Kyiv had sent a delegation led by Defence Minister Rustem Umerov.
SOURCE: Agencies
"""

UNRELATED = """date 2025-05-16 SPORT
Harbour club wins the regional rowing final
The town's rowing club took the regional title on Saturday after a close race on the river.
Coach Anna Berg said the crew had trained every morning since the winter and deserved the win.
The club will now race in the national championship next month.
"""


def cli(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path, db_path, seed_text):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a-seed.txt").write_text(seed_text)
    edited = seed_text.replace("The meeting reflected the gravity", "The meeting, observers said, reflected the gravity")
    edited = "\n".join(line for line in edited.split("\n") if not line.startswith("The composition reflects"))
    (folder / "b-copy.txt").write_text(edited)
    (folder / "c-follow-up.txt").write_text(FOLLOW_UP)
    (folder / "d-rowing.txt").write_text(UNRELATED)
    assert cli("ingest", str(folder)).exit_code == 0
    return {a["origin"].rsplit("/", 1)[1]: a["id"] for a in json.loads(cli("articles", "--json").stdout)}


def show(article_id):
    return json.loads(cli("show", article_id, "--json").stdout)


def test_an_edited_copy_is_a_duplicate_of_the_first_seen(corpus):
    copy = show(corpus["b-copy.txt"])
    assert copy["duplicate_of"] == corpus["a-seed.txt"]
    assert copy["story_id"] == show(corpus["a-seed.txt"])["story_id"]
    assert show(corpus["a-seed.txt"])["duplicate_of"] is None
    assert show(corpus["c-follow-up.txt"])["duplicate_of"] is None


def test_a_report_of_the_same_event_is_similar_and_an_unrelated_one_is_not(corpus):
    seed = show(corpus["a-seed.txt"])
    similar = [s["id"] for s in seed["similar"]]
    assert corpus["c-follow-up.txt"] in similar
    assert corpus["d-rowing.txt"] not in similar
    rowing = show(corpus["d-rowing.txt"])
    assert rowing["story_id"] == corpus["d-rowing.txt"] and rowing["similar"] == []


def test_one_person_under_two_spellings(corpus):
    profile = json.loads(cli("entity", "Shoygu", "--json").stdout)
    assert profile["type"] == "person"
    assert {"Sergey Shoygu", "Sergei Shoigu"} <= {profile["name"], *profile["aliases"]}
    titles = {r["title"]: r for r in profile["roles"]}
    assert len(titles["Security Council Secretary"]["articles"]) >= 2
    assert len({a["id"] for a in profile["articles"]}) >= 2


def test_countries_under_any_name_and_zelensky_spellings(corpus):
    turkey = json.loads(cli("entity", "Turkey", "--json").stdout)
    assert turkey["type"] == "place" and len({a["id"] for a in turkey["articles"]}) >= 2
    zelensky = json.loads(cli("entity", "Zelensky", "--json").stdout)
    assert {"Volodymyr Zelenskyy", "Volodymyr Zelensky"} <= {zelensky["name"], *zelensky["aliases"]}


def test_unknown_entity_is_a_clear_error(corpus):
    result = cli("entity", "Nobody Atall", "--json")
    assert result.exit_code == 1 and result.stderr.strip() == "newsdesk: Nobody Atall: no such entity"


def test_merge_and_split_survive_reprocessing(corpus, tmp_path):
    merged = json.loads(cli("entity", "merge", "Rustem Umerov", "Anna Berg", "--json").stdout)
    assert {a["id"] for a in merged["articles"]} == {corpus["c-follow-up.txt"], corpus["d-rowing.txt"]}
    rowing = tmp_path / "pages" / "d-rowing.txt"
    rowing.write_text(UNRELATED.replace("a close race", "a very close race"))
    assert json.loads(cli("ingest", str(rowing), "--json").stdout)["updated"] == 1
    assert json.loads(cli("entity", "Anna Berg", "--json").stdout)["id"] == merged["id"]  # the merge held

    split = json.loads(cli("entity", "split", "Rustem Umerov", "Anna Berg", "--json").stdout)
    assert split["name"] == "Anna Berg" and [a["id"] for a in split["articles"]] == [corpus["d-rowing.txt"]]
    rowing.write_text(UNRELATED.replace("a close race", "a race decided on the line"))
    cli("ingest", str(rowing))
    assert json.loads(cli("entity", "Anna Berg", "--json").stdout)["id"] == split["id"]  # the split held
    assert json.loads(cli("entity", "Rustem Umerov", "--json").stdout)["id"] == merged["id"]

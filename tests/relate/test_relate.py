"""Relating across the store: entities under all their names, near-duplicates, stories, corrections."""

import json

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.relate.similarity import TermVector, term_counts, term_id, tfidf

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
    assert titles["Security Council Secretary"]["articles"] >= 2
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


def test_corrections_say_what_they_did_and_refuse_unknown_names(corpus):
    merged = cli("entity", "merge", "Rustem Umerov", "Anna Berg")
    assert merged.exit_code == 0 and "merged Anna Berg" in merged.stdout and "entity split" in merged.stdout
    split = cli("entity", "split", "Rustem Umerov", "Anna Berg")
    assert split.exit_code == 0 and "split Anna Berg" in split.stdout and "entity merge" in split.stdout
    for args in (("merge", "Rustem Umerov", "Nobody Atall"), ("split", "Nobody Atall", "Berg"), ("Nobody Atall",)):
        result = cli("entity", *args)
        assert result.exit_code == 1 and "Nobody Atall" in result.stderr, args
    nothing = cli("entity", "split", "Rustem Umerov", "Zzyzx")
    assert nothing.exit_code == 1 and "no mention named" in nothing.stderr


def test_entities_lists_the_most_named_first(corpus):
    people = json.loads(cli("entities", "--type", "person", "--json").stdout)
    assert (people[0]["name"], people[0]["articles"]) == ("Sergey Shoygu", 3)  # the seed, its copy, the follow-up
    assert all(p["type"] == "person" for p in people)
    putin = json.loads(cli("entity", "Putin", "--json").stdout)
    assert {"Putin", "Russian President Vladimir Putin"} <= set(putin["aliases"])
    rebuilt = json.loads(cli("entities", "--rebuild", "--type", "person", "--json").stdout)
    assert [(p["name"], p["articles"]) for p in rebuilt] == [(p["name"], p["articles"]) for p in people]


def test_tfidf_vectors_round_trip_and_weigh_rare_words_most():
    counts = term_counts("Istanbul talks Istanbul delegation talks the talks")
    frequencies = {term_id("talks"): 50, term_id("istanbul"): 2, term_id("delegation"): 10}
    vector = tfidf(counts, frequencies, documents=100)
    assert TermVector.from_bytes(vector.to_bytes()).cosine(vector) == pytest.approx(1.0, abs=1e-6)
    assert vector.heaviest(1).tolist() == [term_id("istanbul")]
    assert term_id("the") not in vector.ids


def test_story_timeline_from_the_cli(corpus):
    seed = show(corpus["a-seed.txt"])
    story = json.loads(cli("story", seed["story_id"], "--json").stdout)
    ids = [a["id"] for a in story["articles"]]
    assert story["id"] == seed["story_id"] and story["size"] == len(ids) >= 2
    assert corpus["a-seed.txt"] in ids and corpus["b-copy.txt"] in ids and corpus["d-rowing.txt"] not in ids
    copy = next(a for a in story["articles"] if a["id"] == corpus["b-copy.txt"])
    assert copy["duplicate_of"] == corpus["a-seed.txt"]
    assert [a["published"] for a in story["articles"]] == sorted(a["published"] for a in story["articles"])
    counts = [e["articles"] for e in story["named"]]
    assert counts == sorted(counts, reverse=True) and counts[0] == story["size"]  # Shoigu is in every one
    assert sum(d["articles"] for d in story["days"]) == story["size"]
    listed = json.loads(cli("stories", "--json").stdout)
    assert [s["id"] for s in listed] == [seed["story_id"]]  # the rowing story has one article
    assert cli("story", "nope").exit_code == 1


def test_entity_timeline_counts_articles_by_month(corpus):
    profile = json.loads(cli("entity", "Shoigu", "--json").stdout)
    assert sum(t["articles"] for t in profile["timeline"]) == profile["total"] == len(profile["articles"])
    assert profile["timeline"][0]["month"] == "2025-05"


def test_a_new_version_stays_the_first_seen_copy(store, seed_text):
    from newsdesk.extract import extract
    from newsdesk.model import RawDocument
    from newsdesk.relate.relator import Relator

    relator = Relator(store)

    def relate(text, origin):
        raw = RawDocument(origin=origin, data=text.encode())
        article = extract(raw)
        store.add(raw, article)
        return relator.relate(article)

    first = relate(seed_text, "/first.txt")
    relate(seed_text.replace("yesterday evening", "last evening"), "/second.txt")
    relate(seed_text.replace("The meeting reflected", "The meeting clearly reflected"), "/first.txt")  # new version
    third = relate(seed_text.replace("reflected the gravity", "showed the gravity"), "/third.txt")
    assert third.duplicate_of == first.id


def test_band_keys_find_what_datasketch_lsh_finds(seed_text):
    from datasketch import MinHashLSH

    from newsdesk.relate.relator import DUPLICATE_THRESHOLD
    from newsdesk.relate.similarity import BANDS, ROWS, band_keys, text_signature

    texts = {"seed": seed_text, "edited": seed_text.replace("The meeting reflected", "Observers said the meeting reflected"),
             "follow": FOLLOW_UP, "rowing": UNRELATED}
    signatures = {k: text_signature(t) for k, t in texts.items()}
    theirs = MinHashLSH(threshold=DUPLICATE_THRESHOLD, num_perm=128)
    assert (theirs.b, theirs.r) == (BANDS, ROWS)
    stored = {key: set(band_keys(signatures[key].hashvalues)) for key in ("seed", "follow", "rowing")}
    for key in stored:
        theirs.insert(key, signatures[key])
    for key, signature in signatures.items():
        ours = {other for other, keys in stored.items() if keys & set(band_keys(signature.hashvalues))}
        assert ours == set(theirs.query(signature))
    assert "seed" in set(theirs.query(signatures["edited"]))


def test_an_old_wire_copy_is_found_when_memory_holds_only_recent_articles(store, seed_text):
    """Three articles in memory; the seed, related seven articles ago, is still the original of
    its copy, and its story the copy's; a new version of a forgotten article is not counted twice."""
    from newsdesk.extract import extract
    from newsdesk.model import Article, Block, RawDocument
    from newsdesk.relate.relator import Relator

    relator = Relator(store, recent=3)
    raw = RawDocument(origin="/wire.txt", data=seed_text.encode())
    seed = extract(raw)
    store.add(raw, seed)
    seed = relator.relate(seed)
    for n in range(7):
        other = Article(id=f"other{n}", origin=f"/other{n}.txt", headline=f"Rowing club story number {n}",
                        body=[Block(type="paragraph", text=f"{UNRELATED} Heat {n} was rowed twice.")])
        store.add(RawDocument(origin=other.origin, data=other.body_text.encode()), other)
        relator.relate(other)
    assert len(relator.known) == 3 and seed.id not in relator.known
    raw = RawDocument(origin="/copy.txt", data=seed_text.replace("yesterday evening", "last evening").encode())
    copy = extract(raw)
    store.add(raw, copy)
    copy = relator.relate(copy)
    assert (copy.duplicate_of, copy.story_id) == (seed.id, seed.story_id)
    documents = relator.documents
    assert relator.knows(seed.id) and store.related_count() == documents == 9
    relator.relate(seed.model_copy(update={"headline": seed.headline + " (updated)"}))
    assert relator.documents == store.related_count() == 9  # a new version, not a new document
    assert Relator(store, recent=3).known.keys() == relator.known.keys()  # a new relator loads the newest only


def test_forgotten_articles_leave_the_candidate_indexes(store):
    from newsdesk.model import Article, Block, RawDocument
    from newsdesk.relate.relator import Relator

    relator = Relator(store, recent=2)
    for n in range(8):
        article = Article(id=f"a{n}", origin=f"/a{n}.txt", headline=f"Harbour news {n}",
                          body=[Block(type="paragraph", text=f"Dock workers in harbour {n} voted on pay and hours.")])
        store.add(RawDocument(origin=article.origin, data=article.body_text.encode()), article)
        relator.relate(article)
    posted = {a for postings in relator.by_term.posted.values() for a in postings}
    assert set(relator.known) == {"a6", "a7"} and posted <= {"a4", "a5", "a6", "a7"}


def test_a_story_names_first_who_its_articles_name_most(corpus):
    story = json.loads(cli("story", show(corpus["a-seed.txt"])["story_id"], "--json").stdout)
    in_all = {e["name"] for e in story["named"] if e["articles"] == story["size"]}
    assert "Sergey Shoygu" in in_all
    # among those in as many articles, who is named most often comes first: Putin, in the seed and its copy
    assert next(e for e in story["named"] if e["name"] not in in_all)["name"] == "Vladimir Putin"


def test_relating_a_new_version_posts_it_once(store, seed_text):
    from newsdesk.extract import extract
    from newsdesk.model import Entity, RawDocument
    from newsdesk.relate.relator import Relator

    relator = Relator(store)
    raw = RawDocument(origin="/a.txt", data=seed_text.encode())
    article = extract(raw).model_copy(update={"entities": [Entity(name="Vladimir Putin", type="person")]})
    store.add(raw, article)
    for _ in range(3):
        relator.relate(article)
    for index in (relator.by_entity, relator.by_term):
        assert index.posted  # posted at all: an empty index would pass the next line
        assert all(postings.count(article.id) == 1 for postings in index.posted.values())


def test_heaviest_of_many_vectors_is_each_ones_heaviest():
    import numpy as np

    from newsdesk.relate.similarity import TermVector, heaviest_of

    rng = np.random.default_rng(1)
    vectors = []
    for size in (128, 5, 0, 48, 60):
        weights = rng.random(size).astype(np.float32)
        weights[: min(3, size)] = 0.5  # ties keep the order heaviest() gives them
        vectors.append(TermVector(np.sort(rng.choice(100_000, size, replace=False)).astype(np.int64), weights))
    keys, owners = heaviest_of(vectors, 48)
    assert keys.tolist() == [k for v in vectors for k in v.heaviest(48).tolist()]
    assert owners.tolist() == [i for i, v in enumerate(vectors) for _ in v.heaviest(48)]


GERMAN = [
    ("Die Stadt baut eine neue Brücke über den Fluss",
     "Die Stadt hat am Montag mit dem Bau einer neuen Brücke über den Fluss begonnen. Die Arbeiten sollen nach "
     "Angaben der Verwaltung zwei Jahre dauern, und die alte Brücke wird für den Verkehr gesperrt, sobald die neue "
     "fertig ist. Anwohner hatten sich seit Jahren über den Lärm und die Staus beschwert. Die Kosten für das Projekt "
     "liegen bei mehr als vierzig Millionen Euro, die zum Teil vom Land getragen werden. Der Bürgermeister sagte, die "
     "Stadt habe lange auf die Zusage gewartet, und er sei froh, dass es nun endlich losgehe. Die Opposition im "
     "Stadtrat kritisierte dagegen, dass die Pläne nicht mit den Anwohnern abgestimmt worden seien."),
    ("Der Verein gewinnt das Pokalfinale nach Elfmeterschießen",
     "Der Verein hat das Pokalfinale am Samstag nach einem dramatischen Elfmeterschießen gewonnen. Die Mannschaft "
     "lag lange zurück, und erst in der letzten Minute gelang der Ausgleich, der die Fans im Stadion von den Sitzen "
     "riss. Der Trainer sprach von dem größten Erfolg in der Geschichte des Vereins. Die Spieler feierten den Sieg "
     "bis in die Nacht mit den Anhängern auf dem Platz vor dem Rathaus. Der Kapitän sagte, die Mannschaft habe nie "
     "aufgegeben, und er sei stolz auf das, was sie in dieser Saison erreicht habe. Für den Verein ist es der erste "
     "Titel seit mehr als zwanzig Jahren, und die Stadt will die Mannschaft am Montag empfangen."),
]


def test_articles_in_another_language_share_no_story_for_their_function_words(store, seed_text):
    """Among English articles, two German ones on unrelated subjects share "die", "und", "der" and
    little else: their function words are not content words, so they are no story."""
    from newsdesk.extract import extract
    from newsdesk.model import Article, Block, RawDocument
    from newsdesk.relate.relator import Relator
    from newsdesk.relate.similarity import term_counts, term_id

    assert term_id("und") not in term_counts("Die Brücke und der Fluss", "de")
    assert term_id("und") in term_counts("Die Brücke und der Fluss")  # an English text keeps it: a rare word there
    relator = Relator(store)
    for origin, text in (("/seed.txt", seed_text), ("/follow.txt", FOLLOW_UP), ("/rowing.txt", UNRELATED)):
        raw = RawDocument(origin=origin, data=text.encode())
        article = extract(raw)
        store.add(raw, article)
        relator.relate(article)
    related = []
    for n, (headline, body) in enumerate(GERMAN):
        article = Article(id=f"de{n}", origin=f"/de{n}.html", headline=headline, language="de",
                          body=[Block(type="paragraph", text=body)])
        store.add(RawDocument(origin=article.origin, data=body.encode()), article)
        related.append(relator.relate(article))
    assert related[1].story_id == related[1].id != related[0].story_id

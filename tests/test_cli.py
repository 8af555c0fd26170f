"""The command-line contract of DESIGN.md, in process and through the installed entry point."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import SHARED
from newsdesk.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def cli(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def news_folder(tmp_path, seed_text) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "seed.txt").write_text(seed_text, encoding="utf-8")
    (folder / "other.txt").write_text(seed_text.replace("date 2025-05-15", "date 2025-05-20"), encoding="utf-8")
    (folder / "notes.md").write_text("not a document type newsdesk reads from folders")
    return folder


def test_ingest_a_folder_then_list_show_and_search(db_path, news_folder, gold):
    result = cli("ingest", str(news_folder))
    assert result.exit_code == 0, result.output
    assert "2 ingested (2 new, 0 updated, 0 unchanged), 0 failed" in result.stdout
    listed = json.loads(cli("articles", "--json").stdout)
    assert [a["published"] for a in listed] == ["2025-05-20", "2025-05-15"]
    shown = json.loads(cli("show", listed[1]["id"], "--json").stdout)
    assert shown["headline"] == gold["article"]["headline"]
    assert shown["origin"] == str(news_folder / "seed.txt")
    for key in ("id", "url", "published", "category", "reading_time_minutes", "headline", "standfirst", "image",
                "body", "source", "related", "entities", "quotes", "time_expressions", "events", "duplicate_of",
                "story_id", "similar"):
        assert key in shown
    hits = json.loads(cli("search", "Medinsky", "--json").stdout)
    assert {h["id"] for h in hits} == {a["id"] for a in listed}


def test_ingest_twice_changes_nothing(db_path, news_folder):
    cli("ingest", str(news_folder))
    result = cli("ingest", str(news_folder), "--json")
    summary = json.loads(result.stdout)
    assert (summary["new"], summary["unchanged"], summary["failed"]) == (0, 2, 0)
    assert len(json.loads(cli("articles", "--json").stdout)) == 2


def test_bad_files_are_named_and_the_rest_ingested(db_path, news_folder):
    (news_folder / "empty.txt").write_bytes(b"")
    (news_folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (news_folder / "gone.txt").symlink_to(news_folder / "does-not-exist.txt")
    result = cli("ingest", str(news_folder))
    assert result.exit_code == 0
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3
    assert any(line.endswith("empty.txt: empty document") for line in errors)
    assert any("binary.txt: binary data" in line for line in errors)
    assert any("gone.txt: cannot be read: No such file or directory" in line for line in errors)
    assert all(line.startswith("newsdesk: ") and "Traceback" not in line for line in errors)
    assert "2 ingested" in result.stdout and "3 failed" in result.stdout


def test_exit_code_is_non_zero_only_when_nothing_was_ingested(db_path, tmp_path, news_folder):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert cli("ingest", str(empty)).exit_code == 1
    assert cli("ingest", str(empty), str(news_folder / "seed.txt")).exit_code == 0
    assert cli("ingest", str(tmp_path / "missing.txt")).exit_code == 1


def test_nothing_stored_is_lost_by_a_bad_run(db_path, news_folder, tmp_path):
    cli("ingest", str(news_folder))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    cli("ingest", str(bad))
    assert len(json.loads(cli("articles", "--json").stdout)) == 2


def test_extract_prints_the_show_json_without_storing(db_path, news_folder, gold):
    one = json.loads(cli("extract", str(news_folder / "seed.txt"), "--json").stdout)
    assert one["headline"] == gold["article"]["headline"]
    assert one["origin"] == str(news_folder / "seed.txt")
    many = json.loads(cli("extract", str(news_folder), "--json").stdout)
    assert isinstance(many, list) and len(many) == 2
    assert all(record["origin"].startswith(str(news_folder)) for record in many)
    assert not db_path.exists() or json.loads(cli("articles", "--json").stdout) == []


def test_show_of_an_unknown_id_is_a_clear_error(db_path):
    result = cli("show", "0123456789abcdef", "--json")
    assert result.exit_code == 1
    assert result.stderr.strip() == "newsdesk: 0123456789abcdef: no such article"


def test_text_output_for_people(db_path, news_folder):
    cli("ingest", str(news_folder))
    assert "Putin gathers" in cli("articles").stdout
    article_id = json.loads(cli("articles", "--json").stdout)[0]["id"]
    shown = cli("show", article_id).stdout
    assert "Composition of Russian delegation revealed" in shown
    assert article_id in cli("search", "Medinsky").stdout


def test_installed_entry_point(tmp_path, seed_path):
    exe = Path(sys.executable).parent / "newsdesk"
    if not exe.exists():
        pytest.skip("newsdesk is not installed next to this Python")
    env = {**os.environ, "NEWSDESK_DB": str(tmp_path / "e.db")}
    done = subprocess.run([exe, "ingest", seed_path, "--json"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["new"] == 1
    bad = subprocess.run([exe, "ingest", tmp_path / "nope.txt"], env=env, capture_output=True, text=True)
    assert bad.returncode == 1
    assert bad.stderr.strip().endswith("nope.txt: cannot be read: No such file or directory")
    assert "Traceback" not in bad.stderr


def test_check_seed_contract():
    script = SHARED / "bin" / "check-seed"
    if not script.exists() or not (ROOT / ".venv" / "bin" / "newsdesk").exists():
        pytest.skip("shared/bin/check-seed or .venv/bin/newsdesk is absent")
    done = subprocess.run([shutil.which("bash"), script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "the seed reads exactly as its gold says" in done.stdout


def test_extract_json_carries_what_was_understood(db_path, news_folder):
    record = json.loads(cli("extract", str(news_folder / "seed.txt"), "--json").stdout)
    people = {e["name"]: e for e in record["entities"] if e["type"] == "person"}
    assert people["Vladimir Medinsky"]["roles"][0]["title"] == "presidential aide"
    assert people["Vladimir Medinsky"]["affiliation"] == "Russia"
    assert {q["speaker"] for q in record["quotes"]} == {"Dmitry Peskov", "Marco Rubio"}
    assert {"text": "yesterday evening", "normalized": "2025-05-14", "kind": "date", "approximate": False} \
        in record["time_expressions"]
    assert {e["type"] for e in record["events"]} == {"meeting", "negotiation", "appointment", "statement"}
    cli("ingest", str(news_folder / "seed.txt"))
    article_id = json.loads(cli("articles", "--json").stdout)[0]["id"]
    shown = json.loads(cli("show", article_id, "--json").stdout)
    assert shown["entities"] == record["entities"] and shown["events"] == record["events"]


def test_a_bug_while_understanding_names_the_document_and_spares_the_rest(db_path, news_folder, monkeypatch):
    import newsdesk.understand as understand

    real = understand.read_article

    def broken(article, docs, kinds):
        if "2025-05-20" in (article.published or ""):
            raise ZeroDivisionError("boom")
        return real(article, docs, kinds)

    monkeypatch.setattr(understand, "read_article", broken)
    result = cli("ingest", str(news_folder))
    assert result.exit_code == 0
    assert "other.txt: unexpected ZeroDivisionError: boom" in result.stderr
    assert "1 ingested" in result.stdout


def test_show_prints_what_the_page_shows(db_path, news_folder):
    cli("ingest", str(news_folder / "seed.txt"))
    article_id = json.loads(cli("articles", "--json").stdout)[0]["id"]
    shown = cli("show", article_id).stdout
    assert "2025-05-15" in shown
    assert "People" in shown and "Vladimir Medinsky — " in shown
    assert "Quotes" in shown and "Events" in shown


def test_the_command_line_as_people_type_it(db_path, news_folder, tmp_path):
    cli("ingest", str(news_folder / "seed.txt"))
    unquoted = cli("entity", "Vladimir", "Medinsky", "--json")
    assert unquoted.exit_code == 0 and json.loads(unquoted.stdout)["name"] == "Vladimir Medinsky"
    nothing = cli("search", "zzyzx")
    assert nothing.exit_code == 0 and "no articles match 'zzyzx'" in nothing.stdout
    for command in (["articles", "--limit", "-5"], ["search", "x", "--limit", "0"], ["entities", "--limit", "-1"]):
        refused = runner.invoke(app, command)
        assert refused.exit_code == 2 and "Invalid value" in refused.output
    empty = tmp_path / "empty_dir"
    empty.mkdir()
    extracted = cli("extract", str(empty))
    assert extracted.exit_code == 1 and "nothing to read there" in extracted.stderr
    ingested = cli("ingest", str(empty))
    assert ingested.exit_code == 1 and f"found nothing to read in {empty}" in ingested.stderr


def test_an_unsupported_store_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSDESK_DB", "mysql://root@localhost/news")
    result = runner.invoke(app, ["articles"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "newsdesk: NEWSDESK_DB=mysql://…: newsdesk stores articles in SQLite (a file path) "
        "or PostgreSQL (postgresql://user@host:5432/db)"]


def test_serve_on_a_port_in_use_says_so_and_never_claims_to_serve(db_path):
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        result = runner.invoke(app, ["serve", "--host", "127.0.0.1", "--port", str(port)])
    finally:
        taken.close()
    assert result.exit_code == 1
    assert "serving" not in result.stdout
    assert result.stderr.strip().startswith(f"newsdesk: cannot serve on 127.0.0.1:{port}: ")


def test_the_same_page_from_two_places_is_one_version(db_path, tmp_path):
    """A version is new only when the content changes, not where it was read from (two JSON Lines
    files, or two feeds, carrying one URL)."""
    page = (ROOT / "samples" / "example-harbour-strike.html").read_text(encoding="utf-8")
    for name in ("va", "vb"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "docs.jsonl").write_text(json.dumps({"url": "https://example.org/strike", "html": page}) + "\n")
    for _ in range(3):
        assert cli("ingest", str(tmp_path / "va"), str(tmp_path / "vb")).exit_code == 0
    listed = json.loads(cli("articles", "--json").stdout)
    assert len(listed) == 1 and listed[0]["version"] == 1


def test_a_local_page_claiming_a_stored_url_is_its_own_article(db_path, tmp_path):
    page = (ROOT / "samples" / "example-harbour-strike.html").read_text(encoding="utf-8")
    canonical = "https://news.example.org/business/harbour-strike-third-day"
    (tmp_path / "real.jsonl").write_text(json.dumps({"url": canonical, "html": page}) + "\n")
    (tmp_path / "evil.html").write_text(page.replace("<h1>", "<h1>Google admits Stadia was a hoax. "))
    assert cli("ingest", str(tmp_path / "real.jsonl")).exit_code == 0
    assert cli("ingest", str(tmp_path / "evil.html")).exit_code == 0
    listed = json.loads(cli("articles", "--json").stdout)
    assert len(listed) == 2 and all(a["version"] == 1 for a in listed)
    real = next(a for a in listed if a["origin"].endswith("real.jsonl:1"))
    assert "Stadia" not in real["headline"]


def test_reading_settings_come_from_the_environment_at_the_edge(db_path, news_folder, monkeypatch):
    """NEWSDESK_SPACY_MODELS is read where the command starts and handed down to understanding."""
    monkeypatch.setenv("NEWSDESK_SPACY_MODELS", "en=no_such_pipeline_xx")
    result = runner.invoke(app, ["extract", str(news_folder / "seed.txt")])
    assert result.exit_code == 1 and "no_such_pipeline_xx" in result.stderr + str(result.exception)
    monkeypatch.delenv("NEWSDESK_SPACY_MODELS")
    assert runner.invoke(app, ["extract", str(news_folder / "seed.txt")]).exit_code == 0

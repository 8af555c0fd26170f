"""Exports: JSON Lines, JSON-LD, and Parquet tables that DuckDB and pyarrow read as they are."""

import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsdesk.cli import app

runner = CliRunner()


@pytest.fixture
def filled(db_path, seed_path, tmp_path):
    from helpers import WIRE_PAGE

    result = runner.invoke(app, ["ingest", str(seed_path), str(WIRE_PAGE)])
    assert result.exit_code == 0
    return db_path


def test_jsonl_is_the_show_json_a_line(filled):
    lines = runner.invoke(app, ["export", "--format", "jsonl"]).stdout.strip().splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 2
    shown = json.loads(runner.invoke(app, ["show", records[0]["id"], "--json"]).stdout)
    assert records[0] == shown


def test_jsonld_is_a_graph_of_news_articles(filled, tmp_path):
    out = tmp_path / "news.jsonld"
    runner.invoke(app, ["export", "--format", "jsonld", "--output", str(out)])
    doc = json.loads(out.read_text())
    assert doc["@context"] == "https://schema.org"
    assert {a["@type"] for a in doc["@graph"]} == {"NewsArticle"}
    assert {a["headline"] for a in doc["@graph"]} == {
        "Putin gathers top officials ahead of Ukraine talks in Istanbul",
        "Harbour strike halts exports for a third day"}


def test_parquet_tables_read_straight_into_duckdb_and_pyarrow(filled, tmp_path):
    folder = tmp_path / "export"
    result = runner.invoke(app, ["export", "--format", "parquet", "--output", str(folder)])
    assert result.exit_code == 0 and "2 articles exported" in result.stderr
    assert pq.read_table(folder / "articles.parquet").num_rows == 2
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    people = con.execute(
        f"SELECT e.name, r.title FROM '{folder}/entities.parquet' e JOIN '{folder}/roles.parquet' r "
        "USING (article_id, name) WHERE e.type = 'person' AND e.affiliation = 'Russia' ORDER BY e.name").fetchall()
    assert ("Vladimir Medinsky", "presidential aide") in people
    heads = con.execute(f"SELECT name FROM '{folder}/participants.parquet' WHERE part = 'delegation head'").fetchall()
    assert heads == [("Vladimir Medinsky",)]
    count = con.execute(f"SELECT count(*) FROM '{folder}/body.parquet' WHERE type = 'heading'").fetchone()[0]
    assert count == 4


def test_unknown_format_is_refused(filled):
    result = runner.invoke(app, ["export", "--format", "xml"])
    assert result.exit_code == 2 and "choose one of jsonl, jsonld, parquet" in result.stderr

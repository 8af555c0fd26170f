"""`ingest --cluster`: the same stored result on a Dask LocalCluster as in a local run."""

import json
import shutil

import pytest
from typer.testing import CliRunner

from helpers import CAFE_PAGE, WIRE_PAGE
from newsdesk import pipeline
from newsdesk.cluster import connect
from newsdesk.errors import ClusterError
from newsdesk.store import open_store

runner = CliRunner()


@pytest.fixture
def folder(tmp_path, seed_text):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "seed.txt").write_text(seed_text)
    (pages / "other.txt").write_text(seed_text.replace("date 2025-05-15", "date 2025-05-20"))
    for page in (WIRE_PAGE, CAFE_PAGE):
        shutil.copy(page, pages / page.name)
    (pages / "empty.txt").write_bytes(b"")
    return pages


def stored(db) -> dict:
    with open_store(str(db)) as st:
        return {a.id: st.get(a.id).to_json() for a in st.articles(limit=100)}


def test_local_cluster_stores_what_a_local_run_stores(folder, tmp_path):
    local_db, cluster_db = tmp_path / "local.db", tmp_path / "cluster.db"
    with open_store(str(local_db)) as st:
        local = pipeline.ingest(pipeline.plan_sources([str(folder)]), st)
    with open_store(str(cluster_db)) as st, connect("local:2") as client:
        assert len(client.scheduler_info()["workers"]) == 2
        distributed = pipeline.ingest(pipeline.plan_sources([str(folder)]), st, client=client)
    assert local.to_json()["new"] == distributed.to_json()["new"] == 4
    assert [f.origin for f in local.failures] == [f.origin for f in distributed.failures]
    assert stored(local_db) == stored(cluster_db)


def test_cluster_option_on_the_command_line(folder, db_path):
    from newsdesk.cli import app

    result = runner.invoke(app, ["ingest", str(folder), "--cluster", "local:1", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["new"] == 4


@pytest.mark.parametrize("spec", ["local:zero", "local:0", "udp://x", "tcp://127.0.0.1:9"])
def test_bad_cluster_specs_are_clear_errors(spec):
    with pytest.raises(ClusterError):
        with connect(spec, timeout=2):
            pass

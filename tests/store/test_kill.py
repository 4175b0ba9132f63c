"""kill -9 during a long ingest leaves no partial and, after a re-run, no duplicate document."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from polemos.store.store import Store

pytestmark = [pytest.mark.model, pytest.mark.slow]


def test_kill_9_then_rerun(shared: Path, tmp_path: Path, nlp: object) -> None:
    source = shared / "corpus" / "voa" / "voa_stories.jsonl"
    db = tmp_path / "k.duckdb"
    cmd = [sys.executable, "-m", "polemos", "ingest", str(source), "--db", str(db), "--quiet",
           "--workers", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(12)  # model loaded, some batches written; wherever it is, the kill must be safe
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store.open(db) as store:
        partial = store._rows(
            "SELECT d.doc_id FROM documents d LEFT JOIN sentences s USING (doc_id) "
            "GROUP BY d.doc_id, d.n_sentences HAVING count(s.idx) <> d.n_sentences"
        )
        orphans = store._rows(
            "SELECT doc_id FROM sentences EXCEPT SELECT doc_id FROM documents"
        )
        assert partial == [] and orphans == []
        before = len(store.document_ids())
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert f"{49 - before} stored, {before} already stored" in done.stderr
    with Store.open(db, read_only=True) as store:
        ids = store._rows("SELECT doc_id, count(*) AS n FROM documents GROUP BY doc_id")
        assert len(ids) == 49 and all(r["n"] == 1 for r in ids)

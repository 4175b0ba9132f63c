"""Ingest with several worker processes: the same store as one process, one writer, and a
kill -9 that leaves no half document, no worker behind and nothing stored twice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from polemos.pipeline import ingest
from polemos.store.store import Store
from polemos.workers import DOCS_PER_WORKER, MIN_TASK, estimate_documents, plan, task_size


@pytest.mark.parametrize(("n_documents", "workers", "expected"), [
    (0, 4, (1, 1)),
    (DOCS_PER_WORKER - 1, 2, (1, 2)),  # too few for a second process
    (2 * DOCS_PER_WORKER, 2, (2, 2)),
    (49, 2, (2, 7)),
    (100_000, 2, (2, 32)),  # never more than one nlp.pipe batch per task
    (100_000, 64, (64, 32)),
])
def test_plan_codes_small_inputs_here_and_splits_large_ones(
    n_documents: int, workers: int, expected: tuple[int, int]
) -> None:
    assert plan(n_documents, workers=workers, batch_size=32) == expected


def test_tasks_shrink_towards_the_end_so_workers_finish_together() -> None:
    sizes, left = [], 300
    while left > 0:
        sizes.append(task_size(left, workers=2, largest=32))
        left -= sizes[-1]
    assert sizes[:3] == [32, 32, 32] and sizes[-1] == MIN_TASK
    assert sizes == sorted(sizes, reverse=True) and max(sizes[-4:]) <= 8
    assert task_size(-5, workers=2, largest=32) == MIN_TASK  # more than expected: small tasks
    assert task_size(1000, workers=2, largest=2) == 2  # never above the largest


def test_estimate_counts_records_in_dumps_and_files_in_folders(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n\n{"text": "z"}\n')
    (tmp_path / "b.csv").write_text("text\nx\ny\n")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "one.txt").write_text("x")
    (folder / "two.html").write_text("<p>x</p>")
    (folder / "skip.pdf").write_text("x")
    sources = [str(tmp_path / "a.jsonl"), str(tmp_path / "b.csv"), str(folder),
               "https://example.org/feed.xml"]
    assert estimate_documents(sources) == 4 + 2 + 2 + 1


def voa_sample(shared: Path, tmp_path: Path, n: int) -> Path:
    lines = (shared / "corpus" / "voa" / "voa_stories.jsonl").read_text().splitlines()
    path = tmp_path / "sample.jsonl"
    path.write_text("\n".join(lines[:n]) + "\n")
    return path


def store_ids(db: Path) -> tuple[list[str], list[tuple[str, str]]]:
    with Store.open(db, read_only=True) as store:
        docs = [r["doc_id"] for r in store._rows("SELECT doc_id FROM documents ORDER BY doc_id")]
        events = [(r["event_id"], r["merged_id"]) for r in store._rows(
            "SELECT event_id, merged_id FROM events ORDER BY event_id")]
    return docs, events


@pytest.mark.model
@pytest.mark.corpus
@pytest.mark.slow
def test_two_workers_store_what_one_process_stores(shared: Path, tmp_path: Path,
                                                   nlp: object) -> None:
    source = voa_sample(shared, tmp_path, 2 * DOCS_PER_WORKER + 2)
    one = ingest([str(source)], db=tmp_path / "one.duckdb", workers=1)
    done: list[tuple[int, int]] = []
    two = ingest([str(source)], db=tmp_path / "two.duckdb", workers=2,
                 on_done=lambda docs, words: done.append((docs, words)))
    assert one.stored == two.stored and len(two.stored) == 2 * DOCS_PER_WORKER + 2
    assert store_ids(tmp_path / "one.duckdb") == store_ids(tmp_path / "two.duckdb")
    assert sum(docs for docs, _ in done) == len(two.stored)
    assert sum(words for _, words in done) == sum(
        len(json.loads(line)["text"].split()) for line in source.read_text().splitlines())


def descendants_of(pid: int) -> list[int]:
    """Every process below ``pid``, however deep."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    found, frontier = [], [pid]
    while frontier:
        below = [child for child, parent in parents.items() if parent in frontier]
        found += below
        frontier = below
    return found


def is_alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.model
@pytest.mark.corpus
@pytest.mark.slow
def test_kill_9_of_a_two_worker_ingest_then_rerun(shared: Path, tmp_path: Path,
                                                  nlp: object) -> None:
    source = shared / "corpus" / "voa" / "voa_stories.jsonl"
    db = tmp_path / "k.duckdb"
    cmd = [sys.executable, "-m", "polemos", "ingest", str(source), "--db", str(db), "--quiet",
           "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(workers := descendants_of(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)  # the two workers (and multiprocessing's resource tracker)
    time.sleep(10)  # workers coding, some batches written: wherever it is, the kill is safe
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(is_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(workers) >= 2 and not any(is_alive(pid) for pid in workers)
    with Store.open(db) as store:
        partial = store._rows(
            "SELECT d.doc_id FROM documents d LEFT JOIN sentences s USING (doc_id) "
            "GROUP BY d.doc_id, d.n_sentences HAVING count(s.idx) <> d.n_sentences"
        )
        orphans = store._rows("SELECT doc_id FROM events EXCEPT SELECT doc_id FROM documents")
        assert partial == [] and orphans == []
        before = len(store.document_ids())
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert f"{49 - before} stored, {before} already stored" in done.stderr
    with Store.open(db, read_only=True) as store:
        ids = store._rows("SELECT doc_id, count(*) AS n FROM documents GROUP BY doc_id")
        assert len(ids) == 49 and all(r["n"] == 1 for r in ids)
        assert store._rows("SELECT count(*) AS n FROM events WHERE merged_id IS NULL")[0]["n"] == 0

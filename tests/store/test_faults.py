"""Opening and writing a store when something is wrong with the file or the disk: each case
gets its own one-line message, nothing is added to a file that is not ours, DuckDB never
loads an extension, and merging resumes on the next writable open (issue 12, part 4)."""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from polemos.errors import StoreError
from polemos.records import Article, Event, EventDate, Participant, Result, Sentence
from polemos.store.store import Store

BLOCK = 262_144  # DuckDB's block size; data blocks start after three 4 KiB headers
FIRST_BLOCK = 12_288


def polemos(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "polemos", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def assert_one_line(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), done.stderr
    for word in words:
        assert word in lines[0]


def sqlite_file(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (a)")
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize("make,words", [
    (sqlite_file, ("is a SQLite database, not a DuckDB one",)),
    (lambda p: p.write_bytes(b"hello, not a database\n" * 100) and p,
     ("is not a DuckDB database file",)),
    (lambda p: p.write_bytes(b"") or p, ("is an empty file",)),
    (lambda p: p.mkdir() or p, ("is a folder",)),
])
@pytest.mark.parametrize("read_only", [False, True])
def test_a_file_that_is_not_a_duckdb_database_is_named_for_what_it_is(
        tmp_path: Path, make: Any, words: tuple[str, ...], read_only: bool) -> None:
    path = make(tmp_path / "x.db") or tmp_path / "x.db"
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StoreError) as caught:
        Store.open(path, read_only=read_only)
    message = str(caught.value)
    assert all(w in message for w in words) and "another polemos process" not in message
    assert "\n" not in message
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no .wal, nothing added


def test_the_cli_says_so_in_one_line_for_a_sqlite_file(tmp_path: Path) -> None:
    db = sqlite_file(tmp_path / "x.sqlite")
    assert_one_line(polemos("docs", "--db", str(db)), "SQLite")
    assert_one_line(polemos("ingest", str(tmp_path / "none.txt"), "--db", str(db)), "SQLite")


def test_a_foreign_duckdb_database_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "theirs.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (n INTEGER)")
    con.execute("CREATE VIEW totals AS SELECT sum(n) AS n FROM sales")
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="a DuckDB database but not a Polemos one .it holds "
                                             "sales, totals"):
            Store.open(path, read_only=read_only)
    con = duckdb.connect(str(path), read_only=True)
    names = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() "
                                       "UNION SELECT view_name FROM duckdb_views() "
                                       "WHERE NOT internal").fetchall()}
    con.close()
    assert names == {"sales", "totals"}


def test_an_empty_duckdb_database_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    duckdb.connect(str(path)).close()
    with Store.open(path) as store:
        assert store._rows("SELECT count(*) AS n FROM documents") == [{"n": 0}]


def test_duckdb_never_autoloads_or_installs_an_extension(store: Store) -> None:
    settings = store._rows(
        "SELECT current_setting('autoload_known_extensions') AS autoload, "
        "current_setting('autoinstall_known_extensions') AS autoinstall")
    assert settings == [{"autoload": False, "autoinstall": False}]


def test_a_database_locked_by_another_process_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    Store.open(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", ("import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('ready', flush=True); time.sleep(60)"), str(path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process"):
            Store.open(path)
    finally:
        holder.kill()
        holder.wait()


def _store_with_text(path: Path, n_chars: int) -> None:
    rng = random.Random(7)
    text = "".join(rng.choice("abcdefghij klmnopqrstuvwxyz") for _ in range(n_chars))
    with Store.open(path) as store:
        store.add([Result(Article("d1", text, title="T"),
                          (Sentence("d1", 0, 0, len(text), text),), (), (), ())])


def _damaged(source: Path, target: Path, offset: int) -> Path:
    data = bytearray(source.read_bytes())
    data[offset] ^= 0xFF
    target.write_bytes(data)
    return target


def test_a_damaged_header_is_named_damaged_not_locked(tmp_path: Path) -> None:
    good = tmp_path / "good.duckdb"
    _store_with_text(good, 1000)
    bad = _damaged(good, tmp_path / "bad.duckdb", FIRST_BLOCK + 100)
    with pytest.raises(StoreError, match="the database file is damaged") as caught:
        Store.open(bad, read_only=True)
    assert "another" not in str(caught.value)
    assert_one_line(polemos("docs", "--db", str(bad)), "damaged")


def _block_read_only_by_queries(good: Path, tmp_path: Path) -> Path:
    """A copy with one damaged block that opening does not read, but reading the text does."""
    size = good.stat().st_size
    for n, offset in enumerate(range(FIRST_BLOCK + 5000, size, BLOCK)):
        copy = _damaged(good, tmp_path / f"copy{n}.duckdb", offset)
        try:
            with Store.open(copy, read_only=True) as store:
                try:
                    store._rows("SELECT text FROM documents")
                except duckdb.Error:
                    return copy
        except StoreError:
            continue
    pytest.fail("no block of the text was found: did DuckDB's file layout change?")


def test_a_damaged_block_met_by_a_query_ends_in_one_line(tmp_path: Path) -> None:
    good = tmp_path / "good.duckdb"
    _store_with_text(good, 800_000)
    bad = _block_read_only_by_queries(good, tmp_path)
    assert_one_line(polemos("show", "d1", "--db", str(bad)), "The database file is damaged")


class _FullDisk:
    """A connection whose writes fail as on a full disk, and whose rollback fails too."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.startswith(("INSERT", "COMMIT", "ROLLBACK", "UPDATE")):
            raise duckdb.IOException('IO Error: Could not write file "x.duckdb.wal": '
                                     "No space left on device")
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def _result(doc_id: str) -> Result:
    text = f"Arnor met Gondor ({doc_id})."
    return Result(Article(doc_id, text), (Sentence(doc_id, 0, 0, len(text), text),), (), (), ())


def test_a_full_disk_is_one_store_error_even_when_the_rollback_fails(tmp_path: Path) -> None:
    path = tmp_path / "full.duckdb"
    with Store.open(path) as store:
        real = store.con
        store.con = _FullDisk(real)  # type: ignore[assignment]
        with pytest.raises(StoreError, match="the disk is full") as caught:
            store.add([_result("d1")])
        assert isinstance(caught.value.__cause__, duckdb.IOException)
        assert caught.value.__context__ is caught.value.__cause__  # no second error on top
        store.con = real
    with Store.open(path, read_only=True) as store:
        assert store.document_ids() == set()


def test_a_bug_in_a_write_is_not_disguised_as_a_store_fault(store: Store) -> None:
    store.add([_result("d1")])
    with pytest.raises(duckdb.ConstraintException):
        store.con.execute("INSERT INTO documents (doc_id, text) VALUES ('d1', 'x')")


def _write_protect(monkeypatch: pytest.MonkeyPatch, protected: Path) -> None:
    """Make ``protected`` read-only: chmod for a user, os.access for root (who may write
    anything, so only the check itself can be exercised)."""
    if os.geteuid() != 0:
        protected.chmod(0o555 if protected.is_dir() else 0o444)
        return
    real_access = os.access

    def access(path: Any, mode: int, **kw: Any) -> bool:
        if Path(path) == protected and mode & os.W_OK:
            return False
        return real_access(path, mode, **kw)

    monkeypatch.setattr(os, "access", access)


def test_a_read_only_database_file_is_named_read_only(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ro.duckdb"
    Store.open(path).close()
    _write_protect(monkeypatch, path)
    with pytest.raises(StoreError, match="ro.duckdb is read-only, and this command writes"):
        Store.open(path)
    Store.open(path, read_only=True).close()  # reading it still works


def test_a_read_only_folder_is_named_read_only(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    Store.open(folder / "a.duckdb").close()
    _write_protect(monkeypatch, folder)
    with pytest.raises(StoreError, match="its folder .* is read-only"):
        Store.open(folder / "a.duckdb")
    with pytest.raises(StoreError, match="is not writable, so the database cannot be created"):
        Store.open(folder / "new.duckdb")


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="the folder .*nowhere does not exist"):
        Store.open(tmp_path / "nowhere" / "a.duckdb")


# -- merging resumes -----------------------------------------------------------------------

def _meeting(doc_id: str) -> Result:
    """One report of the same meeting (same day, same actors, same type) per document."""
    text = f"Arnor met Gondor on 2 May 2030 ({doc_id})."
    event = Event(f"{doc_id}-e1", doc_id, 0, "CONSULT", "040", 1.0, 1,
                  (Participant("ARN", None, "Arnor", 0, 5),),
                  (Participant("GON", None, "Gondor", 10, 16),),
                  date=EventDate(dt.date(2030, 5, 2), "day", "text"))
    return Result(Article(doc_id, text), (Sentence(doc_id, 0, 0, len(text), text),),
                  events=(event,))


def _event_counts(path: Path) -> tuple[int, int]:
    with Store.open(path, read_only=True) as store:
        [row] = store._rows("SELECT count(DISTINCT merged_id) AS merged, "
                           "count(*) FILTER (WHERE merged_id IS NULL) AS unmerged FROM events")
        return row["merged"], row["unmerged"]


def test_merging_left_by_a_stopped_run_finishes_at_the_next_writable_open(
        tmp_path: Path) -> None:
    whole, stopped = tmp_path / "whole.duckdb", tmp_path / "stopped.duckdb"
    with Store.open(whole) as store:
        store.add([_meeting(d) for d in ("d1", "d2", "d3")])
        store.merge_new_events()
    with Store.open(stopped) as store:  # a run killed between storing and merging
        store.add([_meeting(d) for d in ("d1", "d2", "d3")])
    assert _event_counts(stopped) == (0, 3)
    Store.open(stopped).close()  # every ingest (even one storing nothing) opens it so first
    assert _event_counts(stopped) == _event_counts(whole) == (1, 0)


def test_events_count_the_same_after_a_stopped_run_and_a_rerun_that_stores_nothing(
        tmp_path: Path) -> None:
    whole, stopped = tmp_path / "whole.duckdb", tmp_path / "stopped.duckdb"
    with Store.open(whole) as store:
        store.add([_meeting(d) for d in ("d1", "d2", "d3")])
        store.merge_new_events()
    with Store.open(stopped) as store:  # killed after storing, before merging
        store.add([_meeting(d) for d in ("d1", "d2", "d3")])
    polemos("ingest", str(tmp_path / "nothing-new.txt"), "--db", str(stopped))

    def n_events(db: Path) -> int:
        done = polemos("events", "--format", "jsonl", "--db", str(db))
        assert done.returncode == 0, done.stderr
        return len(done.stdout.splitlines())

    assert n_events(stopped) == n_events(whole) == 1

"""The store: whole documents, idempotent re-runs, records round-trip, clear errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from polemos.errors import SchemaVersionError, StoreError
from polemos.records import (
    Article, Claim, Event, EventDate, Mention, Participant, Result, Sentence, Skip,
)
from polemos.store.store import Store


def make_result(doc_id: str = "d1", *, n_sentences: int = 2) -> Result:
    text = " ".join(f"Arnor met Gondor {i}." for i in range(n_sentences))
    sentences = tuple(
        Sentence(doc_id, i, i * 18, i * 18 + 17, text[i * 18 : i * 18 + 17]) for i in range(n_sentences)
    )
    arnor = Participant("ARN", "GOV", "Arnor", 0, 5)
    gondor = Participant("GON", None, "Gondor", 10, 16)
    event = Event(
        event_id=f"{doc_id}-e1", doc_id=doc_id, sentence=0, type="CONSULT", cameo="040",
        goldstein=1.0, quad=1, actors=(arnor,), recipients=(gondor,), contexts=("diplomatic",),
        trigger="met", trigger_start=6, trigger_end=9,
        date=EventDate(dt.date(2000, 5, 1), "month", "text", text="in May 2000"),
        is_hypothetical=True, sentence_text=sentences[0].text, sentence_end=17,
        pattern="meet.v1", coder="rules.v1", confidence=0.8, is_secondary=True,
    )
    claim = Claim("c1", doc_id, 0, "stance", "ARN", sentences[0].text, 0, 17, toward=("GON",),
                  polarity=0.5, topic="support", rule="back")
    mention = Mention(doc_id, 0, 0, 5, "Arnor", "ARN", "GOV", None, "state", 1.0, (), "kb")
    article = Article(doc_id, text, title="T", published=dt.date(2000, 5, 2))
    return Result(article, sentences, (mention,), (event,), (claim,),
                  (EventDate(dt.date(2000, 5, 1), "month", "text"),) * n_sentences)


def test_add_then_read_gives_the_same_records(store: Store) -> None:
    result = make_result()
    assert store.add([result]) == ["d1"]
    [event] = store.event_reports()
    assert event == result.events[0]
    assert store.claims() == list(result.claims)
    [row] = store._rows("SELECT code, kind, members FROM mentions")
    assert row == {"code": "ARN", "kind": "state", "members": []}
    assert store._rows("SELECT count(*) AS n FROM sentences")[0]["n"] == 2


def test_rerun_adds_nothing(store: Store) -> None:
    store.add([make_result()])
    assert store.add([make_result()]) == []
    assert store._rows("SELECT count(*) AS n FROM documents")[0]["n"] == 1
    assert store._rows("SELECT count(*) AS n FROM events")[0]["n"] == 1


def test_same_document_twice_in_one_batch_is_written_once(store: Store) -> None:
    assert store.add([make_result(), make_result()]) == ["d1"]


def test_failed_write_leaves_no_part_of_the_batch(store: Store) -> None:
    good = make_result("d1")
    bad = make_result("d2")
    broken = Result(bad.article, bad.sentences, bad.mentions, good.events)  # duplicate event id
    with pytest.raises(duckdb.Error):
        store.add([good, broken])
    assert store._rows("SELECT count(*) AS n FROM documents")[0]["n"] == 0
    assert store._rows("SELECT count(*) AS n FROM sentences")[0]["n"] == 0


def test_skips_are_kept_with_their_reason(store: Store) -> None:
    store.add_skip(Skip("a.txt", "language", "not English (detected 'fr')"))
    store.add_skip(Skip("a.txt", "language", "not English (detected 'fr')"))
    assert store._rows("SELECT item, reason FROM skips") == [
        {"item": "a.txt", "reason": "not English (detected 'fr')"}
    ]


def test_merged_ids_are_recorded(store: Store) -> None:
    store.add([make_result()])
    store.set_merged_ids({"d1-e1": "m1"})
    assert store._rows("SELECT merged_id FROM events") == [{"merged_id": "m1"}]


def test_other_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE schema_version SET version = 99")
    con.close()
    with pytest.raises(SchemaVersionError, match="schema version 99"):
        Store.open(path)


def test_reading_a_missing_database_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="polemos ingest"):
        Store.open(tmp_path / "none.duckdb", read_only=True)


def test_file_store_persists(tmp_path: Path) -> None:
    path = tmp_path / "p.duckdb"
    with Store.open(path) as s:
        s.add([make_result()])
    with Store.open(path, read_only=True) as s:
        assert s.document_ids() == {"d1"}


def test_events_for_merging_keep_what_merging_reads(store: Store) -> None:
    result = make_result()
    store.add([result])
    [light] = store.events_for_merging()
    full = result.events[0]
    assert (light.event_id, light.type, light.cameo, light.date.value, light.date.precision) == (
        full.event_id, full.type, full.cameo, full.date.value, full.date.precision)
    assert [p.code for p in light.actors] == ["ARN"] and light.is_hypothetical
    assert light.sentence_text == ""

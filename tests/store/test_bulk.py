"""Parquet datasets in the store's schema load into a store like store.add, once, and an
outdated or incomplete folder is refused with what to do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from polemos.errors import InputError
from polemos.records import Article, Claim, Event, EventDate, Participant, Result, Sentence
from polemos.store.bulk import TABLES, load_datasets, result_tables
from polemos.store.store import Store


def result(doc_id: str, day: int) -> Result:
    text = "Arnor met Gondor."
    date = EventDate(dt.date(2030, 4, day), "day", "text")
    arnor = (Participant("ARN", None, "Arnor", 0, 5),)
    event = Event(f"{doc_id}-e", doc_id, 0, "CONSULT", "040", 1.0, 1, arnor, date=date,
                  sentence_text=text, sentence_end=17)
    claim = Claim(f"{doc_id}-c", doc_id, 0, "stance", "ARN", text, 0, 17)
    return Result(Article(doc_id, text, published=dt.date(2030, 4, 9)),
                  (Sentence(doc_id, 0, 0, 17, text),), events=(event,), claims=(claim,),
                  sentence_dates=(date,))


def write_datasets(folder: Path, results: list[Result]) -> None:
    for name, table in result_tables(results).items():
        (folder / name / "year=2030").mkdir(parents=True)
        if table.num_rows:
            pq.write_table(table, folder / name / "year=2030" / "part-0.parquet")


def rows(store: Store) -> dict[str, list[tuple[object, ...]]]:
    return {name: sorted(store.con.execute(f"SELECT * FROM {name}").fetchall(), key=str)
            for name in TABLES if name != "documents"}


def test_loaded_datasets_equal_added_results_and_load_once(tmp_path: Path, store: Store) -> None:
    results = [result("a", 2), result("b", 2)]  # the same day: their events merge on load
    write_datasets(tmp_path, results)
    assert load_datasets(store, tmp_path) == ["a", "b"]
    assert load_datasets(store, tmp_path) == []
    with Store.open(":memory:") as added:
        added.add(results)
        added.merge_new_events()
        assert rows(store) == rows(added)
    assert store._rows("SELECT DISTINCT merged_id FROM events") == [{"merged_id": "a-e"}]


def test_a_folder_without_the_datasets_is_refused(tmp_path: Path, store: Store) -> None:
    (tmp_path / "documents").mkdir()
    with pytest.raises(InputError, match="no sentences, mentions, events, claims dataset"):
        load_datasets(store, tmp_path)


def test_an_outdated_dataset_names_its_missing_columns(tmp_path: Path, store: Store) -> None:
    write_datasets(tmp_path, [result("a", 2)])
    part = tmp_path / "events" / "year=2030" / "part-0.parquet"
    pq.write_table(pq.read_table(part).drop_columns(["date_reason"]), part)
    with pytest.raises(InputError, match="no date_reason column.*spark-ingest"):
        load_datasets(store, tmp_path)
    assert store.document_ids() == set()

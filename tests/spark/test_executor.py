"""The executor side of spark-ingest without Spark: a document that fails is reported, not lost."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pyarrow as pa
import pytest

from polemos.records import Article, Failure, Result, Sentence
from polemos.settings import Settings
from polemos.spark import executor


def _result(doc_id: str) -> Result:
    text = "Arnor met Gondor."
    return Result(Article(doc_id, text, published=dt.date(2031, 5, 2)),
                  (Sentence(doc_id, 0, 0, len(text), text),))


def test_a_failed_document_is_a_row_of_its_own() -> None:
    batch = executor.coded_batch([_result("d1")], [Failure("bad.txt", "bad.txt: coding: boom")])
    rows = batch.to_pylist()
    assert batch.schema == executor.coded_schema()
    assert [(r["doc_id"], r["year"], r["failed_item"], r["failure"]) for r in rows] == [
        ("d1", 2031, None, None), (None, None, "bad.txt", "bad.txt: coding: boom")]
    assert len(rows[0]["sentences"]) == 1


def test_code_batches_reports_the_documents_that_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings()
    monkeypatch.setitem(executor._CODERS, settings, object())

    def run(articles: list[Article], coder: object, *, batch_size: int
            ) -> Iterator[Result | Failure]:
        for article in articles:
            if "fails" in article.text:
                yield Failure(article.doc_id, f"{article.doc_id}: events: internal error")
            else:
                yield _result(article.doc_id)

    monkeypatch.setattr("polemos.pipeline.run", run)
    batch = pa.RecordBatch.from_pylist(
        [{"doc_id": "a", "text": "fine"}, {"doc_id": "b", "text": "this one fails"},
         {"doc_id": "c", "text": "fine too"}])
    out = list(executor.code_batches(iter([batch]), settings, dt.date(2031, 6, 1)))
    rows = [row for b in out for row in b.to_pylist()]
    assert [r["doc_id"] for r in rows if r["failure"] is None] == ["a", "c"]
    assert [r["failure"] for r in rows if r["failure"]] == ["b: events: internal error"]


def test_drafts_from_the_driver_are_finished_here_and_foreign_ones_come_back_as_skips() -> None:
    english = ("The foreign ministers of Arnor and Gondor met on 3 May 2031 and agreed to reopen "
               "the border crossing that was closed during the winter.")
    french = ("Les ministres des affaires étrangères se sont réunis mardi et ont convenu de "
              "rouvrir la frontière fermée pendant tout l'hiver.")
    batch = pa.RecordBatch.from_pylist([
        {"doc_id": "en1", "text": english, "source": "a.jsonl:1", "published": "2031-05-04"},
        {"doc_id": "fr1", "text": french, "source": "a.jsonl:2", "published": "2031-05-04"}])
    articles, skips = executor.articles_of(batch, today=dt.date(2031, 6, 1))
    assert [(a.doc_id, a.language, a.text_date) for a in articles] == [
        ("en1", "en", dt.date(2031, 5, 3))]
    assert [(s.item, s.stage) for s in skips] == [("a.jsonl:2", "language")]
    rows = executor.coded_batch([_result("en1")], [], skips).to_pylist()
    assert [(r["doc_id"], r["failed_item"], r["skipped"]) for r in rows] == [
        ("en1", None, None), (None, "a.jsonl:2", "language")]
    assert rows[1]["failure"].startswith("not English")

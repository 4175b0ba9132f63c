"""The pipeline: stage order, offsets that point into the text, idempotent ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from polemos.pipeline import Coder, ingest, run
from polemos.records import Article
from polemos.settings import Settings
from polemos.store.store import Store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def coder(nlp: object) -> Coder:
    return Coder.load(Settings())


def test_run_keeps_order_and_offsets_point_into_the_text(coder: Coder) -> None:
    articles = [
        Article("a1", "Arnor sent envoys to Gondor. They met on 3 May 2001.\n\nTalks went on."),
        Article("a2", "Rohan protested.  Gondor did not reply."),
    ]
    results = list(run(articles, coder, batch_size=1))
    assert [r.article.doc_id for r in results] == ["a1", "a2"]
    for result in results:
        text = result.article.text
        assert [s.index for s in result.sentences] == list(range(len(result.sentences)))
        assert len(result.sentence_dates) == len(result.sentences)
        for s in result.sentences:
            assert text[s.start : s.end] == s.text and s.text == s.text.strip()
        for m in result.mentions:
            assert text[m.start : m.end] == m.text
        for e in result.events:
            assert text[e.trigger_start : e.trigger_end] == e.trigger
            assert text[e.sentence_start : e.sentence_end] == e.sentence_text


def test_ingest_twice_stores_once(coder: Coder, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Envoys meet in the capital\n\nThe foreign ministers of two neighbouring states met on "
        "Monday to discuss the border and agreed to meet again next month.\n",
        encoding="utf-8",
    )
    db = tmp_path / "t.duckdb"
    first = ingest([str(folder)], db=db, coder=coder)
    second = ingest([str(folder)], db=db, coder=coder)
    assert (len(first.stored), len(second.stored), len(second.already)) == (1, 0, 1)


def test_ingest_skips_a_foreign_text_found_where_it_is_coded(coder: Coder, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "The foreign ministers of two neighbouring states met on Monday to discuss the border "
        "and agreed to meet again next month.\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "Les ministres des affaires étrangères des deux pays voisins se sont rencontrés lundi "
        "pour discuter de la frontière et ont convenu de se revoir le mois prochain.\n",
        encoding="utf-8")
    heard: list[object] = []
    db = tmp_path / "t.duckdb"
    report = ingest([str(folder)], db=db, coder=coder, on_item=heard.append)
    [skip] = report.skipped
    assert (skip.item, skip.stage) == (str(folder / "b.txt"), "language")
    assert len(report.stored) == 1 and not report.failed and skip in heard
    with Store.open(db, read_only=True) as store:
        assert [r["item"] for r in store._rows("SELECT item FROM skips")] == [skip.item]
    assert ingest([str(folder)], db=db, coder=coder).skipped == [skip]  # recorded once


def test_sentences_never_cross_a_blank_line_and_keep_their_closing_quote(coder: Coder) -> None:
    text = '"Armour without cover is exposed."\n\nArnor, which has a base there, said no.'
    [result] = run([Article("q1", text)], coder)
    assert [s.text for s in result.sentences] == [
        '"Armour without cover is exposed."', "Arnor, which has a base there, said no."
    ]

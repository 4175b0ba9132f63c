"""read_sources on tiny hand-made files: formats, folders, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from polemos.errors import InputError
from polemos.ingest import read_sources
from polemos.ingest.clean import doc_id_for, finish_article, parse_meta_date
from polemos.ingest.decode import decode_bytes
from polemos.records import Article, Failure, Skip
from polemos.settings import Settings

BODY = ("The governments of Arnor and Gondor agreed on Tuesday to reopen the crossing at "
        "Osgiliath, closed since the spring clashes, officials from both sides said.\n\n"
        "Under the deal, monitors from the Council of the West will patrol both banks for six "
        "months. Traders had pressed for the reopening for weeks.")
FRENCH = ("Les gouvernements des deux royaumes ont convenu mardi de rouvrir le passage sur le "
          "fleuve, fermé depuis les affrontements du printemps, ont déclaré des responsables "
          "des deux camps. Selon l'accord, des observateurs patrouilleront sur les deux rives.")


def read(*sources: str | Path, **settings: object) -> list[Article | Skip | Failure]:
    return list(read_sources([str(s) for s in sources], settings=Settings(**settings)))  # type: ignore[arg-type]


def articles(items: list[Article | Skip | Failure]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_text_file_gives_one_article_with_its_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Arnor and Gondor reopen the crossing\n\n{BODY}\n", encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.title == "Arnor and Gondor reopen the crossing"
    assert article.text == BODY
    assert article.source == str(path)
    assert article.published is None
    assert article.language == "en"


def test_markdown_front_matter_gives_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: Crossing reopens\npublished: 2023-03-14\nurl: https://w.test/a\n"
                    f"---\n# Crossing reopens\n\n{BODY}\n", encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert (article.title, article.published, article.url) == (
        "Crossing reopens", dt.date(2023, 3, 14), "https://w.test/a")


def test_same_text_by_another_path_has_the_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("  " + BODY.replace(" ", "  ") + "\n", encoding="utf-8")
    first, second = articles(read(tmp_path))
    assert first.doc_id == second.doc_id == doc_id_for(BODY)


def test_folder_is_read_recursively_and_corpus_notes_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "README.md").write_text("# My corpus\n\nThese files come from a test.\n")
    (tmp_path / "LICENSE").write_text("Public domain.\n")
    (tmp_path / ".hidden.txt").write_text(BODY.upper())
    items = read(tmp_path)
    assert len(articles(items)) == 1
    skips = [i for i in items if isinstance(i, Skip)]
    assert sorted(Path(s.item).name for s in skips) == ["LICENSE", "README.md"]
    assert all("not an article" in s.reason for s in skips)


def test_jsonl_broken_line_is_named_and_the_others_read(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    good = {"id": "7", "title": "Crossing reopens", "url": "https://w.test/7",
            "published": "2023-03-14 20:28:39Z", "author": "Mara Fenwick", "text": BODY}
    path.write_text("\n".join([json.dumps(good), '{"text": "broken', "",
                               json.dumps({"title": "no text"}),
                               json.dumps({**good, "text": BODY + " Again."})]), encoding="utf-8")
    items = read(path)
    found = articles(items)
    assert [a.published for a in found] == [dt.date(2023, 3, 14)] * 2
    assert found[0].author == "Mara Fenwick" and found[0].source == f"{path}:1"
    failures = [i for i in items if isinstance(i, Failure)]
    assert [f.item for f in failures] == [f"{path}:2", f"{path}:4"]
    assert "line 2: not valid JSON" in failures[0].message
    assert '"text"' in failures[1].message


def test_non_english_text_is_skipped_with_the_language(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    [skip] = read(tmp_path / "fr.txt")
    assert isinstance(skip, Skip)
    assert (skip.stage, skip.reason.split(";")[0]) == ("language", "not English (detected 'fr')")


def test_short_text_is_not_taken_for_a_foreign_one(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("Arnor shelled Gondor.", encoding="utf-8")
    [article] = read(tmp_path / "s.txt")
    assert isinstance(article, Article)


def test_missing_path_fails_with_a_hint(tmp_path: Path) -> None:
    [failure] = read(tmp_path / "nope.txt")
    assert isinstance(failure, Failure)
    assert "no such file or folder" in failure.message and "nope.txt" in failure.message


def test_empty_file_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_text(" \n\n")
    [skip] = read(tmp_path / "e.txt")
    assert isinstance(skip, Skip) and skip.stage == "empty"


@pytest.mark.parametrize(("data", "words"), [
    (b"ab\x00\x01\x02cd" * 20, "binary file"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    (bytes(range(0x80, 0xA0)) * 10, "not readable text"),
])
def test_unreadable_bytes_fail_with_the_reason(tmp_path: Path, data: bytes, words: str) -> None:
    (tmp_path / "x.txt").write_bytes(data)
    [failure] = read(tmp_path / "x.txt")
    assert isinstance(failure, Failure)
    assert words in failure.message and str(tmp_path / "x.txt") in failure.message


def test_over_the_size_limit_fails_and_names_the_option(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(BODY, encoding="utf-8")
    [failure] = read(tmp_path / "big.txt", max_bytes=100)
    assert isinstance(failure, Failure) and "--max-bytes" in failure.message


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_fails_with_permission_hint(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(BODY)
    path.chmod(0)
    [failure] = read(path)
    assert isinstance(failure, Failure) and "permission denied" in failure.message


def test_permission_error_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(BODY)

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    [failure] = read(path)
    assert isinstance(failure, Failure) and "chmod" in failure.message


@pytest.mark.parametrize(("data", "text"), [
    ("Caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "Caf\u00e9 \u201cquoted\u201d"),
    ("\ufeffCaf\u00e9".encode(), "Caf\u00e9"),
    ("Caf\u00e9 na\u00efve".encode("latin-1"), "Caf\u00e9 na\u00efve"),
])
def test_likely_encodings_are_tried(data: bytes, text: str) -> None:
    assert decode_bytes("x", data) == text


def test_decode_raises_input_error_naming_the_item() -> None:
    with pytest.raises(InputError, match=r"^x\.txt: this is a binary file"):
        decode_bytes("x.txt", b"\x00\x00abc")


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-03-14 20:28:39Z", dt.date(2025, 3, 14)),
    ("2025-03-14", dt.date(2025, 3, 14)),
    ("Fri, 14 Mar 2025 20:28:39 GMT", dt.date(2025, 3, 14)),
    (dt.datetime(2025, 3, 14, 8), dt.date(2025, 3, 14)),
    ("sometime last spring", None),
    (None, None),
])
def test_parse_meta_date(value: object, expected: dt.date | None) -> None:
    assert parse_meta_date(value) == expected


def test_text_date_is_the_latest_stated_date_not_after_today(tmp_path: Path) -> None:
    text = (f"{BODY} The first talks were held on 3 May 2019 and a second round in "
            "June 2021. A third round is planned for 2999.")
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    [article] = read(tmp_path / "d.txt")
    assert isinstance(article, Article)
    assert article.published is None
    assert article.text_date == dt.date(2021, 6, 1)


def test_csv_records_with_a_text_column(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f'title,published,text\nCrossing,2023-03-14,"{BODY}"\nEmpty,,\n', encoding="utf-8")
    article, skip = read(path)
    assert isinstance(article, Article) and isinstance(skip, Skip)
    assert (article.title, article.published, article.text) == ("Crossing", dt.date(2023, 3, 14), BODY)
    assert skip.stage == "empty"


def test_csv_without_text_column_fails(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("title,body\nx,y\n")
    [failure] = read(tmp_path / "a.csv")
    assert isinstance(failure, Failure) and 'no "text" column' in failure.message


def test_xml_that_is_not_a_feed_fails(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_text("<?xml version='1.0'?><catalog><book>x</book></catalog>")
    [failure] = read(tmp_path / "a.xml")
    assert isinstance(failure, Failure) and "not an RSS/Atom feed" in failure.message


def test_folder_skips_unsupported_types_but_a_named_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "notes.yaml").write_text(BODY)
    [skip] = read(tmp_path)
    assert isinstance(skip, Skip) and skip.stage == "type" and "'.yaml'" in skip.reason
    [article] = read(tmp_path / "notes.yaml")
    assert isinstance(article, Article)


def test_doc_id_ignores_spacing_case_quotes_and_dashes() -> None:
    assert doc_id_for("Arnor’s envoy – “We agree.”") == doc_id_for('ARNOR\'S  envoy - "we agree."')
    assert doc_id_for("Arnor agrees.") != doc_id_for("Arnor disagrees.")


def test_a_draft_finished_later_is_the_article_read_whole(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"On 2 May 2001 in Osgiliath.\n\n{BODY}", encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    sources = [str(tmp_path / "a.txt"), str(tmp_path / "fr.txt")]
    whole = list(read_sources(sources, settings=Settings()))
    drafts = list(read_sources(sources, settings=Settings(), drafts=True))
    assert all(isinstance(d, Article) and d.language is None and d.text_date is None
               for d in drafts)
    finished = [finish_article(d, today=dt.date.today()) for d in drafts if isinstance(d, Article)]
    assert finished == whole
    assert isinstance(whole[0], Article) and whole[0].text_date == dt.date(2001, 5, 2)
    assert isinstance(whole[1], Skip) and whole[1].stage == "language"

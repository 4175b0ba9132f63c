"""`polemos ingest`, `docs` and `show`: exit codes, stderr lines, and the real corpus."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from polemos.cli import cli
from polemos.records import Article, Sentence, Skip
from polemos.records import Result as DocResult
from polemos.store.store import Store

GOOD = ("The governments of Arnor and Gondor agreed on Tuesday to reopen the crossing at "
        "Osgiliath, closed since the spring clashes, officials from both sides said. Under the "
        "deal, monitors from the Council of the West will patrol both banks for six months.")
FRENCH = ("Les gouvernements des deux royaumes ont convenu mardi de rouvrir le passage sur le "
          "fleuve, fermé depuis les affrontements du printemps, ont déclaré des responsables "
          "des deux camps. Selon l'accord, des observateurs patrouilleront sur les deux rives.")
SEED_TITLES = {
    "Russia’s Foreign Policy Towards and Influence on the Nagorno-Karabakh Conflict",
    "An Impending Revolution",
    "The 44-Day War: Democracy Has Been Defeated by Autocracy in Nagorno-Karabakh",
    "NATO invented new threat in the Baltic States",
    "What is the position of Russia in the Nagorno-Karabakh conflict?",
}
CHROME = ("Connect with us", "Continue Reading", "Image source", "Photo:", "From our partner",
          "hour ago", "Second-year student")


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def docs_json(db: Path, *extra: str) -> list[dict[str, Any]]:
    result = invoke("docs", "--db", str(db), "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def make_bad_folder(root: Path) -> Path:
    """One file of each kind of bad input, plus (optionally) good ones added by the caller."""
    bad = root / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 10)
    (bad / "empty.txt").write_text("")
    (bad / "garbled.txt").write_bytes(bytes(range(0x80, 0xA0)) * 10)
    (bad / "huge.txt").write_text(GOOD * 30)
    (bad / "broken.html").write_text("<html><body><div><<>></div>\x0b</body")
    (bad / "lines.jsonl").write_text('{"text": "broken\n{"title": "no text here"}\n')
    (bad / "french.txt").write_text(FRENCH)
    return bad


def test_ingest_without_sources_is_a_usage_error() -> None:
    assert invoke("ingest").exit_code == 2


def test_bad_items_are_each_reported_and_exit_1(tmp_path: Path) -> None:
    bad = make_bad_folder(tmp_path)
    missing = tmp_path / "missing.txt"
    result = invoke("ingest", str(bad), str(missing), "--db", str(tmp_path / "x.duckdb"),
                    "--max-bytes", "2000")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    for needle in ("binary.txt", "garbled.txt", "huge.txt", "broken.html", "lines.jsonl, line 1",
                   "lines.jsonl, line 2", "missing.txt"):
        assert any(needle in line and line.startswith("error") for line in lines), needle
    assert any("french.txt" in line and "not English" in line for line in lines)
    assert any("empty.txt" in line and line.startswith("skipped") for line in lines)
    assert lines[-1] == ("Ingest: 0 stored, 0 already stored, 2 skipped (1 empty, 1 not English), "
                         "7 failed.")


def test_quiet_keeps_errors_and_summary_only(tmp_path: Path) -> None:
    bad = make_bad_folder(tmp_path)
    result = invoke("ingest", str(bad), "--db", str(tmp_path / "q.duckdb"), "--quiet",
                    "--max-bytes", "2000")
    lines = result.stderr.splitlines()
    assert result.exit_code == 1
    assert not any(line.startswith("skipped") for line in lines)
    assert sum(line.startswith("error") for line in lines) == 6
    assert lines[-1].startswith("Ingest: 0 stored")


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    """A store with two hand-made documents and one skip."""
    db = tmp_path / "small.duckdb"
    with Store.open(db) as store:
        for n, title in enumerate(["Crossing reopens", "Reservists called up"]):
            article = Article(f"ab{n}0000000000000", GOOD, title=title, source=f"w{n}.txt",
                              published=dt.date(2023, 3, 14) if n else None,
                              text_date=dt.date(2023, 3, 1))
            first = GOOD.index(" Under")
            sentences = (Sentence(article.doc_id, 0, 0, first, GOOD[:first]),
                         Sentence(article.doc_id, 1, first + 1, len(GOOD), GOOD[first + 1:]))
            store.add([DocResult(article, sentences)])
        store.add_skip(Skip("fr.txt", "language", "not English (detected 'fr')"))
    return db


def test_docs_lists_documents_and_skips_on_request(small_db: Path) -> None:
    rows = docs_json(small_db)
    assert [r["title"] for r in rows] == ["Crossing reopens", "Reservists called up"]
    assert list(rows[0]) == ["id", "title", "source", "url", "published",
                             "latest_date_in_text", "sentences", "status"]
    assert (rows[0]["published"], rows[1]["published"]) == (None, "2023-03-14")
    assert rows[0]["latest_date_in_text"] == "2023-03-01" and rows[0]["sentences"] == 2
    with_skips = docs_json(small_db, "--skipped")
    assert with_skips[-1]["status"] == "skipped: not English (detected 'fr')"


def test_docs_csv_has_a_header(small_db: Path) -> None:
    result = invoke("docs", "--db", str(small_db), "--format", "csv")
    assert result.stdout.splitlines()[0].startswith("id,title,source,url,published")


def test_show_accepts_a_unique_prefix(small_db: Path) -> None:
    result = invoke("show", "ab1", "--db", str(small_db), "--sentences")
    assert result.exit_code == 0
    assert "title: Reservists called up" in result.stdout
    assert f"[1] {GOOD.index(' Under') + 1}-{len(GOOD)}  Under the deal" in result.stdout


def test_show_refuses_an_ambiguous_or_unknown_id(small_db: Path) -> None:
    ambiguous = invoke("show", "ab", "--db", str(small_db))
    assert ambiguous.exit_code == 1 and "fits several" in ambiguous.stderr
    unknown = invoke("show", "zz", "--db", str(small_db))
    assert unknown.exit_code == 1 and "polemos docs" in unknown.stderr


# -- the real pipeline (model) --------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_runs(shared: Path, nlp: object, tmp_path_factory: pytest.TempPathFactory
                ) -> tuple[Path, Result, Result]:
    """Seeds and VOA ingested once, then once more (the second run must add nothing)."""
    db = tmp_path_factory.mktemp("corpus") / "c.duckdb"
    sources = [str(shared / "corpus" / "seeds"), str(shared / "corpus" / "voa" / "voa_stories.jsonl")]
    first = invoke("ingest", *sources, "--db", str(db), "--quiet")
    second = invoke("ingest", *sources, "--db", str(db), "--quiet")
    return db, first, second


@pytest.mark.model
def test_seeds_give_their_five_articles_without_chrome(corpus_runs: tuple[Path, Result, Result]) -> None:
    db, first, _ = corpus_runs
    assert first.exit_code == 0, first.stderr
    rows = [r for r in docs_json(db) if "/seeds/" in r["source"]]
    assert {r["title"] for r in rows} == SEED_TITLES and len(rows) == 5
    assert all(r["published"] is None and r["latest_date_in_text"] for r in rows)
    assert all(r["sentences"] > 3 for r in rows)
    with Store.open(db, read_only=True) as store:
        texts = [r["text"] for r in store._rows("SELECT text FROM documents WHERE source LIKE '%seeds%'")]
    assert not [c for c in CHROME for t in texts if c in t]


@pytest.mark.model
def test_voa_gives_49_dated_documents(corpus_runs: tuple[Path, Result, Result]) -> None:
    db, _, _ = corpus_runs
    rows = [r for r in docs_json(db) if "voa_stories.jsonl" in r["source"]]
    assert len(rows) == 49
    assert all(r["published"] and r["url"] and r["title"] for r in rows)


@pytest.mark.model
def test_second_ingest_stores_nothing_new(corpus_runs: tuple[Path, Result, Result]) -> None:
    _, first, second = corpus_runs
    assert first.stderr.splitlines()[-1].startswith("Ingest: 54 stored, 0 already stored")
    assert second.exit_code == 0
    assert second.stderr.splitlines()[-1].startswith("Ingest: 0 stored, 54 already stored")


@pytest.mark.model
def test_sentence_offsets_point_into_the_text(corpus_runs: tuple[Path, Result, Result]) -> None:
    db, _, _ = corpus_runs
    with Store.open(db, read_only=True) as store:
        rows = store._rows(
            "SELECT d.text AS doc, s.start_char, s.end_char, s.text FROM sentences s "
            "JOIN documents d USING (doc_id) USING SAMPLE 50 ROWS"
        )
    assert rows and all(r["doc"][r["start_char"]:r["end_char"]] == r["text"] for r in rows)


@pytest.mark.model
def test_bad_folder_reports_each_item_and_stores_the_good(tmp_path: Path, nlp: object) -> None:
    bad = make_bad_folder(tmp_path)
    (bad / "good.txt").write_text(f"Arnor and Gondor reopen the crossing\n\n{GOOD}\n")
    (bad / "lines.jsonl").write_text(
        '{"text": "broken\n' + json.dumps({"title": "Gondor", "text": GOOD + " More."}) + "\n")
    db = tmp_path / "b.duckdb"
    result = invoke("ingest", str(bad), "--db", str(db), "--max-bytes", "2000")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("Ingest: 2 stored, 0 already stored")
    assert sum(line.startswith("error") for line in result.stderr.splitlines()) == 5
    titles = {r["title"] for r in docs_json(db)}
    assert titles == {"Arnor and Gondor reopen the crossing", "Gondor"}

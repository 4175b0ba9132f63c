"""One bad item never costs a good one (issue 12): the guard, long texts, exit codes, and
each kind of input the issue names, from tiny hand-made inputs."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import sys
from concurrent.futures import Future
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from polemos import pipeline
from polemos.actors import load_kb
from polemos.cli import cli, main
from polemos.errors import ConfigError, InputError, StoreError
from polemos.events import load_patterns
from polemos.guard import attempt, failure_of, guard_stream
from polemos.ingest.readers import read_sources
from polemos.nlp.parts import split_parts
from polemos.pipeline import Coder, ingest, run
from polemos.records import Article, Failure, Result, Skip
from polemos.settings import Settings, load_settings
from polemos.store.store import Store
from polemos.workers import _outcome

GOOD = "The governments of Arnor and Gondor agreed on Tuesday to reopen the border crossing."


@pytest.fixture(scope="module")
def coder() -> Coder:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Coder(nlp=nlp, kb=load_kb(), patterns=load_patterns(()), classifier=None)


def read(path: Path) -> list[Article | Skip | Failure]:
    return list(read_sources([str(path)], settings=Settings(timeout=1)))


# --- the guard ---------------------------------------------------------------------------

def test_expected_errors_keep_their_message_and_bugs_say_how_to_report() -> None:
    expected = failure_of("a.txt", "reading", InputError("a.txt", "not text. Convert it."))
    assert expected == Failure("a.txt", "a.txt: not text. Convert it.")
    bug = failure_of("a.jsonl:3", "events", ZeroDivisionError("division\nby zero"))
    assert bug.message.startswith("a.jsonl:3: internal error in the events step")
    assert "\n" not in bug.message and "--debug" in bug.message
    assert bug.detail is not None and "ZeroDivisionError" in bug.detail


def test_a_stream_that_breaks_keeps_what_it_gave_and_ends_with_one_failure() -> None:
    def items():  # type: ignore[no-untyped-def]
        yield 1
        raise KeyError("x")

    out = list(guard_stream("f.csv", "reading", items()))
    assert out[0] == 1 and isinstance(out[1], Failure) and len(out) == 2
    assert "f.csv" in out[1].message and "reading" in out[1].message


def test_ctrl_c_is_not_caught() -> None:
    def stop() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        attempt("x", "reading", stop)


def test_a_stage_that_raises_fails_only_its_document(coder: Coder, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.extract_claims

    def claims(parsed, *args, **kwargs):  # type: ignore[no-untyped-def]
        if parsed.article.doc_id == "bad":
            raise ValueError("boom")
        return real(parsed, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_claims", claims)
    articles = [Article(i, GOOD, source=f"in.jsonl:{n}") for n, i in enumerate(("a", "bad", "c"))]
    out = list(run(articles, coder, batch_size=2))
    assert [type(r).__name__ for r in out] == ["Result", "Failure", "Result"]
    assert "in.jsonl:1: internal error in the claims step (ValueError: boom)" in out[1].message


def test_a_text_over_the_limit_is_refused_and_the_batch_goes_on(coder: Coder) -> None:
    coder.nlp.max_length = 500
    try:
        out = list(run([Article("a", GOOD), Article("big", "word " * 200, source="big.txt"),
                        Article("c", GOOD + " Again.")], coder))
    finally:
        coder.nlp.max_length = 1_000_000
    assert [type(r).__name__ for r in out] == ["Result", "Failure", "Result"]
    assert out[1].message.startswith("big.txt: the text has 1,000 characters, over the limit")


def test_a_long_line_is_parsed_in_parts_with_offsets_kept(coder: Coder) -> None:
    text = "Intro sentence here. " + " ".join(["Arnor", "met", "Gondor"] * 1500) + " End."
    [result] = run([Article("long", text)], coder)
    assert isinstance(result, Result)
    assert all(text[s.start:s.end] == s.text for s in result.sentences)
    assert max(len(s.text) for s in result.sentences) <= 2000
    assert all(text[m.start:m.end] == m.text for m in result.mentions)


@pytest.mark.parametrize("text", [
    "a" * 5000, "Hi. " * 30_000, "x " * 3000 + "\n\n" + "y. " * 30_000, "!" * 4000 + " end",
    "see http://" + "x" * 300 + " now.", "",
])
def test_parts_join_to_the_text_and_stay_bounded(text: str) -> None:
    parts = split_parts(text)
    assert "".join(parts) == text
    assert all(len(p) <= 50_000 for p in parts)
    assert all(len(w) <= 100 for p in parts for w in p.split())


def test_a_document_the_store_refuses_fails_alone(coder: Coder, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    real = Store.add

    def add(self: Store, results):  # type: ignore[no-untyped-def]
        if any("Rohan" in r.article.text for r in results):
            raise ValueError("cannot store this one")
        return real(self, results)

    monkeypatch.setattr(Store, "add", add)
    src = tmp_path / "in.jsonl"
    texts = [GOOD, "Rohan sent riders to the border on Monday, officials said.", GOOD + " Again."]
    src.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
    report = ingest([str(src)], db=tmp_path / "x.duckdb", coder=coder)
    assert len(report.stored) == 2 and len(report.failed) == 1
    assert report.failed[0].item == f"{src}:2" and "storing" in report.failed[0].message


def test_a_store_fault_stops_the_run(coder: Coder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def add(self: Store, results):  # type: ignore[no-untyped-def]
        raise StoreError("disk full")

    monkeypatch.setattr(Store, "add", add)
    src = tmp_path / "a.txt"
    src.write_text(GOOD)
    with pytest.raises(StoreError):
        ingest([str(src)], db=tmp_path / "x.duckdb", coder=coder)


def test_a_worker_task_that_fails_gives_a_failure_per_article() -> None:
    future: Future[list[Result | Failure]] = Future()
    future.set_exception(RuntimeError("pickling failed"))
    out = _outcome([Article("a", GOOD, source="x.jsonl:1"), Article("b", GOOD)], future)
    assert [f.item for f in out if isinstance(f, Failure)] == ["x.jsonl:1", "b"]


# --- inputs the issue names: each works or gives one clear line ----------------------------

def test_issue_12_front_matter_of_other_types(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: 1984\nauthor: [Ann, Bo]\ndate: 2020-02-30\n---\n{GOOD}\n")
    [article] = read(path)
    assert isinstance(article, Article)
    assert (article.title, article.author, article.published) == ("1984", "Ann, Bo", None)
    path.write_text(f"---\ntitle: true\ndate: 2021-03-04\n---\n{GOOD}\n")
    [article] = read(path)
    assert isinstance(article, Article) and article.title == "True"
    assert article.published == dt.date(2021, 3, 4)


@pytest.mark.parametrize("published", [1614816000000, 1614816000, "1614816000000"])
def test_issue_12_epoch_in_seconds_or_milliseconds(tmp_path: Path, published: object) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": GOOD, "published": published}) + "\n")
    [article] = read(path)
    assert isinstance(article, Article) and article.published == dt.date(2021, 3, 4)


def test_issue_12_jsonl_lone_surrogate_and_line_separator(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "' + GOOD + ' \\ud800"}\n{"text": "A line\u2028' + GOOD + '"}\r'
                    '{"text": "' + GOOD + ' Third.", "author": ["A", "B"]}\n')
    articles = read(path)
    assert [type(a).__name__ for a in articles] == ["Article", "Article", "Article"]
    assert "\ufffd" in articles[0].text and articles[2].author == "A, B"  # type: ignore[union-attr]


def test_issue_12_csv_with_a_huge_cell_and_old_mac_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    big = " ".join([GOOD] * 2000)  # ~170,000 characters: over the csv module's limit
    path.write_text(f'text,title\r"{big}",Big\r"{GOOD}",Small\r')
    articles = read(path)
    assert [type(a).__name__ for a in articles] == ["Article", "Article"]


def test_issue_12_unreadable_csv_row_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f'text\n"{GOOD}"\n"{GOOD} x"y""\n')
    kinds = [type(a).__name__ for a in read(path)]
    assert kinds[0] == "Article"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-be"])
def test_issue_12_utf16_and_utf32_with_a_bom(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    data = GOOD.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path.write_bytes(data)
    [article] = read(path)
    assert isinstance(article, Article) and article.text == GOOD


def test_issue_12_xhtml_with_an_xml_declaration(tmp_path: Path) -> None:
    path = tmp_path / "a.xhtml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/'
                    f'xhtml"><body><article><h1>Talks</h1><p>{GOOD} {GOOD}</p></article></body></html>')
    [article] = read(path)
    assert isinstance(article, Article) and "Arnor" in article.text


def test_issue_12_rss_091_with_its_doctype(tmp_path: Path) -> None:
    path = tmp_path / "old.rss"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD '
                    'RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss '
                    f'version="0.91"><channel><title>t</title><item><title>Talks</title><description>'
                    f"{GOOD}</description></item></channel></rss>")
    [article] = read(path)
    assert isinstance(article, Article) and article.text == GOOD


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are bytes")
def test_issue_12_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as fh:
        fh.write(GOOD.encode())
    [article] = read(Path(os.fsdecode(raw)))
    assert isinstance(article, Article) and article.source is not None
    assert article.source.endswith("caf\\xe9.txt")
    article.source.encode("utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_issue_12_special_files_are_refused_and_outside_links_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.txt")
    [failure] = read(tmp_path / "fifo.txt")
    assert isinstance(failure, Failure) and "not a regular file" in failure.message
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    (folder / "zero.txt").symlink_to("/dev/zero")
    items = read(folder)
    assert [type(i).__name__ for i in items] == ["Article", "Skip"]
    assert isinstance(items[1], Skip) and items[1].stage == "link"


def test_issue_12_a_csv_with_only_a_header_is_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("text,title\n")
    [skip] = read(path)
    assert isinstance(skip, Skip) and skip.stage == "empty"


# --- settings and exit codes ----------------------------------------------------------------

@pytest.mark.parametrize("key, value", [("batch_size", 0), ("timeout", -5),
                                        ("timeout", float("nan")), ("timeout", float("inf"))])
def test_issue_12_settings_out_of_range(key: str, value: float) -> None:
    with pytest.raises(ConfigError, match=key):
        load_settings(**{key: value})


@pytest.mark.parametrize("timeout", ["-5", "nan", "inf", "0"])
def test_issue_12_bad_timeout_is_a_usage_error(tmp_path: Path, timeout: str) -> None:
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--timeout", timeout])
    assert result.exit_code == 2 and "--timeout" in result.output


def _exit_code(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> int:
    monkeypatch.setattr(sys, "argv", ["polemos", *argv])
    with pytest.raises(SystemExit) as stop:
        main()
    return int(stop.value.code or 0)


def test_exit_codes_of_ingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    def bug(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("oops")

    (tmp_path / "bad.toml").write_text("batch_size = 0\n")
    db = str(tmp_path / "x.duckdb")
    assert _exit_code(monkeypatch, ["ingest", str(tmp_path), "--db", db, "--config",
                                    str(tmp_path / "bad.toml")]) == 2
    monkeypatch.setattr(pipeline, "ingest", bug)
    assert _exit_code(monkeypatch, ["ingest", str(tmp_path), "--db", db]) == 3
    err = capsys.readouterr().err
    assert "Internal error (ZeroDivisionError: oops)" in err and "Traceback" not in err
    assert _exit_code(monkeypatch, ["ingest", str(tmp_path), "--db", db, "--debug"]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_a_record_that_breaks_a_reading_step_fails_alone_and_names_the_step(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from polemos.ingest import clean

    real = clean.detect_language

    def detect(text: str) -> str | None:
        if "Rohan" in text:
            raise IndexError("no profile")
        return real(text)

    monkeypatch.setattr(clean, "detect_language", detect)
    path = tmp_path / "a.jsonl"
    texts = [GOOD, "Rohan sent riders to the border on Monday, officials said.", GOOD + " Again."]
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article"]
    assert items[1].message.startswith(  # type: ignore[union-attr]
        f"{path}:2: internal error in the language detection step (IndexError: no profile)")

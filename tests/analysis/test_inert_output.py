"""Payload documents through every command and format (issue 12, part 3): no raw ESC or
other control byte on stdout/stderr, rich markup shown as written, no live formula cell, no
HTML, script or link when a Markdown brief is rendered."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from markdown_it import MarkdownIt

from polemos.cli import cli
from polemos.records import Skip
from polemos.sanitize import FORMULA_START
from polemos.store.store import Store

from .world import Doc, year

TERMINAL = ("\x1b]0;PWNED\x07\x1b[2J\x1b[?1049h \x1b]8;;http://evil.example/\x1b\\link"
            "\x1b]8;;\x1b\\ \x9b31m\u202e\x08\x0d")
MARKUP = "[red]RICH[/red] [link=http://evil.example]L[/link]"
HTML = ("<script>alert(1)</script><svg onload=alert(1)></svg><img src=x onerror=alert(1)> "
        "[click](javascript:alert(1)) <javascript:alert(1)> &lt;b&gt;")
PAYLOAD = f" {TERMINAL} {MARKUP} {HTML}"
FORMULA = '=HYPERLINK("http://evil.example","x")'
RAW = ("\x1b", "\x9b", "\x07", "\x08", "\u202e")


def _seed(store: Store) -> None:
    a = Doc("doc-a", [
        "In 1994 Arnor mediated talks between Gondor and Mordor over Ithilien." + PAYLOAD,
        "Arnor delivered weapons to Gondor in 1995." + PAYLOAD,
        "Arnor recognised the territorial integrity of Gondor in 1996." + PAYLOAD,
    ], [year(1994), year(1995), year(1996)])
    b = Doc("doc-b", [
        "=cmd|' /C calc'!A0 Arnor brokered a truce at Osgiliath between Gondor and Mordor "
        "in 2003." + PAYLOAD,
        "+SUM(1) Critics said there were perceptions that Arnor directly supported Gondor.",
    ], [year(2003), year(2003)])
    result_a = a.result(
        [a.event(0, "045", "MEDIATE", ["ARN"], ["GON", "MOR"], goldstein=5.0, quad=1,
                 mediators=["ARN"]),
         a.event(1, "072", "AID", ["ARN"], ["GON"], goldstein=7.4, quad=2)],
        [a.claim(2, "stance", "ARN", "territorial_integrity", toward=("GON",), polarity=1.0)])
    result_b = b.result(
        [b.event(0, "045", "MEDIATE", ["ARN"], ["GON", "MOR"], goldstein=5.0, quad=1)],
        [b.claim(1, "assessment", "ARN", "partiality", polarity=-0.3)])
    article = dataclasses.replace(result_a.article, title=FORMULA + PAYLOAD,
                                  url="javascript:alert(1)", author="@SUM(1+1)" + TERMINAL,
                                  source="-2+3" + TERMINAL)
    store.add([dataclasses.replace(result_a, article=article), result_b])
    store.add_skip(Skip("=skipped" + TERMINAL, "type", "unsupported" + TERMINAL))
    store.merge_new_events()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("payload") / "payload.duckdb")
    with Store.open(path) as store:
        _seed(store)
    return path


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    for stream in (result.stdout, result.stderr):
        assert not [c for c in RAW if c in stream], stream[:500]
    return result


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


READS = [
    (["docs", "--skipped"], True), (["mentions"], False), (["actors"], False),
    (["events", "--include-flagged"], True), (["conflicts"], False),
]


@pytest.mark.parametrize("command,reaches", READS)
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_read_commands_print_stored_text_inert(db: str, conflict_file: Path,
                                               command: list[str], reaches: bool,
                                               fmt: str) -> None:
    if command[0] == "events" and fmt == "json":
        fmt = "jsonl"
    extra = ["--conflicts", str(conflict_file)] if command[0] == "conflicts" else []
    result = run(*command, "--format", fmt, "--db", db, *extra)
    assert result.exit_code == 0, result.output
    out = result.stdout
    if reaches:
        assert "PWNED" in out  # the payload is shown, escaped
    if fmt == "csv":
        cells = _csv_cells(out)
        assert not [c for c in cells if c.startswith(FORMULA_START)]
        if reaches:
            assert any(c.startswith(("'=", "'-", "'@")) for c in cells)
    elif fmt in ("json", "jsonl"):
        data = [json.loads(line) for line in out.splitlines()] if fmt == "jsonl" \
            else json.loads(out)
        if reaches:  # JSON keeps the data exactly: the escapes decode to the payload
            assert any(TERMINAL in text for text in _strings(data))


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return []


def test_rich_markup_in_stored_text_is_shown_as_written(capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    from polemos.cli.core import print_rows

    print_rows([{"title": "[red]RICH[/red]", "n": 1}], "table")
    assert "[red]RICH[/red]" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["jsonl", "plover", "csv", "table"])
def test_events_written_to_a_file_are_inert_too(db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    result = run("events", "--format", fmt, "-o", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "PWNED" in text and not [c for c in RAW if c in text]


def test_show_escapes_metadata_text_and_sentences(db: str) -> None:
    for extra in ([], ["--sentences"]):
        result = run("show", "doc-a", "--db", db, *extra)
        assert result.exit_code == 0, result.output
        assert "\\x1b]0;PWNED\\x07" in result.stdout and "title: =HYPERLINK" in result.stdout


@pytest.mark.parametrize("fmt", ["text", "md", "json", "html"])
def test_brief_in_every_format(db: str, conflict_file: Path, fmt: str) -> None:
    result = run("brief", "ARN", "--conflict", "War of the Ring", "--conflicts",
                 str(conflict_file), "--db", db, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "PWNED" in result.stdout
    if fmt == "json":
        assert any(TERMINAL in text for text in _strings(json.loads(result.stdout)))
    if fmt == "md":
        rendered = MarkdownIt("commonmark", {"html": True}).render(result.stdout)
        for live in ("<script", "<svg", "<img", "href=\"javascript", "<a "):
            assert live not in rendered
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered  # shown as text
        assert "[click](javascript:alert(1))" in rendered


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_ask_in_every_format(db: str, conflict_file: Path, fmt: str) -> None:
    result = run("ask", "Who mediated between GON and MOR?", "--conflicts", str(conflict_file),
                 "--db", db, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "PWNED" in result.stdout


def test_report_messages_are_inert(db: str, tmp_path: Path) -> None:
    out = tmp_path / "r\x1b]0;PWNED\x07.html"
    result = run("report", "-o", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    assert "PWNED" in result.stderr
    assert "<script>alert(1)</script>" not in out.read_text(encoding="utf-8")


def test_ingest_error_and_skip_lines_are_inert(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\x1b]0;PWNED\x07.jsonl").write_text("{not json\n", encoding="utf-8")
    (folder / "x\x1b[2J.pdf").write_bytes(b"%PDF-1.4")
    result = run("ingest", str(folder), "--db", str(tmp_path / "i.duckdb"), "--workers", "1")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith("error") and "\\x1b]0;PWNED\\x07" in line for line in lines)
    assert any(line.startswith("skipped") and "x\\x1b[2J.pdf" in line for line in lines)

"""polemos.sanitize: one layer that makes stored text inert on a terminal, in JSON, CSV and
Markdown (issue 12, part 3)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from markdown_it import MarkdownIt

from polemos.sanitize import (
    csv_text,
    inert_csv_cell,
    inert_json,
    inert_line,
    inert_markdown,
    inert_output,
    inert_text,
)


@pytest.mark.parametrize("raw,shown", [
    ("a\x1b[31mb", "a\\x1b[31mb"),                 # CSI colour
    ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),     # OSC window title, BEL
    ("\x9b2J", "\\x9b2J"),                          # 8-bit CSI (C1)
    ("x\x7fy", "x\\x7fy"),                          # DEL
    ("abc\u202edef", "abc\\u202edef"),              # right-to-left override
    ("over\rwrite", "over\\x0dwrite"),              # carriage return
    ("two\nlines\tand a tab", "two\nlines\tand a tab"),
    ("Gondor – Rohan “quoted” é", "Gondor – Rohan “quoted” é"),
])
def test_terminal_text_escapes_controls_visibly(raw: str, shown: str) -> None:
    assert inert_text(raw) == shown


def test_one_line_text_escapes_newlines_and_tabs_too() -> None:
    assert inert_line("a.txt\nerror forged\tline\x1b") == "a.txt\\nerror forged\\tline\\x1b"


def test_json_keeps_its_values_and_loses_its_raw_controls() -> None:
    value = {"t": "\x9b\x1b\u202e\x7f ok"}
    text = inert_json(json.dumps(value, ensure_ascii=False))
    assert not any(c in text for c in "\x9b\x1b\u202e\x7f")
    assert json.loads(text) == value


def test_output_by_format() -> None:
    assert inert_output('"\x9b"', "json") == '"\\u009b"'
    assert inert_output("\x9b", "text") == "\\x9b"


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+33 1", "'+33 1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("Gondor", "Gondor"), ("a=b", "a=b"), (-2, -2), (1.5, 1.5), (None, None),
])
def test_csv_cells_never_start_a_formula(value: object, expected: object) -> None:
    assert inert_csv_cell(value) == expected


def test_csv_text_quotes_and_neutralises_every_cell() -> None:
    text = csv_text(["=head", "b"], [['=HYPERLINK("x")', "line\nbreak"], [3, None]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["'=head", "b"], ["'=HYPERLINK(\"x\")", "line\nbreak"], ["3", ""]]


RENDER = MarkdownIt("commonmark", {"html": True})


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>", "<svg onload=alert(1)>", "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))", "<javascript:alert(1)>", "![i](http://evil.example/i.png)",
    "&lt;script&gt;", "`code`", "*em* __strong__", "a | b", "~~s~~",
])
def test_markdown_text_renders_as_the_same_characters(payload: str) -> None:
    html = RENDER.render(f"- {inert_markdown(payload)}")
    assert not any(tag in html for tag in ("<script", "<svg", "<img", "<a ", "<code", "<em",
                                           "<strong"))
    text = RENDER.render(inert_markdown(payload)).removeprefix("<p>").removesuffix("</p>\n")
    assert text == payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.mark.parametrize("start", ["# heading", "- item", "+ item", "1986. a year", "3) three",
                                   "=== rule"])
def test_markdown_text_cannot_open_a_block(start: str) -> None:
    html = RENDER.render(inert_markdown(start))
    assert html.startswith("<p>") and "<h1" not in html and "<li" not in html


def test_markdown_text_stays_on_one_line() -> None:
    assert "\n" not in inert_markdown("a\n\n# b\r\nc")

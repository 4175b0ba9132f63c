"""Make stored text inert wherever it is shown: terminal, JSON, CSV, Markdown.

Article text, titles, URLs and file names come from strangers. Printed raw they can drive
a terminal (ESC/CSI/OSC sequences set the window title, clear the screen, plant OSC 8
links), start a spreadsheet formula, or put live HTML into a rendered Markdown brief.
Every command prints stored text through one of these functions:

- ``inert_text``: terminal text; C0/C1 controls, DEL and bidirectional overrides are
  written visibly (``\\x1b``, ``\\u202e``); newlines and tabs stay.
- ``inert_line``: the same for text that must stay on one line (messages, names).
- ``inert_output``: a command's whole output, by format (JSON or text).
- ``inert_json``: serialised JSON; the characters ``json.dumps`` leaves raw (C1, DEL,
  bidi) become ``\\u`` escapes, so the JSON still parses to the same strings.
- ``csv_text``/``inert_csv_cell``: CSV whose cells cannot start a formula (OWASP: a cell
  starting with ``= + - @``, TAB or CR gets a leading apostrophe).
- ``inert_markdown``: inline Markdown text that renders as the same characters (no HTML,
  no link, no emphasis).

Rich markup is never interpreted in stored text: tables are built from ``rich.text.Text``.
All functions are linear in the length of their input.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

# a spreadsheet runs a cell that starts with one of these as a formula (OWASP CSV injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_CONTROLS = (*range(0x20), 0x7F, *range(0x80, 0xA0), *_BIDI)


def _visible(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_TERMINAL = {code: _visible(code) for code in _CONTROLS if code not in (0x09, 0x0A)}
_LINE = {code: _visible(code) for code in _CONTROLS}
_LINE[0x0A], _LINE[0x09] = "\\n", "\\t"
# C0 controls are escaped by json.dumps itself; these are the ones it leaves raw
_JSON = {code: f"\\u{code:04x}" for code in _CONTROLS if code >= 0x7F}
_MARKDOWN_ACTIVE = {ord(c): "\\" + c for c in "\\`*_[]<>&|~"}
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
_BLOCK_START = re.compile(r"\A(\s*)(?:([#+\-=])|(\d{1,9})([.)]))")


def inert_text(text: str) -> str:
    """Text safe to print on a terminal: controls escaped visibly, newlines and tabs kept."""
    return text.translate(_TERMINAL)


def inert_line(text: str) -> str:
    """Text safe to print as (part of) one terminal line: newlines escaped too."""
    return text.translate(_LINE)


def inert_json(serialised: str) -> str:
    """Serialised JSON whose strings hold no raw C1, DEL or bidi control (same values)."""
    return serialised.translate(_JSON)


def inert_output(text: str, fmt: str) -> str:
    """A command's whole output in format ``fmt`` (json/jsonl or text-like) made inert."""
    return inert_json(text) if fmt in ("json", "jsonl", "plover") else inert_text(text)


def inert_csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text and a terminal shows as written.

    Non-strings (numbers, None) are returned as they are.
    """
    if not isinstance(value, str):
        return value
    text = inert_text(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(columns: Sequence[str], rows: Iterable[Iterable[Any]]) -> str:
    """CSV with a header, every cell through ``inert_csv_cell``."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([inert_csv_cell(c) for c in columns])
    for row in rows:
        writer.writerow([inert_csv_cell(v) for v in row])
    return buf.getvalue()


def inert_markdown(text: str) -> str:
    """Inline Markdown that renders as exactly this text, on one line.

    HTML tags, entities, links, images, code spans and emphasis are escaped with a
    backslash (CommonMark escapes any ASCII punctuation), line breaks become spaces and a
    leading list or heading marker is escaped so the text cannot open a block.
    """
    flat = inert_text(_LINE_BREAKS.sub(" ", text)).translate(_MARKDOWN_ACTIVE)
    return _BLOCK_START.sub(_escape_block_start, flat, count=1)


def _escape_block_start(match: re.Match[str]) -> str:
    indent, marker, number, delimiter = match.groups()
    if marker is not None:
        return f"{indent}\\{marker}"
    return f"{indent}{number}\\{delimiter}"


__all__ = [
    "FORMULA_START", "csv_text", "inert_csv_cell", "inert_json", "inert_line",
    "inert_markdown", "inert_output", "inert_text",
]

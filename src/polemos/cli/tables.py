"""Terminal tables and output files for the read commands."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click


def render_table(rows: Sequence[dict[str, Any]], *, title: str | None = None,
                 width: int | None = None) -> str:
    """Rows as a plain-text table (no colour codes), as wide as the terminal or ``width``.

    Cells are rich ``Text``, so stored text is never read as rich markup, and their
    control characters are escaped (``polemos.sanitize.inert_text``).
    """
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from polemos.sanitize import inert_text

    table = Table(title=title, show_lines=False)
    for name in rows[0] if rows else []:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(Text(inert_text("" if v is None else str(v))) for v in row.values()))
    buf = io.StringIO()
    console = Console(file=buf, width=width or max(160, Console().width), no_color=True,
                      force_terminal=False, highlight=False)
    console.print(table)
    return buf.getvalue()


def write_output(text: str, path: Path | None) -> None:
    """``text`` (already made inert by its format) to stdout, or whole to the file ``path``
    (UTF-8; written beside it and renamed, so a failed write keeps the previous file).

    Raises:
        OutputError: the file cannot be written (disk full, read-only, no such folder).
    """
    from polemos.atomic import write_atomic
    from polemos.sanitize import inert_line

    if path is None:
        click.echo(text, nl=False)
        return
    write_atomic(path, text)
    click.echo(f"Wrote {inert_line(str(path))} ({len(text.encode('utf-8')) // 1024} KB).",
               err=True)

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

    Cells are rich ``Text``, so stored text is never read as rich markup.
    """
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False)
    for name in rows[0] if rows else []:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(Text("" if v is None else str(v)) for v in row.values()))
    buf = io.StringIO()
    console = Console(file=buf, width=width or max(160, Console().width), no_color=True,
                      force_terminal=False, highlight=False)
    console.print(table)
    return buf.getvalue()


def write_output(text: str, path: Path | None) -> None:
    """``text`` to the file ``path`` (UTF-8), or to stdout when there is none."""
    if path is None:
        click.echo(text, nl=False)
        return
    path.write_text(text, encoding="utf-8")
    click.echo(f"Wrote {path} ({len(text.encode('utf-8')) // 1024} KB).", err=True)

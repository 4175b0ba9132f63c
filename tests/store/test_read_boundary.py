"""The read side has one front door: SQL lives in ``polemos.store`` and every command has an
API twin listed in docs/api.md."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from polemos.cli import cli
from polemos.store.store import Store

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src" / "polemos"
# a SQL statement inside a string literal: a keyword followed by what SQL puts after it
SQL = re.compile(r"""["'][^"'\n]*\b(?:SELECT\s+[\w*(]|FROM\s+(?:documents|sentences|mentions|
                 events|claims|skips)\b|WHERE\s+\w+\s*(?:=|IN|IS)|INSERT\s+INTO|UPDATE\s+\w+\s+SET)
                 """, re.VERBOSE)


def _modules_outside_store() -> list[Path]:
    return [p for p in SRC.rglob("*.py") if "store" not in p.relative_to(SRC).parts[:1]]


@pytest.mark.parametrize("path", _modules_outside_store(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_sql_outside_the_store(path: Path) -> None:
    found = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
             if SQL.search(line)]
    assert not found, f"{path.relative_to(SRC)} writes SQL; move it into polemos/store: {found}"


def test_the_pattern_finds_sql() -> None:
    assert SQL.search('rows = store.x("SELECT doc_id FROM documents")')
    assert not SQL.search('"""Select the documents from the store."""')


def test_store_keeps_raw_sql_private() -> None:
    public = {n for n in dir(Store) if not n.startswith("_")}
    assert not {"rows", "arrow", "sql", "execute"} & public


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    out = []
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            out += _commands(cmd, prefix + name + " ")
        else:
            out.append(prefix + name)
    return out


@pytest.mark.parametrize("name", _commands(cli))
def test_every_command_has_its_api_twin_in_the_docs(name: str) -> None:
    rows = [line for line in (REPO / "docs" / "api.md").read_text(encoding="utf-8").splitlines()
            if line.startswith(f"| `polemos {name}")]
    assert rows, f"docs/api.md lists no API function for `polemos {name}`"

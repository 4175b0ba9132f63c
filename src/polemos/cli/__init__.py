"""The `polemos` command line: thin commands, each the twin of one API function.

Each command family lives in its own module and registers itself on ``cli``.
Data goes to stdout, messages and progress to stderr.
"""

from __future__ import annotations

import sys

import click

# Importing the command modules registers their commands on ``cli``.
from polemos.cli import (  # noqa: F401
    actors_cmds,
    core,
    events_cmds,
    positions_cmds,
    report_cmds,
    scale_cmds,
    web_cmds,
)
from polemos.cli.base import cli
from polemos.errors import PolemosError
from polemos.sanitize import inert_line


def main() -> None:
    try:
        cli.main(standalone_mode=True)
    except PolemosError as err:
        click.echo(f"Error: {inert_line(str(err))}", err=True)
        sys.exit(1)
    except Exception as err:
        # a damaged block found by a query, a disk that filled up while reading: one line,
        # not a traceback (checked by module, so `polemos --help` never imports DuckDB)
        if not _is_store_fault(err):
            raise
        from polemos.store.faults import describe_fault

        click.echo(f"Error: {describe_fault(err, None, action='read')}", err=True)
        sys.exit(1)


def _is_store_fault(err: BaseException) -> bool:
    if type(err).__module__ not in ("duckdb", "_duckdb"):
        return False
    from polemos.store.faults import is_known_fault

    return is_known_fault(err)


__all__ = ["cli", "main"]

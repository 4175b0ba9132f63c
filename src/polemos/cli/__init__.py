"""The `polemos` command line: thin commands, each the twin of one API function.

Each command family lives in its own module and registers itself on ``cli``.
Data goes to stdout, messages and progress to stderr.
"""

from __future__ import annotations

import sys
import traceback

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
from polemos.errors import ConfigError, PolemosError
from polemos.guard import MAX_REASON_CHARS, one_line
from polemos.sanitize import inert_line

EXIT_FAILED = 1  # the run failed, or some items did (a message says which)
EXIT_USAGE = 2  # a wrong option or setting (click's own usage errors exit 2 too)
EXIT_INTERNAL = 3  # a bug in Polemos


def main() -> None:
    """Run the command line; exit 0 when all went well, else 1, 2 or 3 (see above)."""
    try:
        cli.main(standalone_mode=True)
    except ConfigError as err:
        click.echo(f"Error: {inert_line(one_line(str(err)))}", err=True)
        sys.exit(EXIT_USAGE)
    except PolemosError as err:
        click.echo(f"Error: {inert_line(str(err))}", err=True)
        sys.exit(EXIT_FAILED)
    except Exception as err:  # noqa: BLE001 - a bug: one line on how to report it, then exit 3
        if _is_store_fault(err):
            # a damaged block found by a query, a disk that filled up while reading: one line,
            # not a traceback (checked by module, so `polemos --help` never imports DuckDB)
            from polemos.store.faults import describe_fault

            click.echo(f"Error: {describe_fault(err, None, action='read')}", err=True)
            sys.exit(EXIT_FAILED)
        if "--debug" in sys.argv[1:]:
            traceback.print_exc()
        reason = inert_line(one_line(f"{type(err).__name__}: {err}"))[:MAX_REASON_CHARS]
        click.echo(f"Internal error ({reason}). This is a bug in Polemos: please report it to "
                   "the Polemos issue tracker with the command you ran"
                   + (" and the traceback above." if "--debug" in sys.argv[1:] else
                      " (the ingest command prints the traceback with --debug)."), err=True)
        sys.exit(EXIT_INTERNAL)


def _is_store_fault(err: BaseException) -> bool:
    if type(err).__module__ not in ("duckdb", "_duckdb"):
        return False
    from polemos.store.faults import is_known_fault

    return is_known_fault(err)


__all__ = ["cli", "main"]

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

EXIT_FAILED = 1  # the run failed, or some items did (a message says which)
EXIT_USAGE = 2  # a wrong option or setting (click's own usage errors exit 2 too)
EXIT_INTERNAL = 3  # a bug in Polemos


def main() -> None:
    """Run the command line; exit 0 when all went well, else 1, 2 or 3 (see above)."""
    try:
        cli.main(standalone_mode=True)
    except ConfigError as err:
        click.echo(f"Error: {one_line(str(err))}", err=True)
        sys.exit(EXIT_USAGE)
    except PolemosError as err:
        click.echo(f"Error: {one_line(str(err))}", err=True)
        sys.exit(EXIT_FAILED)
    except Exception as err:  # noqa: BLE001 - a bug: one line on how to report it, then exit 3
        if "--debug" in sys.argv[1:]:
            traceback.print_exc()
        reason = one_line(f"{type(err).__name__}: {err}")[:MAX_REASON_CHARS]
        click.echo(f"Internal error ({reason}). This is a bug in Polemos: please report it to "
                   "the Polemos issue tracker with the command you ran"
                   + (" and the traceback above." if "--debug" in sys.argv[1:] else
                      " (the ingest command prints the traceback with --debug)."), err=True)
        sys.exit(EXIT_INTERNAL)


__all__ = ["cli", "main"]

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


def main() -> None:
    try:
        cli.main(standalone_mode=True)
    except PolemosError as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(1)


__all__ = ["cli", "main"]

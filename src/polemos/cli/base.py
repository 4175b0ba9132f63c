"""The click group every command module registers on, and shared options."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from polemos import __version__

F = TypeVar("F", bound=Callable[..., Any])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="polemos")
def cli() -> None:
    """Polemos: sourced, dated events, actor roles and cited answers from conflict articles.

    Example:

    \b
        polemos demo
    """


def db_option(f: F) -> F:
    return click.option(
        "--db", default="polemos.duckdb", show_default=True, help="DuckDB database file"
    )(f)

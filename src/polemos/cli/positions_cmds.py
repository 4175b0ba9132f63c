"""Positions commands: `brief`, `ask` and `conflicts`, thin twins of build_brief, answer and
discover.

Exit codes: 0 an answer; 3 nothing found (no document about the conflict, or none naming the
actor: the message says what was searched); 4 a question `ask` does not understand (the message
lists the forms it does); 1 other errors (unknown actor, missing store …); 2 usage errors.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from polemos.cli.base import cli, db_option
from polemos.errors import PolemosError
from polemos.sanitize import inert_line, inert_output
from polemos.store.store import Store

EXIT_NOTHING_FOUND = 3
EXIT_NOT_UNDERSTOOD = 4


def _kb(actors: tuple[str, ...]) -> Any:
    from polemos.actors import load_kb

    return load_kb(actors)


def _conflicts(files: tuple[str, ...], *, no_definitions: bool) -> Any:
    from polemos.analysis.conflicts import Conflicts, load_conflicts

    return Conflicts(()) if no_definitions else load_conflicts(files)


conflict_files_option = click.option(
    "--conflicts", "conflict_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="extra conflict definitions (optional enrichment)")
no_definitions_option = click.option(
    "--no-definitions", is_flag=True,
    help="ignore every conflict definition: scopes come from the data alone")
all_option = click.option("--all", "show_all", is_flag=True,
                          help="every timeline item and passage, not only the salient ones")


@cli.command("brief")
@click.argument("actor")
@click.option("--conflict", required=True,
              help="conflict: a defined or discovered name (see `polemos conflicts`), or words "
                   "such as \"the insurgency in Balochistan\"")
@click.option("--since", type=int, default=None, help="first year to include")
@click.option("--until", type=int, default=None, help="last year to include")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json", "html"]),
              default="text", show_default=True)
@conflict_files_option
@no_definitions_option
@all_option
@click.option("--actors", multiple=True, help="extra knowledge-base YAML file(s)")
@db_option
def brief_cmd(actor: str, conflict: str, since: int | None, until: int | None, fmt: str,
              conflict_files: tuple[str, ...], no_definitions: bool, show_all: bool,
              actors: tuple[str, ...], db: str) -> None:
    """Brief on ACTOR (a code or a name) in a conflict: roles, stance, statements, timeline,
    citations. Exits 3 when no document is about the conflict or none names the actor.

    Example:

    \b
        polemos brief RUS --conflict Nagorno-Karabakh --format json
    """
    from polemos.analysis.ask import build_brief
    from polemos.analysis.brief import render_brief
    from polemos.analysis.target import NothingFound

    try:
        with Store.open(db, read_only=True) as store:
            brief = build_brief(store, actor, conflict=conflict, since=since, until=until,
                                kb=_kb(actors), full=show_all,
                                conflicts=_conflicts(conflict_files,
                                                     no_definitions=no_definitions))
        click.echo(inert_output(render_brief(brief, fmt), fmt), nl=False)
    except NothingFound as err:
        click.echo(f"Nothing found: {inert_line(str(err))}", err=True)
        sys.exit(EXIT_NOTHING_FOUND)
    except PolemosError as err:
        raise click.ClickException(inert_line(str(err))) from err


@cli.command("ask")
@click.argument("question")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@conflict_files_option
@no_definitions_option
@all_option
@click.option("--actors", multiple=True, help="extra knowledge-base YAML file(s)")
@db_option
def ask_cmd(question: str, fmt: str, conflict_files: tuple[str, ...], no_definitions: bool,
            show_all: bool, actors: tuple[str, ...], db: str) -> None:
    """Answer a QUESTION about roles, mediation, arms, relations or events, with citations.
    Exits 3 when nothing in the database is about it, 4 when the question is not understood.

    Example:

    \b
        polemos ask "What is the position of Russia in the Nagorno-Karabakh conflict?"
    """
    from polemos.analysis.ask import answer
    from polemos.analysis.render_answer import render_answer

    try:
        with Store.open(db, read_only=True) as store:
            result = answer(store, question, kb=_kb(actors), full=show_all,
                            conflicts=_conflicts(conflict_files, no_definitions=no_definitions))
        click.echo(inert_output(render_answer(result, fmt), fmt), nl=False)
    except PolemosError as err:
        raise click.ClickException(inert_line(str(err))) from err
    if result.status == "nothing_found":
        sys.exit(EXIT_NOTHING_FOUND)
    if result.status == "not_understood":
        sys.exit(EXIT_NOT_UNDERSTOOD)


@cli.command("conflicts")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@conflict_files_option
@click.option("--actors", multiple=True, help="extra knowledge-base YAML file(s)")
@db_option
def conflicts_cmd(fmt: str, conflict_files: tuple[str, ...], actors: tuple[str, ...],
                  db: str) -> None:
    """List the conflicts and crises the database holds, discovered from the data: name,
    parties, span and documents. `ask` and `brief` accept these names.

    Example:

    \b
        polemos conflicts --db voa.duckdb
    """
    from polemos.analysis.conflicts import load_conflicts
    from polemos.analysis.discover import conflict_rows, discover
    from polemos.cli.core import print_rows

    try:
        with Store.open(db, read_only=True) as store:
            found = discover(store, kb=_kb(actors), conflicts=load_conflicts(conflict_files))
        print_rows(conflict_rows(found, full=fmt != "table"), fmt,
                   title=f"{len(found)} conflict(s) and crises found in the data")
    except PolemosError as err:
        raise click.ClickException(inert_line(str(err))) from err

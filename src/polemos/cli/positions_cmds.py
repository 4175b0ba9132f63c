"""Positions commands: `brief` and `ask`, thin twins of build_brief and answer."""

from __future__ import annotations

from typing import Any

import click

from polemos.cli.base import cli, db_option
from polemos.errors import PolemosError
from polemos.store.store import Store


def _kb(actors: tuple[str, ...]) -> Any:
    from polemos.actors import load_kb

    return load_kb(actors)


@cli.command("brief")
@click.argument("actor")
@click.option("--conflict", required=True, help="conflict name or alias (see data/conflicts.yaml)")
@click.option("--since", type=int, default=None, help="first year to include")
@click.option("--until", type=int, default=None, help="last year to include")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json", "html"]),
              default="text", show_default=True)
@click.option("--conflicts", "conflict_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False), help="extra conflict definitions")
@click.option("--actors", multiple=True, help="extra knowledge-base YAML file(s)")
@db_option
def brief_cmd(actor: str, conflict: str, since: int | None, until: int | None, fmt: str,
              conflict_files: tuple[str, ...], actors: tuple[str, ...], db: str) -> None:
    """Brief on ACTOR (a code or a name) in a conflict: roles, stance, timeline, citations.

    Example:

    \b
        polemos brief RUS --conflict Nagorno-Karabakh --format json
    """
    from polemos.analysis.brief import build_brief, render_brief
    from polemos.analysis.conflicts import load_conflicts

    try:
        with Store.open(db, read_only=True) as store:
            brief = build_brief(store, actor, conflict=conflict, since=since, until=until,
                                kb=_kb(actors), conflicts=load_conflicts(conflict_files))
        click.echo(render_brief(brief, fmt), nl=False)
    except PolemosError as err:
        raise click.ClickException(str(err)) from err


@cli.command("ask")
@click.argument("question")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--conflicts", "conflict_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False), help="extra conflict definitions")
@click.option("--actors", multiple=True, help="extra knowledge-base YAML file(s)")
@db_option
def ask_cmd(question: str, fmt: str, conflict_files: tuple[str, ...], actors: tuple[str, ...],
            db: str) -> None:
    """Answer a QUESTION about roles, mediation, arms, relations or events, with citations.

    Example:

    \b
        polemos ask "What is the position of Russia in the Nagorno-Karabakh conflict?"
    """
    from polemos.analysis.ask import answer, render_answer
    from polemos.analysis.conflicts import load_conflicts

    try:
        with Store.open(db, read_only=True) as store:
            result = answer(store, question, kb=_kb(actors),
                            conflicts=load_conflicts(conflict_files))
        click.echo(render_answer(result, fmt), nl=False)
    except PolemosError as err:
        raise click.ClickException(str(err)) from err

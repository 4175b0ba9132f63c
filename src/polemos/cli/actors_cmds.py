"""Actor commands: mentions, actors, kb show, kb check."""

from __future__ import annotations

import sys

import click

from polemos.cli.base import cli, db_option
from polemos.cli.core import print_rows
from polemos.errors import DictionaryError, QueryError
from polemos.sanitize import inert_line


@cli.command("mentions")
@db_option
@click.option("--doc", "doc_id", default=None, help="only this document (id or id prefix)")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json", "csv"]),
              default="table", show_default=True)
def mentions_cmd(db: str, doc_id: str | None, fmt: str) -> None:
    """List the actor mentions found in stored documents, with what they resolve to.

    Example:

    \b
        polemos mentions --doc 3f2a9c0d --format jsonl
    """
    from polemos.actors.queries import mention_rows
    from polemos.store.store import Store

    with Store.open(db, read_only=True) as store:
        print_rows(mention_rows(store, doc_id=doc_id), fmt, title="mentions")


@cli.command("actors")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json", "csv"]),
              default="table", show_default=True)
def actors_cmd(db: str, fmt: str) -> None:
    """List resolved actors (code, sector, person) with their mention counts.

    Example:

    \b
        polemos actors --format csv > actors.csv
    """
    from polemos.actors.queries import actor_rows
    from polemos.store.store import Store

    with Store.open(db, read_only=True) as store:
        print_rows(actor_rows(store), fmt, title="actors")


@cli.group("kb")
def kb_group() -> None:
    """Inspect and check the actor knowledge base.

    Example:

    \b
        polemos kb show Moscow
    """


@kb_group.command("show")
@click.argument("name")
@click.option("--actors", "actors", multiple=True, help="extra knowledge-base YAML file(s)")
def kb_show_cmd(name: str, actors: tuple[str, ...]) -> None:
    """Show what the knowledge base knows about NAME: kind, names, offices with dates.

    Example:

    \b
        polemos kb show "Sergei Lavrov"
    """
    from polemos.actors.kb import load_kb
    from polemos.actors.queries import describe

    try:
        entries = describe(load_kb(actors), name)
    except (QueryError, DictionaryError) as err:
        click.echo(f"Error: {inert_line(str(err))}", err=True)
        sys.exit(1)
    for entry in entries:
        for key, value in entry.items():
            if isinstance(value, list):
                click.echo(f"{key}:")
                for item in value:
                    click.echo(f"  - {inert_line(str(item))}")
            else:
                click.echo(f"{key}: {inert_line(str(value))}")
        click.echo("")


@kb_group.command("check")
@click.argument("path", type=click.Path(dir_okay=False))
def kb_check_cmd(path: str) -> None:
    """Validate a user knowledge-base FILE against the built-in KB (exit 1 on the first error).

    Example:

    \b
        polemos kb check my_actors.yaml
    """
    from polemos.actors.kb import check_file

    try:
        n = check_file(path)
    except DictionaryError as err:
        click.echo(f"Error: {inert_line(str(err))}", err=True)
        sys.exit(1)
    click.echo(f"ok: {n} entries")

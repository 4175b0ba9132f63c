"""`polemos serve`: the local web app over one store; the twin of ``polemos.web.create_app``."""

from __future__ import annotations

import ipaddress

import click

from polemos.cli.base import cli, db_option
from polemos.sanitize import inert_line


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@cli.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="address to listen on (loopback: only this machine can connect)")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--actors", multiple=True, help="extra knowledge-base YAML file(s)")
@click.option("--conflicts", "conflict_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False), help="extra conflict definitions")
def serve_cmd(db: str, host: str, port: int, actors: tuple[str, ...],
              conflict_files: tuple[str, ...]) -> None:
    """Browse a store in a local web app: overview, documents, events, actors, conflicts, ask.

    Read-only; every page has a JSON twin (/events.json?actor=RUS). Needs the `web` extra:
    pip install 'polemos[web]'.

    Example:

    \b
        polemos serve --db polemos.duckdb --port 8000
    """
    try:
        import uvicorn

        from polemos.web.app import create_app
    except ImportError as err:
        raise click.ClickException(f"the web app needs the `web` extra ({err.name} is missing): "
                                   "pip install 'polemos[web]'") from err
    from polemos.actors.kb import load_kb
    from polemos.analysis import load_conflicts

    if not is_loopback(host):
        click.echo(f"Warning: listening on {inert_line(host)}: other machines can read this store. "
                   "Use --host 127.0.0.1 to keep it to this machine.", err=True)
    app = create_app(db, kb=load_kb(actors), conflicts=load_conflicts(conflict_files))
    click.echo(f"Serving {inert_line(db)} read-only at http://{inert_line(host)}:{port}/ (Ctrl-C to stop).", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")

"""`polemos report`: write the offline HTML report."""

from __future__ import annotations

import click

from polemos.cli.base import cli, db_option


@cli.command("report")
@click.option("--conflict", default=None, help="conflict name or alias (default: the whole corpus)")
@click.option(
    "-o",
    "--output",
    default="report.html",
    show_default=True,
    type=click.Path(dir_okay=False, writable=True),
    help="HTML file to write",
)
@db_option
@click.option(
    "--config", type=click.Path(dir_okay=False), default=None, help="polemos.toml settings file"
)
def report_cmd(conflict: str | None, output: str, db: str, config: str | None) -> None:
    """Write one self-contained HTML report (no network needed to open it).

    Corpus overview, timeline, cooperation/conflict series, actor network and the
    briefs of the main outside actors.

    Example:

    \b
        polemos report --conflict Nagorno-Karabakh -o report.html --db polemos.duckdb
    """
    from polemos.actors.kb import load_kb
    from polemos.analysis.conflicts import load_conflicts
    from polemos.atomic import write_atomic
    from polemos.report import build_report
    from polemos.sanitize import inert_line
    from polemos.settings import load_settings
    from polemos.store.store import Store

    settings = load_settings(config)
    kb = load_kb(settings.actors)
    conflicts = load_conflicts(settings.conflicts)
    with Store.open(db, read_only=True) as store:
        html = build_report(store, conflict=conflict, kb=kb, conflicts=conflicts)
    write_atomic(output, html)  # whole or not at all: a failed write keeps the previous report
    click.echo(f"Wrote {inert_line(output)} ({len(html.encode('utf-8')) // 1024} KB).", err=True)

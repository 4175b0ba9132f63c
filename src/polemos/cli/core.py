"""Core commands: ingest, docs, show, demo."""

from __future__ import annotations

import json
import math
import sys
import time
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

import click

from polemos.cli.base import cli, db_option
from polemos.errors import QueryError
from polemos.records import Article, Failure, Skip
from polemos.store.model import Document
from polemos.workers import default_workers, estimate_documents

if TYPE_CHECKING:  # imported where used: `polemos --help` loads neither spaCy nor DuckDB
    from polemos.pipeline import IngestReport
    from polemos.store.store import Store


def print_rows(rows: Sequence[dict[str, Any]], fmt: str, *, title: str | None = None) -> None:
    """Write rows to stdout as a rich table, JSON or CSV; stored text is made inert
    (``polemos.sanitize``): controls escaped, no rich markup, no CSV formula."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from polemos.sanitize import csv_text, inert_json, inert_text

    if fmt == "json":
        click.echo(inert_json(json.dumps(rows, indent=2, default=str, ensure_ascii=False)))
    elif fmt == "jsonl":
        for row in rows:
            click.echo(inert_json(json.dumps(row, default=str, ensure_ascii=False)))
    elif fmt == "csv":
        if rows:
            click.echo(csv_text(list(rows[0]), (row.values() for row in rows)), nl=False)
    else:
        table = Table(title=title, show_lines=False)
        for name in rows[0] if rows else []:
            table.add_column(inert_text(name), overflow="fold")
        for row in rows:
            table.add_row(*(Text(inert_text("" if v is None else str(v))) for v in row.values()))
        Console(width=max(120, Console().width)).print(table)


if TYPE_CHECKING:  # generic only from click 8.2; pyproject allows 8.1
    _ParamType = click.ParamType[float, Any]
else:
    _ParamType = click.ParamType


class Seconds(_ParamType):
    """A duration in seconds: a finite number above zero (NaN, inf and -5 are usage errors)."""

    name = "seconds"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds.", param, ctx)
        if not math.isfinite(seconds) or seconds <= 0:
            self.fail(f"{value!r} must be a finite number of seconds above 0, e.g. 20.", param, ctx)
        return seconds


SKIP_LABELS = {
    "language": "not English", "empty": "empty", "notes": "corpus notes",
    "type": "unsupported type", "no-text": "no article text", "link": "link out of the folder",
}


def _summary(report: IngestReport) -> str:
    parts = [f"{len(report.stored)} stored", f"{len(report.already)} already stored"]
    reasons: dict[str, int] = {}
    for skip in report.skipped:
        label = SKIP_LABELS.get(skip.stage, skip.stage)
        reasons[label] = reasons.get(label, 0) + 1
    skipped = ", ".join(f"{n} {why}" for why, n in sorted(reasons.items()))
    parts.append(f"{len(report.skipped)} skipped" + (f" ({skipped})" if skipped else ""))
    parts.append(f"{len(report.failed)} failed")
    return "Ingest: " + ", ".join(parts) + "."


def run_ingest(
    sources: Sequence[str], *, db: str, quiet: bool, settings_overrides: dict[str, Any],
    workers: int = 1, debug: bool = False,
) -> IngestReport:
    """Ingest with a progress bar and one stderr line per problem; shared by ingest and demo.

    With ``debug``, an item that failed on a bug also gets its traceback.

    The bar shows documents done of about how many the sources hold, words/s and an ETA.
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    from polemos.pipeline import ingest
    from polemos.sanitize import inert_line
    from polemos.settings import load_settings

    err_console = Console(stderr=True)
    settings = load_settings(settings_overrides.pop("config", None), **settings_overrides)
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[words_per_s]:,.0f} words/s"), TimeRemainingColumn(),
        TimeElapsedColumn(), console=err_console, disable=quiet or not err_console.is_terminal,
        transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=estimate_documents(sources), words_per_s=0.0)
        started, words = time.perf_counter(), 0

        def on_item(item: Article | Skip | Failure) -> None:
            if not isinstance(item, Article):
                progress.advance(task)
            # one unwrapped line per problem, whatever the terminal width (scripts grep them)
            if isinstance(item, Failure):
                line = Text.assemble(("error", "red"), " ", inert_line(item.message))
                progress.console.print(line, highlight=False, soft_wrap=True)
                if debug and item.detail:
                    progress.console.print(Text(item.detail), highlight=False, soft_wrap=True)
            elif isinstance(item, Skip) and not quiet:
                line = Text.assemble(("skipped", "yellow"),
                                     f" {inert_line(item.item)}: {inert_line(item.reason)}")
                progress.console.print(line, highlight=False, soft_wrap=True)

        def on_done(n_documents: int, n_words: int) -> None:
            nonlocal words
            words += n_words
            rate = words / max(time.perf_counter() - started, 1e-9)
            progress.update(task, advance=n_documents, words_per_s=rate)

        report = ingest(sources, db=db, settings=settings, on_item=on_item, workers=workers,
                        on_done=on_done)
    click.echo(_summary(report), err=True)
    return report


@cli.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="refuse files larger than this (bytes; default 20 MB)")
@click.option("--timeout", type=Seconds(), default=None,
              help="seconds a URL may take in all: connection, headers and body (default 20)")
@click.option("--actors", "actors", multiple=True, help="extra knowledge-base YAML file(s)")
@click.option("--config", type=click.Path(dir_okay=False), default=None, help="polemos.toml settings file")
@click.option("-q", "--quiet", is_flag=True, help="no progress bar, no per-item lines but errors")
@click.option("--workers", type=click.IntRange(min=1), default=default_workers(),
              show_default="the machine's cores",
              help="processes that parse and code documents (one writer stores them)")
@click.option("--debug", is_flag=True, help="print the traceback of an item that fails on a bug")
def ingest_cmd(
    sources: tuple[str, ...], db: str, max_bytes: int | None, timeout: float | None,
    actors: tuple[str, ...], config: str | None, quiet: bool, workers: int, debug: bool,
) -> None:
    """Read SOURCES (files, folders, URLs, feeds, JSONL) and store what they say.

    An item that cannot be read or coded gets one error line naming it and the step, and
    the others go on. Exit code 0 when every item went in, 1 when some failed (or the store
    could not be written), 2 for usage and settings errors, 3 for an internal error (a bug:
    the message says how to report it; --debug prints the traceback).
    Documents are coded in --workers processes, each loading the model once; a small
    input is coded in this process.

    Example:

    \b
        polemos ingest ../shared/corpus/seeds articles.jsonl https://example.org/feed.xml
        polemos ingest big.jsonl --workers 4 --db big.duckdb
    """
    overrides: dict[str, Any] = {"max_bytes": max_bytes, "timeout": timeout, "config": config}
    if actors:
        overrides["actors"] = actors
    report = run_ingest(sources, db=db, quiet=quiet, settings_overrides=overrides,
                        workers=workers, debug=debug)
    sys.exit(report.exit_code)


def document_rows(store: Store, *, include_skipped: bool = False) -> list[dict[str, Any]]:
    """One row per stored document, then (when asked) one per skipped item."""
    rows = [_document_row(d) for d in store.documents(order="source")]
    if include_skipped:
        rows += [{"id": s.doc_id or "", "title": s.title, "source": s.item, "url": None,
                  "published": None, "latest_date_in_text": None, "sentences": 0,
                  "status": f"skipped: {s.reason}"} for s in store.skipped()]
    return rows


def _document_row(doc: Document) -> dict[str, Any]:
    return {"id": doc.doc_id, "title": doc.title, "source": doc.source, "url": doc.url,
            "published": None if doc.published is None else str(doc.published),
            "latest_date_in_text": None if doc.text_date is None else str(doc.text_date),
            "sentences": doc.n_sentences, "status": doc.status}


@cli.command("docs")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--skipped", is_flag=True, help="also list the items left out, with the reason")
def docs_cmd(db: str, fmt: str, skipped: bool) -> None:
    """List stored documents with their dates and sentence counts (--skipped: and skips).

    Example:

    \b
        polemos docs --format json | jq '.[].title'
    """
    from polemos.store.store import Store

    with Store.open(db, read_only=True) as store:
        print_rows(document_rows(store, include_skipped=skipped), fmt, title="documents")


@cli.command("show")
@click.argument("doc_id")
@db_option
@click.option("--sentences", is_flag=True, help="list the sentences with their offsets")
def show_cmd(doc_id: str, db: str, sentences: bool) -> None:
    """Show one document (a unique prefix of its id will do): metadata and text or sentences.

    Example:

    \b
        polemos show 3f2a9c0d --sentences
    """
    from polemos.sanitize import inert_line, inert_text
    from polemos.store.store import Store

    with Store.open(db, read_only=True) as store:
        try:
            doc = store.find_document(doc_id)
        except QueryError as err:
            raise click.ClickException(inert_line(str(err))) from err
        for key in ("doc_id", "title", "source", "url", "published", "author", "text_date",
                    "language", "n_sentences", "status"):
            value = getattr(doc, key)
            click.echo(f"{key}: {'' if value is None else inert_line(str(value))}")
        click.echo("")
        if sentences:
            for s in store.sentences([doc.doc_id]):
                click.echo(f"[{s.index}] {s.start}-{s.end}  {inert_line(s.text)}")
        else:
            click.echo(inert_text(doc.text or ""))


def demo_corpus_path() -> str:
    """The demo reports (the folder's README describes them and is not a report)."""
    return str(resources.files("polemos").joinpath("data/demo/wire.jsonl"))


DEMO_ACTOR = "RUS"
DEMO_CONFLICT = "Nagorno-Karabakh"


def demo_overview(store: Store) -> list[dict[str, Any]]:
    """What the pipeline found, one row per PLOVER type (flagged events counted apart)."""
    return [{"type": c.key, "events": c.n_events, "reports": c.n_reports, "flagged": c.n_flagged}
            for c in store.event_counts("type")]


def demo_stats(store: Store) -> dict[str, int]:
    stats = store.stats()
    return {"documents": stats.n_documents, "sentences": stats.n_sentences,
            "resolved_mentions": stats.n_resolved_mentions, "events": stats.n_events,
            "event_reports": stats.n_reports}


@cli.command("demo")
@click.option("--db", default="polemos-demo.duckdb", show_default=True, help="DuckDB database file")
@click.option("--report", "report_path", default="polemos-demo-report.html", show_default=True,
              help="where to write the offline HTML report")
@click.option("-q", "--quiet", is_flag=True, help="no progress bar")
def demo_cmd(db: str, report_path: str, quiet: bool) -> None:
    """Ingest the built-in demo corpus, show what was found, Russia's brief, and write the report.

    Example:

    \b
        polemos demo --db demo.duckdb --report demo.html
    """
    from polemos.actors import load_kb
    from polemos.analysis import build_brief, render_brief
    from polemos.atomic import write_atomic
    from polemos.report.build import build_report
    from polemos.sanitize import inert_line, inert_text
    from polemos.store.store import Store

    result = run_ingest([demo_corpus_path()], db=db, quiet=quiet, settings_overrides={},
                        workers=default_workers())
    kb = load_kb()
    with Store.open(db, read_only=True) as store:
        stats = demo_stats(store)
        click.echo(" · ".join(f"{v} {k.replace('_', ' ')}" for k, v in stats.items()))
        print_rows(demo_overview(store), "table", title="events by PLOVER type")
        brief = build_brief(store, DEMO_ACTOR, conflict=DEMO_CONFLICT, kb=kb)
        click.echo(f"\n== Brief: {DEMO_ACTOR} in the {DEMO_CONFLICT} conflict ==\n")
        click.echo(inert_text(render_brief(brief, "text")))
        html = build_report(store, conflict=DEMO_CONFLICT, kb=kb)
    write_atomic(report_path, html)
    click.echo(f"Report written to {inert_line(report_path)} (one offline HTML file; open it in "
               "a browser).")
    db = inert_line(db)
    click.echo(f"Explore further:\n  polemos events --db {db}\n  polemos ask \"Who mediated "
               f"between Armenia and Azerbaijan?\" --db {db}")
    sys.exit(result.exit_code)

"""`polemos events`: the stored events in several formats, every one leading back to its
sentence; the twin of ``polemos.open(db).events(...)``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from polemos.cli.base import cli, db_option
from polemos.cli.tables import render_table, write_output
from polemos.records import EventDate

if TYPE_CHECKING:
    from polemos.api import Database, Records
    from polemos.store.model import EventRecord

FORMATS = ["table", "jsonl", "csv", "parquet", "plover"]
MAX_SENTENCE = 70


def _who(parts: Sequence[dict[str, Any]] | None) -> str:
    """Participants as "RUS:GOV, ARM, 'civilians':CVL": code (quoted text when the knowledge
    base does not code it), and sector when there is one."""
    return ", ".join((p["code"] or repr(p["text"] or "")) + (f":{p['sector']}" if p["sector"] else "")
                     for p in parts or ())


def table_row(row: dict[str, Any]) -> dict[str, Any]:
    """One export row cut to fit a terminal, still leading back to its sentence."""
    sentence = row["sentence_text"] or ""
    date = EventDate(row["date"], row["date_precision"]).iso or ""
    document = " · ".join(str(v) for v in (row["title"], row["published"], row["url"]) if v)
    return {
        "id": row["merged_id"][:8],
        "date": f"{date} ({row['date_basis']})" if date else "",
        "event": f"{row['type']} {row['cameo']}", "actors": _who(row["actors"]),
        "recipients": _who(row["recipients"] + row["mediators"]),
        "flags": ",".join(row["flags"] or ()), "reports": row["n_reports"],
        "source": (f"{row['doc_id']}:{row['sentence']} "
                   f"@{row['trigger_start']}-{row['trigger_end']} {row['pattern']}"),
        "document": document,
        "sentence": sentence if len(sentence) <= MAX_SENTENCE
        else sentence[: MAX_SENTENCE - 3] + "...",
    }


def _lines(fmt: str, database: Database, records: Records[EventRecord]) -> list[str]:
    from polemos.events.export import json_line, jsonl_records, plover_record

    table = records.to_arrow()
    reports = database.store.reports_of([r.merged_id for r in records])
    if fmt == "jsonl":
        return [json_line(r) for r in jsonl_records(table, reports)]
    from polemos.actors.kb import load_kb

    kb = load_kb()  # PLOVER country codes and the identity of groups
    return [json_line(plover_record(reports[r.merged_id], merged_id=r.merged_id, kb=kb))
            for r in records]


@cli.command("events")
@click.option("--actor", default=None,
              help="only events with this actor or mediator (code or name)")
@click.option("--recipient", default=None, help="only events with this recipient (code or name)")
@click.option("--type", "event_type", default=None, help="PLOVER type (AID) or CAMEO prefix (072)")
@click.option("--since", type=int, default=None, help="first year (by event date)")
@click.option("--until", type=int, default=None, help="last year (by event date)")
@click.option("--include-flagged", is_flag=True,
              help="also negated, hypothetical and attempted events")
@click.option("--doc", "doc_ids", multiple=True, help="only events from this document id")
@click.option("--text", default=None, help="only events whose sentence contains this phrase")
@click.option("--reports", is_flag=True, help="one row per report instead of per merged event")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="at most this many rows")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="write to this file instead of stdout (required for parquet)")
@db_option
def events_cmd(actor: str | None, recipient: str | None, event_type: str | None,
               since: int | None, until: int | None, include_flagged: bool,
               doc_ids: tuple[str, ...], text: str | None, reports: bool, limit: int | None,
               fmt: str, output: str | None, db: str) -> None:
    """List stored events, one row per merged event (reports of the same event merged).

    Every format carries the document (id, URL, title, publication date), sentence and
    trigger offsets, date with precision and basis, participants with their sectors, flags
    and pattern; jsonl and plover add every report of each merged event.

    Example:

    \b
        polemos events --actor RUS --type CONSULT --since 2020 --format csv -o rus.csv
    """
    from polemos.api import open as open_db

    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet writes a file: add -o events.parquet")
    kind = event_type or None
    with open_db(db) as database:
        records = database.events(
            actor, recipient, type=None if kind is None or kind[:1].isdigit() else kind,
            cameo=kind if kind and kind[:1].isdigit() else None, since=since, until=until,
            flags="include" if include_flagged else "exclude",
            doc_ids=doc_ids or None, merged=not reports, text=text, limit=limit)
        _emit(fmt, database, records, output)


def _emit(fmt: str, database: Database, records: Records[EventRecord],
          output: str | None) -> None:
    """Write the records in ``fmt`` to ``output`` (or stdout)."""
    if fmt == "parquet":
        import pyarrow.parquet as pq

        from polemos.atomic import replacing

        with replacing(str(output)) as tmp:
            pq.write_table(records.to_arrow(), str(tmp))
        return
    if fmt in ("jsonl", "plover"):
        text = "".join(line + "\n" for line in _lines(fmt, database, records))
    elif fmt == "csv":
        from polemos.events.export import csv_text

        text = csv_text(records.to_arrow())
    else:
        rows = [table_row(r) for r in records.to_arrow().to_pylist()]
        text = render_table(rows, title=f"events ({len(records)} of {records.total})",
                            width=None if output is None else 200)
    write_output(text, None if output is None else Path(output))

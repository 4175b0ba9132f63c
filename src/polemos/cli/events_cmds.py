"""`polemos events`: the stored events, one row per merged event, in several formats."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import click

from polemos.cli.base import cli, db_option
from polemos.cli.core import print_rows
from polemos.events.export import CountryMap, identity_country, plover_record
from polemos.records import Event
from polemos.store.store import Store

FORMATS = ["table", "jsonl", "csv", "parquet", "plover"]


def _where(actor: str | None, recipient: str | None, event_type: str | None,
           since: int | None, until: int | None, include_flagged: bool) -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    if actor:
        parts.append("(list_contains(actor_codes, ?) OR list_contains(mediator_codes, ?))")
        params += [actor.upper(), actor.upper()]
    if recipient:
        parts.append("list_contains(recipient_codes, ?)")
        params.append(recipient.upper())
    if event_type:
        parts.append("(type = ? OR cameo LIKE ?)")
        params += [event_type.upper(), f"{event_type}%"]
    if since is not None:
        parts.append("year(date_value) >= ?")
        params.append(since)
    if until is not None:
        parts.append("year(date_value) <= ?")
        params.append(until)
    if not include_flagged:
        parts.append("NOT (is_negated OR is_hypothetical OR is_attempted)")
    return " AND ".join(parts), params


def merged_events(store: Store, where: str = "", params: Sequence[Any] = ()
                  ) -> list[tuple[str, list[Event]]]:
    """(merged id, its reports) for the events matching ``where``, in date order."""
    ids = {r["event_id"]: r["merged_id"] or r["event_id"] for r in store.rows(
        "SELECT event_id, merged_id FROM events" + (f" WHERE {where}" if where else ""), params)}
    groups: dict[str, list[Event]] = {}
    for event in store.events(where, params):
        groups.setdefault(ids.get(event.event_id, event.event_id), []).append(event)
    for reports in groups.values():
        reports.sort(key=lambda e: -e.confidence)
    return list(groups.items())


def _flags(event: Event) -> str:
    return ",".join(n for n, on in (("negated", event.is_negated),
                                    ("hypothetical", event.is_hypothetical),
                                    ("attempted", event.is_attempted)) if on)


def summary_row(merged_id: str, reports: Sequence[Event]) -> dict[str, Any]:
    event = reports[0]
    return {
        "id": merged_id, "date": event.date.iso, "date_basis": event.date.basis,
        "type": event.type, "mode": event.mode, "cameo": event.cameo,
        "goldstein": event.goldstein, "quad": event.quad,
        "actors": "+".join(p.code for p in event.actors),
        "recipients": "+".join(p.code for p in event.recipients),
        "mediators": "+".join(p.code for p in event.mediators),
        "trigger": event.trigger, "flags": _flags(event), "n_reports": len(reports),
        "confidence": event.confidence, "sentence": event.sentence_text,
    }


def evidence_row(merged_id: str, reports: Sequence[Event]) -> dict[str, Any]:
    row = summary_row(merged_id, reports)
    row["date_reason"] = reports[0].date.reason
    row["evidence"] = [
        {"event_id": e.event_id, "doc_id": e.doc_id, "sentence": e.sentence,
         "trigger": e.trigger, "trigger_start": e.trigger_start, "trigger_end": e.trigger_end,
         "sentence_text": e.sentence_text, "sentence_start": e.sentence_start,
         "sentence_end": e.sentence_end, "date": e.date.iso, "date_basis": e.date.basis,
         "date_text": e.date.text, "date_reason": e.date.reason, "pattern": e.pattern,
         "coder": e.coder,
         "confidence": e.confidence,
         "actors": [p.code for p in e.actors], "recipients": [p.code for p in e.recipients]}
        for e in reports
    ]
    return row


def _country_map() -> CountryMap:
    """PLOVER country codes through the knowledge base when it offers them."""
    from polemos.actors import load_kb

    kb = load_kb()
    plover_code = getattr(kb, "plover_code", None)
    return plover_code if plover_code is not None else identity_country


def _write(lines: Sequence[str], output: str | None) -> None:
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.writelines(line + "\n" for line in lines)
    else:
        for line in lines:
            click.echo(line)


@cli.command("events")
@click.option("--actor", default=None, help="only events with this actor (or mediator) code")
@click.option("--recipient", default=None, help="only events with this recipient code")
@click.option("--type", "event_type", default=None, help="PLOVER type (AID) or CAMEO prefix (072)")
@click.option("--since", type=int, default=None, help="first year (by event date)")
@click.option("--until", type=int, default=None, help="last year (by event date)")
@click.option("--include-flagged", is_flag=True,
              help="also negated, hypothetical and attempted events")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="write to this file (required for parquet)")
@db_option
def events_cmd(actor: str | None, recipient: str | None, event_type: str | None,
               since: int | None, until: int | None, include_flagged: bool, fmt: str,
               output: str | None, db: str) -> None:
    """List stored events, one row per merged event (reports of the same event merged).

    jsonl and plover carry every report (document, sentence, offsets, pattern).

    Example:

    \b
        polemos events --actor RUS --type CONSULT --since 2020 --format jsonl
    """
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet writes a file: add -o events.parquet")
    where, params = _where(actor, recipient, event_type, since, until, include_flagged)
    with Store.open(db, read_only=True) as store:
        groups = merged_events(store, where, params)
    if fmt == "plover":
        country = _country_map()
        _write([json.dumps(plover_record(r, merged_id=m, country=country), ensure_ascii=False,
                           default=str) for m, r in groups], output)
    elif fmt == "jsonl":
        _write([json.dumps(evidence_row(m, r), ensure_ascii=False, default=str)
                for m, r in groups], output)
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist([summary_row(m, r) for m, r in groups]),
                       str(output))
    elif output:
        raise click.UsageError("-o is for jsonl, plover and parquet; redirect table/csv output")
    elif fmt == "csv":
        print_rows([summary_row(m, r) for m, r in groups], fmt)
    else:
        print_rows([table_row(m, r) for m, r in groups], fmt, title="events")


def table_row(merged_id: str, reports: Sequence[Event]) -> dict[str, Any]:
    """The summary cut to fit a terminal: short id, no scores, the sentence truncated."""
    row = summary_row(merged_id, reports)
    keep = ("date", "type", "cameo", "actors", "recipients", "mediators", "trigger", "flags",
            "n_reports")
    sentence = row["sentence"]
    return {"id": merged_id[:8], **{k: row[k] for k in keep},
            "sentence": sentence if len(sentence) <= 70 else sentence[:67] + "..."}

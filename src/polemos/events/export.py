"""Event exports that lead back to the source: JSON lines, CSV, PLOVER records.

Every format carries, for each event, its document (id, URL, title, publication date), the
sentence and trigger offsets into the stored text, the date with its precision and basis,
the participants as lists of {code, sector, …}, the flags and the pattern that fired.
Tabular exports start from ``Store.events_table`` (one row per merged event or report).

Two conventions of the PLOVER manual are applied to PLOVER records, not to stored events:
- a future or hypothetical cooperative act is coded AGREE, a hypothetical conflictual one
  THREATEN (manual §"auxiliary modes": code the type that covers the meaning);
- country codes follow PLOVER: de facto states become the parent state with sector PRE and
  IGOs become "IGO", armed groups their country with their sector and their own identifier
  (through ``KnowledgeBase.plover_entity`` when a KB is given).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from polemos.records import Event, Participant, coded
from polemos.sanitize import csv_text as write_csv
from polemos.sanitize import inert_json
from polemos.store.model import EventRecord

if TYPE_CHECKING:
    from polemos.actors.kb import KnowledgeBase

COOPERATIVE_QUADS = frozenset({1, 2})


def plover_type(event: Event) -> str:
    """The PLOVER type a PLOVER coder would give: hypothetical acts become AGREE/THREATEN."""
    if event.is_hypothetical and not event.is_negated:
        if event.quad in COOPERATIVE_QUADS:
            return "AGREE"
        if event.type in {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"} and event.actors:
            return "THREATEN"  # a threat needs someone who threatens ("if it is attacked": none)
    return event.type


def _plain(value: Any) -> Any:
    """A table cell as CSV text: lists and structs as JSON, dates as ISO dates."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def csv_text(table: pa.Table) -> str:
    """A table as CSV with a header; list cells as JSON, no cell can start a formula.

    An empty table gives "" (no header), so ``| wc -l`` counts events.
    """
    if table.num_rows == 0:
        return ""
    return write_csv(table.column_names,
                     ([_plain(v) for v in row.values()] for row in table.to_pylist()))


def json_line(data: Mapping[str, Any]) -> str:
    """One JSON object on one line; no raw control character in it (``inert_json``)."""
    return inert_json(json.dumps(data, ensure_ascii=False, default=_json_default))


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def evidence(record: EventRecord) -> dict[str, Any]:
    """Where one report stands: document, sentence, trigger offsets, date, pattern."""
    e = record.event
    return {
        "event_id": e.event_id, "doc_id": e.doc_id, "url": record.url, "title": record.title,
        "published": record.published, "sentence": e.sentence,
        "sentence_start": e.sentence_start, "sentence_end": e.sentence_end,
        "trigger": e.trigger, "trigger_start": e.trigger_start, "trigger_end": e.trigger_end,
        "sentence_text": e.sentence_text, "date": e.date.value, "date_end": e.date.end,
        "date_precision": e.date.precision, "date_basis": e.date.basis,
        "date_text": e.date.text, "date_reason": e.date.reason,
        "actors": [_participant(p) for p in e.actors],
        "recipients": [_participant(p) for p in e.recipients], "flags": list(record.flags),
        "pattern": e.pattern, "coder": e.coder, "confidence": e.confidence,
    }


def _participant(part: Participant) -> dict[str, Any]:
    return {"code": part.code, "sector": part.sector, "person": part.person, "text": part.text,
            "start": part.start, "end": part.end}


def jsonl_records(table: pa.Table, reports: Mapping[str, Sequence[EventRecord]]
                  ) -> Iterator[dict[str, Any]]:
    """One JSON object per table row: its columns, ``id`` (the merged id) and ``evidence``
    (every report of the merged event, each leading to its sentence)."""
    for row in table.to_pylist():
        group = reports.get(row["merged_id"], ())
        yield {"id": row["merged_id"], **row, "evidence": [evidence(r) for r in group]}


def _entity(part: Participant, kb: KnowledgeBase | None, when: dt.date | None
            ) -> dict[str, Any]:
    """A PLOVER entity: country and sector as PLOVER codes them, with our identity beside
    them (an armed group stays itself: al-Shabaab is SOM + REB with identifier SHABAAB)."""
    entity = kb.plover_entity(part.code, when=when) \
        if kb is not None and part.code is not None else None
    return {"code": entity.country if entity else part.code,
            "sector": (entity.sector if entity else None) or part.sector,
            "entity_text": part.text, "identifier_text": part.person,
            "identifier": entity.identifier if entity else part.code,
            "name": entity.name if entity else None, "kind": entity.kind if entity else None,
            "polemos_code": part.code, "polemos_sector": part.sector,
            "start": part.start, "end": part.end}


def _text_info(record: EventRecord) -> dict[str, Any]:
    info = evidence(record)
    info["event_text"] = info.pop("trigger")
    info["start"], info["end"] = info.pop("trigger_start"), info.pop("trigger_end")
    return info


def plover_record(reports: Sequence[EventRecord], *, merged_id: str,
                  kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """One PLOVER record for a merged event; the first report gives the coding.

    With a ``kb`` country codes follow PLOVER (``KnowledgeBase.plover_entity`` at the event's
    date); without one our codes are written as they are.
    """
    event = reports[0].event
    when = event.date.value
    flags = [name for name, on in (("negation", event.is_negated),
                                   ("hypothetical", event.is_hypothetical),
                                   ("attempted", event.is_attempted)) if on]
    return {
        "id": merged_id,
        "date": event.date.value.isoformat() if event.date.value else None,
        "enddate": event.date.end.isoformat() if event.date.end else None,
        "date_precision": event.date.precision,
        "date_basis": event.date.basis,
        "event": plover_type(event),
        "mode": event.mode,
        "context": list(event.contexts),
        # PLOVER entities need a code: participants the KB does not code are left out
        "actor": [_entity(p, kb, when) for p in coded(event.actors)],
        "recipient": [_entity(p, kb, when) for p in coded(event.recipients)],
        "mediator": [_entity(p, kb, when) for p in coded(event.mediators)],
        "quad_code": event.quad,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "auxiliary_modes": flags,
        "coder": event.coder,
        "n_reports": len(reports),
        "text_info": [_text_info(r) for r in reports],
    }

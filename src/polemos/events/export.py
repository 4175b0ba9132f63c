"""PLOVER 2.0 JSON records from our events (one record per merged event, with all evidence).

Two conventions of the PLOVER manual are applied here, not in the stored events:
- a future or hypothetical cooperative act is coded AGREE, a hypothetical conflictual one
  THREATEN (manual §"auxiliary modes": code the type that covers the meaning);
- country codes follow PLOVER: de facto states become the parent state with sector PRE and
  IGOs become "IGO" (through ``KnowledgeBase.plover_code`` when a KB is given).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from polemos.records import Event, Participant

CountryMap = Callable[[str], tuple[str, str | None]]
COOPERATIVE_QUADS = frozenset({1, 2})


def plover_type(event: Event) -> str:
    """The PLOVER type a PLOVER coder would give: hypothetical acts become AGREE/THREATEN."""
    if event.is_hypothetical and not event.is_negated:
        if event.quad in COOPERATIVE_QUADS:
            return "AGREE"
        if event.type in {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"} and event.actors:
            return "THREATEN"  # a threat needs someone who threatens ("if it is attacked": none)
    return event.type


def identity_country(code: str) -> tuple[str, str | None]:
    return code, None


def _entity(part: Participant, country: CountryMap) -> dict[str, Any]:
    code, sector = country(part.code)
    return {"code": code, "sector": sector or part.sector, "entity_text": part.text,
            "identifier_text": part.person, "polemos_code": part.code}


def _evidence(event: Event) -> dict[str, Any]:
    return {
        "event_id": event.event_id, "doc_id": event.doc_id, "sentence": event.sentence,
        "event_text": event.trigger, "start": event.trigger_start, "end": event.trigger_end,
        "sentence_text": event.sentence_text, "sentence_start": event.sentence_start,
        "sentence_end": event.sentence_end, "pattern": event.pattern, "coder": event.coder,
        "confidence": event.confidence, "date_basis": event.date.basis,
        "date_text": event.date.text,
    }


def plover_record(reports: Sequence[Event], *, merged_id: str,
                  country: CountryMap = identity_country) -> dict[str, Any]:
    """One PLOVER record for a merged event; the first report gives the coding."""
    event = reports[0]
    flags = [name for name, on in (("negation", event.is_negated),
                                   ("hypothetical", event.is_hypothetical),
                                   ("attempted", event.is_attempted)) if on]
    return {
        "id": merged_id,
        "date": event.date.value.isoformat() if event.date.value else None,
        "enddate": event.date.end.isoformat() if event.date.end else None,
        "date_precision": event.date.precision,
        "event": plover_type(event),
        "mode": event.mode,
        "context": list(event.contexts),
        "actor": [_entity(p, country) for p in event.actors],
        "recipient": [_entity(p, country) for p in event.recipients],
        "mediator": [_entity(p, country) for p in event.mediators],
        "quad_code": event.quad,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "auxiliary_modes": flags,
        "coder": event.coder,
        "n_reports": len(reports),
        "text_info": [_evidence(r) for r in reports],
    }

"""Stated intentions: "X will visit Y", "said it would recognise Z", "will not lift the ban".

The act itself stays flagged hypothetical (it has not happened). Saying one will do it has,
and CAMEO codes that statement: a cooperative act one says one will do is an expression of
intent (AGREE 03x, refined by what is intended: 036 meet, 033 aid, 035 yield …), a conflictual
one a threat (THREATEN 13x), and a cooperative act one says one will not do a refusal (REJECT
12x). Speech acts (requests, accusations, threats …) are not re-coded: saying one will ask is
not asking. The new event keeps the act's participants, trigger and date; its pattern id is
``intend|threaten|reject.future.<class>``.
"""

from __future__ import annotations

from dataclasses import replace

from polemos.events.embedding import REFINE
from polemos.events.ids import event_id
from polemos.events.ontology import Ontology
from polemos.records import Event

ACTS = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "PROTEST",
                  "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"})
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
INTENT_FACTOR = 0.9


def _lookup(table: dict[str, str], code: str, default: str) -> str:
    return table.get(code) or table.get(code[:3]) or table.get(code[:2]) or default


def _intent_code(event: Event) -> tuple[str, str, str] | None:
    """(family, PLOVER type, CAMEO code) of the statement of intent, None when none applies."""
    if event.type in COOPERATIVE and not event.is_negated:
        return "intend", "AGREE", _lookup(REFINE["AGREE"], event.cameo, "030")
    if event.type in COOPERATIVE:
        return "reject", "REJECT", _lookup(REFINE["REJECT"], event.cameo, "120")
    if not event.is_negated:
        return "threaten", "THREATEN", _lookup(REFINE["THREATEN"], event.cameo, "130")
    return None


def intent_event(event: Event, lemma_class: str, ontology: Ontology) -> Event | None:
    """The statement of intent reported with a hypothetical act, or None."""
    if event.type not in ACTS or not event.actors or event.is_attempted:
        return None
    found = _intent_code(event)
    if found is None or not ontology.is_valid_code(found[2]):
        return None
    family, event_type, code = found
    entry = ontology.code(code)
    pattern = f"{family}.future.{lemma_class}"
    return replace(
        event, event_id=event_id(event.doc_id, event.trigger_start, pattern), type=event_type, cameo=code,
        goldstein=entry.goldstein, quad=entry.quad, mode=entry.mode,
        contexts=tuple(dict.fromkeys(event.contexts + entry.contexts)),
        is_negated=False, is_hypothetical=False, pattern=pattern,
        confidence=round(event.confidence * INTENT_FACTOR, 3))

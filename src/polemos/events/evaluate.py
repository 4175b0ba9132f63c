"""Scoring events against PLOVER gold-standard records (used by scripts/eval_events.py).

Definition (docs/patterns.md):
- a record gives gold triples (type, actor, recipient): one per actor × recipient pair,
  recipient None when the record has no target, actor None when it has no source;
- our events for the record's text give predicted triples the same way, after the PLOVER
  view (``export.plover_type``) and the PLOVER country codes; negated events are left out
  (they report that something did not happen);
- triples are sets per record; precision = matched / predicted, recall = matched / gold,
  summed over records (micro average);
- type accuracy = share of records where the type of our most confident event equals the
  gold type (records where we coded nothing count as wrong).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from polemos.events.export import plover_type
from polemos.records import Event

OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
             "FIGHT": "ASSAULT"}
OLD_CODES = {"JAP": "JPN", "ITL": "ITA"}
Triple = tuple[str, str | None, str | None]


def _codes(value: Any) -> list[str | None]:
    if not isinstance(value, list) or not value:
        return [None]
    codes = [OLD_CODES.get(str(a.get("code")), str(a.get("code"))) for a in value if a.get("code")]
    return list(dict.fromkeys(codes)) or [None]


def gold_triples(record: dict[str, Any]) -> set[Triple]:
    event_type = OLD_TYPES.get(record["event"], record["event"])
    return {(event_type, a, r) for a in _codes(record.get("source"))
            for r in _codes(record.get("target"))}


def predicted_triples(events: Iterable[Event], country: Callable[[str], str]) -> set[Triple]:
    out: set[Triple] = set()
    for event in events:
        if event.is_negated or event.is_secondary:
            continue
        actors: list[str | None] = [country(p.code) for p in event.actors] or [None]
        recipients: list[str | None] = [country(p.code) for p in event.recipients] or [None]
        out.update((plover_type(event), a, r) for a in actors for r in recipients)
    return out


@dataclass
class Score:
    n_records: int = 0
    n_gold: int = 0
    n_predicted: int = 0
    n_matched: int = 0
    n_type_correct: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.n_matched / self.n_predicted if self.n_predicted else 0.0

    @property
    def recall(self) -> float:
        return self.n_matched / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.n_type_correct / self.n_records if self.n_records else 0.0

    def summary(self) -> dict[str, float | int]:
        return {"records": self.n_records, "gold": self.n_gold, "predicted": self.n_predicted,
                "matched": self.n_matched, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "type_accuracy": round(self.type_accuracy, 3)}


def score(records: Sequence[dict[str, Any]], events: Sequence[Sequence[Event]],
          country: Callable[[str], str]) -> Score:
    """Score the events found in each record's text (same order as ``records``)."""
    result = Score()
    for record, found in zip(records, events, strict=True):
        gold = gold_triples(record)
        predicted = predicted_triples(found, country)
        matched = gold & predicted
        kept = [e for e in found if not e.is_negated and not e.is_secondary]
        top = max(kept, key=lambda e: e.confidence, default=None)
        top_type = plover_type(top) if top else None
        result.n_records += 1
        result.n_gold += len(gold)
        result.n_predicted += len(predicted)
        result.n_matched += len(matched)
        result.n_type_correct += top_type == next(iter(gold))[0]
        result.rows.append({"id": record.get("id"), "gold": sorted(map(str, gold)),
                            "predicted": sorted(map(str, predicted)), "matched": len(matched)})
    return result

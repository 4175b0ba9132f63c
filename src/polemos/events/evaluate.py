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

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from polemos.events.export import plover_type
from polemos.records import Event, codes_of

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
        actors: list[str | None] = [country(c) for c in codes_of(event.actors)] or [None]
        recipients: list[str | None] = [country(c) for c in codes_of(event.recipients)] or [None]
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


# -- K-fold splits ----------------------------------------------------------------------


def fold_of(record_id: str, k: int) -> int:
    """A record's fold among ``k``: stable across runs and machines (hash of the id)."""
    digest = hashlib.sha1(record_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % k


# -- Five-class sentence scoring (ConfliBERT CAMEO sets) --------------------------------

# Phoenix PentaClass: 0 statement/appeal or no event, 1 verbal coop, 2 material coop,
# 3 verbal conflict (09-13 and 16), 4 material conflict (14, 15, 17-20)
PENTA: dict[str, int] = {
    **dict.fromkeys(("01", "02"), 0), **dict.fromkeys(("03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08"), 2),
    **dict.fromkeys(("09", "10", "11", "12", "13", "16"), 3),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), 4),
}
N_CLASSES = 5


def penta_class(cameo: str) -> int:
    return PENTA.get(cameo[:2], 0)


def strongest(events: Iterable[Event]) -> Event | None:
    """The unflagged event with the largest |Goldstein| (ties: the earliest trigger)."""
    usable = [e for e in events if not e.is_flagged]
    return max(usable, key=lambda e: (abs(e.goldstein), -e.trigger_start), default=None)


def sentence_class(events: Iterable[Event]) -> int:
    """A sentence's class: its strongest unflagged event's, 0 when it has none."""
    event = strongest(events)
    return penta_class(event.cameo) if event is not None else 0


@dataclass
class ClassScore:
    """Accuracy and macro-F1 over the five classes, with the confusion matrix."""

    confusion: list[list[int]] = field(
        default_factory=lambda: [[0] * N_CLASSES for _ in range(N_CLASSES)])

    def add(self, gold: int, predicted: int) -> None:
        self.confusion[gold][predicted] += 1

    @property
    def n(self) -> int:
        return sum(map(sum, self.confusion))

    @property
    def accuracy(self) -> float:
        return sum(self.confusion[i][i] for i in range(N_CLASSES)) / self.n if self.n else 0.0

    def f1_of(self, label: int) -> float:
        tp = self.confusion[label][label]
        predicted = sum(row[label] for row in self.confusion)
        gold = sum(self.confusion[label])
        return 2 * tp / (predicted + gold) if predicted + gold else 0.0

    @property
    def macro_f1(self) -> float:
        return sum(self.f1_of(c) for c in range(N_CLASSES)) / N_CLASSES

    def summary(self) -> dict[str, Any]:
        return {"sentences": self.n, "accuracy": round(self.accuracy, 3),
                "macro_f1": round(self.macro_f1, 3),
                "f1_by_class": [round(self.f1_of(c), 3) for c in range(N_CLASSES)],
                "confusion": self.confusion}


@dataclass
class SpanScore:
    """Actor spans by word overlap: a gold span is found when a predicted span shares one of
    its content words; a predicted span is right when it shares a content word with a gold one.
    Spans are given as sets of the character offsets where their content words start."""

    n_gold: int = 0
    n_found: int = 0
    n_predicted: int = 0
    n_right: int = 0

    def add(self, *, gold: Sequence[Words], covers: Sequence[Sequence[Words]],
            predicted: Sequence[Words], n_unlocated: int = 0) -> None:
        """One sentence: ``covers[i]`` are the predicted spans that may find gold span i;
        ``n_unlocated`` gold phrases that were not found in the text count as missed."""
        self.n_gold += len(gold) + n_unlocated
        self.n_found += sum(any(g & p for p in spans) for g, spans in zip(gold, covers, strict=True))
        self.n_predicted += len(predicted)
        self.n_right += sum(any(p & g for g in gold) for p in predicted)

    @property
    def precision(self) -> float:
        return self.n_right / self.n_predicted if self.n_predicted else 0.0

    @property
    def recall(self) -> float:
        return self.n_found / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, float | int]:
        return {"gold": self.n_gold, "predicted": self.n_predicted,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3)}


Words = frozenset[int]
FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "in", "on", "and", "by", "to", "for", "at",
                            "from", "with", "its", "their", "his", "her", "s"})
WORD = re.compile(r"\w+")


def content_words(text: str, start: int, end: int) -> Words:
    """Where the content words of ``text[start:end]`` start (function words left out)."""
    return frozenset(start + m.start() for m in WORD.finditer(text[start:end])
                     if m.group().lower() not in FUNCTION_WORDS)

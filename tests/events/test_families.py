"""Coverage by design: every CAMEO family and code has its classes; a hand-written suite of
sentences (one or more per family and frame, written for the project) keeps a floor."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from polemos.actors import find_mentions, load_kb
from polemos.events import Patterns, extract_events
from polemos.events.embedding import REFINE, THIRD_LOCATION
from polemos.events.lexicon import FAMILIES
from polemos.nlp import annotate
from polemos.records import Article
from polemos.timex import analyse_time

SUITE = Path(__file__).parent / "data" / "families.jsonl"
# codes no class produces, each for a reason docs/patterns.md gives
BY_RULE = {THIRD_LOCATION: "two parties meeting where neither is at home"}
NOT_CODED = {"010", "017", "019", "015"}  # statements PLOVER drops; claims give the attack an actor
F1_FLOOR = 0.88  # measured 0.931 (the suite was written with the lexicon: a floor, not a score)
TYPE_FLOOR = 0.95  # measured 0.985


def _produced(patterns: Patterns) -> set[str]:
    codes = {c for table in REFINE.values() for c in table.values()}
    for group in patterns.by_lemma.values():
        for pattern in group:
            codes |= {pattern.code, *(c for _, c in pattern.senses)}
            codes |= {c for c in (pattern.negated, pattern.verbal) if c}
    return codes


def test_every_typed_three_digit_code_has_a_class_a_refinement_or_a_rule(
        patterns: Patterns) -> None:
    codes = [c for c in patterns.ontology.codes if len(c) == 3]
    missing = set(codes) - _produced(patterns) - set(BY_RULE) - NOT_CODED
    assert not missing, sorted(missing)


def test_every_family_has_classes_of_verbs_and_event_nouns(patterns: Patterns) -> None:
    pos_by_family: dict[str, set[str]] = {}
    for group in patterns.by_lemma.values():
        for pattern in group:
            pos_by_family.setdefault(pattern.family, set()).add(pattern.pos)
    assert set(FAMILIES.values()) <= set(pos_by_family)
    assert all(pos_by_family[f] == {"verb", "noun"} for f in FAMILIES.values()
               if f != "statement")


def _triples(events: Any) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, a, r) for e in events if not e.is_flagged and not e.is_secondary
            for a in ([p.code for p in e.actors] or [None])
            for r in ([p.code for p in e.recipients] or [None])}


@pytest.mark.model
def test_hand_written_family_suite_floor(nlp: Any, patterns: Patterns) -> None:
    rows = [json.loads(line) for line in SUITE.read_text(encoding="utf-8").splitlines()]
    kb = load_kb()
    articles = [Article(f"f{i}", r["text"], published=dt.date(2025, 3, 15))
                for i, r in enumerate(rows)]
    matched = predicted = gold_n = typed = 0
    for row, parsed in zip(rows, annotate(nlp, articles), strict=True):
        time = analyse_time(parsed)
        events = extract_events(parsed, find_mentions(parsed, kb, time=time), patterns, time=time)
        found = _triples(events)
        gold = set() if row["type"] is None else {
            (row["type"], a, r) for a in (row["actors"] or [None])
            for r in (row["recipients"] or [None])}
        matched, predicted, gold_n = matched + len(found & gold), predicted + len(found), \
            gold_n + len(gold)
        main = [e for e in events if not e.is_flagged and not e.is_secondary]
        top = max(main, key=lambda e: e.confidence, default=None)
        typed += (top.type if top else None) == row["type"]
    precision, recall = matched / predicted, matched / gold_n
    assert 2 * precision * recall / (precision + recall) >= F1_FLOOR
    assert typed / len(rows) >= TYPE_FLOOR

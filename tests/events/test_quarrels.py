"""A fight "between" two named people is a quarrel unless one of them is armed or arms are in
the clause (issue 8: "the Oval Office clash between Trump and Zelenskyy" is no assault).
Hand-built parses of fictional sentences, no model."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from polemos.events import Patterns, extract_events
from polemos.records import Event, Mention
from tests.events.conftest import Token, make_parsed, one_date

N, P, V = "NOUN", "PROPN", "VERB"
PEOPLE = {"Aragorn": "ARN", "Denethor": "GON"}


def coded(tokens: list[Token], sector: str, patterns: Patterns) -> list[Event]:
    parsed = make_parsed(tokens)
    doc = parsed.doc
    doc.ents = [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc if t.text in PEOPLE]
    mentions = [Mention("d1", 0, t.idx, t.idx + len(t), t.text, PEOPLE[t.text], sector=sector,
                        person=t.text, kind="person") for t in doc if t.text in PEOPLE]
    return extract_events(parsed, mentions, patterns, time=one_date(parsed))


# "The clash between Aragorn and Denethor in the office shocked the court." (an office is
# also a target: "attacked the office"; here it is only where they quarrelled)
CLASH: list[Token] = [("The", 1, "det", "DET", "the"), ("clash", 9, "nsubj", N, "clash"),
                      ("between", 1, "prep", "ADP", "between"),
                      ("Aragorn", 2, "pobj", P, "Aragorn"), ("and", 3, "cc", "CCONJ", "and"),
                      ("Denethor", 3, "conj", P, "Denethor"), ("in", 1, "prep", "ADP", "in"),
                      ("the", 8, "det", "DET", "the"), ("office", 6, "pobj", N, "office"),
                      ("shocked", 9, "ROOT", V, "shock"), ("the", 11, "det", "DET", "the"),
                      ("court", 9, "dobj", N, "court")]


@pytest.mark.parametrize(("sector", "assault"), [("GOV", False), ("MIL", True)])
def test_a_clash_between_two_people_is_an_assault_only_when_one_is_armed(
        patterns: Patterns, sector: str, assault: bool) -> None:
    types = {e.type for e in coded(CLASH, sector, patterns) if not e.is_flagged}
    assert ("ASSAULT" in types) is assault

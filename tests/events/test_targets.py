"""Who an event is aimed at, on hand-built parses of fictional sentences (no model)."""

from __future__ import annotations

from polemos.events import Patterns, extract_events
from polemos.records import Event
from tests.events.conftest import Token, make_parsed, mentions_of, one_date

V, N, P, D = "VERB", "NOUN", "PROPN", "DET"


def events_of(tokens: list[Token], patterns: Patterns) -> list[Event]:
    parsed = make_parsed(tokens)
    return extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))


def triples(events: list[Event]) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(e.type, tuple(p.code for p in e.actors), tuple(p.code for p in e.recipients))
            for e in events if not e.is_flagged}


# "Arnor issued a statement calling on Gondor to withdraw."
STATEMENT_CALLING: list[Token] = [
    ("Arnor", 1, "nsubj", P, "Arnor"), ("issued", 1, "ROOT", V, "issue"), ("a", 3, "det", D, "a"),
    ("statement", 1, "dobj", N, "statement"), ("calling", 3, "acl", V, "call"),
    ("on", 4, "prep", "ADP", "on"), ("Gondor", 5, "pobj", P, "Gondor"),
    ("to", 8, "aux", "PART", "to"), ("withdraw", 4, "xcomp", V, "withdraw"),
    (".", 1, "punct", "PUNCT", ".")]


def test_a_statement_calls_on_someone_for_its_author(patterns: Patterns) -> None:
    """The text issued is no thing acting by itself: its author makes the appeal."""
    assert ("REQUEST", ("ARN",), ("GON",)) in triples(events_of(STATEMENT_CALLING, patterns))

"""Crowd control is violent repression (CAMEO 175), on hand-built parses (no model)."""

from __future__ import annotations

import pytest

from polemos.events import Patterns, extract_events
from tests.events.conftest import Token, make_parsed, mentions_of, one_date

V, N, P = "VERB", "NOUN", "PROPN"

FIRED_TEARGAS: list[Token] = [
    ("Arnorian", 1, "amod", "ADJ", "Arnorian"), ("police", 2, "nsubj", N, "police"),
    ("fired", 2, "ROOT", V, "fire"), ("teargas", 2, "dobj", N, "teargas"),
    (".", 2, "punct", "PUNCT", ".")]
BROKE_UP_RALLY: list[Token] = [
    ("Arnorian", 1, "amod", "ADJ", "Arnorian"), ("police", 2, "nsubj", N, "police"),
    ("broke", 2, "ROOT", V, "break"), ("up", 2, "prt", "ADP", "up"), ("the", 5, "det", "DET", "the"),
    ("rally", 2, "dobj", N, "rally"), (".", 2, "punct", "PUNCT", ".")]
BROKE_UP_BAND: list[Token] = [
    ("Arnorian", 1, "amod", "ADJ", "Arnorian"), ("police", 2, "nsubj", N, "police"),
    ("broke", 2, "ROOT", V, "break"), ("up", 2, "prt", "ADP", "up"), ("the", 5, "det", "DET", "the"),
    ("band", 2, "dobj", N, "band"), (".", 2, "punct", "PUNCT", ".")]


@pytest.mark.parametrize("tokens", [FIRED_TEARGAS, BROKE_UP_RALLY])
def test_teargas_and_breaking_up_a_rally_are_repression(tokens: list[Token],
                                                       patterns: Patterns) -> None:
    parsed = make_parsed(tokens)
    events = extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))
    assert [(e.cameo, [p.code for p in e.actors]) for e in events] == [("175", ["ARN"])]


def test_breaking_up_anything_else_is_not(patterns: Patterns) -> None:
    parsed = make_parsed(BROKE_UP_BAND)
    events = extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))
    assert all(e.cameo != "175" for e in events)

"""A cleft puts its actor first: "It was Rohan that brokered a truce" (hand-built parse)."""

from __future__ import annotations

from polemos.events import Patterns
from tests.events.conftest import Token
from tests.events.test_frames import coded, summary

V, N, P, D = "VERB", "NOUN", "PROPN", "DET"


def cleft(subject: str) -> list[Token]:
    """ "<subject> was Rohan that brokered a truce", parsed as the model does: the clause
    after "that" is a complement of "was"."""
    return [(subject, 1, "nsubj", "PRON", subject.lower()), ("was", 1, "ROOT", "AUX", "be"),
            ("Rohan", 1, "attr", P, "Rohan"), ("that", 4, "nsubj", "PRON", "that"),
            ("brokered", 1, "ccomp", V, "broker"), ("a", 6, "det", D, "a"),
            ("truce", 4, "dobj", N, "truce")]


def test_the_focus_of_a_cleft_is_the_actor(patterns: Patterns) -> None:
    events = coded(cleft("It"), patterns)
    assert ("CONSULT", ("ROH",), (), "consult.active.mediate") in [summary(e) for e in events]


def test_only_an_it_cleft_puts_its_actor_first(patterns: Patterns) -> None:
    # "This was Rohan that brokered …" is no cleft: "that" stays without an antecedent
    events = coded(cleft("This"), patterns)
    assert not any(e.actors for e in events if e.trigger == "brokered")

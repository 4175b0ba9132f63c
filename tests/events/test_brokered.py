"""A settlement brought about by someone's efforts: "the truce was signed by the parties due to
the efforts of X" makes X its mediator, and reports X's mediation between the parties (issue 8:
mediation needs its recipients). Hand-built parses of fictional sentences, no model."""

from __future__ import annotations

import pytest

from polemos.events import Patterns
from tests.events.conftest import Token
from tests.events.test_frames import coded

N, P, V, X, D = "NOUN", "PROPN", "VERB", "ADP", "DET"


def signed(cause: list[Token]) -> list[Token]:
    """'The truce was signed by Gondor and Rohan <cause>.' (cause tokens attach to "signed")"""
    return [("The", 1, "det", D, "the"), ("truce", 3, "nsubjpass", N, "truce"),
            ("was", 3, "auxpass", "AUX", "be"), ("signed", 3, "ROOT", V, "sign"),
            ("by", 3, "agent", X, "by"), ("Gondor", 4, "pobj", P, "Gondor"),
            ("and", 5, "cc", "CCONJ", "and"), ("Rohan", 5, "conj", P, "Rohan"),
            *cause, (".", 3, "punct", "PUNCT", ".")]


EFFORTS_OF = [("due", 3, "prep", X, "due"), ("to", 8, "pcomp", X, "to"),
              ("the", 11, "det", D, "the"), ("efforts", 8, "pobj", N, "effort"),
              ("of", 11, "prep", X, "of"), ("Arnor", 12, "pobj", P, "Arnor")]
THANKS_TO = [("thanks", 3, "prep", X, "thanks"), ("to", 8, "prep", X, "to"),
             ("Arnorian", 11, "amod", "ADJ", "Arnorian"), ("help", 9, "pobj", N, "help")]
FOR_MONEY = [("for", 3, "prep", X, "for"), ("Arnorian", 10, "amod", "ADJ", "Arnorian"),
             ("gold", 8, "pobj", N, "gold")]


@pytest.mark.parametrize("cause", [EFFORTS_OF, THANKS_TO])
def test_the_one_whose_efforts_brought_a_settlement_mediates_it(cause: list[Token],
                                                               patterns: Patterns) -> None:
    events = coded(signed(cause), patterns)
    [truce] = [e for e in events if e.cameo == "0871"]
    assert sorted(p.code for p in truce.actors) == ["GON", "ROH"]
    assert [p.code for p in truce.mediators] == ["ARN"]
    [mediation] = [e for e in events if e.cameo == "045"]
    assert [p.code for p in mediation.actors] == ["ARN"]
    assert sorted(p.code for p in mediation.recipients) == ["GON", "ROH"]


def test_a_cause_that_is_no_effort_makes_no_mediator(patterns: Patterns) -> None:
    events = coded(signed(FOR_MONEY), patterns)
    assert [e.cameo for e in events] == ["0871"]
    assert not events[0].mediators


def test_a_stated_intention_and_its_act_make_one_mediation(patterns: Patterns) -> None:
    """'Gondor and Rohan will sign a truce due to the efforts of Arnor.': the truce (flagged) and
    the intention stated now both have Arnor as mediator; Arnor's mediation is one event, and
    every event id is unique (the store refuses duplicates)."""
    tokens: list[Token] = [("Gondor", 4, "nsubj", P, "Gondor"), ("and", 0, "cc", "CCONJ", "and"),
                           ("Rohan", 0, "conj", P, "Rohan"), ("will", 4, "aux", "AUX", "will"),
                           ("sign", 4, "ROOT", V, "sign"), ("a", 6, "det", D, "a"),
                           ("truce", 4, "dobj", N, "truce"), ("due", 4, "prep", X, "due"),
                           ("to", 7, "pcomp", X, "to"), ("the", 10, "det", D, "the"),
                           ("efforts", 7, "pobj", N, "effort"), ("of", 10, "prep", X, "of"),
                           ("Arnor", 11, "pobj", P, "Arnor"), (".", 4, "punct", "PUNCT", ".")]
    events = coded(tokens, patterns)
    assert len({e.event_id for e in events}) == len(events)
    assert [e.cameo for e in events].count("045") == 1

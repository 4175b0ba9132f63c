"""A stated refusal ("will not accept") is a rejection made now, on hand-built parses."""

from __future__ import annotations

import pytest

from polemos.events import Patterns, extract_events
from tests.events.conftest import Token, make_parsed, mentions_of, one_date


def refusal(modal: str) -> list[Token]:
    """'Arnor <modal> not accept the plan.'"""
    return [("Arnor", 3, "nsubj", "PROPN", "Arnor"), (modal, 3, "aux", "AUX", modal),
            ("not", 3, "neg", "PART", "not"), ("accept", 3, "ROOT", "VERB", "accept"),
            ("the", 5, "det", "DET", "the"), ("plan", 3, "dobj", "NOUN", "plan"),
            (".", 3, "punct", "PUNCT", ".")]


@pytest.mark.parametrize(("modal", "is_hypothetical"), [
    ("will", False),  # a stated intention not to: the refusal itself
    ("may", True),  # a possibility is not a refusal yet
])
def test_will_not_accept_is_a_rejection_now(modal: str, is_hypothetical: bool,
                                            patterns: Patterns) -> None:
    parsed = make_parsed(refusal(modal))
    [event] = extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))
    assert (event.type, event.is_negated) == ("REJECT", False)
    assert event.is_hypothetical is is_hypothetical


def test_a_refusal_coordinated_with_a_proposal_is_its_own_clause(patterns: Patterns) -> None:
    """'Arnor proposed to sign a truce, but Gondor refused.': what Arnor proposed is
    hypothetical, Gondor's refusal is a clause of its own and happened."""
    tokens: list[Token] = [("Arnor", 1, "nsubj", "PROPN", "Arnor"),
                           ("proposed", 1, "ROOT", "VERB", "propose"),
                           ("to", 3, "aux", "PART", "to"), ("sign", 1, "xcomp", "VERB", "sign"),
                           ("a", 5, "det", "DET", "a"), ("truce", 3, "dobj", "NOUN", "truce"),
                           (",", 1, "punct", "PUNCT", ","), ("but", 1, "cc", "CCONJ", "but"),
                           ("Gondor", 9, "nsubj", "PROPN", "Gondor"),
                           ("refused", 1, "conj", "VERB", "refuse"), (".", 1, "punct", "PUNCT", ".")]
    parsed = make_parsed(tokens)
    events = extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))
    [refused] = [e for e in events if e.trigger == "refused"]
    assert not refused.is_hypothetical
    assert [p.code for p in refused.actors] == ["GON"]

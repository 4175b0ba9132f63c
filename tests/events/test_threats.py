"""Conflictual acts made conditional on a named party are threats made now, by whoever states
them (events/threats.py). Hand-built parses of fictional sentences, no model."""

from __future__ import annotations

from polemos.events import Patterns
from polemos.records import Event
from tests.events.conftest import Token
from tests.events.test_frames import coded

N, P, V, X, A = "NOUN", "PROPN", "VERB", "ADP", "AUX"


def said(speaker: str) -> list[Token]:
    """'<speaker> said sanctions would be imposed if Gondor attacked.'"""
    return [(speaker, 1, "nsubj", P, speaker), ("said", 1, "ROOT", V, "say"),
            ("sanctions", 5, "nsubjpass", N, "sanction"), ("would", 5, "aux", A, "would"),
            ("be", 5, "auxpass", A, "be"), ("imposed", 1, "ccomp", V, "impose"),
            ("if", 8, "mark", "SCONJ", "if"), ("Gondor", 8, "nsubj", P, "Gondor"),
            ("attacked", 5, "advcl", V, "attack"), (".", 1, "punct", "PUNCT", ".")]


def threats(events: list[Event]) -> list[tuple[str, list[str], list[str], bool]]:
    return [(e.type, [p.code for p in e.actors], [p.code for p in e.recipients],
             e.is_hypothetical) for e in events if e.trigger == "imposed"]


def test_sanctions_said_to_follow_a_partys_act_are_the_speakers_threat(
        patterns: Patterns) -> None:
    assert threats(coded(said("Arnor"), patterns)) == [("THREATEN", ["ARN"], ["GON"], False)]


def test_a_forecast_by_no_one_named_is_no_threat(patterns: Patterns) -> None:
    assert all(e.type != "THREATEN" for e in coded(said("Analysts"), patterns))


def test_an_act_the_actor_makes_depend_on_another_is_its_threat(patterns: Patterns) -> None:
    """'Arnor will attack Gondor unless Rohan withdraws.': a threat now, not a hypothetical."""
    tokens: list[Token] = [("Arnor", 2, "nsubj", P, "Arnor"), ("will", 2, "aux", A, "will"),
                           ("attack", 2, "ROOT", V, "attack"), ("Gondor", 2, "dobj", P, "Gondor"),
                           ("unless", 6, "mark", "SCONJ", "unless"),
                           ("Rohan", 6, "nsubj", P, "Rohan"), ("withdraws", 2, "advcl", V, "withdraw"),
                           (".", 2, "punct", "PUNCT", ".")]
    [attack] = [e for e in coded(tokens, patterns) if e.trigger == "attack"]
    assert (attack.type, attack.cameo[:2], attack.is_hypothetical) == ("THREATEN", "13", False)
    assert [p.code for p in attack.actors] == ["ARN"]
    assert [p.code for p in attack.recipients] == ["GON"]


def test_another_partys_forecast_of_the_act_is_no_threat(patterns: Patterns) -> None:
    """'Rohan said Arnor would attack if Gondor moved.': Rohan's forecast, not Arnor's threat."""
    tokens: list[Token] = [("Rohan", 1, "nsubj", P, "Rohan"), ("said", 1, "ROOT", V, "say"),
                           ("Arnor", 4, "nsubj", P, "Arnor"), ("would", 4, "aux", A, "would"),
                           ("attack", 1, "ccomp", V, "attack"), ("if", 7, "mark", "SCONJ", "if"),
                           ("Gondor", 7, "nsubj", P, "Gondor"), ("moved", 4, "advcl", V, "move"),
                           (".", 1, "punct", "PUNCT", ".")]
    [attack] = [e for e in coded(tokens, patterns) if e.trigger == "attack"]
    assert attack.type == "ASSAULT" and attack.is_hypothetical


def will_attack(speaker: str) -> list[Token]:
    """'<speaker> said Arnor will attack Rohan.'"""
    return [(speaker, 1, "nsubj", P, speaker), ("said", 1, "ROOT", V, "say"),
            ("Arnor", 4, "nsubj", P, "Arnor"), ("will", 4, "aux", A, "will"),
            ("attack", 1, "ccomp", V, "attack"), ("Rohan", 4, "dobj", P, "Rohan"),
            (".", 1, "punct", "PUNCT", ".")]


def test_what_another_says_a_party_will_do_is_no_stated_intention(patterns: Patterns) -> None:
    """Gondor's forecast of Arnor's attack is no threat by Arnor; Arnor's own word is."""
    forecast = {e.type for e in coded(will_attack("Gondor"), patterns) if not e.is_flagged}
    assert "THREATEN" not in forecast
    own = {e.type for e in coded(will_attack("Arnor"), patterns) if not e.is_flagged}
    assert "THREATEN" in own

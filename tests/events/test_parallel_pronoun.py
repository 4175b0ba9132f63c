"""A pronoun in a subject takes an earlier subject before a nearer object (hand-built parse)."""

from __future__ import annotations

from polemos.events import Patterns
from tests.events.conftest import Token
from tests.events.test_frames import coded, summary

V, N, P, X, D = "VERB", "NOUN", "PROPN", "ADP", "DET"

# "Arnor supported Gondor ; its troops attacked Mordor"
TOKENS: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("supported", 6, "ccomp", V, "support"),
                       ("Gondor", 1, "dobj", P, "Gondor"), (";", 6, "punct", "PUNCT", ";"),
                       ("its", 5, "poss", "PRON", "its"), ("troops", 6, "nsubj", N, "troop"),
                       ("attacked", 6, "ROOT", V, "attack"), ("Mordor", 6, "dobj", P, "Mordor")]


def test_its_in_a_subject_is_the_earlier_subject(patterns: Patterns) -> None:
    [attack] = [e for e in coded(TOKENS, patterns) if e.trigger == "attacked"]
    assert summary(attack)[1:3] == (("ARN",), ("MOR",))


def test_its_in_an_object_is_still_the_nearest(patterns: Patterns) -> None:
    # "Arnor supported Gondor ; troops attacked its villages"
    tokens: list[Token] = [*TOKENS[:4], ("troops", 5, "nsubj", N, "troop"),
                           ("attacked", 5, "ROOT", V, "attack"), ("its", 7, "poss", "PRON", "its"),
                           ("villages", 5, "dobj", N, "village")]
    [attack] = [e for e in coded(tokens, patterns) if e.trigger == "attacked"]
    assert [p.code for p in attack.recipients] == ["GON"]

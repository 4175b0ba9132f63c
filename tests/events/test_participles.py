"""An event noun with a participle and its agent: 'strikes carried out by X', 'the summit
attended by X and Y' (hand-built parses, no model)."""

from __future__ import annotations

from polemos.events import Patterns
from tests.events.conftest import Token
from tests.events.test_frames import coded

V, N, P, X, D = "VERB", "NOUN", "PROPN", "ADP", "DET"


def noun_with_participle(noun: str, lemma: str, verb: str, verb_lemma: str,
                         particle: bool = False) -> list[Token]:
    """ "The <noun> <verb> [out] by Harad and Mordor ended." """
    by = 3 + particle
    end = by + 4
    tokens: list[Token] = [("The", 1, "det", D, "the"), (noun, end, "nsubj", N, lemma),
                           (verb, 1, "acl", V, verb_lemma)]
    if particle:
        tokens.append(("out", 2, "prt", X, "out"))
    tokens += [("by", 2, "agent", X, "by"), ("Harad", by, "pobj", P, "Harad"),
               ("and", by + 1, "cc", "CCONJ", "and"), ("Mordor", by + 1, "conj", P, "Mordor"),
               ("ended", end, "ROOT", V, "end")]
    return tokens


def event_of(tokens: list[Token], patterns: Patterns, trigger: str) -> tuple[list[str], list[str]]:
    [event] = [e for e in coded(tokens, patterns) if e.trigger == trigger]
    return [p.code for p in event.actors], [p.code for p in event.mediators]


def test_the_agent_of_a_support_verb_participle_acts(patterns: Patterns) -> None:
    tokens = noun_with_participle("strikes", "strike", "carried", "carry", particle=True)
    assert event_of(tokens, patterns, "strikes") == (["HAR", "MOR"], [])


def test_the_agents_of_an_attending_participle_take_part(patterns: Patterns) -> None:
    tokens = noun_with_participle("summit", "summit", "attended", "attend")
    assert event_of(tokens, patterns, "summit") == (["HAR", "MOR"], [])


def test_the_agent_of_a_hosting_participle_is_the_host_not_a_side(patterns: Patterns) -> None:
    # "The talks between Gondor and Mordor hosted by Harad ended."
    tokens: list[Token] = [("The", 1, "det", D, "the"), ("talks", 10, "nsubj", N, "talk"),
                           ("between", 1, "prep", X, "between"),
                           ("Gondor", 2, "pobj", P, "Gondor"), ("and", 3, "cc", "CCONJ", "and"),
                           ("Mordor", 3, "conj", P, "Mordor"), ("hosted", 1, "acl", V, "host"),
                           ("by", 6, "agent", X, "by"), ("Harad", 7, "pobj", P, "Harad"),
                           ("recently", 10, "advmod", "ADV", "recently"),
                           ("ended", 10, "ROOT", V, "end")]
    events = {e.trigger: e for e in coded(tokens, patterns)}
    assert [p.code for p in events["talks"].actors] == ["GON", "MOR"]
    assert [p.code for p in events["hosted"].actors] == ["HAR"]

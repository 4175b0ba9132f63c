"""A meeting "between" parties its subject is not one of is convened by the subject: mediation
(045), the parties between whom as recipients (issue 8: "mediation needs its recipients").
Hand-built parses of fictional sentences, no model."""

from __future__ import annotations

from polemos.events import Patterns, extract_events
from polemos.records import Event
from tests.events.conftest import Token, make_parsed, mentions_of, one_date

N, P, V, X = "NOUN", "PROPN", "VERB", "ADP"


def coded(tokens: list[Token], patterns: Patterns) -> list[Event]:
    parsed = make_parsed(tokens)
    return extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))


def sides(event: Event) -> tuple[str, list[str | None], list[str | None], list[str | None]]:
    return (event.cameo, [p.code for p in event.actors], [p.code for p in event.recipients],
            [p.code for p in event.mediators])


def talks(subject: list[Token], verb: str, lemma: str, with_prep: str) -> list[Token]:
    """'<subject> <verb> talks <with_prep> Gondor and Harad.'"""
    n = len(subject)
    return [*subject, (verb, n, "ROOT", V, lemma), ("talks", n, "dobj", N, "talk"),
            (with_prep, n + 1, "prep", X, with_prep), ("Gondor", n + 2, "pobj", P, "Gondor"),
            ("and", n + 3, "cc", "CCONJ", "and"), ("Harad", n + 3, "conj", P, "Harad")]


def test_talks_held_between_others_are_a_mediation_by_the_host(patterns: Patterns) -> None:
    # "Arnor held talks between Gondor and Harad."
    events = coded(talks([("Arnor", 1, "nsubj", P, "Arnor")], "held", "hold", "between"),
                   patterns)
    assert [sides(e) for e in events] == [("045", ["ARN"], ["GON", "HAR"], ["ARN"])]


def test_talks_between_the_subjects_own_sides_stay_a_consultation(patterns: Patterns) -> None:
    # "Gondor held talks between Gondor and Harad." is no mediation (Gondor is a side);
    # "Arnor held talks with Gondor and Harad." neither (Arnor takes part)
    own = coded(talks([("Gondor", 1, "nsubj", P, "Gondor")], "held", "hold", "between"),
                patterns)
    taking_part = coded(talks([("Arnor", 1, "nsubj", P, "Arnor")], "held", "hold", "with"),
                        patterns)
    assert all(e.cameo != "045" and not e.mediators for e in own + taking_part)
    assert own and taking_part

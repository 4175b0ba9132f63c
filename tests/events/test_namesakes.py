"""A person a document is named after ("the Lavrov Plan") is its author: not the target when
the actor is of the author's side, the target when another side rejects it (issue 8, seed
texts). Hand-built parses of fictional sentences, no model."""

from __future__ import annotations

from polemos.events import Patterns, extract_events
from polemos.records import Event, Mention
from tests.events.conftest import Token, make_parsed, one_date

N, P, V, D = "NOUN", "PROPN", "VERB", "DET"


def coded(subject: str, verb: tuple[str, str], patterns: Patterns) -> list[Event]:
    """'<subject> <verb> the Elrond Plan.' (Elrond: a person of Arnor)"""
    tokens: list[Token] = [(subject, 1, "nsubj", P, subject), (verb[0], 1, "ROOT", V, verb[1]),
                           ("the", 4, "det", D, "the"), ("Elrond", 4, "compound", P, "Elrond"),
                           ("Plan", 1, "dobj", P, "plan"), (".", 1, "punct", "PUNCT", ".")]
    parsed = make_parsed(tokens)
    doc = parsed.doc
    codes = {"Arnor": ("ARN", "state", None), "Gondor": ("GON", "state", None),
             "Elrond": ("ARN", "person", "Elrond")}
    mentions = [Mention("d1", 0, t.idx, t.idx + len(t), t.text, codes[t.text][0],
                        kind=codes[t.text][1], person=codes[t.text][2])
                for t in doc if t.text in codes]
    return extract_events(parsed, mentions, patterns, time=one_date(parsed))


def test_a_plan_named_after_ones_own_man_is_not_ones_own_target(patterns: Patterns) -> None:
    [put] = coded("Arnor", ("proposed", "propose"), patterns)
    assert [p.code for p in put.actors] == ["ARN"] and not put.recipients


def test_another_side_rejecting_the_plan_rejects_its_author(patterns: Patterns) -> None:
    [rejected] = coded("Gondor", ("rejected", "reject"), patterns)
    assert [p.code for p in rejected.recipients] == ["ARN"]

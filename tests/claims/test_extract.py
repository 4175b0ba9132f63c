from __future__ import annotations

import re

import pytest

from polemos.claims.extract import claims_in
from polemos.claims.lexicon import load_lexicon, parse_lexicon
from polemos.errors import DictionaryError
from polemos.records import Claim, EventDate, Mention, Sentence, TimeAnalysis

CODES = {"Arnor": "ARN", "Arnorian": "ARN", "Gondor": "GON", "Mordor": "MOR", "Rohan": "ROH"}


def run(*texts: str) -> list[Claim]:
    sentences, mentions, start = [], [], 0
    for i, text in enumerate(texts):
        sentences.append(Sentence("d", i, start, start + len(text), text))
        for name, code in CODES.items():
            for m in re.finditer(rf"\b{name}\b", text):
                mentions.append(Mention("d", i, start + m.start(), start + m.end(), name, code,
                                        kind="state"))
        start += len(text) + 1
    time = TimeAnalysis(sentence_dates=tuple(EventDate() for _ in texts))
    return claims_in(sentences, mentions, time=time, lexicon=load_lexicon())


def topics(claims: list[Claim]) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(c.topic, c.holder, c.toward) for c in claims}


@pytest.mark.parametrize(("text", "expected"), [
    ("Arnor officially recognised the territorial integrity of Gondor.",
     ("territorial_integrity", "ARN", ("GON",))),
    ("Rohan called on Mordor to withdraw its forces from Ithilien.",
     ("withdrawal", "ROH", ("MOR",))),
    ("Rohan said it was ready to support Gondor at the table.", ("support", "ROH", ("GON",))),
    ("Arnor condemned Mordor for the shelling.", ("condemnation", "ARN", ("MOR",))),
    ("Arnor became a co-chair of the talks on Gondor and Mordor.",
     ("mediation", "ARN", ("GON", "MOR"))),
    ("Arnor authorised supplies to Gondor.", ("arms_supply", "ARN", ("GON",))),
    ("Rohan warned that military cooperation between Gondor and Mordor is growing.",
     ("alliance", "GON", ("MOR",))),
    ("In fact, relations between Arnor and Gondor are a strategic partnership.",
     ("alliance", "ARN", ("GON",))),
])
def test_stance_and_role_statements(text: str, expected: tuple[str, str, tuple[str, ...]]) -> None:
    assert expected in topics(run(text))


def test_polarity_follows_the_cue() -> None:
    [claim] = [c for c in run("Rohan called on Mordor to withdraw from Ithilien.")
               if c.topic == "withdrawal"]
    assert claim.polarity < 0 and claim.kind == "stance"


def test_negated_stance_is_dropped() -> None:
    assert not [c for c in run("Arnor has never supported Mordor.") if c.topic == "support"]


def test_perceived_support_is_an_assessment_not_a_stance() -> None:
    claims = run("There were perceptions that Arnor directly supported Gondor.")
    assert ("partiality", "ARN", ()) in topics(claims)
    assert not [c for c in claims if c.topic == "support"]


def test_assessment_holder_is_the_actor_inside_the_cue() -> None:
    claims = run("These steps signal a diminishing Arnorian influence on the war.")
    assert ("influence_decline", "ARN", ()) in topics(claims)
    assert all(c.kind == "assessment" for c in claims)


def test_an_adjective_right_before_the_cue_holds_it() -> None:
    claims = run("Gondor and Rohan watched as Arnorian peacekeepers arrived.")
    assert ("peacekeeping", "ARN", ()) in topics(claims)


def test_anaphora_takes_the_previous_sentence_actor() -> None:
    claims = run("Arnor tried hard.", "It has been neither willing nor able to impose a deal.")
    assert ("capability", "ARN", ()) in topics(claims)


def test_no_actor_no_claim() -> None:
    assert run("Mediators must be impartial and fair.") == []


def test_claims_cite_the_sentence() -> None:
    text = "Arnor recognised the territorial integrity of Gondor."
    [claim] = run("Nothing here.", text)
    assert (claim.sentence, claim.text) == (1, text)
    assert claim.end - claim.start == len(text)


@pytest.mark.parametrize(("cue", "message"), [
    ("- id: x\n    kind: opinion\n    topic: support\n    patterns: [a]", "kind must be"),
    ("- id: x\n    kind: stance\n    topic: gossip\n    patterns: [a]", "unknown topic"),
    ("- id: x\n    kind: stance\n    topic: support\n    patterns: ['(']", "not a valid regular"),
    ("- id: x\n    kind: stance\n    topic: support\n    pattern: [a]", "unknown field"),
])
def test_bad_cues_name_the_line(cue: str, message: str) -> None:
    text = "both_sides: [both sides]\ncues:\n  " + cue + "\n"
    with pytest.raises(DictionaryError, match=message) as err:
        parse_lexicon(text, path="cues.yaml")
    assert err.value.line == 3

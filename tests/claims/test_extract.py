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
    ("Rohan's purchase of Arnorian missiles angered Gondor.", ("arms_supply", "ARN", ("ROH",))),
    ("Gondor will buy Mordor aircraft if the talks fail.", ("arms_supply", "MOR", ("GON",))),
    ("Gondor soldiers, supported by local militias and the Arnor military, attacked.",
     ("support", "ARN", ("GON",))),
    ("Rohan forces backed by Arnor held the ford.", ("support", "ARN", ("ROH",))),
    ("Gondor has said Mordor, backed by Arnor, seeks a military solution.",
     ("support", "ARN", ("MOR",))),
])
def test_stance_and_role_statements(text: str, expected: tuple[str, str, tuple[str, ...]]) -> None:
    assert expected in topics(run(text))


def test_polarity_follows_the_cue() -> None:
    [claim] = [c for c in run("Rohan called on Mordor to withdraw from Ithilien.")
               if c.topic == "withdrawal"]
    assert claim.polarity < 0 and claim.kind == "stance"


def test_negated_stance_is_dropped() -> None:
    assert not [c for c in run("Arnor has never supported Mordor.") if c.topic == "support"]


def test_a_purchase_names_the_seller_inside_it_never_the_buyer() -> None:
    assert not [c for c in run("Gondor purchased new missiles last year.")
                if c.topic == "arms_supply"]
    assert not [c for c in run("Gondor did not buy Mordor drones.") if c.topic == "arms_supply"]


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


def test_restraint_is_an_assessment_about_the_cautious_actor() -> None:
    claims = run("Arnorian lords keep a passive position since Arnor does not want to interfere.")
    assert {(c.kind, c.topic, c.holder) for c in claims} >= {("assessment", "restraint", "ARN")}
    assert not run("Arnor sent an army to Gondor.")


def test_a_capital_named_as_a_place_holds_no_claim() -> None:
    text = "Talks in Fornost produced the Fornost Principles, mediated by the co-chairs."
    sentences = [Sentence("d", 0, 0, len(text), text)]
    mentions = [Mention("d", 0, m.start(), m.end(), "Fornost", "ARN", None, kind="state",
                        rule="metonym") for m in re.finditer("Fornost", text)]
    time = TimeAnalysis(sentence_dates=(EventDate(),))
    assert not claims_in(sentences, mentions, time=time, lexicon=load_lexicon())
    acting = [Mention("d", 0, 9, 16, "Fornost", "ARN", "GOV", kind="state", rule="metonym")]
    assert claims_in(sentences, acting, time=time, lexicon=load_lexicon())


def test_territorial_integrity_is_toward_the_state_named_with_it_only() -> None:
    claims = run("Arnor recognised the territorial integrity of Gondor and mediated between "
                 "Gondor and Mordor.")
    assert ("territorial_integrity", "ARN", ("GON",)) in topics(claims)


def test_back_as_a_particle_is_not_support() -> None:
    assert not any(c.topic == "support" for c in run("Arnor's district was handed back by Gondor."))
    assert ("support", "ROH", ("GON",)) in topics(run("Rohan backed Gondor in the war."))
    assert ("support", "ROH", ("GON",)) in topics(run("Rohan and Arnor back Gondor."))


def test_an_adjective_naming_a_place_holds_no_claim() -> None:
    text = "The decisions, taken at a summit in the Arnorian capital, end the rival mediation."
    sentences = [Sentence("d", 0, 0, len(text), text)]
    at = text.index("Arnorian")
    mention = Mention("d", 0, at, at + 8, "Arnorian", "ARN", kind="state", rule="adjective")
    time = TimeAnalysis(sentence_dates=(EventDate(),))
    assert not claims_in(sentences, [mention], time=time, lexicon=load_lexicon())
    assert ("mediation", "ARN", ()) in topics(run("Arnorian mediation ended the war."))


def test_back_as_an_adverb_is_no_support() -> None:
    """The verb 'back' takes its object directly; 'back to X' returns something to X."""
    assert ("support", "ROH", ("GON",)) in topics(run("Rohan backs Gondor in the talks."))
    handed = run("Under the deal Arnor will hand several districts back to Gondor.")
    assert not [c for c in handed if c.topic == "support"]

"""The rules + classifier policy on hand-built parses, with a tiny hand-made classifier."""

from __future__ import annotations

import numpy as np

from polemos.events import Patterns, extract_events
from polemos.events.classify import NONE, EventClassifier, label_of, token_features
from polemos.events.combine import Policy, combine
from polemos.records import Event
from tests.events.conftest import Token, make_parsed, mentions_of, one_date

V, N, P = "VERB", "NOUN", "PROPN"
LABELS = ["19:ASSAULT", "11:ACCUSE", "04:CONSULT", NONE]


def classifier(weights: dict[str, dict[str, float]], *, none_bias: float = 2.0) -> EventClassifier:
    """A classifier whose only features are the given ones (feature → label → weight)."""
    vocab = {feature: i for i, feature in enumerate(weights)}
    matrix = np.zeros((len(vocab), len(LABELS)), dtype=np.float32)
    for feature, row in weights.items():
        for label, weight in row.items():
            matrix[vocab[feature], LABELS.index(label)] = weight
    bias = np.zeros(len(LABELS), dtype=np.float32)
    bias[LABELS.index(NONE)] = none_bias
    codes = {"19:ASSAULT": "190", "11:ACCUSE": "111", "04:CONSULT": "040"}
    return EventClassifier(list(LABELS), vocab, matrix, bias, {"codes": codes})


def coded(tokens: list[Token], patterns: Patterns, clf: EventClassifier
          ) -> tuple[list[Event], list[Event]]:
    parsed = make_parsed(tokens)
    mentions = mentions_of(parsed)
    time = one_date(parsed)
    rules = extract_events(parsed, mentions, patterns, time=time)
    return rules, combine(rules, parsed, mentions, clf, patterns=patterns, time=time,
                          policy=Policy())


SMITE: list[Token] = [("Harad", 1, "nsubj", P, "Harad"), ("smote", 1, "ROOT", V, "smite"),
                      ("Rohan", 1, "dobj", P, "Rohan"), (".", 1, "punct", "PUNCT", ".")]
ATTACK: list[Token] = [("Mordor", 1, "nsubj", P, "Mordor"), ("attacked", 1, "ROOT", V, "attack"),
                       ("Rohan", 1, "dobj", P, "Rohan"), (".", 1, "punct", "PUNCT", ".")]
ATTACK_PLAN: list[Token] = [("Gondor", 1, "nsubj", P, "Gondor"),
                            ("attacked", 1, "ROOT", V, "attack"), ("Rohan", 3, "poss", P, "Rohan"),
                            ("plan", 1, "dobj", N, "plan"), (".", 1, "punct", "PUNCT", ".")]


def test_features_mask_names_and_read_the_frame() -> None:
    parsed = make_parsed(ATTACK_PLAN)
    features = token_features(parsed.doc[1])
    assert {"w=attack", "dobj=plan", "w+dobj=attack|plan", "is_root"} <= set(features)
    assert label_of("190", "ASSAULT") == "19:ASSAULT" and label_of("010", None) == "01:-"


def test_probabilities_sum_to_one() -> None:
    clf = classifier({"w=smite": {"19:ASSAULT": 5.0}})
    parsed = make_parsed(SMITE)
    rows = clf.scores([parsed.doc[1], parsed.doc[0]])
    assert np.allclose(rows.sum(axis=1), 1.0)
    [smite] = [p for p in clf.predict(parsed.doc[:]) if p.token == 1]
    assert smite.label == "19:ASSAULT" and smite.p_event > 0.9


def test_the_classifier_recovers_an_event_the_rules_miss(patterns: Patterns) -> None:
    rules, events = coded(SMITE, patterns, classifier({"w=smite": {"19:ASSAULT": 6.0}}))
    assert rules == []
    [event] = events
    assert (event.type, event.cameo, event.pattern) == ("ASSAULT", "190", "clf:19:ASSAULT")
    assert [p.code for p in event.actors] == ["HAR"]
    assert [p.code for p in event.recipients] == ["ROH"]
    assert event.trigger == "smote" and event.coder == "clf.v1"


def test_nothing_is_recovered_below_the_threshold(patterns: Patterns) -> None:
    _, events = coded(SMITE, patterns, classifier({"w=smite": {"19:ASSAULT": 1.0}}))
    assert events == []


def test_agreement_raises_confidence(patterns: Patterns) -> None:
    rules, events = coded(ATTACK, patterns, classifier({"w=attack": {"19:ASSAULT": 6.0}}))
    [rule], [event] = rules, events
    assert event.type == rule.type == "ASSAULT"
    assert event.confidence > rule.confidence


def test_a_rule_event_the_classifier_finds_empty_is_kept(patterns: Patterns) -> None:
    """The rules keep their events: on whole news stories a sure "none" at a rule trigger was
    more often a true event than a false one (docs/classifier.md)."""
    clf = classifier({"w=attack": {NONE: 8.0}})
    [rule], [event] = coded(ATTACK, patterns, clf)
    assert (event.type, event.confidence) == (rule.type, rule.confidence)


def test_a_disagreeing_classifier_neither_boosts_nor_drops(patterns: Patterns) -> None:
    clf = classifier({"w=attack": {"11:ACCUSE": 3.0}}, none_bias=0.0)
    [rule], [event] = coded(ATTACK, patterns, clf)
    assert (event.type, event.confidence) == (rule.type, rule.confidence)


def test_an_intention_the_classifier_finds_is_coded_as_intent(patterns: Patterns) -> None:
    will_smite: list[Token] = [("Harad", 2, "nsubj", P, "Harad"),
                               ("will", 2, "aux", "AUX", "will"),
                               ("smite", 2, "ROOT", V, "smite"), ("Rohan", 2, "dobj", P, "Rohan")]
    _, events = coded(will_smite, patterns, classifier({"w=smite": {"19:ASSAULT": 6.0}}))
    assert {(e.type, e.is_hypothetical) for e in events} == {("ASSAULT", True),
                                                             ("THREATEN", False)}


def test_a_word_the_rules_chose_not_to_code_is_not_recovered(patterns: Patterns) -> None:
    """'Harad warned against feasts.': the rules match "warn" and find no threat in it (advice
    against a thing); the classifier, however sure, does not bring it back."""
    tokens: list[Token] = [("Harad", 1, "nsubj", P, "Harad"), ("warned", 1, "ROOT", V, "warn"),
                           ("against", 1, "prep", "ADP", "against"),
                           ("feasts", 2, "pobj", "NOUN", "feast"), (".", 1, "punct", "PUNCT", ".")]
    rules, events = coded(tokens, patterns, classifier({"w=warn": {"11:ACCUSE": 8.0}}))
    assert rules == [] and events == []
    # a warning against an act is a threat
    attack = [*tokens[:3], ("raids", 2, "pobj", "NOUN", "raid"), tokens[4]]
    [threat] = coded(attack, patterns, classifier({"w=warn": {"11:ACCUSE": 8.0}}))[0]
    assert threat.type == "THREATEN"

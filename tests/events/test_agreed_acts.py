"""Acts agreed on or ensured for the future (issue 8, fourth pass): flagged, not facts.
Hand-built parses of fictional sentences, no model."""

from __future__ import annotations

from polemos.events import Patterns
from polemos.records import Event
from tests.events.test_stative import Row, coded


def flagged(events: list[Event], trigger: str) -> bool:
    [event] = [e for e in events if e.trigger == trigger]
    return event.is_hypothetical


def test_the_act_an_agreement_is_signed_to_do_is_still_to_come(patterns: Patterns) -> None:
    # "Arnor and Gondor signed an agreement to attack Harad."
    rows: list[Row] = [("Arnor", 3, "nsubj", "PROPN", "NNP", "Arnor"),
                       ("and", 0, "cc", "CCONJ", "CC", "and"),
                       ("Gondor", 0, "conj", "PROPN", "NNP", "Gondor"),
                       ("signed", 3, "ROOT", "VERB", "VBD", "sign"),
                       ("an", 5, "det", "DET", "DT", "an"),
                       ("agreement", 3, "dobj", "NOUN", "NN", "agreement"),
                       ("to", 7, "aux", "PART", "TO", "to"),
                       ("attack", 5, "acl", "VERB", "VB", "attack"),
                       ("Harad", 7, "dobj", "PROPN", "NNP", "Harad"),
                       (".", 3, "punct", "PUNCT", ".", ".")]
    events = coded(rows, patterns)
    assert flagged(events, "attack")
    assert not flagged(events, "signed")  # the signing itself happened


def ensured(aux: list[Row], verb: str, tag: str, attack: str) -> list[Row]:
    """'Arnor [will] make(s) sure Gondor attack(s/ed) Harad.'"""
    n = len(aux)
    return [("Arnor", n + 1, "nsubj", "PROPN", "NNP", "Arnor"), *aux,
            (verb, n + 1, "ROOT", "VERB", tag, "make"),
            ("sure", n + 1, "ccomp", "ADJ", "JJ", "sure"),
            ("Gondor", n + 4, "nsubj", "PROPN", "NNP", "Gondor"),
            (attack, n + 2, "ccomp", "VERB", "VBZ", "attack"),
            ("Harad", n + 4, "dobj", "PROPN", "NNP", "Harad"),
            (".", n + 1, "punct", "PUNCT", ".", ".")]


def test_what_someone_will_make_sure_of_has_not_happened(patterns: Patterns) -> None:
    will: list[Row] = [("will", 2, "aux", "AUX", "MD", "will")]
    assert flagged(coded(ensured(will, "make", "VB", "attacks"), patterns), "attacks")


def test_what_someone_made_sure_of_happened(patterns: Patterns) -> None:
    assert not flagged(coded(ensured([], "made", "VBD", "attacked"), patterns), "attacked")


def test_a_deal_brokered_by_a_party_was_brokered(patterns: Patterns) -> None:
    # "Arnor and Gondor exchanged prisoners under a deal brokered by Rohan."
    rows: list[Row] = [("Arnor", 3, "nsubj", "PROPN", "NNP", "Arnor"),
                       ("and", 0, "cc", "CCONJ", "CC", "and"),
                       ("Gondor", 0, "conj", "PROPN", "NNP", "Gondor"),
                       ("exchanged", 3, "ROOT", "VERB", "VBD", "exchange"),
                       ("prisoners", 3, "dobj", "NOUN", "NNS", "prisoner"),
                       ("under", 3, "prep", "ADP", "IN", "under"),
                       ("a", 7, "det", "DET", "DT", "a"),
                       ("deal", 5, "pobj", "NOUN", "NN", "deal"),
                       ("brokered", 7, "acl", "VERB", "VBN", "broker"),
                       ("by", 8, "agent", "ADP", "IN", "by"),
                       ("Rohan", 9, "pobj", "PROPN", "NNP", "Rohan"),
                       (".", 3, "punct", "PUNCT", ".", ".")]
    events = coded(rows, patterns)
    assert not flagged(events, "brokered")  # a participle, not the act the deal is made to do


def test_a_participle_describing_the_subject_is_told_as_fact(patterns: Patterns) -> None:
    # "Envoys from Arnor, meeting Gondor, could attack Harad.": the meeting happened; the
    # modal of the clause whose subject they are is about the attack only
    rows: list[Row] = [("Envoys", 7, "nsubj", "NOUN", "NNS", "envoy"),
                       ("from", 0, "prep", "ADP", "IN", "from"),
                       ("Arnor", 1, "pobj", "PROPN", "NNP", "Arnor"),
                       (",", 0, "punct", "PUNCT", ",", ","),
                       ("meeting", 0, "acl", "VERB", "VBG", "meet"),
                       ("Gondor", 4, "dobj", "PROPN", "NNP", "Gondor"),
                       ("could", 7, "aux", "AUX", "MD", "could"),
                       ("attack", 7, "ROOT", "VERB", "VB", "attack"),
                       ("Harad", 7, "dobj", "PROPN", "NNP", "Harad"),
                       (".", 7, "punct", "PUNCT", ".", ".")]
    events = coded(rows, patterns)
    assert flagged(events, "attack")
    assert not flagged(events, "meeting")


def test_an_adverbial_participle_is_not_what_its_verb_calls_for(patterns: Patterns) -> None:
    # "Arnor called out Gondor, sanctioning Harad.": the sanctions are its manner, told as fact
    rows: list[Row] = [("Arnor", 1, "nsubj", "PROPN", "NNP", "Arnor"),
                       ("called", 1, "ROOT", "VERB", "VBD", "call"),
                       ("out", 1, "prt", "ADP", "RP", "out"),
                       ("Gondor", 1, "dobj", "PROPN", "NNP", "Gondor"),
                       (",", 1, "punct", "PUNCT", ",", ","),
                       ("sanctioning", 1, "advcl", "VERB", "VBG", "sanction"),
                       ("Harad", 5, "dobj", "PROPN", "NNP", "Harad"),
                       (".", 1, "punct", "PUNCT", ".", ".")]
    assert not flagged(coded(rows, patterns), "sanctioning")

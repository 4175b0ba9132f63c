"""Argument classes found while judging news events (issue 8): a relative pronoun as object
stands for the noun its clause modifies; soldiers set free are released, not moved by their
owner. Hand-built parses of fictional sentences, no model."""

from __future__ import annotations

import datetime as dt

from polemos.events import Patterns
from polemos.records import EventDate
from tests.events.test_stative import Row, coded

# a time of their own: an act in a relative clause without one is background
STATED = EventDate(dt.date(2029, 5, 1), "month", "text", text="in May 2029")


def sides(rows: list[Row], patterns: Patterns) -> list[tuple[str, list[str | None],
                                                             list[str | None]]]:
    return [(e.cameo, [p.code for p in e.actors], [p.code for p in e.recipients])
            for e in coded(rows, patterns, STATED)]


def test_a_relative_pronoun_as_object_is_the_noun_it_stands_for(patterns: Patterns) -> None:
    # "Gondor, which Arnor attacked (in May 2029), protested."
    rows: list[Row] = [("Gondor", 6, "nsubj", "PROPN", "NNP", "Gondor"),
                       (",", 0, "punct", "PUNCT", ",", ","),
                       ("which", 4, "dobj", "PRON", "WDT", "which"),
                       ("Arnor", 4, "nsubj", "PROPN", "NNP", "Arnor"),
                       ("attacked", 0, "relcl", "VERB", "VBD", "attack"),
                       (",", 0, "punct", "PUNCT", ",", ","),
                       ("protested", 6, "ROOT", "VERB", "VBD", "protest"),
                       (".", 6, "punct", "PUNCT", ".", ".")]
    assert ("190", ["ARN"], ["GON"]) in sides(rows, patterns)


def test_soldiers_set_free_are_the_recipients_not_the_actor(patterns: Patterns) -> None:
    # "Harad freed Gondorian soldiers (in May 2029)."
    rows: list[Row] = [("Harad", 1, "nsubj", "PROPN", "NNP", "Harad"),
                       ("freed", 1, "ROOT", "VERB", "VBD", "free"),
                       ("Gondorian", 3, "amod", "ADJ", "JJ", "Gondorian"),
                       ("soldiers", 1, "dobj", "NOUN", "NNS", "soldier"),
                       (".", 1, "punct", "PUNCT", ".", ".")]
    assert sides(rows, patterns) == [("0841", ["HAR"], ["GON"])]


def test_an_official_protest_is_not_aimed_at_its_own_government(patterns: Patterns) -> None:
    # "Gondor's ministry protested (in May 2029).": a complaint to someone unsaid; a crowd's
    # protest would be aimed at its own government
    rows: list[Row] = [("Gondor", 2, "poss", "PROPN", "NNP", "Gondor"),
                       ("'s", 0, "case", "PART", "POS", "'s"),
                       ("ministry", 3, "nsubj", "NOUN", "NN", "ministry"),
                       ("protested", 3, "ROOT", "VERB", "VBD", "protest"),
                       (".", 3, "punct", "PUNCT", ".", ".")]
    assert sides(rows, patterns) == [("114", ["GON"], [])]


def test_the_speakers_of_a_quotation_are_not_named_inside_it(patterns: Patterns) -> None:
    # "“We urge Gondor to stop,” they said (in May 2029).": they are not Gondor
    rows: list[Row] = [("“", 9, "punct", "PUNCT", "``", "“"),
                       ("We", 2, "nsubj", "PRON", "PRP", "we"),
                       ("urge", 9, "ccomp", "VERB", "VBP", "urge"),
                       ("Gondor", 2, "dobj", "PROPN", "NNP", "Gondor"),
                       ("to", 5, "aux", "PART", "TO", "to"),
                       ("stop", 2, "xcomp", "VERB", "VB", "stop"),
                       (",", 9, "punct", "PUNCT", ",", ","),
                       ("”", 9, "punct", "PUNCT", "''", "”"),
                       ("they", 9, "nsubj", "PRON", "PRP", "they"),
                       ("said", 9, "ROOT", "VERB", "VBD", "say"),
                       (".", 9, "punct", "PUNCT", ".", ".")]
    assert all("GON" not in actors for _, actors, _ in sides(rows, patterns))


def _spoke_at_the_start_of_talks(partner: list[Row]) -> list[Row]:
    """'Arnor spoke at the start of talks [with Gondor] (in May 2029).'"""
    return [("Arnor", 1, "nsubj", "PROPN", "NNP", "Arnor"),
            ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
            ("at", 1, "prep", "ADP", "IN", "at"), ("the", 4, "det", "DET", "DT", "the"),
            ("start", 2, "pobj", "NOUN", "NN", "start"), ("of", 4, "prep", "ADP", "IN", "of"),
            ("talks", 5, "pobj", "NOUN", "NNS", "talk"), *partner,
            (".", 1, "punct", "PUNCT", ".", ".")]


def test_a_phase_of_a_meeting_is_its_setting(patterns: Patterns) -> None:
    alone = _spoke_at_the_start_of_talks([])
    with_gondor = _spoke_at_the_start_of_talks([("with", 6, "prep", "ADP", "IN", "with"),
                                                ("Gondor", 7, "pobj", "PROPN", "NNP", "Gondor")])
    assert [s for s in sides(alone, patterns) if s[0].startswith("04")] == []
    assert ("040", ["ARN"], ["GON"]) in sides(with_gondor, patterns)

"""Main and secondary events of a sentence; preparations; what a concession is made for."""

from __future__ import annotations

import datetime as dt

from polemos.events import Patterns, extract_events
from polemos.events.evaluate import predicted_triples
from polemos.events.salience import SECONDARY_FACTOR, main_events
from polemos.records import Event, EventDate
from tests.events.conftest import Token, make_parsed, mentions_of, one_date

V, N, P, X = "VERB", "NOUN", "PROPN", "ADP"

RELATIVE: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("attacked", 1, "ROOT", V, "attack"),
                         ("Gondor", 1, "dobj", P, "Gondor"), (",", 2, "punct", "PUNCT", ","),
                         ("which", 6, "nsubj", "PRON", "which"), ("had", 6, "aux", "AUX", "have"),
                         ("sanctioned", 2, "relcl", V, "sanction"), ("Rohan", 6, "dobj", P, "Rohan")]
ONLY_RELATIVE: list[Token] = [("Arnor", 6, "nsubj", P, "Arnor"), (",", 0, "punct", "PUNCT", ","),
                              ("which", 4, "nsubj", "PRON", "which"),
                              ("had", 4, "aux", "AUX", "have"),
                              ("attacked", 0, "relcl", V, "attack"), ("Gondor", 4, "dobj", P, "Gondor"),
                              ("waited", 6, "ROOT", V, "wait")]
CONDITION: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("sanctioned", 1, "ROOT", V, "sanction"),
                          ("Harad", 1, "dobj", P, "Harad"), ("after", 5, "mark", "SCONJ", "after"),
                          ("Harad", 5, "nsubj", P, "Harad"), ("attacked", 1, "advcl", V, "attack"),
                          ("Gondor", 5, "dobj", P, "Gondor")]
PREPARED: list[Token] = [("Harad", 1, "nsubj", P, "Harad"), ("prepared", 1, "ROOT", V, "prepare"),
                         ("to", 3, "aux", "PART", "to"), ("attack", 1, "xcomp", V, "attack"),
                         ("Gondor", 3, "dobj", P, "Gondor")]
WOULD_PREPARE: list[Token] = [("Harad", 2, "nsubj", P, "Harad"), ("would", 2, "aux", "AUX", "would"),
                              ("prepare", 2, "ROOT", V, "prepare"), ("to", 4, "aux", "PART", "to"),
                              ("attack", 2, "xcomp", V, "attack"), ("Gondor", 4, "dobj", P, "Gondor")]
OPENED: list[Token] = [("Rohan", 1, "nsubj", P, "Rohan"), ("opened", 1, "ROOT", V, "open"),
                       ("the", 3, "det", "DET", "the"), ("border", 1, "dobj", N, "border"),
                       ("to", 5, "aux", "PART", "to"), ("allow", 1, "advcl", V, "allow"),
                       ("trucks", 5, "dobj", N, "truck"), ("into", 5, "prep", X, "into"),
                       ("Gondor", 7, "pobj", P, "Gondor")]


STATED = EventDate(dt.date(2029, 5, 1), "month", "text", text="in May 2029")


def coded(tokens: list[Token], patterns: Patterns, date: EventDate = STATED) -> list[Event]:
    parsed = make_parsed(tokens)
    return extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed, date))


def by_trigger(events: list[Event]) -> dict[str, Event]:
    return {e.trigger: e for e in events}


def test_relative_clause_event_is_secondary_but_kept(patterns: Patterns) -> None:
    events = by_trigger(coded(RELATIVE, patterns))
    main, side = events["attacked"], events["sanctioned"]
    assert not main.is_secondary and side.is_secondary
    assert side.confidence < main.confidence
    assert main_events(list(events.values())) == [main]
    assert all("ROH" not in triple for triple in predicted_triples(events.values(), str))


def test_sentence_without_main_event_keeps_its_subordinate_one(patterns: Patterns) -> None:
    events = coded(ONLY_RELATIVE, patterns)
    assert [(e.trigger, e.is_secondary) for e in events] == [("attacked", False)]


def test_relative_clause_act_without_a_time_of_its_own_is_background(patterns: Patterns) -> None:
    publication = EventDate(dt.date(2030, 1, 1), "day", "publication")
    for date in (EventDate(), publication):
        assert [e.trigger for e in coded(RELATIVE, patterns, date)] == ["attacked"]
        assert coded(ONLY_RELATIVE, patterns, date) == []


def test_event_in_a_time_clause_is_secondary(patterns: Patterns) -> None:
    events = by_trigger(coded(CONDITION, patterns))
    assert events["attacked"].is_secondary and not events["sanctioned"].is_secondary
    assert events["attacked"].confidence <= SECONDARY_FACTOR


def test_preparation_for_attack_is_mobilization(patterns: Patterns) -> None:
    [event] = coded(PREPARED, patterns)
    assert (event.type, event.cameo, event.is_hypothetical) == ("MOBILIZE", "150", False)
    assert [p.code for p in event.recipients] == ["GON"]
    [hedged] = coded(WOULD_PREPARE, patterns)
    assert (hedged.type, hedged.is_hypothetical) == ("MOBILIZE", True)


def test_what_a_concession_is_made_for_joins_it(patterns: Patterns) -> None:
    [event] = coded(OPENED, patterns)
    assert (event.type, event.cameo) == ("RETREAT", "086")
    assert ([p.code for p in event.actors], [p.code for p in event.recipients]) == (["ROH"], ["GON"])

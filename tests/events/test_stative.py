"""Descriptions in the simple present, the start of a lasting state told in passing, and names
joined by a hyphen (issue 8, second pass). Hand-built parses of fictional sentences, no model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc

from polemos.events import Patterns, extract_events
from polemos.nlp.annotate import Parsed, sentences_of
from polemos.records import Article, Event, EventDate
from tests.events.conftest import VOCAB, mentions_of, one_date

# (word, head index, dep, pos, tag, lemma)
Row = tuple[str, int, str, str, str, str]
STATED = EventDate(dt.date(2029, 5, 1), "month", "text", text="in May 2029")


def parsed_of(rows: Sequence[Row]) -> Parsed:
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in {".", ",", "-"} and w != "-"
              for i, w in enumerate(words)]
    doc = Doc(VOCAB, words=words, spaces=spaces, heads=[r[1] for r in rows],
              deps=[r[2] for r in rows], pos=[r[3] for r in rows], tags=[r[4] for r in rows],
              lemmas=[r[5] for r in rows], sent_starts=[i == 0 for i in range(len(words))])
    return Parsed(Article("d1", doc.text, published=dt.date(2030, 1, 1)), doc,
                  tuple(sentences_of(doc, "d1")))


def coded(rows: Sequence[Row], patterns: Patterns, date: EventDate | None = None) -> list[Event]:
    parsed = parsed_of(rows)
    return extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed, date))


def triples(events: Sequence[Event]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return sorted((e.type, tuple(p.code for p in e.actors), tuple(p.code for p in e.recipients))
                  for e in events)


def present(subject: Row) -> list[Row]:
    """'<subject> in Arnor attacks Gondor.' with the verb in the simple present."""
    return [subject, ("in", 0, "prep", "ADP", "IN", "in"),
            ("Arnor", 1, "pobj", "PROPN", "NNP", "Arnor"),
            ("attacks", 3, "ROOT", "VERB", "VBZ", "attack"),
            ("Gondor", 3, "dobj", "PROPN", "NNP", "Gondor"), (".", 3, "punct", "PUNCT", ".", ".")]


def test_a_place_as_subject_of_a_present_verb_describes_a_state(patterns: Patterns) -> None:
    camps = present(("Camps", 3, "nsubj", "NOUN", "NNS", "camp"))
    assert coded(camps, patterns) == []  # what the camps do, not an act reported


def test_a_present_verb_keeps_its_event_with_a_party_or_a_date(patterns: Patterns) -> None:
    troops = present(("Troops", 3, "nsubj", "NOUN", "NNS", "troop"))
    assert triples(coded(troops, patterns)) == [("ASSAULT", ("ARN",), ("GON",))]
    camps = present(("Camps", 3, "nsubj", "NOUN", "NNS", "camp"))
    assert triples(coded(camps, patterns, STATED)) == [("ASSAULT", ("ARN",), ("GON",))]
    headline: list[Row] = [("Arnor", 1, "nsubj", "NOUN", "NN", "arnor"),  # tagged as a noun
                           ("attacks", 1, "ROOT", "VERB", "VBZ", "attack"),
                           ("Gondor", 1, "dobj", "PROPN", "NNP", "Gondor")]
    assert triples(coded(headline, patterns)) == [("ASSAULT", ("ARN",), ("GON",))]


def starting(verb: Row) -> list[Row]:
    """'Since <verb> the war with Harad, Gondor grew.'"""
    return [("Since", 8, "prep", "ADP", "IN", "since"), verb,
            ("the", 3, "det", "DET", "DT", "the"), ("war", 1, "dobj", "NOUN", "NN", "war"),
            ("with", 3, "prep", "ADP", "IN", "with"), ("Harad", 4, "pobj", "PROPN", "NNP", "Harad"),
            (",", 8, "punct", "PUNCT", ",", ","), ("Gondor", 8, "nsubj", "PROPN", "NNP", "Gondor"),
            ("grew", 8, "ROOT", "VERB", "VBD", "grow"), (".", 8, "punct", "PUNCT", ".", ".")]


def test_starting_a_lasting_state_in_passing_is_background(patterns: Patterns) -> None:
    assert coded(starting(("starting", 0, "pcomp", "VERB", "VBG", "start")), patterns) == []


def test_starting_a_war_in_the_main_clause_is_an_event(patterns: Patterns) -> None:
    rows: list[Row] = [("Gondor", 1, "nsubj", "PROPN", "NNP", "Gondor"),
                       ("started", 1, "ROOT", "VERB", "VBD", "start"),
                       ("a", 3, "det", "DET", "DT", "a"), ("war", 1, "dobj", "NOUN", "NN", "war"),
                       ("against", 3, "prep", "ADP", "IN", "against"),
                       ("Arnor", 4, "pobj", "PROPN", "NNP", "Arnor")]
    assert triples(coded(rows, patterns)) == [("ASSAULT", ("GON",), ("ARN",))]


def test_every_name_of_a_hyphenated_modifier_takes_part(patterns: Patterns) -> None:
    rows: list[Row] = [("Harad", 1, "nsubj", "PROPN", "NNP", "Harad"),
                       ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
                       ("a", 7, "det", "DET", "DT", "a"), ("joint", 7, "amod", "ADJ", "JJ", "joint"),
                       ("Arnor", 6, "nmod", "PROPN", "NNP", "Arnor"),  # the parser's arc
                       ("-", 6, "punct", "PUNCT", "HYPH", "-"),
                       ("Gondor", 7, "nmod", "PROPN", "NNP", "Gondor"),
                       ("base", 1, "dobj", "NOUN", "NN", "base")]
    [event] = coded(rows, patterns, STATED)
    assert sorted(p.code for p in event.recipients) == ["ARN", "GON"]


def claim(verb: Row, said: Row) -> list[Row]:
    """'Arnor <says> it <defends> Gondor.'"""
    return [("Arnor", 1, "nsubj", "PROPN", "NNP", "Arnor"), said,
            ("it", 3, "nsubj", "PRON", "PRP", "it"), verb,
            ("Gondor", 3, "dobj", "PROPN", "NNP", "Gondor"), (".", 1, "punct", "PUNCT", ".", ".")]


def test_an_act_claimed_in_the_present_is_a_claim_not_an_event(patterns: Patterns) -> None:
    says = ("says", 1, "ROOT", "VERB", "VBZ", "say")
    [habit] = coded(claim(("attacks", 1, "ccomp", "VERB", "VBZ", "attack"), says), patterns)
    assert habit.is_hypothetical  # what Arnor says it does, not an attack reported
    [dated] = coded(claim(("attacks", 1, "ccomp", "VERB", "VBZ", "attack"), says), patterns,
                    STATED)
    assert not dated.is_hypothetical
    said = ("said", 1, "ROOT", "VERB", "VBD", "say")
    [past] = coded(claim(("attacked", 1, "ccomp", "VERB", "VBD", "attack"), said), patterns)
    assert not past.is_hypothetical
    assert triples([past]) == [("ASSAULT", ("ARN",), ("GON",))]


def test_a_participle_read_as_a_clause_acts_for_the_main_subject(patterns: Patterns) -> None:
    """'Arnor conducted the drills encircling Gondor', parsed with "the drills" as the subject
    of "encircling" (a ccomp): the drills are Arnor's."""
    rows: list[Row] = [("Arnor", 1, "nsubj", "PROPN", "NNP", "Arnor"),
                       ("conducted", 1, "ROOT", "VERB", "VBD", "conduct"),
                       ("the", 3, "det", "DET", "DT", "the"),
                       ("drills", 4, "nsubj", "NOUN", "NNS", "drill"),
                       ("encircling", 1, "ccomp", "VERB", "VBG", "encircle"),
                       ("Gondor", 4, "dobj", "PROPN", "NNP", "Gondor"),
                       (".", 1, "punct", "PUNCT", ".", ".")]
    encircling = [e for e in coded(rows, patterns) if e.trigger == "encircling"]
    assert triples(encircling) == [("COERCE", ("ARN",), ("GON",))]


def test_an_event_noun_in_a_claimed_habit_is_part_of_the_claim(patterns: Patterns) -> None:
    """'Arnor says it protects Gondor from regular attacks by Mordor.': the attacks are what
    Arnor says it protects from as a rule, not an attack reported."""
    def rows(says: Row, protects: Row) -> list[Row]:
        return [("Arnor", 1, "nsubj", "PROPN", "NNP", "Arnor"), says,
                ("it", 3, "nsubj", "PRON", "PRP", "it"), protects,
                ("Gondor", 3, "dobj", "PROPN", "NNP", "Gondor"),
                ("from", 3, "prep", "ADP", "IN", "from"),
                ("regular", 7, "amod", "ADJ", "JJ", "regular"),
                ("attacks", 5, "pobj", "NOUN", "NNS", "attack"), ("by", 7, "prep", "ADP", "IN", "by"),
                ("Mordor", 8, "pobj", "PROPN", "NNP", "Mordor"), (".", 1, "punct", "PUNCT", ".", ".")]

    says, protects = ("says", 1, "ROOT", "VERB", "VBZ", "say"), ("protects", 1, "ccomp", "VERB",
                                                                 "VBZ", "protect")
    [attacks] = [e for e in coded(rows(says, protects), patterns) if e.trigger == "attacks"]
    assert attacks.actors[0].code == "MOR" and attacks.is_hypothetical
    said, protected = ("said", 1, "ROOT", "VERB", "VBD", "say"), ("protected", 1, "ccomp", "VERB",
                                                                   "VBD", "protect")
    [attacks] = [e for e in coded(rows(said, protected), patterns) if e.trigger == "attacks"]
    assert not attacks.is_hypothetical  # "said it protected … from attacks": reported


def test_a_participle_describing_an_event_noun_is_that_event(patterns: Patterns) -> None:
    """'Arnor conducted the military drills encircling Gondor' (the same misparse as above):
    one event, the drills (a show of force), aimed at Gondor; not a blockade besides."""
    rows: list[Row] = [("Arnor", 1, "nsubj", "PROPN", "NNP", "Arnor"),
                       ("conducted", 1, "ROOT", "VERB", "VBD", "conduct"),
                       ("the", 4, "det", "DET", "DT", "the"),
                       ("military", 4, "amod", "ADJ", "JJ", "military"),
                       ("drills", 5, "nsubj", "NOUN", "NNS", "drill"),
                       ("encircling", 1, "ccomp", "VERB", "VBG", "encircle"),
                       ("Gondor", 5, "dobj", "PROPN", "NNP", "Gondor"),
                       (".", 1, "punct", "PUNCT", ".", ".")]
    assert triples(coded(rows, patterns)) == [("MOBILIZE", ("ARN",), ("GON",))]


def test_an_event_noun_people_argue_about_is_a_topic(patterns: Patterns) -> None:
    """'Arnor and Gondor disagreed over Rohirric aid to Gondor.': the aid is what they argue
    about; 'Arnor and Gondor met after Rohirric aid to Gondor.' is no topic (a time adjunct)."""
    def rows(verb: Row, prep: str) -> list[Row]:
        return [("Arnor", 3, "nsubj", "PROPN", "NNP", "Arnor"), ("and", 0, "cc", "CCONJ", "CC", "and"),
                ("Gondor", 0, "conj", "PROPN", "NNP", "Gondor"), verb,
                (prep, 3, "prep", "ADP", "IN", prep),
                ("Rohirric", 6, "amod", "ADJ", "JJ", "Rohirric"),
                ("aid", 4, "pobj", "NOUN", "NN", "aid"), ("to", 6, "prep", "ADP", "IN", "to"),
                ("Gondor", 7, "pobj", "PROPN", "NNP", "Gondor"), (".", 3, "punct", "PUNCT", ".", ".")]

    disagreed = ("disagreed", 3, "ROOT", "VERB", "VBD", "disagree")
    assert not [e for e in coded(rows(disagreed, "over"), patterns) if e.trigger == "aid"]
    met = ("met", 3, "ROOT", "VERB", "VBD", "meet")
    [aid] = [e for e in coded(rows(met, "after"), patterns) if e.trigger == "aid"]
    assert [p.code for p in aid.actors] == ["ROH"]


def test_an_event_noun_a_feeling_is_about_is_a_topic(patterns: Patterns) -> None:
    """'Arnor is angry with the Rohirric offensive against Gondor.': what the anger is about,
    not an offensive reported at publication."""
    rows: list[Row] = [("Arnor", 1, "nsubj", "PROPN", "NNP", "Arnor"),
                       ("is", 1, "ROOT", "AUX", "VBZ", "be"),
                       ("angry", 1, "acomp", "ADJ", "JJ", "angry"),
                       ("with", 2, "prep", "ADP", "IN", "with"),
                       ("the", 6, "det", "DET", "DT", "the"),
                       ("Rohirric", 6, "amod", "ADJ", "JJ", "Rohirric"),
                       ("offensive", 3, "pobj", "NOUN", "NN", "offensive"),
                       ("against", 6, "prep", "ADP", "IN", "against"),
                       ("Gondor", 7, "pobj", "PROPN", "NNP", "Gondor"),
                       (".", 1, "punct", "PUNCT", ".", ".")]
    assert not [e for e in coded(rows, patterns) if e.trigger == "offensive"]

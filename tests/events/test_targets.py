"""Who an event is aimed at, on hand-built parses of fictional sentences (no model)."""

from __future__ import annotations

from polemos.events import Patterns, extract_events
from polemos.records import Event
from tests.events.conftest import Token, make_parsed, mentions_of, one_date

V, N, P, D = "VERB", "NOUN", "PROPN", "DET"


def events_of(tokens: list[Token], patterns: Patterns) -> list[Event]:
    parsed = make_parsed(tokens)
    return extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))


def triples(events: list[Event]) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(e.type, tuple(p.code for p in e.actors), tuple(p.code for p in e.recipients))
            for e in events if not e.is_flagged}


# "Arnor issued a statement calling on Gondor to withdraw."
STATEMENT_CALLING: list[Token] = [
    ("Arnor", 1, "nsubj", P, "Arnor"), ("issued", 1, "ROOT", V, "issue"), ("a", 3, "det", D, "a"),
    ("statement", 1, "dobj", N, "statement"), ("calling", 3, "acl", V, "call"),
    ("on", 4, "prep", "ADP", "on"), ("Gondor", 5, "pobj", P, "Gondor"),
    ("to", 8, "aux", "PART", "to"), ("withdraw", 4, "xcomp", V, "withdraw"),
    (".", 1, "punct", "PUNCT", ".")]


def test_a_statement_calls_on_someone_for_its_author(patterns: Patterns) -> None:
    """The text issued is no thing acting by itself: its author makes the appeal."""
    assert ("REQUEST", ("ARN",), ("GON",)) in triples(events_of(STATEMENT_CALLING, patterns))


# "Arnor supported Rohirric girls going to school."
SUPPORTED_GOING: list[Token] = [
    ("Arnor", 1, "nsubj", P, "Arnor"), ("supported", 1, "ROOT", V, "support"),
    ("Rohirric", 3, "amod", "ADJ", "Rohirric"), ("girls", 4, "nsubj", N, "girl"),
    ("going", 1, "ccomp", V, "go"), ("to", 4, "prep", "ADP", "to"),
    ("school", 5, "pobj", N, "school"), (".", 1, "punct", "PUNCT", ".")]


def test_an_object_read_as_the_subject_of_its_participle_is_the_target(patterns: Patterns) -> None:
    """A bare -ing clause with a subject and no auxiliary is the object and what it does."""
    parsed = make_parsed(SUPPORTED_GOING)
    parsed.doc[4].tag_ = "VBG"  # make_parsed sets no tags: the rule reads the -ing form
    events = extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))
    assert ("SUPPORT", ("ARN",), ("ROH",)) in triples(events)


# "Arnor condemned and denounced Gondor."
CONDEMNED_AND_DENOUNCED: list[Token] = [
    ("Arnor", 1, "nsubj", P, "Arnor"), ("condemned", 1, "ROOT", V, "condemn"),
    ("and", 1, "cc", "CCONJ", "and"), ("denounced", 1, "conj", V, "denounce"),
    ("Gondor", 3, "dobj", P, "Gondor"), (".", 1, "punct", "PUNCT", ".")]
# "Arnor agreed to talks and Rohan denounced Gondor.": the second verb has its own subject
AGREED_AND_ROHAN_DENOUNCED: list[Token] = [
    ("Arnor", 1, "nsubj", P, "Arnor"), ("agreed", 1, "ROOT", V, "agree"),
    ("and", 1, "cc", "CCONJ", "and"), ("Rohan", 4, "nsubj", P, "Rohan"),
    ("denounced", 1, "conj", V, "denounce"), ("Gondor", 4, "dobj", P, "Gondor"),
    (".", 1, "punct", "PUNCT", ".")]


def test_two_joined_verbs_share_their_object(patterns: Patterns) -> None:
    """(The two acts are then one event, told by the first verb.)"""
    events = events_of(CONDEMNED_AND_DENOUNCED, patterns)
    assert [(e.trigger, [p.code for p in e.recipients]) for e in events] == [
        ("condemned", ["GON"])]


def test_a_verb_with_its_own_subject_shares_no_object(patterns: Patterns) -> None:
    events = events_of(AGREED_AND_ROHAN_DENOUNCED, patterns)
    assert all(not e.recipients for e in events if e.trigger == "agreed")


def _made_by(noun: str, lemma: str, verb: str, verb_lemma: str) -> list[Token]:
    """'<noun> <verb>ed by Arnor struck Gondor.'"""
    return [(noun, 4, "nsubj", N, lemma), (verb, 0, "acl", V, verb_lemma),
            ("by", 1, "agent", "ADP", "by"), ("Arnor", 2, "pobj", P, "Arnor"),
            ("struck", 4, "ROOT", V, "strike"), ("Gondor", 4, "dobj", P, "Gondor"),
            (".", 4, "punct", "PUNCT", ".")]


def test_a_weapon_acts_for_whoever_fired_it(patterns: Patterns) -> None:
    parsed = make_parsed(_made_by("Missiles", "missile", "fired", "fire"))
    parsed.doc[1].tag_ = "VBN"
    events = extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))
    assert ("ASSAULT", ("ARN",), ("GON",)) in triples(events)


def test_people_do_not_act_for_whoever_trained_them(patterns: Patterns) -> None:
    parsed = make_parsed(_made_by("Soldiers", "soldier", "trained", "train"))
    parsed.doc[1].tag_ = "VBN"
    events = extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))
    assert all("ARN" not in {p.code for p in e.actors} for e in events)

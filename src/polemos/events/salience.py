"""Salience: which events of a sentence are its main report and which are told in passing.

News sentences report one main event; relative clauses ("X, which had attacked Y"),
conditions ("if it is attacked"), and time adjuncts ("following the invasion", "in the
wake of the execution") mention others. Those secondary events are real and stay stored,
but they are marked (``Event.is_secondary``) with a lower confidence, and counts and the
evaluation prefer the main-clause event. A sentence whose events are all subordinate keeps
them all as main events. An act told in a relative clause with no time of its own ("the
sanctions Washington has imposed") is background and is not coded at all (events/extract.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from polemos.records import Event

SECONDARY_FACTOR = 0.6  # confidence multiplier of a secondary event
CONDITION_MARKS = frozenset({"if", "unless", "when", "whenever", "once", "because", "while",
                             "although", "though", "after", "before", "since", "until", "as"})
TIME_PREPS = frozenset({"following", "after", "before", "amid", "amidst", "despite", "during",
                        "since", "until", "because", "at", "in"})
TIME_NOUNS = frozenset({"wake", "aftermath", "run-up", "eve"})  # "in the wake of X"


def is_subordinate(token: Token) -> bool:
    """The token sits in a relative or conditional clause, or a time adjunct, of its sentence."""
    node = token
    for _ in range(12):
        if node.head.i == node.i:
            return False
        dep = node.dep_
        if dep == "relcl":
            return True
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
                                  for c in node.children):
            return True
        if dep == "acl":  # "the right to fire", "troops sent to X"
            return True
        if dep == "amod" and node.pos_ == "VERB":  # "the Israeli-occupied West Bank"
            return True
        if dep == "advcl" and node.tag_ == "VBG" and node.i > node.head.i:
            return True  # "rioted, setting fire to …": what followed from the main act
        if dep == "prep" and node.lower_ in TIME_PREPS and node.i != token.i:
            return True
        if dep == "pobj" and node.lower_ in TIME_NOUNS:
            return True
        if dep == "pcomp" and node.head.lower_ == "for":  # "arrested for spying": the reason
            return True
        node = node.head
    return False


def in_relative_clause(token: Token) -> bool:
    """The token sits in a relative clause ("the sanctions Washington has imposed", "talks
    that failed", "Barnier, who led the negotiations")."""
    node = token
    for _ in range(12):
        if node.dep_ == "relcl":
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


HEADING_BREAKS = frozenset({"DET", "ADP", "SCONJ", "PRON"})
HEADING_ENDS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB"})


HEADING_WORDS = 10  # the most words a subheading glued to a sentence has


def in_heading(token: Token) -> bool:
    """'Chinese demand The changes in …', 'Recent attacks Since the beginning of the year …':
    a subheading the text glued to the sentence after it reports nothing. The sentence
    restarts at a capitalised function word, outside any name, right after a content word.
    (Where a sentence restarts is found once per sentence and kept with the document.)"""
    sent = token.sent
    found: dict[int, int] = token.doc.user_data.setdefault("polemos.heading_breaks", {})
    if sent.start not in found:
        found[sent.start] = _heading_break(sent)
    return token.i < found[sent.start]


def _heading_break(sent: Span) -> int:
    """The index where a glued sentence restarts after its heading, or -1. A heading is a few
    words; a longer run before the restart is a sentence that lost its full stop ("… envoys stepped
    in to calm things The next plan …"), which reports its events."""
    for t in sent[1:]:
        before = t.doc[t.i - 1]
        if t.pos_ in HEADING_BREAKS and t.is_title and not t.ent_type_ and t.text != "I" \
                and before.pos_ in HEADING_ENDS and before.is_alpha and not before.is_title:
            return t.i if t.i - sent.start <= HEADING_WORDS else -1
    return -1


def mark_secondary(events: Sequence[Event], doc: Doc) -> list[Event]:
    """Mark the events told in subordinate clauses of a sentence that also has a main event."""
    by_start = {t.idx: t for t in doc}
    sub = [e.trigger_start in by_start and is_subordinate(by_start[e.trigger_start])
           for e in events]
    main_sentences = {e.sentence for e, s in zip(events, sub, strict=True)
                      if not s and not e.is_negated}
    return [replace(e, is_secondary=True, confidence=round(e.confidence * SECONDARY_FACTOR, 3))
            if s and e.sentence in main_sentences else e
            for e, s in zip(events, sub, strict=True)]


def main_events(events: Sequence[Event]) -> list[Event]:
    """The events to count by default: neither flagged nor secondary."""
    return [e for e in events if not e.is_flagged and not e.is_secondary]

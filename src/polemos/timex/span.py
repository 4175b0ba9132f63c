"""``date_for_span``: the date of one event, from the clause its trigger sits in."""

from __future__ import annotations

from spacy.tokens import Token

from polemos.nlp.annotate import Parsed
from polemos.records import EventDate, TimeAnalysis, Timex
from polemos.timex.analyse import sentence_context, timex_head
from polemos.timex.clauses import (
    clause_ancestors,
    clause_of,
    is_adverbial_of,
    path_to_clause,
    span_of,
)


def date_for_span(parsed: Parsed, time: TimeAnalysis, start: int, end: int) -> EventDate:
    """The date of an event whose trigger is at characters [start, end).

    In order: a temporal expression attached to the trigger or to its finite clause
    (the nearest one); one in an adverbial clause of that clause ("after X collapsed
    in 1991"); one in an enclosing clause (not across a relative or reported clause);
    else the sentence's date, except when every expression of the sentence sits in
    a clause the trigger reports ("X said that ... in 1994") and the narrative gives
    the report a date of its own. A publication date is never returned for a
    sentence that states a date.
    """
    index = parsed.sentence_at(start)
    sentence = parsed.sentences[index]
    own = [
        t
        for t in time.timexes
        if sentence.start <= t.start < sentence.end and t.date.value is not None
    ]
    trigger = span_of(parsed.doc, start, end)
    if not own or trigger is None:
        return time.date_of(index)  # no expression of its own: already its context date
    heads = {id(t): timex_head(parsed, t) for t in own}
    clause = clause_of(trigger.root)
    chosen = _attached(own, heads, {tok.i for tok in trigger}, clause)
    if chosen is not None:
        return chosen.date
    if all(_reports(clause, heads[id(t)]) for t in own):  # "X said that ... in 1994"
        context = sentence_context(parsed, time, index)
        if context.basis == "narrative":
            return context
    return time.date_of(index)


def _reports(clause: Token, head: Token | None) -> bool:
    """``head`` sits in a clausal complement (reported speech) below ``clause``."""
    if head is None:
        return False
    token = clause_of(head)
    while token.head.i != token.i and token != clause:
        if token.dep_ == "ccomp" and clause_of(token.head) == clause:
            return True
        token = clause_of(token.head)
    return False


def _attached(
    own: list[Timex], heads: dict[int, Token | None], trigger: set[int], clause: Token
) -> Timex | None:
    def distance(timex: Timex) -> int:
        head = heads[id(timex)]
        return 10_000 if head is None else min(abs(head.i - i) for i in trigger)

    direct, same, adverbial = [], [], []
    clause_by_timex: dict[int, Token] = {}
    for timex in own:
        head = heads[id(timex)]
        if head is None:
            continue
        path = path_to_clause(head)
        clause_by_timex[id(timex)] = path[-1]
        if any(tok.i in trigger for tok in path[1:]) or head.i in trigger:
            direct.append(timex)
        elif path[-1] == clause:
            same.append(timex)
        elif is_adverbial_of(path[-1], clause):
            adverbial.append(timex)
    for group in (direct, same, adverbial):
        if group:
            return min(group, key=distance)
    for ancestor in clause_ancestors(clause):
        above = [
            t
            for t in own
            if (of := clause_by_timex.get(id(t))) is not None
            and (of == ancestor or is_adverbial_of(of, ancestor))
        ]
        if above:
            return min(above, key=distance)
    return None

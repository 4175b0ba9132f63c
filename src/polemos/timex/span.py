"""``date_for_span``: the date of one event, from the clause its trigger sits in."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from polemos.nlp.annotate import Parsed
from polemos.records import EventDate, TimeAnalysis, Timex
from polemos.timex import reasons
from polemos.timex.analyse import timex_head
from polemos.timex.checks import is_past_for_present
from polemos.timex.clauses import (
    clause_ancestors,
    clause_of,
    is_adverbial_of,
    path_to_clause,
    projected_verb,
    span_of,
    tense_of_verb,
)
from polemos.timex.scan import is_offset


def date_for_span(parsed: Parsed, time: TimeAnalysis, start: int, end: int) -> EventDate:
    """The date of an event whose trigger is at characters [start, end).

    In order: an "offset" expression whose clause holds the trigger ("two days after X
    attacked"); the time a clause of the trigger modifies ("in 2022, when X called for
    war"); an expression modifying the trigger itself ("attacked on Monday", "the 1994
    ceasefire"); one inside the trigger's noun phrase ("the truce that began on 12 May
    1994") or the phrase of the noun a participle trigger modifies ("..., mediated by
    Russia"); one attached to the trigger's finite clause (the nearest one; a present-tense
    clause skips dates that ended before publication); one in an adverbial clause of that
    clause ("after X collapsed in 1991"); one in an enclosing clause (not across a relative
    or reported clause); else the sentence's date (from its main clause, or its context:
    see ``analyse_time``), as it fits the clause's tense: a past-tense clause gets no
    publication date ("officials say rebels attacked villages"), a present-tense clause of
    an undated sentence gets it.
    """
    index = parsed.sentence_at(start)
    sentence = parsed.sentences[index]
    own = [
        t
        for t in time.timexes
        if sentence.start <= t.start < sentence.end and t.date.value is not None
    ]
    trigger = span_of(parsed.doc, start, end)
    if trigger is None:
        return time.date_of(index)
    clause = clause_of(trigger.root)
    reference = parsed.article.published
    if own:
        heads = {id(t): timex_head(parsed, t) for t in own}
        fits = [t for t in own if not is_past_for_present(t.date, tense_of_verb(clause), reference)]
        chosen = (
            _offset_over(parsed, own, trigger)
            or _modified_time(own, clause)
            or _attached(own, heads, {tok.i for tok in trigger}, clause, direct_only=True)
            or _in_phrase(trigger.root, own, heads)
            or _attached(fits, heads, {tok.i for tok in trigger}, clause)
        )
        if chosen is not None:
            return chosen.date
    sentence_date = time.date_of(index)
    if is_relative_time(clause) and (sentence_date.precision not in COARSE
                                     or sentence_date.basis != "text"):
        return EventDate(reason=reasons.RELATIVE_CLAUSE_TIME)
    return _for_clause(sentence_date, clause, reference)


# marks of a clause whose time is told relative to its main clause's, not equal to it; a
# coarse time of the main clause still holds it ("soured in 2010 after commandos stormed …"),
# a day or the present does not ("remains smaller today than before Russia invaded Ukraine")
RELATIVE_MARKS = frozenset({"before", "after", "since", "until", "till"})
COARSE = frozenset({"year", "month", "decade"})


def is_relative_time(clause: Token) -> bool:
    """'… before Russia invaded Ukraine', 'after the talks collapsed': an adverbial clause
    whose time is before or after that of the clause it modifies."""
    return clause.dep_ in ("advcl", "pcomp") and any(  # pcomp: "smaller than before X …"
        c.dep_ == "mark" and c.lower_ in RELATIVE_MARKS for c in clause.children)


def _for_clause(date: EventDate, clause: Token, reference: dt.date | None) -> EventDate:
    """The sentence's date as it fits the tense of the trigger's own clause."""
    tense = tense_of_verb(clause)
    if date.basis == "publication" and tense in ("past", "past_perfect"):
        return EventDate(reason=reasons.PAST_IN_PRESENT)
    if date.value is None and reference is not None and tense in ("present", "future"):
        return EventDate(reference, "day", "publication", reason=reasons.PUBLICATION_CLAUSE)
    return date


# prepositions that, inside a noun's phrase, name a point of comparison ("the worst violence
# since 2016", "the first talks after the 2020 war"), not the noun's own time
REFERENCE_PREPS = frozenset({"since", "after", "before", "until"})


def _compared_to(path: list[Token], trigger: set[int]) -> bool:
    """The time reaches a noun trigger through a preposition of comparison on it."""
    return any(tok.dep_ == "prep" and tok.lower_ in REFERENCE_PREPS and tok.head.i in trigger
               and tok.head.pos_ in ("NOUN", "PROPN") for tok in path)  # not "left until May"


def _in_phrase(root: Token, own: list[Timex], heads: dict[int, Token | None]) -> Timex | None:
    """A time inside the noun phrase of a noun trigger ("the truce that began on 12 May
    1994"), or of the noun a participle trigger modifies ("the truce that began on 12 May
    1994, mediated by Russia")."""
    if root.pos_ in ("NOUN", "PROPN"):
        noun, own_subtree = root, set[int]()
    elif root.dep_ in ("acl", "amod") and root.head.pos_ in ("NOUN", "PROPN"):
        noun, own_subtree = root.head, {t.i for t in root.subtree}
    else:
        return None
    scope = {t.i for t in noun.subtree} - own_subtree
    for prep in noun.children:  # "the deadliest violence since the 1994 ceasefire": a point
        if prep.dep_ == "prep" and prep.lower_ in REFERENCE_PREPS:  # of comparison, not its time
            scope -= {t.i for t in prep.subtree}
    inside = [t for t in own if (head := heads[id(t)]) is not None and head.i in scope]
    return min(inside, key=lambda t: abs((heads[id(t)] or root).i - root.i)) if inside else None


def _near(path: list[Token]) -> list[Token]:
    """The time's head and what it modifies directly, or through one preposition."""
    if len(path) > 2 and path[1].dep_ in ("prep", "agent"):
        return path[:3]
    return path[:2]


def _modified_time(own: list[Timex], clause: Token) -> Timex | None:
    """The time a clause modifies: "in August 2022, when the president called for war"."""
    token = clause
    while token.dep_ in ("relcl", "acl", "advcl") and token.head.i != token.i:
        at = token.head.idx
        for timex in own:
            if timex.start <= at < timex.end:
                return timex
        token = clause_of(token.head)
    return None


def _offset_over(parsed: Parsed, own: list[Timex], trigger: Span) -> Timex | None:
    """The offset expression ("two days after") whose complement holds the trigger."""
    for timex in own:
        if not is_offset(timex.text):
            continue
        span = span_of(parsed.doc, timex.start, timex.end)
        if span is None:
            continue
        word = span[-1]  # "after" / "before": a preposition or the mark of a clause
        scope = word.head if word.dep_ == "mark" else word
        if all(tok.i in {t.i for t in scope.subtree} for tok in trigger) and word not in trigger:
            return timex
    return None


def _attached(
    own: list[Timex],
    heads: dict[int, Token | None],
    trigger: set[int],
    clause: Token,
    *,
    direct_only: bool = False,
) -> Timex | None:
    """The expression that dates the trigger's clause (see ``date_for_span``); with
    ``direct_only``, only one that modifies the trigger itself ("attacked on Monday",
    "the 1994 ceasefire"), at most a preposition away."""
    own = [t for t in own if not is_offset(t.text)]

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
        if _compared_to(path, trigger):
            continue  # "the deadliest violence since the 1994 ceasefire": not the violence's time
        clause_by_timex[id(timex)] = path[-1]
        projected = projected_verb(head)
        if projected is not None:  # the time is the infinitive's, not its governor's
            path = path[: path.index(projected) + 1]
        near = _near(path) if direct_only else path
        if any(tok.i in trigger for tok in near):
            direct.append(timex)
        elif projected is not None:
            continue
        elif path[-1] == clause:
            same.append(timex)
        elif is_adverbial_of(path[-1], clause):
            adverbial.append(timex)
    if direct_only:
        return min(direct, key=distance) if direct else None
    for group in (direct, same, adverbial):
        if group:
            return min(group, key=distance)
    relative = is_relative_time(clause)  # "before Russia invaded Ukraine", "after X stormed"
    for ancestor in clause_ancestors(clause):
        above = [
            t
            for t in own
            if (of := clause_by_timex.get(id(t))) is not None
            and (of == ancestor or is_adverbial_of(of, ancestor))
            and not (relative and t.date.precision not in COARSE)
        ]
        if above:
            return min(above, key=distance)
    return None

"""The date each sentence speaks of.

Every temporal expression is first resolved where it stands (``_resolve_sentence``):

- absolute ones ("27 September 2020", "in 1994", "the 2000s") carry their own date;
- a bare month or day ("In December", "on 27 September"): in a dated article (one with a
  publication date) it takes the year stated earlier in its own sentence, else the nearest
  such month or day on or before publication, or the next one when its clause is about the
  future ("will", "plans to", "is expected to", "is to", "an expected arrival of ..."); when
  the sentence before it (same paragraph) tells of another year, that year's month instead,
  unless it falls after publication, and none if it is more than two years before
  publication ("In 2014, X. In April, Y."); in an undated article it takes the year of the
  last date stated before it;
- a weekday ("on Tuesday") is the nearest one on or before publication, the coming one in a
  future or present-tense clause ("meets Wednesday"); "last week", "this month", "yesterday",
  "three years ago" count from publication;
- a relative one ("two days later", "the following year") moves the last date stated before
  it; in a dated article a sentence dated by publication (present tense, no time of its
  own) stands between them and nothing is counted across it;
- "two days after X" dates X two days before the date of its sentence.

Two checks then apply in a dated article (``checks.py``): a date after publication is kept
only when its clause is future, planned, present or hedged (would, could), not in a
past-tense statement of fact; and a relative date in a past-tense clause is kept only if it
falls within two years of publication (older events need a year in their own clause).

A sentence then takes, in order:

1. **text**: the date of an expression in its main clause or in an adverbial clause of it
   ("after X collapsed in 1991"); the most precise one when there are several. Dates in
   relative, reported or coordinated clauses date those clauses only (see ``date_for_span``).
   When such an expression could not be dated, or its date was withheld, the sentence gets
   no date, with that reason.
2. **publication**: the publication date, for present and future tense sentences.
3. **narrative**: the date of the sentence just before it, if that one is in the same
   paragraph and the same tense and had a date from its text (or inherited one itself).
   In a dated article an inherited date that ends more than two years before publication
   is withheld. A sentence in another tense, past perfect, or after a sentence dated by
   publication or undated, inherits nothing.
4. **none**, with the reason.

Every date carries ``reason``: how it was chosen or why none was given (``reasons.py``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from polemos.nlp.annotate import Parsed
from polemos.records import EventDate, TimeAnalysis, Timex
from polemos.timex import reasons
from polemos.timex.checks import checked, is_past_for_present, is_too_old
from polemos.timex.clauses import (
    Role,
    Tense,
    clause_of,
    clause_role,
    has_future_word,
    is_perfect,
    is_prospective,
    is_reporting,
    span_of,
    subject_of,
    tense_of,
    tense_of_verb,
    time_head,
)
from polemos.timex.resolve import resolve, shift
from polemos.timex.scan import Found, scan

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3, None: 4}


@dataclass(frozen=True, slots=True)
class _Told:
    """A sentence's date as offered to the sentence after it."""

    date: EventDate
    tense: Tense
    paragraph: int
    subject: str  # of its main verb (see ``subject_of``)


@dataclass(frozen=True, slots=True)
class _Sentence:
    """What the rules need to know about a sentence besides its expressions."""

    tense: Tense
    paragraph: int
    subject: str
    is_report: bool  # its main verb reports speech ("said", "told VOA")


@dataclass
class _State:
    """The running anchors while reading a document."""

    reference: dt.date | None  # the publication date
    antecedent: EventDate | None = None  # the last date stated, for relative expressions
    told: _Told | None = None


@dataclass(frozen=True, slots=True)
class _Dated:
    found: Found
    timex: Timex
    role: Role


def analyse_time(parsed: Parsed) -> TimeAnalysis:
    """Timexes of the whole document and one EventDate per sentence."""
    text = parsed.article.text
    state = _State(parsed.article.published)
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    found = scan(text)
    starts = [f.start for f in found]
    timexes: list[Timex] = []
    dates: list[EventDate] = []
    for sentence in parsed.sentences:
        paragraph = bisect.bisect_right(breaks, sentence.start)
        lo = bisect.bisect_left(starts, sentence.start)
        hi = bisect.bisect_left(starts, sentence.end)
        sent = span_of(parsed.doc, sentence.start, sentence.end)
        about = _about(sent, paragraph)
        own = _resolve_sentence(parsed, sent, found[lo:hi], about, state)
        date, offers = _sentence_date(own, about, state)
        own = [_with_offset(item, date) for item in own]
        timexes.extend(item.timex for item in own)
        dates.append(date)
        _after_sentence(state, date, about, own, offers=offers)
    return TimeAnalysis(tuple(timexes), tuple(dates))


def _about(sent: Span | None, paragraph: int) -> _Sentence:
    if sent is None:
        return _Sentence("unknown", paragraph, "", is_report=False)
    root = sent.root
    return _Sentence(tense_of(sent), paragraph, subject_of(root), is_report=is_reporting(root))


def _resolve_sentence(
    parsed: Parsed, sent: Span | None, items: Sequence[Found], about: _Sentence, state: _State
) -> list[_Dated]:
    out: list[_Dated] = []
    for item in items:
        span = span_of(parsed.doc, item.start, item.end)
        head = None if span is None else time_head(span)
        date = _resolve_one(item, head, out, about, state)
        if date.value is not None and item.is_anchor:
            state.antecedent = date
        role: Role = "main" if head is None or sent is None else clause_role(head, sent.root)
        out.append(_Dated(item, Timex(item.start, item.end, item.text, date), role))
    return out


def _resolve_one(
    item: Found, head: Token | None, earlier: list[_Dated], about: _Sentence, state: _State
) -> EventDate:
    """The date of one expression, with the rules of the module doc."""
    reference = state.reference
    clause = None if head is None else clause_of(head)
    if head is not None and clause is not None:
        is_past_story = about.tense in ("past", "past_perfect")
        item = _with_direction(item, head, clause, is_past_story=is_past_story)
    if item.kind != "partial" or reference is None:
        date = resolve(item, state.antecedent, reference)
        return checked(item, date, head, clause, reference)
    year = _sentence_year(earlier)
    if year is not None:
        anchor = EventDate(dt.date(year, 1, 1), "year")
        date = replace(resolve(item, anchor, reference), reason=reasons.SAME_SENTENCE_YEAR)
        return checked(item, date, head, clause, reference)
    told = state.told if state.told and state.told.paragraph == about.paragraph else None
    return _bare_in_news(item, told, head, clause, reference)


def _bare_in_news(
    item: Found, told: _Told | None, head: Token | None, clause: Token | None, reference: dt.date
) -> EventDate:
    """A bare month or day in a dated article: the nearest one before publication, unless
    the sentence before tells of another year ("In 2014, X. In April, Y."): then that
    year's, if it is not after publication; withheld if it is more than two years before."""
    nearest = checked(item, resolve(item, None, reference), head, clause, reference)
    if told is None or told.date.value is None or nearest.value is None:
        return nearest
    narrated = resolve(item, _year_near(item, told.date), reference)
    if narrated.value is None or narrated.value.year == nearest.value.year:
        return nearest
    if narrated.value > reference:
        return nearest
    is_past = clause is None or tense_of_verb(clause) in ("past", "past_perfect")
    if is_past and is_too_old(narrated, reference):
        return EventDate(text=item.text, reason=reasons.TOO_OLD_BARE)
    return narrated


def _with_direction(item: Found, head: Token, clause: Token, *, is_past_story: bool) -> Found:
    """Whether a bare month or weekday looks forward, from the clause it sits in (the
    parse is surer than the words around it: "signed Thursday a text that will serve").
    A weekday in a present-tense clause is the coming one ("meets Wednesday"), unless the
    sentence around it tells the past ("chanted as they march Thursday")."""
    if item.kind == "partial" or (item.unit == "weekday" and item.amount == 0):
        is_future = is_prospective(clause) or has_future_word(head, clause)
        if item.unit == "weekday":
            is_present = (
                tense_of_verb(clause) == "present" and not is_perfect(clause) and not is_past_story
            )
            is_future = is_future or is_present or item.text.lower().startswith("next")
        return replace(item, is_future=is_future)
    return item


def _year_near(item: Found, told: EventDate) -> EventDate:
    """The year a bare month takes from the date told before it: that year when the date
    is a year ("In 2014 ... In April"), else the first such month from it on, as a story
    moves forward ("in December ... In January" is the January after)."""
    value = told.value
    if value is None or item.month is None or told.precision not in ("day", "month"):
        return told
    year = value.year if item.month >= value.month else value.year + 1
    return EventDate(dt.date(year, 1, 1), "year")


def _sentence_year(earlier: list[_Dated]) -> int | None:
    """The year of the last absolute date stated earlier in the same sentence."""
    for item in reversed(earlier):
        date = item.timex.date
        if item.found.kind == "absolute" and date.value is not None and date.precision != "decade":
            return date.value.year
    return None


def _sentence_date(own: list[_Dated], about: _Sentence, state: _State) -> tuple[EventDate, bool]:
    """The sentence's date, and whether it may be offered to the sentence after it."""
    for role in ("main", "adverbial"):
        group = [
            d
            for d in own
            if d.role == role and d.found.kind != "offset"
            and not is_past_for_present(d.timex.date, about.tense, state.reference)
        ]
        dated = [d for d in group if d.timex.date.value is not None]
        if dated:
            best = min(dated, key=lambda d: _PRECISION_RANK[d.timex.date.precision])
            return best.timex.date, best.found.is_anchor
        if group:  # it names a time that could not be dated, or whose date was withheld
            return EventDate(reason=group[0].timex.date.reason), False
    return _context(about, state), True


def _context(about: _Sentence, state: _State) -> EventDate:
    """The date of a sentence without a time of its own (rules 2-4 of the module doc)."""
    reference = state.reference
    tense = about.tense
    if tense in ("present", "future") and reference is not None:
        return EventDate(reference, "day", "publication", reason=reasons.PUBLICATION)
    told = state.told
    if told is None or told.paragraph != about.paragraph:
        return EventDate(reason=reasons.NO_CONTEXT)
    if tense != told.tense or tense in ("unknown", "past_perfect"):
        return EventDate(reason=reasons.OTHER_TENSE)
    if about.is_report and about.subject not in ("pronoun", told.subject):
        return EventDate(reason=reasons.OTHER_SPEAKER)
    if reference is not None and is_too_old(told.date, reference):
        return EventDate(reason=reasons.TOO_OLD_INHERITED)
    return replace(told.date, basis="narrative", text=None, reason=reasons.INHERITED)


def _with_offset(item: _Dated, date: EventDate) -> _Dated:
    """ "two days after X": X's date, counted back from its sentence's date."""
    found = item.found
    if found.kind != "offset" or found.amount is None or found.unit is None:
        return item
    if date.value is None:
        return item
    moved = shift(date, found.amount, found.unit, found.text, reason=reasons.CLAUSE_DATE)
    return replace(item, timex=replace(item.timex, date=moved))


def _after_sentence(
    state: _State, date: EventDate, about: _Sentence, own: list[_Dated], *, offers: bool
) -> None:
    if offers and date.value is not None and date.basis in ("text", "narrative"):
        state.told = _Told(_latest_told(date, own, state.reference), about.tense,
                           about.paragraph, about.subject)
    else:
        state.told = None
    # a present-tense sentence of news states the time of publication: relative
    # expressions after it do not count from a date told before it
    if date.basis == "publication" and not any(d.timex.date.value for d in own):
        state.antecedent = None


def _latest_told(date: EventDate, own: list[_Dated], reference: dt.date | None) -> EventDate:
    """What a sentence hands on to the next: the latest past time it tells ("In 2015, X …;
    when war broke out in April 2016, Y …" — the story has reached April 2016), not a time
    after publication or an offset."""
    value = date.value
    if value is None:
        return date
    later = [d.timex.date for d in own if d.found.kind != "offset"
             and (v := d.timex.date.value) is not None and v > value
             and (reference is None or v <= reference)]
    return max(later, key=lambda d: d.value or dt.date.min) if later else date


def timex_head(parsed: Parsed, timex: Timex) -> Token | None:
    span = span_of(parsed.doc, timex.start, timex.end)
    return None if span is None else time_head(span)

"""The checks a date must pass in a dated article (one with a publication date).

- A date after publication is kept only for a clause that looks forward or is not a
  past-tense statement of fact (``may_be_later``), or for an expression that is itself
  future ("next week", "an expected arrival of March 26").
- A past event more than two years before publication keeps a date only with a year in its
  own clause: relative and inherited dates that old are withheld.
- A present-tense clause speaks of now: a date that ended before publication belongs to one
  of its nouns ("the 1994 ceasefire is fragile"), not to the clause.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from polemos.records import EventDate
from polemos.timex import reasons
from polemos.timex.clauses import Tense, has_future_word, may_be_later, tense_of_verb
from polemos.timex.scan import Found

TWO_YEARS = 730  # days
RECENT = 7  # days: "has said on Monday" is still the present of a weekly news cycle


def checked(
    item: Found, date: EventDate, head: Token | None, clause: Token | None, reference: dt.date | None
) -> EventDate:
    """The date of ``item``, or none with the reason when it fails a check."""
    if reference is None or date.value is None or head is None or clause is None:
        return date
    is_deictic_future = item.kind == "deictic" and (item.amount or 0) > 0  # "next week"
    is_forward = is_deictic_future or item.is_future or has_future_word(head, clause)
    if date.value > reference and not is_forward and not may_be_later(clause):
        return EventDate(text=item.text, reason=reasons.LATER_NOT_FUTURE)
    is_past = tense_of_verb(clause) in ("past", "past_perfect")
    if item.kind == "anaphoric" and is_past and is_too_old(date, reference):
        return EventDate(text=item.text, reason=reasons.TOO_OLD_RELATIVE)
    return date


def is_too_old(date: EventDate, reference: dt.date) -> bool:
    """The whole period of ``date`` ends more than two years before ``reference``."""
    last = period_end(date)
    return last is not None and (reference - last).days > TWO_YEARS


def is_past_for_present(date: EventDate, tense: Tense, reference: dt.date | None) -> bool:
    """A present-tense clause of news does not take a date that ended before publication
    ("the 1994 ceasefire is fragile", "a report on fatalities in 2024 follows"): the time
    belongs to a noun of the clause, and the clause speaks of now."""
    if tense != "present" or reference is None:
        return False
    last = period_end(date)
    return last is not None and last < reference - dt.timedelta(days=RECENT)


def period_end(date: EventDate) -> dt.date | None:
    """The last day of the date's range, or of its period at its precision."""
    value = date.value
    if value is None:
        return None
    if date.end is not None:
        return date.end
    if date.precision == "year":
        return dt.date(value.year, 12, 31)
    if date.precision == "decade":
        return dt.date(value.year + 9, 12, 31)
    if date.precision == "month":
        return dt.date(value.year + value.month // 12, value.month % 12 + 1, 1) - dt.timedelta(1)
    return value

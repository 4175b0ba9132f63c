"""The reasons a date carries (``EventDate.reason``): how it was chosen, or why none was given.

One function or constant per rule, so that the wording stays the same everywhere and
docs/data-model.md can list them. Reasons are for people reading an export; code never
branches on them.
"""

from __future__ import annotations

import calendar

# how a date was chosen
STATED = "stated in the text"
SAME_SENTENCE_YEAR = "takes the year stated earlier in its sentence"
ANTECEDENT_YEAR = "takes the year of the date before it"
FROM_PUBLICATION = "counted from the publication date"
CLAUSE_DATE = "from its sentence's date"
PUBLICATION = "present tense: dated by publication"
PUBLICATION_CLAUSE = "present-tense clause in an undated sentence: dated by publication"
INHERITED = "inherited from the sentence before (same paragraph, same tense)"

# why none was given
TOO_OLD_INHERITED = "inherited year would be more than two years before publication"
TOO_OLD_RELATIVE = (
    "relative date would be more than two years before publication without a year in its clause"
)
TOO_OLD_BARE = (
    "bare month or day would take the year of the sentence before, more than two years "
    "before publication"
)
LATER_NOT_FUTURE = "later than publication but its clause is not future or planned"
VAGUE = "a vague time of its own (later, earlier, subsequently ...): not a date"
NO_REFERENCE = "needs a publication date or an earlier date to count from"
PAST_IN_PRESENT = "past-tense clause in a present-tense sentence: no time of its own"
NO_CONTEXT = "no time of its own and no dated sentence before it in its paragraph"
OTHER_SPEAKER = "a new speaker's statement without a time of its own"
OTHER_TENSE = "no time of its own; the sentence before is in another tense or states another time"
RELATIVE_CLAUSE_TIME = (
    "a before/after/since/until clause without a time of its own: not its main clause's day"
)


def bare_month(month: int, *, is_future: bool) -> str:
    name = calendar.month_name[month]
    if is_future:
        return f"bare month resolved to the next {name} (future clause)"
    return f"bare month resolved to the nearest past {name} before publication"


def bare_day(month: int, day: int, *, is_future: bool) -> str:
    name = f"{day} {calendar.month_name[month]}"
    if is_future:
        return f"day and month resolved to the next {name} (future clause)"
    return f"day and month resolved to the nearest past {name} before publication"


def weekday(number: int, *, is_future: bool, is_last: bool = False) -> str:
    name = calendar.day_name[number]
    if is_future:
        return f"weekday resolved to the coming {name} (future clause)"
    if is_last:
        return f"last {name} before publication"
    return f"weekday resolved to the nearest past {name} before publication"


def counted_from(iso: str | None) -> str:
    return f"counted from the date before it ({iso})"

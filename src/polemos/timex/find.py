"""``find_timexes``: every temporal expression of a text, resolved in reading order."""

from __future__ import annotations

import datetime as dt

from polemos.records import EventDate, Timex
from polemos.timex.resolve import resolve
from polemos.timex.scan import scan


def find_timexes(text: str, *, anchor: dt.date | None = None) -> list[Timex]:
    """Temporal expressions of ``text`` with absolute character offsets.

    Absolute expressions carry their own date. Partial ones ("on 27 September") take
    the year of the last dated expression before them, else of ``anchor``. Anaphoric
    ones ("two days later", "the following year") shift the last dated expression
    before them. Deictic ones ("yesterday", "on Thursday", "this year") count from
    ``anchor`` (the publication date). Those that cannot be resolved are returned
    with ``date.value`` None.
    """
    timexes: list[Timex] = []
    last: EventDate | None = None
    for found in scan(text):
        date = resolve(found, last, anchor)
        if date.value is not None and found.is_anchor:
            last = date
        timexes.append(Timex(found.start, found.end, found.text, date))
    return timexes

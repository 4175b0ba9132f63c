"""Reports of the same event merge; different events do not."""

from __future__ import annotations

import datetime as dt

from polemos.events.merge import merge_events, period
from polemos.records import Event, EventDate, Participant


def report(event_id: str, *, actors: tuple[str, ...] = ("ARN",), type_: str = "ASSAULT",
           cameo: str = "190", date: EventDate | None = None, negated: bool = False) -> Event:
    parts = tuple(Participant(c, None, c, 0, 1) for c in actors)
    return Event(event_id, "d", 0, type_, cameo, -10.0, 4, parts,
                 date=date or EventDate(dt.date(2030, 4, 2), "day", "text"), is_negated=negated)


def test_same_day_same_actor_merges_to_smallest_id() -> None:
    mapping = merge_events([report("b"), report("a"), report("c", actors=("GON", "ARN"))])
    assert mapping == {"a": "a", "b": "a", "c": "a"}


def test_month_precision_is_compatible_with_a_day_inside_it() -> None:
    month = EventDate(dt.date(2030, 4, 1), "month", "text")
    assert merge_events([report("a"), report("b", date=month)])["b"] == "a"


def test_different_days_types_actors_flags_or_undated_stay_apart() -> None:
    other_day = EventDate(dt.date(2030, 4, 5), "day", "text")
    events = [report("a"), report("b", date=other_day), report("c", type_="AID", cameo="072"),
              report("d", actors=("GON",)), report("e", negated=True),
              report("f", date=EventDate())]
    mapping = merge_events(events)
    assert [k for k, v in mapping.items() if v == "a"] == ["a"]


def test_period_of_each_precision() -> None:
    day = dt.date(2030, 2, 1)
    assert period(EventDate(day, "month")) == (day, dt.date(2030, 2, 28))
    assert period(EventDate(day, "year")) == (day, dt.date(2030, 12, 31))
    assert period(EventDate(dt.date(2000, 1, 1), "decade")) == (dt.date(2000, 1, 1),
                                                                dt.date(2009, 12, 31))
    assert period(EventDate()) is None

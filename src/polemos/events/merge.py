"""Merging reports of the same event within and across documents.

Two reports are the same event when they have
- the same PLOVER type (or the same CAMEO root),
- the same flags (a denied attack is not the attack),
- overlapping actor codes (recipient codes when neither names an actor), and
- compatible dates: the periods their dates cover (a day, a month, a year, a decade,
  or the stated range) overlap. Undated reports are never merged.
Clusters are closed transitively; a cluster's id is its smallest event id, so the
result does not depend on input order.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from polemos.records import Event, EventDate


def period(date: EventDate) -> tuple[dt.date, dt.date] | None:
    """First and last day a date can stand for, or None when undated."""
    start = date.value
    if start is None:
        return None
    if date.end is not None:
        return start, max(start, date.end)
    if date.precision == "month":
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return start, nxt - dt.timedelta(days=1)
    if date.precision == "year":
        return start, dt.date(start.year, 12, 31)
    if date.precision == "decade":
        return start, dt.date(start.year + 9, 12, 31)
    return start, start


class _Clusters:
    def __init__(self, ids: Sequence[str]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self.parent[high] = low


def _keys(event: Event) -> list[tuple[str, str, str]]:
    """Buckets an event falls in: one per (kind, flags, actor code)."""
    codes = [p.code for p in event.actors] or [f"→{p.code}" for p in event.recipients]
    flags = f"{event.is_negated:d}{event.is_hypothetical:d}{event.is_attempted:d}"
    return [(event.type, flags, code) for code in codes] + [
        (event.cameo[:2], flags, code) for code in codes
    ]


def merge_events(events: Sequence[Event]) -> dict[str, str]:
    """Map each event id to the id of the merged event it belongs to."""
    clusters = _Clusters([e.event_id for e in events])
    buckets: dict[tuple[str, str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for event in events:
        span = period(event.date)
        if span is None:
            continue
        for key in _keys(event):
            buckets[key].append((span[0], span[1], event.event_id))
    for members in buckets.values():
        members.sort()
        for i, (_, end, event_id) in enumerate(members):
            for start2, _, other in members[i + 1:]:
                if start2 > end:
                    break
                clusters.union(event_id, other)
    return {e.event_id: clusters.find(e.event_id) for e in events}

"""Merging reports of the same event within and across documents.

Two reports are the same event when they have
- the same PLOVER type (or the same CAMEO root),
- the same flags (a denied attack is not the attack),
- overlapping actor codes (recipient codes when neither names an actor), and
- compatible dates: the periods their dates cover (a day, a month, a year, a decade,
  or the stated range) overlap. Undated reports are never merged.
Clusters are closed transitively; a cluster's id is its smallest event id, so the
result does not depend on input order.

Within one bucket the clusters are the runs of a sweep over the periods sorted by their
first day (a report joins the run while it starts before the run's latest last day), so
merging is O(n log n) however densely the periods overlap. ``close_links`` adds new
reports to clusters already stored, so an ingest touches only what could merge with it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from polemos.records import Event, EventDate, codes_of


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
    # uncoded participants ("civilians") are no actor: two of them are not the same one
    codes = codes_of(event.actors) or [f"→{code}" for code in codes_of(event.recipients)]
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
        for first, other in sweep_runs(members):
            clusters.union(first, other)
    return {e.event_id: clusters.find(e.event_id) for e in events}


def sweep_runs(members: list[tuple[dt.date, dt.date, str]]) -> Iterator[tuple[str, str]]:
    """Pairs (first report of a run, report) for the overlapping runs of one bucket.

    Two reports whose periods overlap are always in one run, and a run is connected by
    overlaps, so the runs are exactly the clusters the pairwise comparison would close.
    """
    members.sort()
    first, reach = "", dt.date.min
    for start, end, event_id in members:
        if not first or start > reach:
            first, reach = event_id, end
        else:
            reach = max(reach, end)
            yield first, event_id


def close_links(new_ids: Iterable[str], links: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Merged ids after adding new reports to the clusters already stored.

    ``links`` are pairs (new event id, what it merges with): another new event id or the
    merged id of a stored cluster (the cluster's smallest event id). Returns, for every
    new id and every stored cluster id that was linked, the id of the cluster it is in
    now: still the smallest event id of the whole cluster.
    """
    pairs = list(links)
    ids = set(new_ids)
    for pair in pairs:
        ids.update(pair)
    clusters = _Clusters(sorted(ids))
    for a, b in pairs:
        clusters.union(a, b)
    return {i: clusters.find(i) for i in ids}

"""Merging reports of the same event (placeholder until the events stage lands)."""

from __future__ import annotations

from collections.abc import Sequence

from polemos.records import Event


def merge_events(events: Sequence[Event]) -> dict[str, str]:
    """Map each event id to the id of the merged event it belongs to."""
    return {e.event_id: e.event_id for e in events}

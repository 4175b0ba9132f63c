"""Event extraction (placeholder until the events stage lands)."""

from __future__ import annotations

from collections.abc import Sequence

from polemos.events.patterns import Patterns
from polemos.nlp.annotate import Parsed
from polemos.records import Event, Mention, TimeAnalysis


def extract_events(
    parsed: Parsed, mentions: Sequence[Mention], patterns: Patterns, *, time: TimeAnalysis
) -> list[Event]:
    return []

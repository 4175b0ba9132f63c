"""Find temporal expressions and date each sentence (placeholder until the timex stage lands)."""

from __future__ import annotations

from polemos.nlp.annotate import Parsed
from polemos.records import EventDate, TimeAnalysis


def analyse_time(parsed: Parsed) -> TimeAnalysis:
    """Timexes of the document and one EventDate per sentence."""
    return TimeAnalysis((), tuple(EventDate() for _ in parsed.sentences))

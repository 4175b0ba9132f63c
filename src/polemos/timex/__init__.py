"""Temporal expressions and the date each sentence speaks of."""

from polemos.timex.analyse import analyse_time
from polemos.timex.find import find_timexes
from polemos.timex.span import date_for_span

__all__ = ["analyse_time", "date_for_span", "find_timexes"]

"""Temporal expressions and the date each sentence speaks of."""

from polemos.timex.analyse import analyse_time

__all__ = ["analyse_time"]

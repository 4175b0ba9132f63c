"""Events: PLOVER/CAMEO coding of who did what to whom and when."""

from polemos.events.extract import extract_events
from polemos.events.merge import merge_events
from polemos.events.patterns import Patterns, load_patterns

__all__ = ["Patterns", "extract_events", "load_patterns", "merge_events"]

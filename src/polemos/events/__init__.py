"""Events: PLOVER/CAMEO coding of who did what to whom and when.

Names are imported on first use: extraction needs spaCy, exporting stored events does not.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from polemos.events.extract import extract_events
    from polemos.events.merge import merge_events
    from polemos.events.patterns import Patterns, load_patterns

_LAZY = {"extract_events": "polemos.events.extract", "merge_events": "polemos.events.merge",
         "Patterns": "polemos.events.patterns", "load_patterns": "polemos.events.patterns"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'polemos.events' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = ["Patterns", "extract_events", "load_patterns", "merge_events"]

"""Actors: the time-aware knowledge base and the mention resolver.

Names are imported on first use: the resolver needs spaCy, the knowledge base does not.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from polemos.actors.kb import KnowledgeBase, load_kb
    from polemos.actors.resolve import find_mentions

_LAZY = {"KnowledgeBase": "polemos.actors.kb", "load_kb": "polemos.actors.kb",
         "find_mentions": "polemos.actors.resolve"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'polemos.actors' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = ["KnowledgeBase", "find_mentions", "load_kb"]

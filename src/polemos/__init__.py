"""Polemos: sourced, dated conflict events, actor roles and cited answers from articles.

Reading a store needs no language model: ``db = polemos.open("x.duckdb")`` then
``db.events(actor="RUS", since=2020).to_pandas()``. The names below are imported on first
use, so ``import polemos`` (and ``polemos --help``) does not load spaCy.
"""

from __future__ import annotations

import importlib
import logging
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

_LAZY = {
    "Article": "polemos.records",
    "Claim": "polemos.records",
    "Event": "polemos.records",
    "EventDate": "polemos.records",
    "Mention": "polemos.records",
    "Participant": "polemos.records",
    "Result": "polemos.records",
    "Skip": "polemos.records",
    "PolemosError": "polemos.errors",
    "Settings": "polemos.settings",
    "load_settings": "polemos.settings",
    "Store": "polemos.store.store",
    "EventFilter": "polemos.store.model",
    "Database": "polemos.api",
    "open": "polemos.api",
    "Coder": "polemos.pipeline",
    "IngestReport": "polemos.pipeline",
    "ingest": "polemos.pipeline",
    "run": "polemos.pipeline",
}

if TYPE_CHECKING:
    from polemos.api import Database, open
    from polemos.errors import PolemosError
    from polemos.pipeline import Coder, IngestReport, ingest, run
    from polemos.records import (
        Article,
        Claim,
        Event,
        EventDate,
        Mention,
        Participant,
        Result,
        Skip,
    )
    from polemos.settings import Settings, load_settings
    from polemos.store.model import EventFilter
    from polemos.store.store import Store


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'polemos' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


class _Package(types.ModuleType):
    """Keeps ``polemos.ingest`` the function: importing the subpackage ``polemos.ingest``
    would otherwise bind the module to that name (see "Customizing module attribute
    access" in the Python reference)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__all__ = [
    "Article",
    "Claim",
    "Coder",
    "Database",
    "Event",
    "EventDate",
    "EventFilter",
    "IngestReport",
    "Mention",
    "Participant",
    "PolemosError",
    "Result",
    "Settings",
    "Skip",
    "Store",
    "ingest",
    "load_settings",
    "open",
    "run",
]

"""Polemos: sourced, dated conflict events, actor roles and cited answers from articles."""

import logging

from polemos.errors import PolemosError
from polemos.pipeline import Coder, IngestReport, ingest, run
from polemos.records import Article, Claim, Event, EventDate, Mention, Participant, Result, Skip
from polemos.settings import Settings, load_settings
from polemos.store.store import Store

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "Claim",
    "Coder",
    "Event",
    "EventDate",
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
    "run",
]

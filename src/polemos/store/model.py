"""The records the read API returns, and the filter it takes for events.

Stored rows come back as these frozen records (or as the pipeline's own ``Event``,
``Mention`` and ``Claim``), never as dicts: ``polemos.store.convert`` holds the one
row→record converter per record type.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from polemos.records import NO_DATE, Event, EventDate

FlagFilter = Literal["exclude", "include", "only"]
EventOrder = Literal["date", "newest", "goldstein", "document"]
FLAG_NAMES = ("negated", "hypothetical", "attempted")


@dataclass(frozen=True, slots=True)
class Document:
    """A stored document; ``text`` is None in listings (ask ``store.document(id)`` for it)."""

    doc_id: str
    title: str | None
    source: str | None
    url: str | None
    published: dt.date | None
    author: str | None
    text_date: dt.date | None  # latest date the text states (a lower bound)
    language: str | None
    n_sentences: int
    status: str
    ingested_at: dt.datetime | None = None
    text: str | None = None
    n_events: int | None = None  # event reports coded from it, when the query counted them

    @property
    def label(self) -> str:
        """What to call the document: its title, else its source, else its id."""
        return self.title or self.source or self.doc_id


@dataclass(frozen=True, slots=True)
class StoredSentence:
    """A stored sentence: offsets into the document text and the date it speaks of."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    date: EventDate = NO_DATE


@dataclass(frozen=True, slots=True)
class SkippedItem:
    """An item kept out of the store, with the reason (one per item and reason)."""

    item: str
    stage: str
    reason: str
    doc_id: str | None
    title: str | None
    skipped_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event report with where it came from: its merged event and its document.

    With ``EventFilter(merged=True)`` there is one record per merged event (the report the
    coder was most confident in) and ``n_reports`` says how many reports it stands for.
    """

    event: Event
    merged_id: str  # the merged event it belongs to (its own id when it stands alone)
    n_reports: int
    title: str | None
    url: str | None
    published: dt.date | None
    source: str | None = None

    @property
    def flags(self) -> tuple[str, ...]:
        e = self.event
        return tuple(n for n, on in zip(FLAG_NAMES, (e.is_negated, e.is_hypothetical,
                                                     e.is_attempted), strict=True) if on)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to read; every field narrows, all of them are applied in DuckDB.

    ``since``/``until`` are years or dates and compare with the event's date (undated
    events drop out when either is set). ``actor`` matches actors and mediators,
    ``involving`` any role. ``text`` is a case-insensitive phrase of the sentence.
    """

    actor: str | None = None
    recipient: str | None = None
    involving: str | None = None
    type: str | None = None  # PLOVER type: CONSULT, AID …
    cameo: str | None = None  # CAMEO code or prefix: "04", "045"
    since: int | dt.date | None = None
    until: int | dt.date | None = None
    flags: FlagFilter = "exclude"  # negated, hypothetical and attempted reports
    doc_ids: tuple[str, ...] | None = None
    merged: bool = True  # one record per merged event (else every report)
    text: str | None = None
    limit: int | None = None
    offset: int = 0
    order: EventOrder = "date"


@dataclass(frozen=True, slots=True)
class Count:
    """One group of an aggregate: its key and how many events (merged) and reports it has."""

    key: str
    n_events: int
    n_reports: int
    n_flagged: int = 0


@dataclass(frozen=True, slots=True)
class DyadCount:
    """Unflagged events from ``actor`` to ``recipient`` and their mean Goldstein score."""

    actor: str
    recipient: str
    n_events: int
    mean_goldstein: float


@dataclass(frozen=True, slots=True)
class ActorCount:
    """A resolved actor (code, sector, person) and how often the texts mention it."""

    code: str
    kind: str
    sector: str | None
    person: str | None
    n_mentions: int
    n_documents: int | None  # None when the query did not count them


@dataclass(frozen=True, slots=True)
class CorpusStats:
    """What the store holds, counted in DuckDB."""

    n_documents: int
    n_sentences: int
    n_mentions: int
    n_resolved_mentions: int
    n_events: int  # merged events, flagged ones included
    n_reports: int
    n_flagged: int  # flagged reports
    n_undated: int  # undated reports
    n_claims: int
    n_skipped: int
    first: dt.date | None  # earliest and latest event date
    last: dt.date | None

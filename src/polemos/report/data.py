"""What the report shows, read from the store: scope, events, overview and aggregations.

Counting happens in DuckDB, through the store's read API (``Store.scoped_events`` sums up
the merged events of a scope; no SQL here), so nothing loops over every event of the
store: only the events a section shows (a bounded number) are read as records. The rest
are pure functions of small records, so the charts can be tested on hand-made ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from polemos.analysis.scope import Scope
from polemos.records import EventDate
from polemos.store.convert import date_from_row
from polemos.store.model import Document, EventFilter
from polemos.store.scoped import DateCount, ScopedEvents
from polemos.store.store import Store


@dataclass(frozen=True, slots=True)
class ReportEvent:
    """The fields of a stored event the report needs (one per report of an event)."""

    event_id: str
    key: str  # merged id when the event was merged with other reports of it, else its id
    doc_id: str
    type: str
    cameo: str
    goldstein: float
    quad: int
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    mediators: tuple[str, ...]
    date: EventDate
    is_flagged: bool
    flags: tuple[str, ...]
    sentence_text: str
    trigger: str
    trigger_at: tuple[int, int] | None = None  # trigger offsets within sentence_text
    named_actors: tuple[str, ...] = ()  # texts of participants the KB does not code
    named_recipients: tuple[str, ...] = ()

    def sentence_parts(self) -> tuple[str, str, str]:
        """The sentence split as (before, trigger, after); the trigger is "" when unknown."""
        text = self.sentence_text
        if self.trigger_at is None:
            return text, "", ""
        start, end = self.trigger_at
        return text[:start], text[start:end], text[end:]

    @property
    def codes(self) -> tuple[str, ...]:
        return self.actors + self.recipients + self.mediators


@dataclass(frozen=True, slots=True)
class DocumentRow:
    doc_id: str
    title: str
    source: str
    date: str  # published, else the latest date stated in the text; "" when neither
    n_events: int


@dataclass(frozen=True, slots=True)
class Overview:
    n_documents: int
    n_sentences: int
    n_reports: int
    n_events: int  # distinct events after merging reports of the same event
    n_flagged: int
    n_undated: int
    first: str | None
    last: str | None
    documents: tuple[DocumentRow, ...]
    by_type: tuple[tuple[str, int], ...]
    by_quad: tuple[tuple[int, int], ...]


def report_events(store: Store, scope: Scope, *, limit: int) -> tuple[list[ReportEvent], int]:
    """The first ``limit`` event reports in scope (flagged ones too) in date order (undated
    last), and how many there are in all."""
    query = EventFilter(doc_ids=scope.document_filter, flags="include", merged=False)
    rows = store.events_table(replace(query, limit=limit)).to_pylist()
    return [_event(row) for row in rows], store.count_events(query)


def merged_events(digest: ScopedEvents, keys: Sequence[str]) -> list[ReportEvent]:
    """The merged events ``keys`` combined as :func:`distinct` combines them, in the order of
    ``keys`` (one row each is read, whatever the number of reports)."""
    if not keys:
        return []
    combined = {}
    for row in digest.merged_rows(keys):
        event = _event(row)
        combined[event.key] = replace(
            event,
            actors=tuple(dict.fromkeys(event.actors)),
            recipients=tuple(dict.fromkeys(event.recipients)),
            mediators=tuple(dict.fromkeys(event.mediators)),
        )
    return [combined[key] for key in keys if key in combined]


def _event(row: dict[str, Any]) -> ReportEvent:
    """A row of ``Store.events_table`` as the report's event."""
    return ReportEvent(
        event_id=row["event_id"],
        key=row["merged_id"],
        doc_id=row["doc_id"],
        type=row["type"],
        cameo=row["cameo"],
        goldstein=float(row["goldstein"]),
        quad=int(row["quad"]),
        actors=tuple(row["actor_codes"] or ()),
        recipients=tuple(row["recipient_codes"] or ()),
        mediators=tuple(row["mediator_codes"] or ()),
        date=_date(row),
        is_flagged=bool(row["flags"]),
        flags=tuple(row["flags"] or ()),
        sentence_text=row["sentence_text"] or "",
        trigger=row["trigger"] or "",
        trigger_at=_trigger_at(row),
        named_actors=_named(row.get("actors")),
        named_recipients=_named(row.get("recipients")),
    )


def _named(parts: Any) -> tuple[str, ...]:
    """Texts of the uncoded participants of a row's participant list (None when the row
    carries codes only)."""
    return tuple(dict.fromkeys(p["text"] for p in parts or () if isinstance(p, dict)
                               and p.get("code") is None and p.get("text")))


def _date(row: dict[str, Any]) -> EventDate:
    return date_from_row({"date_value": row["date"], "date_end": row["date_end"],
                          "date_precision": row["date_precision"],
                          "date_basis": row["date_basis"], "date_text": row["date_text"]})


def _trigger_at(row: dict[str, Any]) -> tuple[int, int] | None:
    """Where the trigger sits in the sentence, when its offsets fall inside it."""
    text = row["sentence_text"] or ""
    if row["trigger_start"] is None or row["sentence_start"] is None or not row["trigger_end"]:
        return None
    start = row["trigger_start"] - row["sentence_start"]
    end = row["trigger_end"] - row["sentence_start"]
    return (start, end) if 0 <= start < end <= len(text) else None


def distinct(events: Iterable[ReportEvent]) -> list[ReportEvent]:
    """One record per event, flagged reports left out.

    Reports merged into one event are combined: the first report, with the participants of
    all of them and the most precise date any of them gives.
    """
    groups: dict[str, list[ReportEvent]] = {}
    for event in events:
        if not event.is_flagged:
            groups.setdefault(event.key, []).append(event)
    return [_combine(group) for group in groups.values()]


_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3}


def _combine(group: list[ReportEvent]) -> ReportEvent:
    if len(group) == 1:
        return group[0]

    def union(pick: Callable[[ReportEvent], tuple[str, ...]]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(code for event in group for code in pick(event)))

    dated = [e for e in group if e.date.value is not None]
    best = min(dated, key=lambda e: _RANK.get(e.date.precision or "", 4)) if dated else group[0]
    return replace(
        group[0],
        actors=union(lambda e: e.actors),
        recipients=union(lambda e: e.recipients),
        mediators=union(lambda e: e.mediators),
        named_actors=union(lambda e: e.named_actors),
        named_recipients=union(lambda e: e.named_recipients),
        date=best.date,
    )


def overview(store: Store, scope: Scope, digest: ScopedEvents, *,
             n_documents: int = 50) -> Overview:
    """Counts for the top of the page, with the first ``n_documents`` documents by date."""
    n_docs, n_sentences = store.document_totals(scope.document_filter)
    docs = store.documents(doc_ids=scope.document_filter, order="date", limit=n_documents)
    per_doc = digest.events_per_document([d.doc_id for d in docs])
    documents = tuple(
        DocumentRow(d.doc_id, d.title or "(untitled)", d.source or "", _doc_date(d),
                    per_doc.get(d.doc_id, 0))
        for d in docs
    )
    totals = digest.totals()
    return Overview(
        n_documents=n_docs,
        n_sentences=n_sentences,
        n_reports=totals.n_reports,
        n_events=totals.n_events,
        n_flagged=totals.n_flagged,
        n_undated=totals.n_undated,
        first=totals.first.isoformat() if totals.first else None,
        last=totals.last.isoformat() if totals.last else None,
        documents=documents,
        by_type=tuple((c.key, c.n) for c in digest.counts("type")),
        by_quad=tuple((int(c.key), c.n) for c in digest.counts("quad")),
    )


def _doc_date(doc: Document) -> str:
    """The publication date, else the latest date the text states (marked: a lower bound)."""
    if doc.published:
        return str(doc.published)
    return f"≥ {doc.text_date} (latest in text)" if doc.text_date else ""


def actor_names(store: Store, codes: Iterable[str]) -> dict[str, str]:
    """A readable name per code: the most frequent knowledge-base mention text, else the code."""
    wanted = sorted(set(codes))
    names = store.mention_names(wanted)
    return {code: names.get(code, code) for code in wanted}


def infer_parties(digest: ScopedEvents) -> tuple[tuple[str, ...], str]:
    """The pair with the most intense conflict between them (summed |Goldstein| of quads 3–4),
    else the two busiest actors; with a sentence saying which rule decided."""
    pair = digest.conflict_pair()
    if pair is not None:
        return (pair.a, pair.b), "Parties inferred: the pair with the most intense conflict between them."
    busiest = tuple(sorted(c.key for c in digest.code_counts(limit=2)))
    return (
        busiest,
        "Parties inferred: no conflict between two actors found; the two busiest actors.",
    )


def outside_actors(digest: ScopedEvents, parties: Sequence[str], *, n: int = 4) -> list[str]:
    """Non-parties with the most events that involve a party, most first."""
    if not parties:
        return []
    return [c.key for c in digest.code_counts(with_any=parties, leave_out=parties, limit=n)]


def date_span(date: EventDate) -> tuple[dt.date, dt.date] | None:
    """First day and the day after the last day the date covers."""
    if date.value is None:
        return None
    start = date.value
    if date.end is not None and date.end >= start:
        return start, date.end + dt.timedelta(days=1)
    if date.precision == "month":
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return start, nxt
    if date.precision == "year":
        return start, dt.date(start.year + 1, 1, 1)
    if date.precision == "decade":
        return start, dt.date(start.year + 10, 1, 1)
    return start, start + dt.timedelta(days=1)


def period_of(date: EventDate, freq: str) -> str | None:
    """The year ("2020") or quarter ("2020-Q3") a date falls in; None when it is too coarse."""
    return period_at(date.value, date.precision, freq)


def period_at(value: dt.date | None, precision: str | None, freq: str) -> str | None:
    """:func:`period_of` a date given by its value and precision."""
    if value is None or precision == "decade":
        return None
    if freq == "year":
        return str(value.year)
    if precision == "year":
        return None
    return f"{value.year}-Q{(value.month - 1) // 3 + 1}"


def choose_freq(dates: Iterable[DateCount]) -> str:
    """Quarters when the dated events span at most four years and few are dated only to a
    year (they would drop out), else years."""
    dated = [d for d in dates if d.value is not None and d.n]
    if not dated:
        return "year"
    years = [d.value.year for d in dated if d.value is not None]
    coarse = sum(d.n for d in dated if d.precision in {"year", "decade"})
    total = sum(d.n for d in dated)
    return "quarter" if max(years) - min(years) <= 4 and coarse <= 0.2 * total else "year"


def periods_between(first: str, last: str, freq: str) -> list[str]:
    """Every period from ``first`` to ``last`` inclusive, so gaps show as gaps."""
    if freq == "year":
        return [str(y) for y in range(int(first), int(last) + 1)]
    (y0, q0), (y1, q1) = (tuple(int(p) for p in s.split("-Q")) for s in (first, last))
    out = []
    for index in range(y0 * 4 + q0 - 1, y1 * 4 + q1):
        out.append(f"{index // 4}-Q{index % 4 + 1}")
    return out

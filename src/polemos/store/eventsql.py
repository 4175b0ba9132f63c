"""Events: the filter as SQL, the paged query, the export columns and the row converters.

Values are always bound as parameters; only fixed SQL fragments chosen from the tables
below are put into the query text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from polemos.records import Event
from polemos.store.convert import Row, date_from_row, participants_from
from polemos.store.model import EventFilter, EventRecord

FLAGGED = ("(coalesce(is_negated, false) OR coalesce(is_hypothetical, false) "
           "OR coalesce(is_attempted, false))")
ORDERS = {
    "date": "r.date_value NULLS LAST, r.doc_id, r.sentence, r.trigger_start, r.event_id",
    "newest": "r.date_value DESC NULLS LAST, r.doc_id, r.sentence, r.trigger_start, r.event_id",
    "goldstein": "r.goldstein, r.date_value NULLS LAST, r.event_id",
    "document": "r.doc_id, r.sentence, r.trigger_start, r.event_id",
}
PARTICIPANT = ('[{"code": "VARCHAR", "sector": "VARCHAR", "person": "VARCHAR", '
               '"text": "VARCHAR", "start": "INTEGER", "end": "INTEGER"}]')
EXPORT_COLUMNS = (
    "r.merged_key AS merged_id, r.event_id, r.n_reports, r.doc_id, d.url, d.title, "
    "d.published, d.source, r.sentence, r.sentence_start, r.sentence_end, r.trigger, "
    "r.trigger_start, r.trigger_end, r.date_value AS date, r.date_end, r.date_precision, "
    "r.date_basis, r.date_text, r.type, r.mode, r.contexts, r.cameo, r.goldstein, r.quad, "
    f"from_json(r.actors, '{PARTICIPANT}') AS actors, "
    f"from_json(r.recipients, '{PARTICIPANT}') AS recipients, "
    f"from_json(r.mediators, '{PARTICIPANT}') AS mediators, "
    "r.actor_codes, r.recipient_codes, r.mediator_codes, "
    "[f FOR f IN [CASE WHEN r.is_negated THEN 'negated' END, "
    "CASE WHEN r.is_hypothetical THEN 'hypothetical' END, "
    "CASE WHEN r.is_attempted THEN 'attempted' END] IF f IS NOT NULL] AS flags, "
    "coalesce(r.is_secondary, false) AS is_secondary, r.pattern, r.coder, r.confidence, "
    "r.sentence_text"
)
DOCUMENT_COLUMNS = ("d.title AS doc_title, d.url AS doc_url, d.published AS doc_published, "
                    "d.source AS doc_source")


def _start(value: int | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date(value, 1, 1)


def _end(value: int | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date(value, 12, 31)


def event_conditions(query: EventFilter) -> tuple[str, list[Any]]:
    """`` WHERE …`` (or "") and its parameters for everything but paging and merging."""
    parts: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        parts.append(sql)
        params.extend(values)

    if query.actor:
        code = query.actor.upper()
        add("(list_contains(actor_codes, ?) OR list_contains(mediator_codes, ?))", code, code)
    if query.recipient:
        add("list_contains(recipient_codes, ?)", query.recipient.upper())
    if query.involving:
        code = query.involving.upper()
        add("(list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?) "
            "OR list_contains(mediator_codes, ?))", code, code, code)
    if query.type:
        add("type = ?", query.type.upper())
    if query.cameo:
        add("starts_with(cameo, ?)", query.cameo)
    if query.since is not None:
        add("date_value >= ?", _start(query.since))
    if query.until is not None:
        add("date_value <= ?", _end(query.until))
    if query.flags == "exclude":
        parts.append(f"NOT {FLAGGED}")
    elif query.flags == "only":
        parts.append(FLAGGED)
    if query.doc_ids is not None:
        add("list_contains(?, doc_id)", sorted(query.doc_ids))
    if query.text:
        add("contains(lower(sentence_text), lower(?))", query.text)
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def _ranked(query: EventFilter) -> tuple[str, list[Any]]:
    """The filtered reports as ``r``: one per merged event when ``query.merged``."""
    where, params = event_conditions(query)
    base = f"SELECT *, coalesce(merged_id, event_id) AS merged_key FROM events{where}"
    if not query.merged:
        return f"SELECT *, 1 AS n_reports FROM ({base})", params
    sql = (f"SELECT *, count(*) OVER (PARTITION BY merged_key) AS n_reports FROM ({base}) "
           "QUALIFY row_number() OVER (PARTITION BY merged_key "
           "ORDER BY confidence DESC, event_id) = 1")
    return sql, params


def _paged(query: EventFilter, columns: str, *, with_page: bool) -> tuple[str, list[Any]]:
    ranked, params = _ranked(query)
    sql = (f"SELECT {columns} FROM ({ranked}) r JOIN documents d ON d.doc_id = r.doc_id "
           f"ORDER BY {ORDERS[query.order]}")
    if with_page and query.limit is not None:
        sql += " LIMIT ?"
        params.append(max(query.limit, 0))
    if with_page and query.offset:
        sql += " OFFSET ?"
        params.append(max(query.offset, 0))
    return sql, params


def merged_sql(query: EventFilter, columns: str = "r.*") -> tuple[str, list[Any]]:
    """The page of event rows ``query`` asks for, with their document's columns."""
    return _paged(query, f"{columns}, {DOCUMENT_COLUMNS}", with_page=True)


def export_sql(query: EventFilter) -> tuple[str, list[Any]]:
    """The same page with the export columns (see ``EXPORT_COLUMNS``)."""
    return _paged(query, EXPORT_COLUMNS, with_page=True)


def event_from_row(r: Row) -> Event:
    """An ``events`` row as the pipeline's ``Event`` record."""
    return Event(
        event_id=r["event_id"], doc_id=r["doc_id"], sentence=r["sentence"], type=r["type"],
        cameo=r["cameo"], goldstein=r["goldstein"], quad=r["quad"],
        actors=participants_from(r["actors"]), recipients=participants_from(r["recipients"]),
        mode=r["mode"], contexts=tuple(r["contexts"] or ()),
        mediators=participants_from(r["mediators"]), trigger=r["trigger"] or "",
        trigger_start=r["trigger_start"] or 0, trigger_end=r["trigger_end"] or 0,
        date=date_from_row(r),
        is_negated=bool(r["is_negated"]), is_hypothetical=bool(r["is_hypothetical"]),
        is_attempted=bool(r["is_attempted"]), sentence_text=r["sentence_text"] or "",
        sentence_start=r["sentence_start"] or 0, sentence_end=r["sentence_end"] or 0,
        pattern=r["pattern"] or "", coder=r["coder"] or "", confidence=r["confidence"] or 0.0,
        is_secondary=bool(r.get("is_secondary")),
    )


def event_record_from_row(r: Row) -> EventRecord:
    """A row of ``merged_sql`` as an event with its merged id and document."""
    return EventRecord(
        event=event_from_row(r), merged_id=r["merged_key"], n_reports=int(r["n_reports"]),
        title=r["doc_title"], url=r["doc_url"], published=r["doc_published"],
        source=r["doc_source"],
    )

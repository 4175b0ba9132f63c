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
    "date": "p.date_value NULLS LAST, p.doc_id, p.sentence, p.trigger_start, p.event_id",
    "newest": "p.date_value DESC NULLS LAST, p.doc_id, p.sentence, p.trigger_start, p.event_id",
    "goldstein": "p.goldstein, p.date_value NULLS LAST, p.event_id",
    "document": "p.doc_id, p.sentence, p.trigger_start, p.event_id",
}
# what ordering and merging read: narrow, so the window over a large store stays cheap
NARROW = ("event_id, hash(coalesce(merged_id, event_id)) AS merged_hash, confidence, "
          "date_value, doc_id, sentence, trigger_start, goldstein")
PARTICIPANT = ('[{"code": "VARCHAR", "sector": "VARCHAR", "person": "VARCHAR", '
               '"text": "VARCHAR", "start": "INTEGER", "end": "INTEGER"}]')
EXPORT_COLUMNS = (
    "coalesce(r.merged_id, r.event_id) AS merged_id, r.event_id, p.n_reports, r.doc_id, d.url, "
    "d.title, d.published, d.source, r.sentence, r.sentence_start, r.sentence_end, r.trigger, "
    "r.trigger_start, r.trigger_end, r.date_value AS date, r.date_end, r.date_precision, "
    "r.date_basis, r.date_text, r.date_reason, r.type, r.mode, r.contexts, r.cameo, "
    "r.goldstein, r.quad, "
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
        add("doc_id IN (SELECT unnest(?))", sorted(query.doc_ids))
    if query.text:
        add("contains(lower(sentence_text), lower(?))", query.text)
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


# Merging names a merged event after one of its reports (the smallest id, events/merge.py), so
# each merged event has exactly one report whose id is its merged id. All the reports of a
# merged event share its type, flags and date, so a filter on those keeps all of them or none;
# a filter on participants, documents or words can split a merged event.
CANONICAL = "coalesce(merged_id, event_id) = event_id"


def splits_merged(query: EventFilter) -> bool:
    """Whether ``query`` can keep some reports of a merged event and drop others."""
    return bool(query.actor or query.recipient or query.involving or query.doc_ids is not None
                or query.text)


def _paging(query: EventFilter, params: list[Any]) -> str:
    clause = ""
    if query.limit is not None:
        clause += " LIMIT ?"
        params.append(max(query.limit, 0))
    if query.offset:
        clause += " OFFSET ?"
        params.append(max(query.offset, 0))
    return clause


def page_sql(query: EventFilter) -> tuple[str, list[Any]]:
    """The page ``query`` asks for as narrow rows ``p`` (ids, order columns, ``n_reports``).

    Merging and ordering run on a few columns and a 64-bit hash of the merged id, so a
    page of a million-event store costs a fraction of a second; the full rows of the page
    are fetched afterwards by id. When no filter can split a merged event, the page is taken
    from the one canonical report of each merged event (no window over the store) and each
    is then replaced by the report the coder was surest of.
    """
    where, params = event_conditions(query)
    if query.merged and not splits_merged(query):
        return _canonical_page(query, where, params)
    narrow = f"SELECT {NARROW} FROM events{where}"
    if query.merged:
        ranked = (f"SELECT *, count(*) OVER (PARTITION BY merged_hash) AS n_reports "
                  f"FROM ({narrow}) QUALIFY row_number() OVER (PARTITION BY merged_hash "
                  "ORDER BY confidence DESC, event_id) = 1")
    else:
        ranked = f"SELECT *, 1 AS n_reports FROM ({narrow})"
    sql = f"SELECT * FROM ({ranked}) p ORDER BY {ORDERS[query.order]}"
    return sql + _paging(query, params), params


def _canonical_page(query: EventFilter, where: str, params: list[Any]
                    ) -> tuple[str, list[Any]]:
    condition = f"{where} AND {CANONICAL}" if where else f" WHERE {CANONICAL}"
    page = (f"SELECT * FROM (SELECT {NARROW} FROM events{condition}) p "
            f"ORDER BY {ORDERS[query.order]}{_paging(query, params)}")
    sql = (
        f"WITH page AS ({page}), "
        "reps AS (SELECT event_id, coalesce(merged_id, event_id) AS merged_key, "
        "count(*) OVER (PARTITION BY coalesce(merged_id, event_id)) AS n_reports FROM events "
        "WHERE coalesce(merged_id, event_id) IN (SELECT event_id FROM page) "
        "QUALIFY row_number() OVER (PARTITION BY coalesce(merged_id, event_id) "
        "ORDER BY confidence DESC, event_id) = 1) "
        "SELECT reps.event_id, reps.n_reports, p.date_value, p.doc_id, p.sentence, "
        "p.trigger_start, p.goldstein FROM page p JOIN reps ON reps.merged_key = p.event_id "
        f"ORDER BY {ORDERS[query.order]}")
    return sql, params


def rows_sql(event_ids: list[str]) -> tuple[str, list[Any]]:
    """The full rows of a page's events with their document's columns."""
    sql = (f"SELECT r.*, coalesce(r.merged_id, r.event_id) AS merged_key, {DOCUMENT_COLUMNS} "
           "FROM events r JOIN documents d ON d.doc_id = r.doc_id "
           "WHERE r.event_id IN (SELECT unnest(?))")
    return sql, [event_ids]


def export_sql(query: EventFilter) -> tuple[str, list[Any]]:
    """The page with the export columns (see ``EXPORT_COLUMNS``), in the page's order."""
    page, params = page_sql(query)
    sql = (f"SELECT {EXPORT_COLUMNS} FROM ({page}) p JOIN events r ON r.event_id = p.event_id "
           f"JOIN documents d ON d.doc_id = r.doc_id ORDER BY {ORDERS[query.order]}")
    return sql, params


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


def event_record_from_row(r: Row, n_reports: int) -> EventRecord:
    """A row of ``rows_sql`` as an event with its merged id and document."""
    return EventRecord(
        event=event_from_row(r), merged_id=r["merged_key"], n_reports=n_reports,
        title=r["doc_title"], url=r["doc_url"], published=r["doc_published"],
        source=r["doc_source"],
    )

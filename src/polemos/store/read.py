"""The typed read API of the store: documents, sentences, mentions, events, claims, counts.

``Store`` inherits these methods. Filtering, paging and counting run in DuckDB, so a
filtered page of events costs the same on a store of ten events as on one of a million;
nothing here loops in Python over every row of a table. Rows become records through the
converters of ``polemos.store.convert``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

import duckdb

from polemos.errors import QueryError
from polemos.records import Claim, Event, Mention
from polemos.store.convert import (
    actor_count_from_row,
    claim_from_row,
    document_from_row,
    mention_from_row,
    sentence_from_row,
    skip_from_row,
)
from polemos.store.eventsql import (
    CANONICAL,
    event_conditions,
    event_from_row,
    event_record_from_row,
    export_sql,
    page_sql,
    rows_sql,
    splits_merged,
)
from polemos.store.eventsql import DOCUMENT_COLUMNS as DOC_COLUMNS
from polemos.store.model import (
    ActorCount,
    CorpusStats,
    Count,
    Document,
    DyadCount,
    EventFilter,
    EventRecord,
    SkippedItem,
    StoredSentence,
)
from polemos.store.scoped import ScopedEvents

if TYPE_CHECKING:
    import pyarrow as pa

DOCUMENT_COLUMNS = ("doc_id, title, source, url, published, author, text_date, language, "
                    "n_sentences, status, ingested_at")
DOCUMENT_ORDERS = {
    "source": "source, ingested_at, doc_id",
    "date": "coalesce(published, text_date) NULLS LAST, title, doc_id",
    "newest": "coalesce(published, text_date) DESC NULLS LAST, title, doc_id",
    "title": "title NULLS LAST, doc_id",
}
UNFLAGGED = ("NOT (coalesce(is_negated, false) OR coalesce(is_hypothetical, false) "
             "OR coalesce(is_attempted, false))")
PERIOD_KEYS = {  # grouped on a truncated date (cheap), named afterwards
    "month": ("date_trunc('month', date_value)", "('day', 'month')"),
    "year": ("date_trunc('year', date_value)", "('day', 'month', 'year')"),
}
# counting the canonical report of each merged event (see eventsql.CANONICAL) counts merged
# events without a DISTINCT over the store, unless a filter can split a merged event
DISTINCT_MERGED = "count(DISTINCT hash(coalesce(merged_id, event_id)))"
UNFLAGGED_EVENTS = EventFilter()
EVERY_REPORT = EventFilter(flags="include")
GROUP_KEYS = {"type": "type", "quad": "CAST(quad AS VARCHAR)", "cameo": "cameo",
              "doc": "doc_id", "pattern": "pattern"}


class ReadAPI:
    """Read methods shared by every ``Store``; they only need ``con`` and ``path``."""

    con: duckdb.DuckDBPyConnection
    path: str

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read query and return its rows as dicts (for ``polemos.store`` itself)."""
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def _arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        """Run a read query and return an Arrow table, typed as DuckDB typed it."""
        cursor = self.con.cursor()  # its own result: no unfinished fetch on ``con`` can block it
        try:
            return cursor.sql(sql, params=list(params)).to_arrow_table()
        finally:
            cursor.close()

    # -- documents -------------------------------------------------------------------

    def documents(self, *, doc_ids: Collection[str] | None = None, search: str | None = None,
                  order: str = "source", limit: int | None = None, offset: int = 0,
                  with_text: bool = False, count_events: bool = False) -> list[Document]:
        """Stored documents (without their text unless ``with_text``), filtered and paged.

        ``search`` is a case-insensitive phrase of the title or the text.

        Raises:
            QueryError: an unknown ``order`` (the message lists the valid ones).
        """
        sql, params = _documents_sql(doc_ids, search, order, limit, offset,
                                     with_text=with_text, count_events=count_events)
        return [document_from_row(r) for r in self._rows(sql, params)]

    def documents_table(self, *, doc_ids: Collection[str] | None = None,
                        search: str | None = None, order: str = "source",
                        limit: int | None = None, offset: int = 0,
                        with_text: bool = False) -> pa.Table:
        """``documents(…)`` as an Arrow table, with the number of event reports of each."""
        sql, params = _documents_sql(doc_ids, search, order, limit, offset,
                                     with_text=with_text, count_events=True)
        return self._arrow(sql, params)

    def count_documents(self, *, doc_ids: Collection[str] | None = None,
                        search: str | None = None) -> int:
        where, params = _document_where(doc_ids, search)
        return self._scalar(f"SELECT count(*) FROM documents d{where}", params)

    def document_totals(self, doc_ids: Collection[str] | None = None) -> tuple[int, int]:
        """(documents, sentences) among these documents (all when None)."""
        where, params = _document_where(doc_ids, None)
        row = self.con.execute(f"SELECT count(*), sum(n_sentences) FROM documents d{where}",
                               params).fetchall()[0]
        return int(row[0]), int(row[1] or 0)

    def document_ids_matching(self, search: str) -> tuple[str, ...]:
        """Ids of the documents whose title or text contains ``search`` (any case), in id
        order."""
        where, params = _document_where(None, search)
        return tuple(r[0] for r in self.con.execute(
            f"SELECT doc_id FROM documents d{where} ORDER BY doc_id", params).fetchall())

    def document(self, doc_id: str) -> Document | None:
        """The document with this exact id, with its text; None when there is none."""
        rows = self._rows(f"SELECT {DOCUMENT_COLUMNS}, text FROM documents WHERE doc_id = ?",
                         [doc_id])
        return document_from_row(rows[0]) if rows else None

    def find_document(self, prefix: str) -> Document:
        """The document whose id is or starts with ``prefix``, with its text.

        Raises:
            QueryError: no such document, or the prefix fits several.
        """
        wanted = prefix.strip().lower()
        rows = self._rows(f"SELECT {DOCUMENT_COLUMNS}, text FROM documents "
                         "WHERE starts_with(doc_id, ?) ORDER BY doc_id LIMIT 6", [wanted])
        if not rows:
            raise QueryError(f"no document with id {prefix!r} in {self.path}. "
                             f"List the ids with: polemos docs --db {self.path}")
        if len(rows) > 1 and rows[0]["doc_id"] != wanted:
            ids = ", ".join(r["doc_id"] for r in rows[:5])
            raise QueryError(f"the id prefix {prefix!r} fits several documents ({ids} …). "
                             "Give more characters.")
        return document_from_row(rows[0])

    def skipped(self) -> list[SkippedItem]:
        """Items kept out of the store, one per item and reason, in the order first seen."""
        return [skip_from_row(r) for r in self._rows(
            "SELECT item, any_value(stage) AS stage, reason, doc_id, any_value(title) AS title, "
            "min(skipped_at) AS skipped_at FROM skips GROUP BY doc_id, item, reason "
            "ORDER BY min(skipped_at), item")]

    # -- sentences and mentions ---------------------------------------------------------

    def sentences(self, doc_ids: Collection[str], *, indexes: Collection[int] | None = None,
                  with_text: bool = True) -> list[StoredSentence]:
        """The sentences of these documents (only ``indexes`` when given), in text order;
        without ``with_text`` their text is "" (slice it from the document's)."""
        where = "doc_id IN (SELECT unnest(?))"
        params: list[Any] = [sorted(doc_ids)]
        if indexes is not None:
            where += " AND idx IN (SELECT unnest(?))"
            params.append(sorted(indexes))
        text = "text" if with_text else "'' AS text"
        return [sentence_from_row(r) for r in self._rows(
            f"SELECT doc_id, idx, start_char, end_char, {text}, date_value, date_end, "
            f"date_precision, date_basis, date_reason FROM sentences WHERE {where} "
            "ORDER BY doc_id, idx",
            params)]

    def mentions(self, *, doc_ids: Collection[str] | None = None, doc_prefix: str | None = None,
                 codes: Collection[str] | None = None, resolved: bool | None = None,
                 limit: int | None = None, offset: int = 0) -> list[Mention]:
        """Actor mentions in text order, narrowed by document, code and resolution."""
        where, params = _mention_where(doc_ids, doc_prefix, codes, resolved)
        return [mention_from_row(r) for r in self._rows(
            f"SELECT * FROM mentions{where} ORDER BY doc_id, start_char, end_char"
            f"{_page(limit, offset, params)}", params)]

    def mentions_table(self, *, doc_ids: Collection[str] | None = None,
                       doc_prefix: str | None = None, codes: Collection[str] | None = None,
                       resolved: bool | None = None) -> pa.Table:
        where, params = _mention_where(doc_ids, doc_prefix, codes, resolved)
        return self._arrow("SELECT doc_id, sentence, start_char, end_char, text, code, sector, "
                          f"person, kind, confidence, members, rule FROM mentions{where} "
                          "ORDER BY doc_id, start_char, end_char", params)

    def actor_counts(self, *, limit: int | None = None, offset: int = 0,
                     codes: Collection[str] | None = None,
                     with_documents: bool = True) -> list[ActorCount]:
        """Resolved actors (code, sector, person) with mention and document counts, most first.

        With a ``limit`` the documents are counted for that page only, and not at all
        without ``with_documents`` (counting distinct documents is what costs on a large
        store).
        """
        where = "code IS NOT NULL"
        params: list[Any] = []
        if codes is not None:
            where += " AND code IN (SELECT unnest(?))"
            params.append(sorted(codes))
        order = "ORDER BY n_mentions DESC, code, sector NULLS FIRST, person NULLS FIRST"
        if limit is None:
            return [actor_count_from_row(r) for r in self._rows(
                "SELECT code, kind, sector, person, count(*) AS n_mentions, "
                f"count(DISTINCT doc_id) AS n_documents FROM mentions WHERE {where} "
                f"GROUP BY code, kind, sector, person {order}{_page(None, offset, params)}",
                params)]
        page = self._rows(
            f"SELECT code, kind, sector, person, count(*) AS n_mentions FROM mentions "
            f"WHERE {where} GROUP BY code, kind, sector, person {order}"
            f"{_page(limit, offset, params)}", params)
        if not with_documents:
            return [actor_count_from_row(r) for r in page]
        docs = {(r[0], r[1], r[2], r[3]): r[4] for r in self.con.execute(
            "SELECT code, kind, sector, person, count(DISTINCT doc_id) FROM mentions "
            "WHERE code IN (SELECT unnest(?)) GROUP BY code, kind, sector, person",
            [sorted({r["code"] for r in page})]).fetchall()}
        return [actor_count_from_row({**r, "n_documents": docs.get(
            (r["code"], r["kind"], r["sector"], r["person"]), 0)}) for r in page]

    def mention_names(self, codes: Collection[str]) -> dict[str, str]:
        """A readable name per code from the texts: the commonest name a KB entry matched
        (not a person's), else the commonest mention; codes never mentioned are left out."""
        wanted = sorted(set(codes))
        if not wanted:
            return {}
        rows = self._rows(
            "SELECT code, text FROM (SELECT code, text, count(*) AS n, "
            "max(CASE WHEN rule = 'kb' THEN 1 ELSE 0 END) AS is_kb, "
            "max(CASE WHEN person IS NULL THEN 1 ELSE 0 END) AS is_name FROM mentions "
            "WHERE code IN (SELECT unnest(?)) GROUP BY code, text) "
            "QUALIFY row_number() OVER (PARTITION BY code "
            "ORDER BY is_name DESC, is_kb DESC, n DESC, text) = 1", [wanted])
        return {r["code"]: r["text"] for r in rows}

    # -- events -----------------------------------------------------------------------

    def events(self, query: EventFilter = UNFLAGGED_EVENTS) -> list[EventRecord]:
        """Events that pass ``query``, with their document and merged event, paged in DuckDB."""
        sql, args = page_sql(query)
        page = [(r["event_id"], int(r["n_reports"])) for r in self._rows(sql, args)]
        if not page:
            return []
        full = {r["event_id"]: r for r in self._rows(*rows_sql([i for i, _ in page]))}
        return [event_record_from_row(full[i], n) for i, n in page]

    def event_reports(self, doc_ids: Collection[str] | None = None) -> list[Event]:
        """Every stored report of these documents (of all when None), flagged ones too, as
        the pipeline's ``Event``, in date order (undated last)."""
        where, params = ("", []) if doc_ids is None else (
            " WHERE doc_id IN (SELECT unnest(?))", [sorted(doc_ids)])
        return [event_from_row(r) for r in self._rows(
            f"SELECT * FROM events{where} ORDER BY date_value NULLS LAST, doc_id, sentence, "
            "trigger_start, event_id", params)]

    def count_events(self, query: EventFilter = UNFLAGGED_EVENTS) -> int:
        """How many records ``events(query)`` gives without its limit and offset."""
        where, params = event_conditions(query)
        if not query.merged:
            return self._scalar(f"SELECT count(*) FROM events{where}", params)
        if splits_merged(query):
            return self._scalar(f"SELECT {DISTINCT_MERGED} FROM events{where}", params)
        return self._scalar(f"SELECT count(*) FILTER (WHERE {CANONICAL}) FROM events{where}",
                            params)

    def events_table(self, query: EventFilter = UNFLAGGED_EVENTS) -> pa.Table:
        """``events(query)`` as an Arrow table that leads back to the source: document id,
        URL, title and date, sentence and trigger offsets, the date with its precision and
        basis, participants as lists of {code, sector, …}, flags and pattern."""
        sql, params = export_sql(query)
        return self._arrow(sql, params)

    def reports_of(self, merged_ids: Collection[str]) -> dict[str, list[EventRecord]]:
        """merged id → every report of that merged event (surest first), with documents."""
        if not merged_ids:
            return {}
        rows = self._rows(
            f"SELECT r.*, coalesce(r.merged_id, r.event_id) AS merged_key, {DOC_COLUMNS} "
            "FROM events r JOIN documents d ON d.doc_id = r.doc_id "
            "WHERE coalesce(r.merged_id, r.event_id) IN (SELECT unnest(?)) "
            "ORDER BY merged_key, r.confidence DESC, r.event_id", [sorted(merged_ids)])
        groups: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            groups.setdefault(row["merged_key"], []).append(row)
        return {key: [event_record_from_row(r, len(group)) for r in group]
                for key, group in groups.items()}

    def merged_ids(self, doc_ids: Collection[str] | None = None) -> dict[str, str]:
        """event id → the id of its merged event (its own when it stands alone)."""
        where, params = ("", []) if doc_ids is None else (
            " WHERE doc_id IN (SELECT unnest(?))", [sorted(doc_ids)])
        return {r[0]: r[1] for r in self.con.execute(
            f"SELECT event_id, coalesce(merged_id, event_id) FROM events{where}",
            params).fetchall()}

    def scoped_events(self, doc_ids: Collection[str] | None = None) -> ScopedEvents:
        """The merged events of these documents (all when None), gathered once in DuckDB for
        the report's counts; use it in a ``with`` block (it holds a cursor and a temp table)."""
        return ScopedEvents(self.con, doc_ids)

    # -- counts -------------------------------------------------------------------------

    def event_counts(self, by: str, query: EventFilter = EVERY_REPORT
                     ) -> list[Count]:
        """Events grouped by ``type``, ``quad``, ``cameo``, ``doc``, ``pattern``, ``month`` or
        ``year``: merged unflagged events, reports and flagged reports per group.

        ``month``/``year`` keep only dates at least that precise, in time order; the other
        groupings come most events first.

        Raises:
            QueryError: an unknown grouping.
        """
        key, extra, order = _group_key(by)
        where, params = event_conditions(query)
        where = f"{where} AND {extra}" if where and extra else where or (
            f" WHERE {extra}" if extra else "")
        merged = (f"{DISTINCT_MERGED} FILTER (WHERE {UNFLAGGED})" if splits_merged(query)
                  else f"count(*) FILTER (WHERE {UNFLAGGED} AND {CANONICAL})")
        rows = self.con.execute(
            f"SELECT {key} AS k, {merged} AS n_events, count(*) AS n_reports, "
            f"count(*) FILTER (WHERE NOT {UNFLAGGED}) AS n_flagged FROM events{where} "
            f"GROUP BY k ORDER BY {order}", params).fetchall()
        return [Count(_key_name(k, by), int(e), int(r), int(f)) for k, e, r, f in rows]

    def dyad_counts(self, query: EventFilter = UNFLAGGED_EVENTS, *,
                    limit: int | None = 50) -> list[DyadCount]:
        """Directed actor → recipient pairs with their merged events, busiest first."""
        where, params = event_conditions(query)
        rows = self.con.execute(
            "SELECT a, r, count(DISTINCT k) AS n, avg(g) FROM (SELECT k, a, unnest(rc) AS r, g "
            "FROM (SELECT hash(coalesce(merged_id, event_id)) AS k, unnest(actor_codes) AS a, "
            f"recipient_codes AS rc, goldstein AS g FROM events{where})) WHERE a <> r "
            "GROUP BY a, r ORDER BY n DESC, a, r" + _page(limit, 0, params), params).fetchall()
        return [DyadCount(a, r, int(n), float(g or 0.0)) for a, r, n, g in rows]

    def stats(self) -> CorpusStats:
        """Counts of everything the store holds, in one query."""
        row = self.con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), "
            "(SELECT count(*) FROM mentions), "
            "(SELECT count(*) FROM mentions WHERE code IS NOT NULL), "
            f"(SELECT count(*) FROM events WHERE {CANONICAL}), "
            f"(SELECT count(*) FROM events), (SELECT count(*) FROM events WHERE NOT {UNFLAGGED}), "
            "(SELECT count(*) FROM events WHERE date_value IS NULL), "
            "(SELECT count(*) FROM claims), "
            "(SELECT count(DISTINCT (item, reason)) FROM skips), "
            "(SELECT min(date_value) FROM events), (SELECT max(date_value) FROM events)"
        ).fetchall()[0]  # an aggregate without GROUP BY always gives one row
        n = [int(v) for v in row[:10]]
        return CorpusStats(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9],
                           first=row[10], last=row[11])

    # -- claims ----------------------------------------------------------------------------

    def claims(self, *, doc_ids: Collection[str] | None = None, holder: str | None = None,
               limit: int | None = None) -> list[Claim]:
        """Claims in text order, narrowed by document and holder."""
        parts: list[str] = []
        args: list[Any] = []
        if doc_ids is not None:
            parts.append("doc_id IN (SELECT unnest(?))")
            args.append(sorted(doc_ids))
        if holder is not None:
            parts.append("holder = ?")
            args.append(holder)
        sql = "SELECT * FROM claims" + (" WHERE " + " AND ".join(parts) if parts else "")
        sql += " ORDER BY doc_id, sentence" + _page(limit, 0, args)
        return [claim_from_row(r) for r in self._rows(sql, args)]

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> int:
        rows = self.con.execute(sql, list(params)).fetchall()
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def _order(order: str) -> str:
    if order not in DOCUMENT_ORDERS:
        raise QueryError(f"unknown document order {order!r}. Use one of: "
                         f"{', '.join(DOCUMENT_ORDERS)}.")
    return DOCUMENT_ORDERS[order]


def _page(limit: int | None, offset: int, params: list[Any]) -> str:
    """A LIMIT/OFFSET clause; its values go into ``params``."""
    clause = ""
    if limit is not None:
        clause += " LIMIT ?"
        params.append(max(limit, 0))
    if offset:
        clause += " OFFSET ?"
        params.append(max(offset, 0))
    return clause


def _documents_sql(doc_ids: Collection[str] | None, search: str | None, order: str,
                   limit: int | None, offset: int, *, with_text: bool, count_events: bool
                   ) -> tuple[str, list[Any]]:
    where, params = _document_where(doc_ids, search)
    columns = DOCUMENT_COLUMNS + (", text" if with_text else "")
    if count_events:
        columns += ", (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS n_events"
    sql = (f"SELECT {columns} FROM documents d{where} ORDER BY {_order(order)}"
           f"{_page(limit, offset, params)}")
    return sql, params


def _document_where(doc_ids: Collection[str] | None, search: str | None
                    ) -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    if doc_ids is not None:
        parts.append("doc_id IN (SELECT unnest(?))")
        params.append(sorted(doc_ids))
    if search:
        parts.append("(contains(lower(coalesce(title, '')), lower(?)) "
                     "OR contains(lower(text), lower(?)))")
        params += [search, search]
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def _mention_where(doc_ids: Collection[str] | None, doc_prefix: str | None,
                   codes: Collection[str] | None, resolved: bool | None
                   ) -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    if doc_ids is not None:
        parts.append("doc_id IN (SELECT unnest(?))")
        params.append(sorted(doc_ids))
    if doc_prefix:
        parts.append("starts_with(doc_id, ?)")
        params.append(doc_prefix.strip().lower())
    if codes is not None:
        parts.append("code IN (SELECT unnest(?))")
        params.append(sorted(codes))
    if resolved is not None:
        parts.append("code IS NOT NULL" if resolved else "code IS NULL")
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def _key_name(key: object, by: str) -> str:
    if isinstance(key, dt.date):
        return key.strftime("%Y-%m") if by == "month" else str(key.year)
    return str(key)


def _group_key(by: str) -> tuple[str, str, str]:
    """(SQL key, extra condition, order) of an event grouping."""
    if by in PERIOD_KEYS:
        key, precisions = PERIOD_KEYS[by]
        return key, f"date_precision IN {precisions}", "k"
    if by in GROUP_KEYS:
        return GROUP_KEYS[by], "", "n_events DESC, n_reports DESC, k"
    raise QueryError(f"cannot count events by {by!r}. Use one of: "
                     f"{', '.join([*GROUP_KEYS, *PERIOD_KEYS])}.")

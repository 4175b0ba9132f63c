"""The merged events of a scope, summed up in DuckDB: what the report's charts count.

``ScopedEvents`` gathers, once, one row per merged event of a scope (flagged reports left
out) into a temporary table of its own cursor, so the table is private to it (a web
request, a report) and goes away when it is closed. Each merged event takes the type,
document and Goldstein score of its first report in date order, the participants of all
its reports and the most precise date any of them gives: the same rules as
``polemos.report.data.distinct``. Every method returns a few small records, whatever the
size of the store; only ``merged_rows`` returns rows, for the merged events it is given.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

import duckdb

from polemos.store.eventsql import FLAGGED

REPORT_ORDER = "date_value NULLS LAST, doc_id, sentence, trigger_start, event_id"
# most precise first; ties go to the earlier report (positions stay below 2**40)
PRECISION_RANK = ("CASE date_precision WHEN 'day' THEN 0 WHEN 'month' THEN 1 "
                  "WHEN 'year' THEN 2 WHEN 'decade' THEN 3 ELSE 4 END * 1099511627776 + pos")
COUNTED = {"type": "type", "quad": "quad"}
_serial = itertools.count()


@dataclass(frozen=True, slots=True)
class ScopeTotals:
    """Reports and merged events of a scope."""

    n_reports: int  # every report, flagged ones too
    n_flagged: int
    n_events: int  # merged events with at least one unflagged report
    n_undated: int  # of those, how many no report dates
    first: dt.date | None
    last: dt.date | None


@dataclass(frozen=True, slots=True)
class KeyCount:
    """A group (a type, a quad class, an actor code) and its merged events."""

    key: str
    n: int


@dataclass(frozen=True, slots=True)
class DateCount:
    """Merged events that share a date value and precision (value None: undated)."""

    value: dt.date | None
    precision: str | None
    n: int


@dataclass(frozen=True, slots=True)
class ActorCell:
    """The merged events of one actor (as actor or recipient) on one date and quad class."""

    code: str
    value: dt.date | None
    precision: str | None
    quad: int
    n: int
    coop: float  # summed positive Goldstein scores
    conflict: float  # summed negative Goldstein scores


@dataclass(frozen=True, slots=True)
class PairWeight:
    """An unordered pair of actors (``a`` < ``b``): merged events and summed Goldstein."""

    a: str
    b: str
    n: int
    weight: float


@dataclass(frozen=True, slots=True)
class Involvement:
    """An actor's merged events that involve a party, in figures."""

    n: int
    by_party: tuple[tuple[str, int, float], ...]  # party, events, mean Goldstein
    types: tuple[tuple[str, int], ...]  # most frequent first
    dated_keys: tuple[str, ...]  # the first dated ones, in date order


class ScopedEvents:
    """The merged events of the documents ``doc_ids`` (all when None); close it after use."""

    def __init__(self, con: duckdb.DuckDBPyConnection,
                 doc_ids: Collection[str] | None = None) -> None:
        self.doc_ids = None if doc_ids is None else sorted(doc_ids)
        self.table = f"scoped_events_{next(_serial)}"
        self._cur = con.cursor()  # its own connection: the temp table is private to it
        where, params = self._where(unflagged=True)
        self._cur.execute(
            f"CREATE TEMP TABLE {self.table} AS "
            "WITH r AS (SELECT event_id, coalesce(merged_id, event_id) AS key, doc_id, type, "
            "quad, goldstein, actor_codes, recipient_codes, mediator_codes, date_value, "
            f"date_precision, row_number() OVER (ORDER BY {REPORT_ORDER}) AS pos "
            f"FROM events{where}) "
            "SELECT key, count(*) AS n_reports, min(pos) AS pos, "
            "arg_min(event_id, pos) AS first_id, arg_min(doc_id, pos) AS doc_id, "
            "arg_min(type, pos) AS type, arg_min(quad, pos) AS quad, "
            "arg_min(goldstein, pos) AS goldstein, "
            "list_distinct(flatten(list(actor_codes))) AS actors, "
            "list_distinct(flatten(list(recipient_codes))) AS recipients, "
            "list_distinct(flatten(list(mediator_codes))) AS mediators, "
            f"arg_min(event_id, {PRECISION_RANK}) FILTER (WHERE date_value IS NOT NULL) "
            "AS date_id, "
            f"arg_min(date_value, {PRECISION_RANK}) FILTER (WHERE date_value IS NOT NULL) "
            "AS date_value, "
            f"arg_min(date_precision, {PRECISION_RANK}) FILTER (WHERE date_value IS NOT NULL) "
            "AS date_precision FROM r GROUP BY key", params)

    def _where(self, *, unflagged: bool, alias: str = "") -> tuple[str, list[Any]]:
        parts, params = [], []
        if unflagged:
            parts.append(f"NOT {FLAGGED}")
        if self.doc_ids is not None:
            parts.append(f"{alias}doc_id IN (SELECT unnest(?))")
            params.append(self.doc_ids)
        return (" WHERE " + " AND ".join(parts) if parts else ""), params

    def close(self) -> None:
        self._cur.close()  # drops the temp table with the connection

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._cur.execute(sql, list(params)).fetchall()

    # -- totals and counts --------------------------------------------------------------

    def totals(self) -> ScopeTotals:
        where, params = self._where(unflagged=False)
        reports, flagged = self._all(
            f"SELECT count(*), count(*) FILTER (WHERE {FLAGGED}) FROM events{where}",
            params)[0]
        events, undated, first, last = self._all(
            "SELECT count(*), count(*) FILTER (WHERE date_value IS NULL), min(date_value), "
            f"max(date_value) FROM {self.table}")[0]
        return ScopeTotals(int(reports), int(flagged or 0), int(events), int(undated or 0),
                           first, last)

    def counts(self, by: str) -> list[KeyCount]:
        """Merged events per ``type`` (most first, ties in order of first report) or per
        ``quad`` (in quad order)."""
        column = COUNTED[by]
        order = "k" if by == "quad" else "n DESC, min(pos)"
        return [KeyCount(str(k), int(n)) for k, n in self._all(
            f"SELECT {column} AS k, count(*) AS n FROM {self.table} GROUP BY k ORDER BY {order}")]

    def codes(self) -> tuple[str, ...]:
        """Every actor code of the scope's reports, flagged ones too, sorted."""
        where, params = self._where(unflagged=False)
        flagged = f"{where} AND {FLAGGED}" if where else f" WHERE {FLAGGED}"
        return tuple(r[0] for r in self._all(
            "SELECT DISTINCT c FROM (SELECT unnest(list_concat(actors, recipients, mediators)) "
            f"AS c FROM {self.table} UNION ALL SELECT unnest(list_concat(actor_codes, "
            f"recipient_codes, mediator_codes)) FROM events{flagged}) WHERE c IS NOT NULL "
            "ORDER BY c", params))

    def events_per_document(self, doc_ids: Collection[str]) -> dict[str, int]:
        """Merged events per document (of its first report), for these documents."""
        return {d: int(n) for d, n in self._all(
            f"SELECT doc_id, count(*) FROM {self.table} WHERE doc_id IN (SELECT unnest(?)) "
            "GROUP BY doc_id", [sorted(doc_ids)])}

    # -- actors -------------------------------------------------------------------------

    def conflict_pair(self) -> PairWeight | None:
        """The pair with the most intense conflict between them: summed |Goldstein| (1 when
        0) of quad 3–4 events over every actor–recipient combination; ties to the larger
        pair."""
        rows = self._all(
            "SELECT least(a, r) AS x, greatest(a, r) AS y, count(*), "
            "sum(CASE WHEN g = 0 THEN 1.0 ELSE abs(g) END) AS w FROM (SELECT a, unnest(rc) AS r, "
            f"g FROM (SELECT unnest(actors) AS a, recipients AS rc, goldstein AS g "
            f"FROM {self.table} WHERE quad >= 3)) WHERE a <> r "
            "GROUP BY x, y ORDER BY w DESC, x DESC, y DESC LIMIT 1")
        return PairWeight(rows[0][0], rows[0][1], int(rows[0][2]), float(rows[0][3])) if rows \
            else None

    def code_counts(self, *, with_any: Collection[str] = (), leave_out: Collection[str] = (),
                    limit: int | None = None) -> list[KeyCount]:
        """Merged events per actor code (any role), most first then by code; only events
        that involve one of ``with_any`` when given, not counting the codes ``leave_out``."""
        where: list[str] = ["c IS NOT NULL"]
        params: list[Any] = []
        if with_any:
            where.append("list_has_any(codes, ?)")
            params.append(sorted(set(with_any)))
        if leave_out:
            where.append("NOT list_contains(?, c)")
            params.append(sorted(set(leave_out)))
        sql = (f"SELECT c, count(*) AS n FROM (SELECT codes, unnest(codes) AS c FROM "
               f"(SELECT list_distinct(list_concat(actors, recipients, mediators)) AS codes "
               f"FROM {self.table})) WHERE {' AND '.join(where)} GROUP BY c ORDER BY n DESC, c")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [KeyCount(c, int(n)) for c, n in self._all(sql, params)]

    def pairs(self) -> list[PairWeight]:
        """Unordered actor–recipient pairs: merged events between them and their summed
        Goldstein score, by pair."""
        return [PairWeight(a, b, int(n), float(g)) for a, b, n, g in self._all(
            "SELECT x, y, count(*), sum(g) FROM (SELECT DISTINCT key, least(a, r) AS x, "
            "greatest(a, r) AS y, g FROM (SELECT key, a, unnest(rc) AS r, g FROM (SELECT key, "
            f"unnest(actors) AS a, recipients AS rc, goldstein AS g FROM {self.table})) "
            "WHERE a <> r) GROUP BY x, y ORDER BY x, y")]

    def involvement(self, actors: Sequence[str], parties: Sequence[str], *,
                    n_dated: int = 8) -> dict[str, Involvement]:
        """Per actor, its merged events with a party (each in any role)."""
        if not actors or not parties:
            return {a: Involvement(0, (), (), ()) for a in actors}
        base = (f"SELECT *, list_distinct(list_concat(actors, recipients, mediators)) AS codes "
                f"FROM {self.table} WHERE list_has_any(list_concat(actors, recipients, "
                "mediators), ?)")
        mine = (f"SELECT * FROM (SELECT *, unnest(codes) AS who FROM ({base})) "
                "WHERE list_contains(?, who)")
        params: list[Any] = [sorted(set(parties)), sorted(set(actors))]
        per_party = ", ".join("count(*) FILTER (WHERE list_contains(codes, ?)), "
                              "sum(goldstein) FILTER (WHERE list_contains(codes, ?))"
                              for _ in parties)
        rows = self._all(f"SELECT who, type, count(*), min(pos), {per_party} FROM ({mine}) "
                         "GROUP BY who, type", [*[p for p in parties for _ in (0, 1)], *params])
        dated: dict[str, list[str]] = {}
        for who, key in self._all(
                f"SELECT who, key FROM ({mine}) WHERE date_value IS NOT NULL QUALIFY "
                "row_number() OVER (PARTITION BY who ORDER BY pos) <= ? ORDER BY who, pos",
                [*params, n_dated]):
            dated.setdefault(who, []).append(key)
        out = {}
        for actor in actors:
            theirs = [r for r in rows if r[0] == actor]
            by_party = []
            for i, party in enumerate(parties):
                n = sum(int(r[4 + 2 * i]) for r in theirs)
                if n:
                    total = sum(float(r[5 + 2 * i] or 0.0) for r in theirs)
                    by_party.append((party, n, total / n))
            types = sorted(theirs, key=lambda r: (-int(r[2]), int(r[3])))[:5]
            out[actor] = Involvement(sum(int(r[2]) for r in theirs), tuple(by_party),
                                     tuple((r[1], int(r[2])) for r in types),
                                     tuple(dated.get(actor, ())))
        return out

    # -- dates --------------------------------------------------------------------------

    def dates(self, *, involving: Collection[str] | None = None) -> list[DateCount]:
        """Merged events per date value and precision (undated ones under None), of those
        with one of ``involving`` as actor or recipient when given."""
        where = ""
        params: list[Any] = []
        if involving is not None:
            where = " WHERE list_has_any(list_concat(actors, recipients), ?)"
            params.append(sorted(set(involving)))
        return [DateCount(v, p, int(n)) for v, p, n in self._all(
            f"SELECT date_value, date_precision, count(*) FROM {self.table}{where} "
            "GROUP BY ALL ORDER BY date_value NULLS LAST, date_precision NULLS LAST", params)]

    def actor_cells(self, codes: Collection[str]) -> list[ActorCell]:
        """Per code (as actor or recipient), date, precision and quad class: merged events and
        their summed positive and negative Goldstein scores."""
        if not codes:
            return []
        return [ActorCell(c, v, p, int(q), int(n), float(pos or 0.0), float(neg or 0.0))
                for c, v, p, q, n, pos, neg in self._all(
            "SELECT c, date_value, date_precision, quad, count(*), "
            "sum(goldstein) FILTER (WHERE goldstein > 0), "
            "sum(goldstein) FILTER (WHERE goldstein < 0) FROM (SELECT *, "
            "unnest(list_distinct(list_concat(actors, recipients))) AS c "
            f"FROM {self.table}) WHERE list_contains(?, c) GROUP BY ALL "
            "ORDER BY c, date_value NULLS LAST, date_precision NULLS LAST, quad",
            [sorted(set(codes))])]

    # -- events -------------------------------------------------------------------------

    def top_keys(self, *, limit: int, quads: Collection[int] = (1, 2, 3, 4)
                 ) -> tuple[list[str], int]:
        """The ``limit`` most reported dated merged events of these quad classes (ties: the
        earlier first) in date order, and how many such events there are."""
        params = [sorted(set(quads))]
        where = " WHERE date_value IS NOT NULL AND list_contains(?, quad)"
        total = int(self._all(f"SELECT count(*) FROM {self.table}{where}", params)[0][0])
        keys = [r[0] for r in self._all(
            f"SELECT key FROM (SELECT key, pos FROM {self.table}{where} "
            "ORDER BY n_reports DESC, date_value, pos LIMIT ?) ORDER BY pos", [*params, limit])]
        return keys, total

    def merged_rows(self, keys: Collection[str]) -> list[dict[str, Any]]:
        """One row per merged event of ``keys``: the columns of ``Store.events_table`` the
        report reads, from its first report in date order, with the date of its most precise
        report; the participant codes are the first report's, then (sorted) those that only
        other reports name."""
        wanted = sorted(set(keys))
        if not wanted:
            return []
        roles = ("actor_codes", "recipient_codes", "mediator_codes")
        ids = self._all(f"SELECT key, first_id, date_id, actors, recipients, mediators "
                        f"FROM {self.table} WHERE key IN (SELECT unnest(?))", [wanted])
        # lookups by id, each a selective scan (one joined query would scan far more)
        first = self._dicts(
            "SELECT event_id, doc_id, type, cameo, goldstein, quad, sentence_text, trigger, "
            f"trigger_start, trigger_end, sentence_start, {', '.join(roles)} FROM events "
            "WHERE event_id IN (SELECT unnest(?))", [[r[1] for r in ids]])
        dates = self._dicts(
            "SELECT event_id AS date_id, date_value AS date, date_end, date_precision, date_basis, "
            "date_text FROM events WHERE event_id IN (SELECT unnest(?))",
            [[r[2] for r in ids if r[2] is not None]])
        no_date = dict.fromkeys(("date", "date_end", "date_precision", "date_basis",
                                 "date_text"))
        rows = []
        for key, first_id, date_id, *union in ids:
            date = {k: v for k, v in dates.get(date_id or "", no_date).items() if k != "date_id"}
            row = {**first[first_id], **date, "merged_id": key, "flags": []}
            for role, codes in zip(roles, union, strict=True):
                row[role] = list(dict.fromkeys([*(row[role] or ()), *sorted(codes or ())]))
            rows.append(row)
        return rows

    def _dicts(self, sql: str, params: Sequence[Any]) -> dict[str, dict[str, Any]]:
        """Rows by their first column."""
        cur = self._cur.execute(sql, list(params))
        names = [d[0] for d in cur.description or []]
        return {row[0]: dict(zip(names, row, strict=True)) for row in cur.fetchall()}


__all__ = ["ActorCell", "DateCount", "Involvement", "KeyCount", "PairWeight", "ScopeTotals",
           "ScopedEvents"]

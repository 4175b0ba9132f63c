"""The DuckDB store: the only module that writes.

Documents are written whole or not at all: every ``add`` runs in one transaction,
so Ctrl-C or kill -9 never leaves half a document, and a re-run resumes.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from contextlib import suppress
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

import duckdb

from polemos.errors import SchemaVersionError, StoreError
from polemos.records import Claim, Event, EventDate, Participant, Result, Skip, codes_of
from polemos.sanitize import inert_line
from polemos.store.convert import claim_from_row, date_from_row, participants_to_json
from polemos.store.eventsql import event_from_row
from polemos.store.faults import connect, describe_fault, foreign_tables, is_known_fault
from polemos.store.merging import merge_new_events
from polemos.store.read import ReadAPI
from polemos.store.signals import SignalsAPI

if TYPE_CHECKING:  # imported where used: reading a store's counts needs no Arrow
    import pyarrow as pa

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 2


def _schema_sql() -> str:
    return resources.files("polemos.store").joinpath("schema.sql").read_text(encoding="utf-8")


class Store(ReadAPI, SignalsAPI):
    """A Polemos database. Open it with ``Store.open(path)``; ``":memory:"`` works in tests.

    The read methods (``documents``, ``events``, ``event_counts`` …) come from ``ReadAPI``,
    the document-ranking aggregates of the positions layer from ``SignalsAPI``.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path

    @classmethod
    def open(cls, path: str | Path = "polemos.duckdb", *, read_only: bool = False) -> Store:
        """Open (and create when needed) the database at ``path``.

        DuckDB never autoloads or downloads an extension here. Opening for writing also
        finishes the merging of events a stopped run left unmerged, so every command that
        reads afterwards sees merged events.

        Raises:
            StoreError: the file cannot be used, with the reason in one line: missing,
                locked by another process, damaged, read-only, not DuckDB (SQLite, other),
                or a DuckDB database that is not a Polemos one.
            SchemaVersionError: the file was written by another schema version.
        """
        name = str(path)
        con = connect(name, read_only=read_only)
        store = cls(con, name)
        try:
            store._check_schema(read_only=read_only)
            if not read_only:
                merge_new_events(con)
        except duckdb.Error as err:
            store._close_quietly()
            raise StoreError(describe_fault(err, name, action="open")) from err
        except BaseException:
            store._close_quietly()
            raise
        return store

    def _check_schema(self, *, read_only: bool) -> None:
        tables = foreign_tables(self.con)
        if "schema_version" not in tables:
            if tables:
                shown = ", ".join(tables[:6]) + (" …" if len(tables) > 6 else "")
                raise StoreError(
                    f"{inert_line(self.path)} is a DuckDB database but not a Polemos one (it "
                    f"holds {inert_line(shown)} and no schema_version table); Polemos adds "
                    "nothing to it. Give a new file name with --db."
                )
            if read_only:
                raise StoreError(f"{inert_line(self.path)}: an empty DuckDB database, not a "
                                 "Polemos one yet. Run `polemos ingest SOURCE --db FILE` first.")
            self._create_schema()
            return
        [(version,)] = self.con.execute("SELECT max(version) FROM schema_version").fetchall()
        if version != SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{inert_line(self.path)} has schema version {version}; this version of "
                f"polemos expects {SCHEMA_VERSION}. Re-ingest into a new --db file."
            )

    def _create_schema(self) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute(_schema_sql())
            self.con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
            self.con.execute("COMMIT")
        except BaseException:
            self._rollback_quietly()
            raise

    def _rollback_quietly(self) -> None:
        """Roll back after a failed write; a rollback that fails too (the disk is full, the
        connection is gone) must not hide the first error."""
        with suppress(duckdb.Error):
            self.con.execute("ROLLBACK")

    def _close_quietly(self) -> None:
        with suppress(duckdb.Error):
            self.con.close()

    def close(self) -> None:
        """Close the database (DuckDB writes its checkpoint here).

        Raises:
            StoreError: the checkpoint cannot be written (disk full, file system gone).
        """
        try:
            self.con.close()
        except duckdb.Error as err:
            raise StoreError(describe_fault(err, self.path, action="close")) from err

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        if exc_type is not None:
            self._close_quietly()  # the error that ended the block is the one to report
        else:
            self.close()

    # -- reading -------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return row is not None

    def document_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT doc_id FROM documents").fetchall()}

    def events_for_merging(self) -> list[Event]:
        """Every event with only what merging reads (type, flags, codes, date).

        Light on purpose: merging runs over the whole store after each ingest, so it must
        not hold every sentence and participant span of a large corpus in memory.
        """
        cur = self.con.execute(
            "SELECT event_id, doc_id, sentence, type, cameo, actor_codes, recipient_codes, "
            "is_negated, is_hypothetical, is_attempted, date_value, date_end, date_precision "
            "FROM events"
        )
        return [
            Event(
                event_id=r[0], doc_id=r[1], sentence=r[2], type=r[3], cameo=r[4], goldstein=0.0,
                quad=0, actors=tuple(Participant(c, None, "", 0, 0) for c in r[5] or ()),
                recipients=tuple(Participant(c, None, "", 0, 0) for c in r[6] or ()),
                is_negated=bool(r[7]), is_hypothetical=bool(r[8]), is_attempted=bool(r[9]),
                date=date_from_row({"date_value": r[10], "date_end": r[11],
                                    "date_precision": r[12]}),
            )
            for r in cur.fetchall()
        ]

    # -- writing -------------------------------------------------------------------

    def add(self, results: Iterable[Result]) -> list[str]:
        """Store whole documents in one transaction; returns the ids actually written.

        Documents already stored are left untouched (re-runs are idempotent).
        """
        fresh: list[Result] = []
        seen: set[str] = set()
        for result in results:
            doc_id = result.article.doc_id
            if doc_id in seen or self.has_document(doc_id):
                continue
            seen.add(doc_id)
            fresh.append(result)
        if not fresh:
            return []
        tables = _result_tables(fresh)
        try:
            self.con.execute("BEGIN TRANSACTION")
            for name, table in tables.items():
                if table.num_rows:
                    self.con.register("_incoming", table)
                    cols = ", ".join(table.column_names)
                    self.con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM _incoming")
                    self.con.unregister("_incoming")
            self.con.execute("COMMIT")
        except duckdb.Error as err:
            self._rollback_quietly()
            if is_known_fault(err):
                raise StoreError(describe_fault(err, self.path, action="write to")) from err
            raise
        except BaseException:
            self._rollback_quietly()
            raise
        return [r.article.doc_id for r in fresh]

    def add_skip(self, skip: Skip) -> None:
        """Record a skipped item once (a re-run that skips it again adds nothing)."""
        known = self.con.execute(
            "SELECT 1 FROM skips WHERE item = ? AND stage = ? AND reason = ?",
            [skip.item, skip.stage, skip.reason],
        ).fetchone()
        if known is None:
            self.con.execute(
                "INSERT INTO skips VALUES (?, ?, ?, ?, ?, ?)",
                [skip.item, skip.stage, skip.reason, skip.doc_id, skip.title, _now()],
            )

    def merge_new_events(self) -> int:
        """Merge the events not merged yet (new, or left by a stopped run) into clusters;
        reads only the stored events they could merge with. Returns how many were new.

        Raises:
            StoreError: the merge cannot be written (disk full …); the store keeps its
                previous merge and the next writable open finishes it.
        """
        try:
            return merge_new_events(self.con)
        except duckdb.Error as err:
            if not is_known_fault(err):
                raise
            raise StoreError(describe_fault(err, self.path, action="write to")) from err

    def set_merged_ids(self, mapping: dict[str, str]) -> None:
        """Record which merged event each report belongs to (event_id → merged_id)."""
        if not mapping:
            return
        import pyarrow as pa

        table = pa.table({"event_id": list(mapping), "merged_id": list(mapping.values())})
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.register("_merge", table)
            self.con.execute(
                "UPDATE events SET merged_id = _merge.merged_id FROM _merge "
                "WHERE events.event_id = _merge.event_id"
            )
            self.con.unregister("_merge")
            self.con.execute("COMMIT")
        except BaseException:
            self._rollback_quietly()
            raise


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _result_tables(results: Sequence[Result]) -> dict[str, pa.Table]:
    """Column tables for the rows of many results, ready for one bulk insert each."""
    import pyarrow as pa

    now = _now()
    docs = [
        {
            "doc_id": a.doc_id, "title": a.title, "source": a.source, "url": a.url,
            "published": a.published, "author": a.author, "text_date": a.text_date,
            "language": a.language, "text": a.text, "n_sentences": len(r.sentences),
            "status": "stored", "ingested_at": now,
        }
        for r in results
        for a in [r.article]
    ]
    sentences = []
    for r in results:
        dates = r.sentence_dates or tuple(EventDate() for _ in r.sentences)
        for s, d in zip(r.sentences, dates, strict=False):
            sentences.append({
                "doc_id": s.doc_id, "idx": s.index, "start_char": s.start, "end_char": s.end,
                "text": s.text, "date_value": d.value, "date_end": d.end,
                "date_precision": d.precision, "date_basis": d.basis, "date_reason": d.reason,
            })
    mentions = [
        {
            "doc_id": m.doc_id, "sentence": m.sentence, "start_char": m.start, "end_char": m.end,
            "text": m.text, "code": m.code, "sector": m.sector, "person": m.person,
            "kind": m.kind, "confidence": m.confidence, "members": list(m.members),
            "rule": m.rule,
        }
        for r in results
        for m in r.mentions
    ]
    events = [event_to_row(e) for r in results for e in r.events]
    claims = [claim_to_row(c) for r in results for c in r.claims]
    return {
        "documents": _table(docs, {"published": pa.date32(), "text_date": pa.date32(),
                                   "ingested_at": pa.timestamp("us")}),
        "sentences": _table(sentences, {"date_value": pa.date32(), "date_end": pa.date32()}),
        "mentions": _table(mentions, {"members": pa.list_(pa.string())}),
        "events": _table(events, _event_types()),
        "claims": _table(claims, {"toward": pa.list_(pa.string()), "date_value": pa.date32()}),
    }


def _event_types() -> dict[str, pa.DataType]:
    import pyarrow as pa

    codes = pa.list_(pa.string())
    return {"contexts": codes, "actor_codes": codes, "recipient_codes": codes,
            "mediator_codes": codes, "date_value": pa.date32(), "date_end": pa.date32(),
            "merged_id": pa.string()}


def _table(rows: list[dict[str, Any]], types: dict[str, pa.DataType]) -> pa.Table:
    import pyarrow as pa

    if not rows:
        return pa.table({})
    columns = {name: [row[name] for row in rows] for name in rows[0]}
    arrays = {}
    for name, values in columns.items():
        kind = types.get(name)
        if kind is None and all(v is None for v in values):
            kind = pa.string()
        arrays[name] = pa.array(values, type=kind)
    return pa.table(arrays)


def event_to_row(e: Event) -> dict[str, Any]:
    return {
        "event_id": e.event_id, "doc_id": e.doc_id, "sentence": e.sentence, "type": e.type,
        "mode": e.mode, "contexts": list(e.contexts), "cameo": e.cameo,
        "goldstein": float(e.goldstein), "quad": e.quad,
        "actors": participants_to_json(e.actors),
        "recipients": participants_to_json(e.recipients),
        "mediators": participants_to_json(e.mediators),
        # the code arrays hold codes only: uncoded participants live in the JSON columns
        "actor_codes": codes_of(e.actors),
        "recipient_codes": codes_of(e.recipients),
        "mediator_codes": codes_of(e.mediators),
        "trigger": e.trigger, "trigger_start": e.trigger_start, "trigger_end": e.trigger_end,
        "date_value": e.date.value, "date_end": e.date.end, "date_precision": e.date.precision,
        "date_basis": e.date.basis, "date_text": e.date.text,
        "is_negated": e.is_negated, "is_hypothetical": e.is_hypothetical,
        "is_attempted": e.is_attempted, "sentence_text": e.sentence_text,
        "sentence_start": e.sentence_start, "sentence_end": e.sentence_end,
        "pattern": e.pattern, "coder": e.coder, "confidence": float(e.confidence),
        "merged_id": None, "is_secondary": e.is_secondary, "date_reason": e.date.reason,
    }


def claim_to_row(c: Claim) -> dict[str, Any]:
    return {
        "claim_id": c.claim_id, "doc_id": c.doc_id, "sentence": c.sentence, "kind": c.kind,
        "holder": c.holder, "toward": list(c.toward), "polarity": float(c.polarity),
        "topic": c.topic, "text": c.text, "start_char": c.start, "end_char": c.end,
        "rule": c.rule, "date_value": c.date.value, "date_precision": c.date.precision,
        "date_basis": c.date.basis,
    }


__all__ = ["Store", "claim_from_row", "claim_to_row", "event_from_row", "event_to_row"]

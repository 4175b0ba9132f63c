"""The Python API for notebooks and scripts: ``db = polemos.open("x.duckdb")``.

Every CLI command that reads a store is the twin of one method here (docs/api.md lists
them). Methods return records; ``.to_arrow()`` and ``.to_pandas()`` turn them into typed
tables (dates as dates, participants as lists of {code, sector, …}).

    db = polemos.open("demo.duckdb")
    df = db.events(actor="Russia", since=2020).to_pandas()
    print(db.ask("Who mediated between Armenia and Azerbaijan?").answer)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, is_dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

import pyarrow as pa

from polemos.errors import QueryError
from polemos.records import Claim, Mention
from polemos.store.model import (
    ActorCount,
    CorpusStats,
    Count,
    Document,
    DyadCount,
    EventFilter,
    EventOrder,
    EventRecord,
    FlagFilter,
    StoredSentence,
)
from polemos.store.store import Store

if TYPE_CHECKING:
    import pandas as pd

    from polemos.actors.kb import KnowledgeBase
    from polemos.analysis import Answer, Brief, Conflicts
    from polemos.analysis.discover import Found

T = TypeVar("T")


class Records(Sequence[T], Generic[T]):
    """A list of records that can become a typed Arrow table or a pandas DataFrame.

    ``total`` is how many records the query has without its limit and offset.
    """

    def __init__(self, items: list[T], table: Callable[[], pa.Table], *,
                 total: int | None = None) -> None:
        self._items = items
        self._table = table
        self.total = len(items) if total is None else total

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __repr__(self) -> str:
        return f"<{len(self._items)} of {self.total} records>"

    def to_arrow(self) -> pa.Table:
        """The records as an Arrow table with DuckDB's types (dates stay dates)."""
        return self._table()

    def to_pandas(self) -> pd.DataFrame:
        """The records as a DataFrame with Arrow-backed dtypes (``date32[day][pyarrow]``,
        ``list<…>[pyarrow]``), so dates, lists and missing values keep their types.

        Raises:
            QueryError: pandas is not installed (it is the optional extra ``pandas``).
        """
        try:
            import pandas as pd
        except ImportError as err:
            raise QueryError("pandas is not installed. Install it with: "
                             "pip install 'polemos[pandas]' (or use .to_arrow()).") from err
        return self._table().to_pandas(types_mapper=pd.ArrowDtype)


def records_table(items: Sequence[Any]) -> pa.Table:
    """Dataclass records as an Arrow table (nested records become structs)."""
    return pa.Table.from_pylist([
        asdict(item) if is_dataclass(item) and not isinstance(item, type) else item
        for item in items])


class Database:
    """A Polemos store opened for analysis, with the knowledge base for names.

    Open one with :func:`open`; close it (or use ``with``) to let an ingest write again:
    DuckDB allows one writer, and a reader holds the file while it is open.
    """

    def __init__(self, store: Store, *, kb: KnowledgeBase | None = None,
                 actors: Sequence[str] = (), conflicts: Sequence[str] = ()) -> None:
        self.store = store
        self._kb = kb
        self._actor_files = tuple(actors)
        self._conflict_files = tuple(conflicts)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<polemos.Database {self.store.path}>"

    @cached_property
    def kb(self) -> KnowledgeBase:
        """The knowledge base: the one given, else the built-in one plus ``actors`` files."""
        if self._kb is not None:
            return self._kb
        from polemos.actors.kb import load_kb

        return load_kb(self._actor_files)

    @cached_property
    def conflicts(self) -> Conflicts:
        from polemos.analysis import load_conflicts

        return load_conflicts(self._conflict_files)

    def code(self, name: str) -> str:
        """The actor code for a code or a name ("RUS", "Russia", "the Kremlin").

        Raises:
            QueryError: neither the knowledge base nor the store knows the name (the
                message lists the nearest names).
        """
        wanted = name.strip()
        if self.store.actor_counts(codes=[wanted.upper()], limit=1):
            return wanted.upper()  # a code the texts use: no need to load the KB
        if self.kb.actor(wanted.upper()) is not None:
            return wanted.upper()
        codes = [c.code for c in self.kb.lookup(wanted) if c.code]
        if codes:
            return codes[0]
        near = ", ".join(self.kb.near(wanted, 5))
        raise QueryError(f"unknown actor {name!r}: no such name or code in the knowledge base "
                         f"or the store. Nearest known names: {near}.")

    # -- documents ------------------------------------------------------------------------

    def documents(self, *, search: str | None = None, doc_ids: Sequence[str] | None = None,
                  order: str = "source", limit: int | None = None,
                  offset: int = 0) -> Records[Document]:
        """Stored documents (no text; see :meth:`document`). Twin of ``polemos docs``."""
        items = self.store.documents(doc_ids=doc_ids, search=search, order=order, limit=limit,
                                     offset=offset, count_events=True)
        total = self.store.count_documents(doc_ids=doc_ids, search=search)
        return Records(items, lambda: self.store.documents_table(
            doc_ids=doc_ids, search=search, order=order, limit=limit, offset=offset), total=total)

    def document(self, doc_id: str) -> Document:
        """One document with its text; a unique prefix of the id will do. Twin of
        ``polemos show``.

        Raises:
            QueryError: no such document, or the prefix fits several.
        """
        return self.store.find_document(doc_id)

    def sentences(self, doc_id: str) -> Records[StoredSentence]:
        """The sentences of one document with offsets and dates (``polemos show
        --sentences``)."""
        doc = self.store.find_document(doc_id)
        items = self.store.sentences([doc.doc_id])
        return Records(items, lambda: records_table(items))

    # -- actors, events, claims ----------------------------------------------------------

    def mentions(self, *, doc_id: str | None = None, actor: str | None = None,
                 limit: int | None = None, offset: int = 0) -> Records[Mention]:
        """Actor mentions in text order (``polemos mentions``); ``doc_id`` may be a prefix."""
        codes = None if actor is None else [self.code(actor)]
        items = self.store.mentions(doc_prefix=doc_id, codes=codes, limit=limit, offset=offset)
        return Records(items, lambda: self.store.mentions_table(doc_prefix=doc_id, codes=codes))

    def actors(self, *, limit: int | None = None) -> Records[ActorCount]:
        """Resolved actors with mention and document counts (``polemos actors``)."""
        items = self.store.actor_counts(limit=limit)
        return Records(items, lambda: records_table(items))

    def events(self, actor: str | None = None, recipient: str | None = None, *,
               involving: str | None = None, type: str | None = None,
               cameo: str | None = None, since: int | dt.date | None = None,
               until: int | dt.date | None = None, flags: FlagFilter = "exclude",
               doc_ids: Sequence[str] | None = None, merged: bool = True,
               text: str | None = None, limit: int | None = None, offset: int = 0,
               order: EventOrder = "date") -> Records[EventRecord]:
        """Events as records with their document; twin of ``polemos events``.

        Actors may be codes or names. ``merged`` gives one record per merged event (the
        report the coder was surest of); ``flags`` ``"include"`` or ``"only"`` brings in
        negated, hypothetical and attempted reports.
        """
        query = EventFilter(
            actor=self.code(actor) if actor else None,
            recipient=self.code(recipient) if recipient else None,
            involving=self.code(involving) if involving else None,
            type=type, cameo=cameo, since=since, until=until, flags=flags,
            doc_ids=tuple(doc_ids) if doc_ids is not None else None, merged=merged,
            text=text, limit=limit, offset=offset, order=order)
        return self.query_events(query)

    def query_events(self, query: EventFilter) -> Records[EventRecord]:
        """Events for an ``EventFilter`` (codes, not names)."""
        items = self.store.events(query)
        return Records(items, lambda: self.store.events_table(query),
                       total=self.store.count_events(query))

    def event_counts(self, by: str = "type", query: EventFilter | None = None
                     ) -> Records[Count]:
        """Events counted by ``type``, ``quad``, ``cameo``, ``month``, ``year`` …"""
        items = self.store.event_counts(by, query or EventFilter(flags="include"))
        return Records(items, lambda: records_table(items))

    def dyads(self, query: EventFilter | None = None, *, limit: int | None = 50
              ) -> Records[DyadCount]:
        """Directed actor → recipient pairs with their events, busiest first."""
        items = self.store.dyad_counts(query or EventFilter(), limit=limit)
        return Records(items, lambda: records_table(items))

    def claims(self, *, doc_ids: Sequence[str] | None = None, holder: str | None = None,
               limit: int | None = None) -> Records[Claim]:
        """Stances and assessments the texts attribute, in text order."""
        code = self.code(holder) if holder else None
        items = self.store.claims(doc_ids=doc_ids, holder=code, limit=limit)
        return Records(items, lambda: records_table(items))

    def stats(self) -> CorpusStats:
        """What the store holds (documents, sentences, mentions, events, claims, skips)."""
        return self.store.stats()

    # -- positions ------------------------------------------------------------------------

    def ask(self, question: str, *, full: bool = False) -> Answer:
        """A cited answer to ``question``; names in any common form. Twin of ``polemos ask``
        (``full``: ``--all``, every item instead of the salient ones).

        Raises:
            QueryError: the question names an actor nobody knows (nearest names listed).
        """
        from polemos.analysis import answer

        return answer(self.store, question, kb=self.kb, conflicts=self.conflicts, full=full)

    def brief(self, actor: str, *, conflict: str, since: int | None = None,
              until: int | None = None, full: bool = False) -> Brief:
        """The brief of ``actor`` (code or name) in ``conflict``; twin of ``polemos brief``
        (``full``: ``--all``, every list uncut).

        Raises:
            QueryError: an unknown actor or conflict (nearest names listed).
        """
        from polemos.analysis import build_brief

        return build_brief(self.store, actor, conflict=conflict, since=since, until=until,
                           kb=self.kb, conflicts=self.conflicts, full=full)

    def discover(self) -> list[Found]:
        """The conflicts and crises the store holds, found in the data, most documents
        first; twin of ``polemos conflicts``."""
        from polemos.analysis.discover import discover

        return discover(self.store, kb=self.kb, conflicts=self.conflicts)

    def report(self, *, conflict: str | None = None) -> str:
        """The offline HTML report as one string; twin of ``polemos report``."""
        from polemos.report import build_report

        return build_report(self.store, conflict=conflict, kb=self.kb,
                            conflicts=self.conflicts)


def open(path: str | Path, *, read_only: bool = True, kb: KnowledgeBase | None = None,
         actors: Sequence[str] = (), conflicts: Sequence[str] = ()) -> Database:
    """Open the store at ``path`` for reading (``read_only=False`` to allow writes).

    ``kb`` (else the built-in knowledge base plus ``actors`` files) resolves names;
    ``conflicts`` adds conflict definition files to the built-in ones.

    Raises:
        StoreError: no such file, not a Polemos store, or another process writes to it.
    """
    store = Store.open(path, read_only=read_only)
    return Database(store, kb=kb, actors=actors, conflicts=conflicts)


__all__ = ["Database", "Records", "open", "records_table"]

"""Stored rows to records: one converter per record type, one rule per field.

Rows are dicts keyed by column name, as ``Store.rows`` and the read API fetch them. Every
date the store holds (sentences, events, claims) is rebuilt by :func:`date_from_row`, so a
missing basis means the same thing everywhere.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import asdict
from typing import Any, cast

from polemos.records import (
    NO_DATE,
    Claim,
    DateBasis,
    EventDate,
    Mention,
    MentionKind,
    Participant,
    Precision,
)
from polemos.store.model import ActorCount, Document, SkippedItem, StoredSentence

Row = Mapping[str, Any]


def date_from_row(row: Row, prefix: str = "date_") -> EventDate:
    """The ``<prefix>value``/``_end``/``_precision``/``_basis``/``_text`` columns as a date.

    A row without a basis (older rows, partial selects) reads as "text" when it has a
    value and "none" when it has not: the one default for every table.
    """
    value = row.get(prefix + "value")
    if value is None and not any(row.get(prefix + part) for part in (
            "end", "basis", "reason", "text", "precision")):
        return NO_DATE  # most sentences: one shared record, not one per row
    value = value if isinstance(value, dt.date) else None
    end = row.get(prefix + "end")
    basis = row.get(prefix + "basis") or ("text" if value is not None else "none")
    return EventDate(
        value=value,
        precision=cast("Precision | None", row.get(prefix + "precision")),  # a string: no Union built per row
        basis=cast(DateBasis, basis),
        end=end if isinstance(end, dt.date) else None,
        text=row.get(prefix + "text"),
        reason=row.get(prefix + "reason"),
    )


def participants_to_json(parts: tuple[Participant, ...]) -> str:
    return json.dumps([asdict(p) for p in parts])


def participants_from(value: Any) -> tuple[Participant, ...]:
    """Participants from the stored JSON text (or an already decoded list)."""
    items = json.loads(value) if isinstance(value, str) else (value or [])
    return tuple(Participant(**item) for item in items)


def document_from_row(row: Row) -> Document:
    return Document(
        doc_id=row["doc_id"], title=row.get("title"), source=row.get("source"),
        url=row.get("url"), published=row.get("published"), author=row.get("author"),
        text_date=row.get("text_date"), language=row.get("language"),
        n_sentences=int(row.get("n_sentences") or 0), status=row.get("status") or "stored",
        ingested_at=row.get("ingested_at"), text=row.get("text"),
        n_events=None if row.get("n_events") is None else int(row["n_events"]),
    )


def sentence_from_row(row: Row) -> StoredSentence:
    return StoredSentence(row["doc_id"], int(row["idx"]), int(row["start_char"]),
                          int(row["end_char"]), row.get("text") or "", date_from_row(row))


def mention_from_row(row: Row) -> Mention:
    return Mention(
        doc_id=row["doc_id"], sentence=int(row["sentence"]), start=int(row["start_char"]),
        end=int(row["end_char"]), text=row["text"], code=row.get("code"),
        sector=row.get("sector"), person=row.get("person"),
        kind=cast(MentionKind, row.get("kind") or "unresolved"),
        confidence=float(row.get("confidence") or 0.0), members=tuple(row.get("members") or ()),
        rule=row.get("rule") or "",
    )


def claim_from_row(row: Row) -> Claim:
    return Claim(
        claim_id=row["claim_id"], doc_id=row["doc_id"], sentence=row["sentence"],
        kind=row["kind"], holder=row["holder"], text=row["text"], start=row["start_char"],
        end=row["end_char"], toward=tuple(row.get("toward") or ()),
        polarity=row.get("polarity") or 0.0, topic=row.get("topic") or "",
        rule=row.get("rule") or "", date=date_from_row(row),
    )


def skip_from_row(row: Row) -> SkippedItem:
    return SkippedItem(row["item"], row["stage"], row["reason"], row.get("doc_id"),
                       row.get("title"), row.get("skipped_at"))


def actor_count_from_row(row: Row) -> ActorCount:
    n_documents = row.get("n_documents")
    return ActorCount(row["code"], row["kind"], row.get("sector"), row.get("person"),
                      int(row["n_mentions"]), None if n_documents is None else int(n_documents))

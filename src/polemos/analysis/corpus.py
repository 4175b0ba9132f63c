"""One read of the store, shaped for the positions analyses (the I/O edge of this layer)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from polemos.analysis.model import Evidence, Source
from polemos.records import Claim, Event, EventDate
from polemos.store.store import Store


@dataclass(frozen=True, slots=True)
class MentionRef:
    code: str | None
    sector: str | None
    members: tuple[str, ...]
    text: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Corpus:
    """Documents, sentences, mentions, events and claims of a store, indexed."""

    texts: dict[str, str]
    sources: dict[str, Source]
    sentences: dict[tuple[str, int], tuple[int, int, EventDate]]
    mentions: dict[tuple[str, int], list[MentionRef]]
    events: list[Event]
    merged: dict[str, str]  # event_id → merged id
    claims: list[Claim]
    names: dict[str, str] = field(default_factory=dict)  # code → commonest mention text

    def evidence(self, doc_id: str, sentence: int) -> Evidence:
        """The cited sentence, its text sliced from the document so it always checks out."""
        start, end, _ = self.sentences.get((doc_id, sentence), (0, 0, EventDate()))
        return Evidence(doc_id, sentence, self.texts.get(doc_id, "")[start:end], start, end)

    def date_of(self, doc_id: str, sentence: int) -> EventDate:
        return self.sentences.get((doc_id, sentence), (0, 0, EventDate()))[2]

    def codes_in(self, doc_id: str, sentence: int) -> set[str]:
        out: set[str] = set()
        for ref in self.mentions.get((doc_id, sentence), ()):
            out.update(ref.members or ((ref.code,) if ref.code else ()))
        return out

    def known_codes(self) -> set[str]:
        return set(self.names)


def load_corpus(store: Store) -> Corpus:
    """Read everything the positions layer needs in a handful of queries."""
    texts, sources = {}, {}
    for row in store.rows("SELECT doc_id, title, url, source, published, text FROM documents"):
        texts[row["doc_id"]] = row["text"]
        published = row["published"].isoformat() if row["published"] else None
        sources[row["doc_id"]] = Source(row["doc_id"], row["title"], row["url"] or row["source"],
                                        published)
    sentences = {
        (r["doc_id"], r["idx"]): (r["start_char"], r["end_char"], _date(r))
        for r in store.rows("SELECT doc_id, idx, start_char, end_char, date_value, date_end, "
                            "date_precision, date_basis FROM sentences")
    }
    mentions: dict[tuple[str, int], list[MentionRef]] = {}
    counts: dict[str, Counter[str]] = {}
    for r in store.rows("SELECT doc_id, sentence, code, sector, members, text, kind, start_char, "
                        "end_char FROM mentions ORDER BY doc_id, start_char"):
        ref = MentionRef(r["code"], r["sector"], tuple(r["members"] or ()), r["text"],
                         r["start_char"], r["end_char"])
        mentions.setdefault((r["doc_id"], r["sentence"]), []).append(ref)
        if r["code"] and r["kind"] in ("state", "igo", "defacto"):
            counts.setdefault(r["code"], Counter())[r["text"]] += 1
    merged = {r["event_id"]: r["merged_id"] or r["event_id"]
              for r in store.rows("SELECT event_id, merged_id FROM events")}
    names = {code: _best_name(c) for code, c in counts.items()}
    return Corpus(texts, sources, sentences, mentions, store.events(), merged, store.claims(),
                  names)


def _best_name(counter: Counter[str]) -> str:
    """The commonest capitalised mention text that is not a possessive."""
    for text, _ in counter.most_common():
        if text[:1].isupper() and not text.endswith(("'s", "’s")):
            return text.removeprefix("the ").removeprefix("The ")
    return counter.most_common(1)[0][0]


def _date(row: dict[str, object]) -> EventDate:
    value = row["date_value"]
    if not isinstance(value, dt.date):
        return EventDate()
    end = row["date_end"] if isinstance(row["date_end"], dt.date) else None
    return EventDate(value=value, precision=row["date_precision"],  # type: ignore[arg-type]
                     basis=row["date_basis"] or "text", end=end)  # type: ignore[arg-type]

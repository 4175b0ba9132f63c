"""The resolver's working record (token positions, mutable) and the sentence dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc

from polemos.nlp.annotate import Parsed
from polemos.records import Mention, MentionKind, TimeAnalysis


@dataclass
class Found:
    """A mention while it is being resolved; becomes a ``Mention`` at the end."""

    start: int  # token offsets into the Doc
    end: int
    code: str | None
    kind: str
    rule: str
    sector: str | None = None
    person: str | None = None
    confidence: float = 0.9
    members: tuple[str, ...] = ()
    role: str = ""
    candidates: tuple[str, ...] = ()  # ambiguous names: the codes to choose from
    chars: tuple[int, int] | None = None  # a part of the token only ("sinceEU" → "EU")


class Timeline:
    """The date each sentence speaks of: its own date, else publication, else today."""

    def __init__(self, parsed: Parsed, time: TimeAnalysis) -> None:
        self.parsed = parsed
        fallback = parsed.article.published or dt.date.today()
        self.dates = [time.date_of(i).value or fallback for i in range(len(parsed.sentences))]
        self.fallback = fallback

    def sentence_of(self, doc: Doc, token: int) -> int:
        return self.parsed.sentence_at(doc[token].idx)

    def at_token(self, doc: Doc, token: int) -> dt.date:
        index = self.sentence_of(doc, token)
        return self.dates[index] if index < len(self.dates) else self.fallback


def to_mentions(parsed: Parsed, found: list[Found]) -> list[Mention]:
    # Article.text, not doc.text: Doc.text re-joins every token on each access.
    doc, doc_id, text = parsed.doc, parsed.article.doc_id, parsed.article.text
    out: list[Mention] = []
    for f in found:
        span = doc[f.start:f.end]
        start, end = f.chars or (span.start_char, span.end_char)
        kind: MentionKind = f.kind  # type: ignore[assignment]
        out.append(Mention(
            doc_id, parsed.sentence_at(start), start, end, text[start:end], f.code,
            f.sector, f.person, kind, round(f.confidence, 3), f.members, f.rule,
        ))
    return out

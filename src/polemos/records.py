"""The frozen records every stage speaks.

Stages talk to each other only through these types. No spaCy object ever goes
inside a record; positions are character offsets into ``Article.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Literal

Precision = Literal["day", "month", "year", "decade"]
DateBasis = Literal["text", "narrative", "publication", "none"]
MentionKind = Literal["state", "igo", "defacto", "person", "group", "unresolved", "armed_group"]
ClaimKind = Literal["stance", "assessment"]


@dataclass(frozen=True, slots=True)
class Article:
    """One document with clean main text, ready for the NLP stages."""

    doc_id: str  # stable: hash of the normalised text
    text: str
    title: str | None = None
    source: str | None = None  # the path, URL or feed it came from
    url: str | None = None
    published: dt.date | None = None  # from metadata only, never invented
    author: str | None = None
    text_date: dt.date | None = None  # latest date stated in the text (a lower bound)
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Skip:
    """An item kept out on purpose (duplicate, not English, empty), with the reason."""

    item: str  # path, path:line, URL or doc id
    stage: str  # "ingest", "language", "duplicate" ...
    reason: str
    doc_id: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """An item that could not be read; the message says what, where and how to fix it."""

    item: str
    message: str  # one line: what, where, how to fix
    detail: str | None = None  # the traceback, when an unexpected exception (a bug) caused it


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    index: int  # 0-based position in the article
    start: int  # character offsets into Article.text
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class EventDate:
    """When something happened, how precisely, and where that came from."""

    value: dt.date | None = None  # first day of the period for month/year/decade precision
    precision: Precision | None = None
    basis: DateBasis = "none"
    end: dt.date | None = None  # last day when the text gives a range ("9-10 October 2020")
    text: str | None = None  # the temporal expression it came from, when basis is "text"
    reason: str | None = None  # how the date was chosen, or why none was given (docs/data-model.md)

    @property
    def iso(self) -> str | None:
        """The value cut to its precision: 2020-09-27, 2020-09, 2020, 2000s."""
        if self.value is None:
            return None
        if self.precision == "month":
            return self.value.strftime("%Y-%m")
        if self.precision == "year":
            return str(self.value.year)
        if self.precision == "decade":
            return f"{self.value.year}s"
        return self.value.isoformat()


NO_DATE = EventDate()


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in the text (absolute character offsets)."""

    start: int
    end: int
    text: str
    date: EventDate


@dataclass(frozen=True, slots=True)
class TimeAnalysis:
    """The temporal expressions of a document and the date each sentence speaks of."""

    timexes: tuple[Timex, ...] = ()
    sentence_dates: tuple[EventDate, ...] = ()  # one per Sentence, same order

    def date_of(self, sentence: int) -> EventDate:
        if 0 <= sentence < len(self.sentence_dates):
            return self.sentence_dates[sentence]
        return NO_DATE


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names (or points at) an actor."""

    doc_id: str
    sentence: int  # sentence index
    start: int
    end: int
    text: str
    code: str | None  # ISO alpha-3, IGO short code (UN, OSCE …), or None when unresolved
    sector: str | None = None  # GOV, MIL, REB, PRE …
    person: str | None = None  # canonical name of the person, when a person
    kind: MentionKind = "unresolved"
    confidence: float = 1.0
    members: tuple[str, ...] = ()  # for groups ("both sides"): the codes it stands for
    rule: str = ""  # how it was resolved: "kb", "metonym", "adjective", "title", "fuzzy", "surname", "group"


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor or recipient of an event, with the span that names it.

    ``code`` is None for a participant the sentence names but the knowledge base does not code
    ("500 civilians", "Basra"): it is shown by its text and left out of every code-based count.
    """

    code: str | None
    sector: str | None
    text: str
    start: int
    end: int
    person: str | None = None


def coded(parts: tuple[Participant, ...]) -> tuple[Participant, ...]:
    """The participants the knowledge base codes (``code`` is not None)."""
    return tuple(p for p in parts if p.code is not None)


def codes_of(parts: tuple[Participant, ...]) -> list[str]:
    """The codes of the coded participants, in order."""
    return [p.code for p in parts if p.code is not None]


@dataclass(frozen=True, slots=True)
class Event:
    """One report of who did what to whom and when, with its provenance."""

    event_id: str  # stable: hash of doc id, trigger offsets and pattern id
    doc_id: str
    sentence: int
    type: str  # PLOVER 2.0 type: CONSULT, AID …
    cameo: str  # CAMEO code: "045"
    goldstein: float
    quad: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    actors: tuple[Participant, ...]
    recipients: tuple[Participant, ...] = ()
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    mediators: tuple[Participant, ...] = ()  # third parties, e.g. the mediator of CAMEO 045
    trigger: str = ""
    trigger_start: int = 0
    trigger_end: int = 0
    date: EventDate = NO_DATE
    is_negated: bool = False
    is_hypothetical: bool = False
    is_attempted: bool = False
    sentence_text: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    pattern: str = ""  # id of the pattern that fired
    coder: str = ""  # version of the extraction logic, e.g. "rules.v1"
    confidence: float = 1.0
    is_secondary: bool = False  # told in a relative/conditional clause beside the main event

    @property
    def is_flagged(self) -> bool:
        return self.is_negated or self.is_hypothetical or self.is_attempted

    def coded(self) -> Event:
        """This event with its coded participants only (what code-based counts read)."""
        if all(p.code is not None for p in (*self.actors, *self.recipients, *self.mediators)):
            return self
        return replace(self, actors=coded(self.actors), recipients=coded(self.recipients),
                       mediators=coded(self.mediators))


@dataclass(frozen=True, slots=True)
class Claim:
    """What a text says an actor holds (stance) or what the author concludes (assessment)."""

    claim_id: str
    doc_id: str
    sentence: int
    kind: ClaimKind
    holder: str  # actor code the claim is about / who holds the stance
    text: str  # the sentence
    start: int  # sentence offsets into Article.text
    end: int
    toward: tuple[str, ...] = ()  # the actors it is directed at
    polarity: float = 0.0  # -1 hostile … +1 supportive
    topic: str = ""  # e.g. "territorial_integrity", "withdrawal", "influence_decline", "partiality"
    rule: str = ""
    date: EventDate = NO_DATE


@dataclass(frozen=True, slots=True)
class Result:
    """Everything the pipeline found in one article."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    sentence_dates: tuple[EventDate, ...] = field(default=())

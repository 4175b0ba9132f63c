"""The frozen records of the positions layer: evidence, roles, stances, briefs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

RoleName = Literal["party", "mediator", "ally", "patron", "supporter", "arms_supplier",
                   "peacekeeper", "host", "guarantor", "critic", "observer"]
MIN_STANCE_SENTENCES = 3  # a stance value rests on at least this many cited sentences
ROLES: tuple[str, ...] = ("party", "mediator", "ally", "patron", "supporter", "arms_supplier",
                          "peacekeeper", "host", "guarantor", "critic", "observer")


@dataclass(frozen=True, slots=True)
class Evidence:
    """A cited sentence: ``text == documents.text[start:end]``."""

    doc_id: str
    sentence_id: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    toward: tuple[str, ...]
    first: str | None  # date cut to its precision (2020-10, 1994 …)
    last: str | None
    strength: float  # 0..1, grows with independent evidence
    evidence: tuple[Evidence, ...]
    rules: tuple[str, ...] = ()  # which rules found it (cameo:045, cue.v1:co-chair …)
    # per cue rule: (rule, the phrase the cue matched in the first cited sentence, years)
    grounds: tuple[tuple[str, str, tuple[int, ...]], ...] = ()
    n_evidence: int = 0  # sentences found before ``evidence`` was cut to the shown ones


@dataclass(frozen=True, slots=True)
class Stance:
    toward: str
    alignment: float  # -1 hostile … +1 aligned
    statements: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    by_year: tuple[tuple[int, float], ...] = ()
    n_events: int = 0
    n_statements: int = 0

    @property
    def is_shown(self) -> bool:
        """Enough evidence to state a value (else the stance is withheld, its basis shown)."""
        return len(self.evidence) >= MIN_STANCE_SENTENCES

    @property
    def basis(self) -> str:
        return f"{self.n_events} event(s), {self.n_statements} statement(s)"


@dataclass(frozen=True, slots=True)
class TimelineItem:
    date: str
    precision: str | None
    text: str
    event_id: str | None  # merged event id; None when the item is a dated statement
    evidence: tuple[Evidence, ...]
    salience: float = 0.0  # how much the item marks the record (see brief.salient)


@dataclass(frozen=True, slots=True)
class Assessment:
    text: str
    topics: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    holder: str = "the author"  # who concludes it: the author, a quoted person, "critics" …


@dataclass(frozen=True, slots=True)
class Statement:
    """A sentence of the scope about the actor, with who holds what it says."""

    holder: str  # "quoted: Mevlut Cavusoglu", "the report", "critics (hedged)" …
    kind: str  # author | report | quoted | group
    text: str
    evidence: tuple[Evidence, ...]
    score: float = 0.0  # how central it is (see brief.find_passages)


@dataclass(frozen=True, slots=True)
class ScopeNote:
    """What was searched: the conflict's documents and how many name the actor."""

    conflict: str
    how: str  # defined | discovered | inferred
    n_documents: int  # in the store
    n_mentioning_conflict: int  # documents naming a side, a place or the topic at all
    documents: tuple[tuple[str, float], ...]  # in-scope documents and their relevance
    n_naming_actor: int = 0
    is_mentioning_capped: bool = False  # n_mentioning_conflict is a lower bound
    n_copies: int = 0  # further documents that are copies of in-scope ones


@dataclass(frozen=True, slots=True)
class Account:
    date: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Disagreement:
    about: str
    accounts: tuple[Account, ...]


@dataclass(frozen=True, slots=True)
class Source:
    doc_id: str
    title: str | None
    url: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class Brief:
    actor_code: str
    actor_name: str
    conflict: str
    parties: tuple[str, ...]
    summary: str
    roles: tuple[Role, ...] = ()
    stance: tuple[Stance, ...] = ()
    timeline: tuple[TimelineItem, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    sources: tuple[Source, ...] = ()
    names: tuple[tuple[str, str], ...] = field(default=())  # code → display name
    since: int | None = None
    until: int | None = None
    is_scope_inferred: bool = False
    statements: tuple[Statement, ...] = ()
    passages: tuple[Statement, ...] = ()
    scope: ScopeNote | None = None
    timeline_total: int = 0  # dated items before the salient ones were chosen
    # items found per bounded list (statements, assessments, disagreements, sources) before
    # the shown ones were cut from it
    totals: tuple[tuple[str, int], ...] = ()

    def name(self, code: str) -> str:
        return dict(self.names).get(code, code)

@dataclass(frozen=True, slots=True)
class Line:
    text: str
    evidence: tuple[Evidence, ...] = ()
    section: str = ""  # roles, stance, statements, assessments, passages, timeline …
    fields: tuple[tuple[str, Any], ...] = ()  # structured fields (role, target, dates …)


Status = Literal["answered", "nothing_found", "not_understood"]


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    intent: str
    answer: str  # one-paragraph answer
    lines: tuple[Line, ...]
    actors: tuple[str, ...]
    conflict: str | None
    parties: tuple[str, ...] = ()
    is_scope_inferred: bool = False
    topic: tuple[str, ...] = ()
    brief: Brief | None = None
    status: Status = "answered"
    scope: ScopeNote | None = None
    names: tuple[tuple[str, str], ...] = ()
    how: str = ""  # defined, discovered or inferred

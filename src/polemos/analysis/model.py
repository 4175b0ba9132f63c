"""The frozen records of the positions layer: evidence, roles, stances, briefs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RoleName = Literal["party", "mediator", "ally", "patron", "supporter", "arms_supplier",
                   "peacekeeper", "host", "guarantor", "critic", "observer"]
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


@dataclass(frozen=True, slots=True)
class Stance:
    toward: str
    alignment: float  # -1 hostile … +1 aligned
    statements: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    by_year: tuple[tuple[int, float], ...] = ()
    n_events: int = 0
    n_statements: int = 0


@dataclass(frozen=True, slots=True)
class TimelineItem:
    date: str
    precision: str | None
    text: str
    event_id: str | None  # merged event id; None when the item is a dated statement
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Assessment:
    text: str
    topics: tuple[str, ...]
    evidence: tuple[Evidence, ...]


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

    def name(self, code: str) -> str:
        return dict(self.names).get(code, code)

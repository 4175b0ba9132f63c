"""Knowledge-base entries: the frozen records the loader builds and the resolver reads.

Every entry remembers where it came from (``source`` = "path, line N") so that a
``polemos kb show`` or an error can point at the file to edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

ActorKind = Literal["state", "igo", "defacto", "armed_group", "region"]
NameRole = Literal["name", "adjective", "demonym", "metonym", "person"]

OFFICES = (
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister",
    "interior_minister", "un_ambassador", "envoy", "secretary_general", "igo_official",
    "opposition_leader", "rebel_leader", "military_chief", "intelligence_chief",
)
OFFICE_SECTORS = {"military_chief": "MIL", "opposition_leader": "OPP", "rebel_leader": "REB",
                  "intelligence_chief": "SPY"}
# PLOVER sector codes (../shared/ontology.md §3.5), plus CAMEO's MED-for-media kept readable.
SECTORS = frozenset(
    ["COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO", "NGO"]
)


@dataclass(frozen=True, slots=True)
class Period:
    """A closed-open validity range; ``None`` ends are open."""

    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, when: dt.date | None) -> bool:
        if when is None:
            return True
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


ALWAYS = Period()


@dataclass(frozen=True, slots=True)
class Membership:
    """A member (or co-chair) of a grouping, over a period."""

    code: str
    period: Period = ALWAYS


@dataclass(frozen=True, slots=True)
class SectorTerm:
    """The PLOVER sector of an armed group over a period (RSF: PRM until 2023-04-14, then REB)."""

    sector: str
    period: Period = ALWAYS


@dataclass(frozen=True, slots=True)
class Metonym:
    name: str
    sector: str = "GOV"


@dataclass(frozen=True, slots=True)
class Actor:
    """A state, international organisation, de facto state, armed group or region.

    Armed groups carry their dated ``sectors``, where they operate (``part_of``), the periods
    when they form a state's government (``governs``: the Taliban from 2021-08-15) and the
    organisations they pledged to (``affiliations``: al-Shabab → al-Qaeda from 2012).
    """

    code: str
    kind: ActorKind
    names: tuple[str, ...]
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[Metonym, ...] = ()
    period: Period = ALWAYS
    parent: str | None = None
    patron: str | None = None
    successor: str | None = None
    plover: str | None = None
    members: tuple[Membership, ...] = ()
    co_chairs: tuple[Membership, ...] = ()
    source: str = ""
    part_of: tuple[Membership, ...] = ()  # other wholes besides ``parent``, dated (see kb.wholes)
    sectors: tuple[SectorTerm, ...] = ()
    governs: tuple[Membership, ...] = ()
    affiliations: tuple[Membership, ...] = ()

    @property
    def name(self) -> str:
        return self.names[0] if self.names else self.code

    def sector_at(self, when: dt.date | None) -> str | None:
        """The sector at ``when``; outside every term the nearest one (the latest when None)."""
        if not self.sectors:
            return None
        held = [t for t in self.sectors if t.period.covers(when)]
        if held:
            return held[-1].sector
        first = self.sectors[0]
        if when is not None and first.period.start and when < first.period.start:
            return first.sector
        return self.sectors[-1].sector

    def governed_at(self, when: dt.date | None) -> str | None:
        """The state whose (de facto) government the group forms at ``when``, if any."""
        if when is None:
            return None
        return next((g.code for g in self.governs if g.period.covers(when)), None)


@dataclass(frozen=True, slots=True)
class Office:
    """One term of one person in one office."""

    office: str
    country: str  # state, de facto or IGO code
    period: Period = ALWAYS
    sector: str = "GOV"
    title: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # canonical
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    source: str = ""

    def office_at(self, when: dt.date | None) -> Office | None:
        """The office held at ``when``; else the latest one before it; else the first one."""
        if not self.offices:
            return None
        held = [o for o in self.offices if o.period.covers(when)]
        if held:
            return max(held, key=lambda o: o.period.start or dt.date.min)
        if when is not None:
            before = [o for o in self.offices if o.period.start and o.period.start <= when]
            if before:
                return max(before, key=lambda o: o.period.start or dt.date.min)
        return min(self.offices, key=lambda o: o.period.start or dt.date.min)


@dataclass(frozen=True, slots=True)
class NameEntry:
    """What one surface form in the text can stand for."""

    role: NameRole
    code: str | None = None  # actor code (None for a person: see ``person``)
    person: str | None = None
    sector: str | None = None  # the sector a metonym carries ("the Pentagon": MIL)

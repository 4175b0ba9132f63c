"""How a KB actor is coded: in a mention (``stands_for``) and in a PLOVER export
(``plover_entity``).

PLOVER codes an entity by a country and a primary sector and keeps its identity beside them.
De facto states become their parent state with sector PRE (the manual's rule); organisations
their IGO/UNO/EUR/NGO family; armed groups the country where they mainly operate (or IMG for a
transnational militarised group such as the Islamic State) with their sector at the date; a
region its state. A group that forms a state's government (the Taliban from 2021-08-15) stands
for that state's government.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from polemos.actors.kb import KnowledgeBase


@dataclass(frozen=True, slots=True)
class Standing:
    """What a mention of a KB code codes as at a date."""

    code: str
    kind: str  # the kind of ``code`` (a region's mention becomes its "state")
    sector: str | None  # the sector the KB gives (armed groups; GOV for a governing group)
    rule: str | None = None  # "region" / "governs" when the code was replaced


@dataclass(frozen=True, slots=True)
class PloverEntity:
    """A PLOVER entity: country and sector, with our code and name as its identifier."""

    country: str
    sector: str | None
    identifier: str  # our code (SHABAAB), kept so that exports can tell a group from its state
    name: str  # its usual name ("al-Shabaab")
    kind: str | None = None


def stands_for(kb: KnowledgeBase, code: str, when: dt.date | None) -> Standing:
    """A region → its state; a governing group → that state's GOV; a group → itself + sector."""
    actor = kb.actor(code)
    if actor is None:
        return Standing(code, "state", None)
    if actor.kind == "region":
        state = kb.state_of(code, when=when)
        return Standing(state or code, "state" if state else "region", None, "region")
    governed = actor.governed_at(when)
    if governed is not None:
        return Standing(governed, kb.kind(governed) or "state", "GOV", "governs")
    return Standing(code, actor.kind, actor.sector_at(when))


def plover_entity(kb: KnowledgeBase, code: str, when: dt.date | None) -> PloverEntity:
    """PLOVER's country and sector for ``code`` (see the module docstring)."""
    actor = kb.actor(code)
    if actor is None:
        return PloverEntity(code, None, code, code)
    country, sector = _country_sector(kb, code, when)
    return PloverEntity(country, sector, code, actor.name, actor.kind)


def _country_sector(kb: KnowledgeBase, code: str, when: dt.date | None) -> tuple[str, str | None]:
    actor = kb.actors[code]
    if actor.kind == "defacto" and actor.plover:  # Taiwan: its own code in PLOVER/CAMEO
        return actor.plover, None
    if actor.kind == "defacto" and actor.parent:
        return actor.parent, "PRE"
    if actor.kind == "igo":
        return actor.plover or "IGO", None
    if actor.kind == "region":
        return kb.state_of(code, when=when) or code, None
    if actor.kind == "armed_group":
        governed = actor.governed_at(when)
        if governed is not None:
            return governed, "GOV"
        country = actor.plover or kb.state_of(code, when=when) or kb.state_of(code) or "IMG"
        return country, actor.sector_at(when)
    return code, None

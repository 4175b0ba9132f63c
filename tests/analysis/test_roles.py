"""Roles read off single events: an act toward both sides at once takes no side."""
from __future__ import annotations

from polemos.analysis.conflicts import Conflict
from polemos.analysis.roles import _event_roles
from polemos.analysis.scope import Scope

from .world import Doc, year

WAR = Conflict("War of the Ring", ("GON", "MOR", "ITH"), patrons=(("ITH", "GON"),))
SCOPE = Scope(WAR, {})
DOC = Doc("d", ["Arnor, Gondor and Mordor signed a truce.", "Arnor and Gondor held drills.",
                "Arnor sent aid to Ithilien and Mordor.", "Arnor ended its truce with Mordor.",
                "Arnor sent aid to Gondor."], [year(2000)] * 5)


def roles(idx: int, cameo: str, kind: str, actors: list[str], recipients: list[str],
          quad: int, goldstein: float) -> set[tuple[str, tuple[str, ...]]]:
    event = DOC.event(idx, cameo, kind, actors, recipients, goldstein=goldstein, quad=quad)
    return {(role, toward) for role, toward, _ in _event_roles(event, SCOPE, "ARN")}


def test_an_agreement_with_both_sides_is_no_alliance() -> None:
    assert not roles(0, "057", "SUPPORT", ["ARN", "GON", "MOR"], [], 1, 8.0)
    assert ("ally", ("GON",)) in roles(1, "062", "COOPERATE", ["ARN", "GON"], [], 2, 7.4)


def test_a_de_facto_party_stands_with_its_patron() -> None:
    assert not roles(2, "073", "AID", ["ARN"], ["ITH", "MOR"], 2, 7.4)  # both camps
    assert ("supporter", ("GON",)) in roles(4, "071", "AID", ["ARN"], ["GON"], 2, 7.4)


def test_yielding_to_a_side_is_not_supporting_it() -> None:
    assert not {r for r, _ in roles(3, "0871", "RETREAT", ["ARN"], ["MOR"], 2, 9.0)} & {
        "supporter", "ally"}

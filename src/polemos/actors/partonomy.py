"""What is part of what: the graph behind ``KnowledgeBase.wholes`` and ``.parts``.

An actor's direct wholes are its ``parent`` (a de facto state's state, an IGO body's
organisation, a region's state) and its dated ``part_of`` entries (an armed group's countries
or regions of operation, a region claimed by two states). IGO membership ("ARM is a member
of the CSTO") is a different relation: it joins the graph only when asked (``members=True``),
because a member state is not a part of its alliance for the purpose of a scope.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Mapping

from polemos.actors.entries import ALWAYS, Actor, Period

Links = Mapping[str, tuple[tuple[str, Period], ...]]


def whole_links(actors: Mapping[str, Actor], *, members: bool
                ) -> dict[str, tuple[tuple[str, Period], ...]]:
    """code → its direct wholes with the period each link holds."""
    links: dict[str, list[tuple[str, Period]]] = {}
    for actor in actors.values():
        mine = links.setdefault(actor.code, [])
        if actor.parent:
            mine.append((actor.parent, ALWAYS))
        mine.extend((m.code, m.period) for m in actor.part_of)
        if members:
            for member in actor.members:
                links.setdefault(member.code, []).append((actor.code, member.period))
    return {code: tuple(items) for code, items in links.items()}


def invert(links: Links) -> dict[str, tuple[tuple[str, Period], ...]]:
    """whole → its direct parts (the same links read the other way)."""
    out: dict[str, list[tuple[str, Period]]] = {}
    for part, wholes in links.items():
        for whole, period in wholes:
            out.setdefault(whole, []).append((part, period))
    return {code: tuple(items) for code, items in out.items()}


def closure(code: str, links: Links, when: dt.date | None) -> tuple[str, ...]:
    """Every code reachable from ``code`` through links valid at ``when``, nearest first."""
    return _walk(code, lambda c: (o for o, p in links.get(c, ()) if p.covers(when)))


def first_state(actors: Mapping[str, Actor], code: str, when: dt.date | None,
                seen: frozenset[str] = frozenset()) -> str | None:
    """The state ``code`` is, or the state of its first whole that leads to one (depth first,
    in the order the entry lists them: BLA → BALOCHISTAN → PAK before IRN)."""
    actor = actors.get(code)
    if actor is None or code in seen:
        return None
    if actor.kind == "state":
        return code
    wholes = [actor.parent] if actor.parent else []
    wholes += [m.code for m in actor.part_of if m.period.covers(when)]
    for whole in wholes:
        state = first_state(actors, whole, when, seen | {code})
        if state is not None:
            return state
    return None


def _walk(start: str, step: Callable[[str], Iterable[str]]) -> tuple[str, ...]:
    seen = {start}
    order: list[str] = []
    queue = deque([start])
    while queue:
        for nxt in step(queue.popleft()):
            if nxt not in seen:
                seen.add(nxt)
                order.append(nxt)
                queue.append(nxt)
    return tuple(order)

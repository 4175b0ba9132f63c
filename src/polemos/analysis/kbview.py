"""What the analyses need from the knowledge base, in one narrow place.

The analyses ask the KB to resolve a name, name a code, list a grouping's members, say what an
actor is part of (and what is part of it), list an actor's names and suggest near names: the
methods of :class:`ActorKB`, which ``polemos.actors.kb.KnowledgeBase`` has (tests pass a small
fictional one). A missing KB (``None``) is allowed: names then come from the stored mentions.

Actor keys: ``CODE`` (a state, an organisation …) or ``CODE:SECTOR`` (one sector of a state, such
as ``SOM:REB`` for an armed group the KB files under its country).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from rapidfuzz import fuzz, process

if TYPE_CHECKING:
    from polemos.actors.entries import Actor
    from polemos.actors.kb import Candidate


class ActorKB(Protocol):
    """The knowledge base as the analyses read it (``KnowledgeBase`` is one)."""

    def lookup(self, name: str, *, when: dt.date | None = None) -> Sequence[Candidate]: ...

    def actor(self, code: str) -> Actor | None: ...

    def kind(self, code: str) -> str | None: ...

    def name_of(self, code: str) -> str: ...

    def members(self, code: str, when: dt.date | None = None) -> tuple[str, ...]: ...

    def co_chairs(self, code: str, when: dt.date | None = None) -> tuple[str, ...]: ...

    def wholes(self, code: str, *, when: dt.date | None = None,
               members: bool = False) -> tuple[str, ...]: ...

    def parts(self, code: str, *, when: dt.date | None = None,
              members: bool = False) -> tuple[str, ...]: ...

    def near(self, name: str, n: int = 5) -> list[str]: ...


def resolve(kb: ActorKB | None, name: str, *, when: dt.date | None = None) -> str | None:
    """The actor code ``name`` stands for, or None."""
    if kb is None:
        return None
    return next((c.code for c in kb.lookup(name, when=when) if c.code), None)


def resolve_key(kb: ActorKB | None, name: str, *, when: dt.date | None = None) -> str | None:
    """The actor key ``name`` stands for: its code, with the sector when the name is one
    non-state sector of a state ("al-Shabab" → "SOM:REB" in a KB that files it so)."""
    found = kb.lookup(name, when=when) if kb is not None else ()
    if not found or found[0].code is None:
        return None
    first = found[0]
    return key_of(found[0].code, first.sector if first.role == "metonym" else None)


def name_of(kb: ActorKB | None, code: str, fallback: dict[str, str] | None = None) -> str:
    """A display name for ``code`` (the KB's, else the commonest mention, else the code)."""
    if kb is not None and kb.name_of(code):
        return kb.name_of(code)
    return (fallback or {}).get(code, code)


def members(kb: ActorKB | None, code: str, *, when: dt.date | None = None) -> tuple[str, ...]:
    """Member codes of a grouping at ``when``; () when unknown."""
    return tuple(dict.fromkeys(kb.members(code, when))) if kb is not None else ()


def co_chairs(kb: ActorKB | None, code: str, *, when: dt.date | None = None) -> tuple[str, ...]:
    """Co-chair codes of a grouping at ``when`` (the mediating members); () when unknown."""
    return tuple(dict.fromkeys(kb.co_chairs(code, when))) if kb is not None else ()


def near(kb: ActorKB | None, name: str, choices: Iterable[str], n: int = 5) -> list[str]:
    """Nearest known names: the KB's suggestions, else fuzzy matches among ``choices``."""
    names = [x for x in (kb.near(name, n) if kb is not None else []) if x]
    if names:
        return names[:n]
    hits = process.extract(name, list(set(choices)), scorer=fuzz.WRatio, limit=n)
    return [hit[0] for hit in hits]


def patron_of(kb: ActorKB | None, code: str) -> str | None:
    """The patron state of a de facto entity, when the KB records one."""
    entry = kb.actor(code) if kb is not None else None
    return entry.patron if entry is not None else None


def kind(kb: ActorKB | None, code: str) -> str | None:
    """state, igo, defacto … or None when the KB does not know ``code``."""
    return kb.kind(code) if kb is not None else None


# sectors that speak or act for a state; the others (armed opposition, parties, civilians,
# journalists …) are actors of their own inside it
STATE_SECTORS = frozenset({"", "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PRM"})
HISTORICAL_STATES = frozenset({"SUN", "YUG", "SCG", "CSK", "DDR", "XKX"})


def split_key(key: str) -> tuple[str, str | None]:
    """ "SOM:REB" → ("SOM", "REB"); "RUS" → ("RUS", None)."""
    code, _, sector = key.partition(":")
    return code, sector or None


def key_of(code: str, sector: str | None) -> str:
    """The actor key of a mention or participant: the code, or CODE:SECTOR for a non-state
    sector (REB, OPP, CVL …) of a state. An organisation or armed group with its own code is
    that code whatever its sector."""
    if (sector or "") in STATE_SECTORS or not is_state_code(code):
        return code
    return f"{code}:{sector}"


@functools.cache
def _state_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | HISTORICAL_STATES


def is_state_code(code: str) -> bool:
    """An ISO 3166 alpha-3 code (or a historical state's): only states have sectors that are
    actors of their own (the KB refuses organisation codes that reuse a state's)."""
    return code in _state_codes()


def wholes(kb: ActorKB | None, code: str, *, when: dt.date | None = None,
           members: bool = False) -> tuple[str, ...]:
    """What ``code`` is part of (transitively, nearest first): a region → its state, an armed
    group → the countries it operates in; with ``members`` the groupings it belongs to."""
    return kb.wholes(code, when=when, members=members) if kb is not None else ()


def parts(kb: ActorKB | None, code: str, *, when: dt.date | None = None,
          members: bool = False) -> tuple[str, ...]:
    """The inverse of :func:`wholes`: a state's regions, de facto entities and the armed groups
    operating in it; with ``members`` a grouping's member states."""
    return kb.parts(code, when=when, members=members) if kb is not None else ()


def members_of(kb: ActorKB | None, code: str, *, when: dt.date | None = None
               ) -> tuple[str, ...]:
    return members(kb, code, when=when)


def names(kb: ActorKB | None, code: str) -> tuple[str, ...]:
    """Every name the KB gives ``code``: names, adjectives, demonyms and metonyms."""
    entry = kb.actor(code) if kb is not None else None
    if entry is None:
        return ()
    found = [*entry.names, *entry.adjectives, *entry.demonyms, *(m.name for m in entry.metonyms)]
    return tuple(dict.fromkeys(n for n in found if n))


def primary_names(kb: ActorKB | None, code: str) -> tuple[str, ...]:
    """The KB's names of ``code`` (no adjectives, demonyms or metonyms)."""
    entry = kb.actor(code) if kb is not None else None
    return entry.names if entry is not None else ()


def short_name(kb: ActorKB | None, key: str, counts: Counter[str] | None = None) -> str:
    """The name a reader knows ``key`` by: of the KB's names, the one the texts use most
    (dotted abbreviations such as "U.S." aside), else the KB's name; for a key the KB does not
    name (a non-state sector), the commonest capitalised text."""
    seen = counts or Counter()
    names = [n for n in primary_names(kb, split_key(key)[0]) if "." not in n] \
        if ":" not in key else []
    used = sorted((n for n in names if seen[n]), key=lambda n: (-seen[n], len(n)))
    if used:
        return used[0]
    if names or ":" not in key:
        return name_of(kb, key)
    for text, _ in seen.most_common():
        if text[:1].isupper() or any(c.isupper() for c in text):
            return re.sub(r"^(?:the|The)\s+", "", re.sub(r"['’]s$", "", text))
    return key

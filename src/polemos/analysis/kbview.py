"""What the analyses need from the knowledge base, in one narrow place.

The analyses ask the KB to resolve a name, name a code, list a grouping's members, say what an
actor is part of (and what is part of it), list an actor's names and suggest near names. A
missing KB (``None``) or one without some of these methods is allowed: names then come from the
stored mentions and parts from the ``parent`` field.

Actor keys: ``CODE`` (a state, an organisation …) or ``CODE:SECTOR`` (one sector of a state, such
as ``SOM:REB`` for an armed group the KB files under its country).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz, process


def _code_of(found: Any) -> str | None:
    if found is None:
        return None
    if isinstance(found, str):
        return found
    if isinstance(found, (list, tuple)):
        codes = [c for c in (_code_of(item) for item in found) if c]
        return codes[0] if codes else None
    code = getattr(found, "code", None)
    return code if isinstance(code, str) else None


def resolve(kb: Any, name: str, *, when: dt.date | None = None) -> str | None:
    """The actor code ``name`` stands for, or None."""
    lookup = getattr(kb, "lookup", None)
    if lookup is None:
        return None
    return _code_of(lookup(name, when=when))


def resolve_key(kb: Any, name: str, *, when: dt.date | None = None) -> str | None:
    """The actor key ``name`` stands for: its code, with the sector when the name is one
    non-state sector of a state ("al-Shabab" → "SOM:REB" in a KB that files it so)."""
    lookup = getattr(kb, "lookup", None)
    if lookup is None:
        return None
    found = lookup(name, when=when)
    first = found[0] if isinstance(found, (list, tuple)) and found else found
    code = _code_of(first)
    if code is None or isinstance(first, str):
        return code
    kind = getattr(first, "role", "")
    return key_of(code, getattr(first, "sector", None) if kind == "metonym" else None)


def name_of(kb: Any, code: str, fallback: dict[str, str] | None = None) -> str:
    """A display name for ``code`` (the KB's, else the commonest mention, else the code)."""
    namer = getattr(kb, "name_of", None)
    if namer is not None:
        name = namer(code)
        if isinstance(name, str) and name:
            return name
    return (fallback or {}).get(code, code)


def members(kb: Any, code: str, *, when: dt.date | None = None) -> tuple[str, ...]:
    """Member codes of a grouping at ``when``; () when unknown."""
    return _listed(kb, "members", code, when)


def co_chairs(kb: Any, code: str, *, when: dt.date | None = None) -> tuple[str, ...]:
    """Co-chair codes of a grouping at ``when`` (the mediating members); () when unknown."""
    return _listed(kb, "co_chairs", code, when)


def _listed(kb: Any, attr: str, code: str, when: dt.date | None) -> tuple[str, ...]:
    lister = getattr(kb, attr, None)
    if not callable(lister):
        return ()
    return tuple(dict.fromkeys(c for c in (_code_of(i) for i in lister(code, when) or ()) if c))


def near(kb: Any, name: str, choices: Iterable[str], n: int = 5) -> list[str]:
    """Nearest known names: the KB's suggestions, else fuzzy matches among ``choices``."""
    suggest = getattr(kb, "near", None)
    if suggest is not None:
        found = suggest(name, n)
        names = [item if isinstance(item, str) else getattr(item, "name", None) or _code_of(item)
                 for item in found or ()]
        if names:
            return [str(x) for x in names if x][:n]
    hits = process.extract(name, list(set(choices)), scorer=fuzz.WRatio, limit=n)
    return [hit[0] for hit in hits]


def patron_of(kb: Any, code: str) -> str | None:
    """The patron state of a de facto entity, when the KB records one."""
    for attr in ("patron_of", "patron"):
        getter = getattr(kb, attr, None)
        if callable(getter):
            return _code_of(getter(code))
    for attr in ("actor", "get", "entry"):
        getter = getattr(kb, attr, None)
        if callable(getter):
            entry = getter(code)
            return _code_of(getattr(entry, "patron", None))
    return None


def kind(kb: Any, code: str) -> str | None:
    """state, igo, defacto … or None when the KB does not know ``code``."""
    getter = getattr(kb, "kind", None)
    found = getter(code) if callable(getter) else None
    return found if isinstance(found, str) else None


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


def wholes(kb: Any, code: str, *, when: dt.date | None = None,
           members: bool = False) -> tuple[str, ...]:
    """What ``code`` is part of (transitively, nearest first): a region → its state, an armed
    group → the countries it operates in; with ``members`` the groupings it belongs to."""
    finder = getattr(kb, "wholes", None)
    if callable(finder):
        return tuple(str(c) for c in finder(code, when=when, members=members) or ())
    out: list[str] = []
    entry = _entry(kb, code)
    while entry is not None and getattr(entry, "parent", None) and entry.parent not in out:
        out.append(str(entry.parent))
        entry = _entry(kb, entry.parent)
    return tuple(out)


def parts(kb: Any, code: str, *, when: dt.date | None = None,
          members: bool = False) -> tuple[str, ...]:
    """The inverse of :func:`wholes`: a state's regions, de facto entities and the armed groups
    operating in it; with ``members`` a grouping's member states."""
    finder = getattr(kb, "parts", None)
    if callable(finder):
        return tuple(str(c) for c in finder(code, when=when, members=members) or ())
    return members_of(kb, code, when=when) if members else ()


def members_of(kb: Any, code: str, *, when: dt.date | None = None) -> tuple[str, ...]:
    return _listed(kb, "members", code, when)


def names(kb: Any, code: str) -> tuple[str, ...]:
    """Every name the KB gives ``code``: names, adjectives, demonyms and metonyms."""
    entry = _entry(kb, code)
    if entry is None:
        return ()
    found = [*getattr(entry, "names", ()), *getattr(entry, "adjectives", ()),
             *getattr(entry, "demonyms", ())]
    found += [getattr(m, "name", m) for m in getattr(entry, "metonyms", ())]
    return tuple(dict.fromkeys(str(n) for n in found if n))


def primary_names(kb: Any, code: str) -> tuple[str, ...]:
    """The KB's names of ``code`` (no adjectives, demonyms or metonyms)."""
    entry = _entry(kb, code)
    return tuple(str(n) for n in getattr(entry, "names", ()) or ()) if entry is not None else ()


def short_name(kb: Any, key: str, counts: Counter[str] | None = None) -> str:
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


def _entry(kb: Any, code: str) -> Any:
    getter = getattr(kb, "actor", None)
    return getter(code) if callable(getter) else None

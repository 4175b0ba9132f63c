"""What the analyses need from the knowledge base, in one narrow place.

The analyses only ask four things of the KB: resolve a name, name a code, list a
grouping's members and suggest near names. A missing KB (``None``) is allowed: names then
come from the stored mentions.
"""

from __future__ import annotations

import datetime as dt
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

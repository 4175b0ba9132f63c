"""Read-side helpers for the actor commands: stored mentions, actor counts, KB descriptions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from polemos.actors.entries import Period
from polemos.actors.kb import KnowledgeBase
from polemos.errors import QueryError
from polemos.store.store import Store


def mention_rows(store: Store, *, doc_id: str | None = None) -> list[dict[str, Any]]:
    """Stored mentions in text order, optionally of one document (id prefix)."""
    return [
        {"doc_id": m.doc_id, "sentence_id": m.sentence, "start": m.start, "end": m.end,
         "text": m.text, "code": m.code, "sector": m.sector, "person": m.person, "kind": m.kind,
         "confidence": m.confidence, "members": "+".join(m.members) or None, "rule": m.rule}
        for m in store.mentions(doc_prefix=doc_id)
    ]


def actor_rows(store: Store) -> list[dict[str, Any]]:
    """Resolved actors (code, sector, person) with mention and document counts, most first."""
    return [{"code": a.code, "kind": a.kind, "sector": a.sector, "person": a.person,
             "mentions": a.n_mentions, "docs": a.n_documents} for a in store.actor_counts()]


def _dates(period: Period) -> str:
    if period.start is None and period.end is None:
        return ""
    return f"{period.start or '…'} – {period.end or 'now'}"


def describe(kb: KnowledgeBase, name: str) -> list[dict[str, Any]]:
    """What the KB knows about NAME (a name, code or person): one dict per actor or person.

    Raises:
        QueryError: nothing is known, with the closest names as suggestions.
    """
    found: list[dict[str, Any]] = []
    codes = [name] if kb.actor(name) else [c.code for c in kb.lookup(name) if c.code and not c.person]
    for code in dict.fromkeys(codes):
        found.append(_describe_actor(kb, code))
    people = [c.person for c in kb.lookup(name) if c.person] + ([name] if kb.person(name) else [])
    for person in dict.fromkeys(people):
        found.append(_describe_person(kb, person))
    if not found:
        hint = ", ".join(kb.near(name, 5))
        raise QueryError(f"the knowledge base knows nothing called {name!r}. Did you mean: {hint}?"
                         " Add it with a user file (see docs/kb.md) and --actors.")
    return found


def _describe_actor(kb: KnowledgeBase, code: str) -> dict[str, Any]:
    actor = kb.actors[code]
    info: dict[str, Any] = {"code": code, "kind": actor.kind, "names": list(actor.names)}
    for key in ("adjectives", "demonyms"):
        if getattr(actor, key):
            info[key] = list(getattr(actor, key))
    if actor.metonyms:
        info["metonyms"] = [m.name if m.sector == "GOV" else f"{m.name} ({m.sector})"
                            for m in actor.metonyms]
    if _dates(actor.period):
        info["exists"] = _dates(actor.period)
    for key in ("parent", "patron", "successor", "plover"):
        if getattr(actor, key):
            info[key] = getattr(actor, key)
    for key in ("members", "co_chairs", "part_of", "governs", "affiliations"):
        items = getattr(actor, key)
        if items:
            info[key] = [f"{m.code} {_dates(m.period)}".strip() for m in items]
    if actor.sectors:
        info["sector"] = [f"{t.sector} {_dates(t.period)}".strip() for t in actor.sectors]
    info.update(_partonomy(kb, code))
    holders = sorted((o.period.start or dt.date.min, f"{o.office}: {person} {_dates(o.period)}")
                     for (_, country), terms in kb.holders.items() if country == code
                     for o, person in terms)
    if holders:
        info["office holders (latest 20)"] = [text.strip() for _, text in holders][-20:]
    plover = kb.plover_code(code)
    info["plover"] = f"{plover[0]}" + (f" + {plover[1]}" if plover[1] else "")
    info["source"] = actor.source
    return info


def _partonomy(kb: KnowledgeBase, code: str) -> dict[str, Any]:
    """What ``code`` lies in and what lies in it, at any date (the first 30 parts)."""
    info: dict[str, Any] = {}
    wholes, parts = kb.wholes(code), kb.parts(code)
    if wholes:
        info["within"] = list(wholes)
    if parts:
        more = [f"… {len(parts) - 30} more"] if len(parts) > 30 else []
        info["parts"] = list(parts[:30]) + more
    return info


def _describe_person(kb: KnowledgeBase, name: str) -> dict[str, Any]:
    person = kb.people[name]
    return {
        "person": person.name, "aliases": list(person.aliases),
        "offices": [f"{o.office} {o.country} {_dates(o.period)}".strip()
                    + (f" ({o.title})" if o.title else "") for o in person.offices],
        "source": person.source,
    }

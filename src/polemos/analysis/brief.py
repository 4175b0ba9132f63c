"""Actor briefs: roles, stance, timeline, assessments and disagreements, every line cited.

``build_brief`` reads the store once and assembles a frozen :class:`Brief`; the summary is
made of template sentences over the structured parts (no language model), so each of its
sentences can be traced to the evidence listed under the part it summarises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from polemos.analysis import kbview
from polemos.analysis.conflicts import Conflict, Conflicts, load_conflicts
from polemos.analysis.corpus import Corpus, load_corpus
from polemos.analysis.model import (
    Account,
    Assessment,
    Brief,
    Disagreement,
    Evidence,
    Role,
    Source,
    Stance,
    TimelineItem,
)
from polemos.analysis.render import render_brief, render_brief_html
from polemos.analysis.roles import find_roles
from polemos.analysis.scope import Scope, build_scope, codes_of, is_usable
from polemos.analysis.summary import summarise
from polemos.claims.extract import CODER
from polemos.claims.lexicon import ROLE_TOPICS, load_lexicon
from polemos.errors import QueryError
from polemos.records import Claim, Event, EventDate
from polemos.store.store import Store

__all__ = [
    "brief_from_corpus",
    "build_brief",
    "render_brief",
    "render_brief_html",
    "resolve_actor",
]

WHY = re.compile(r"^(?:First|Second|Third|Finally|These|This|Because|As a result|"
                 r"Therefore|Thus|Indeed|Moreover)\b")
MAX_TIMELINE = 40
# conclusions about change and partiality first: they are what a reader of a brief looks for
ASSESSMENT_ORDER = ("influence_decline", "influence_rise", "partiality", "capability",
                    "restraint", "interests", "balance")
DISAGREE_YEARS = 3  # two dates further apart than this are about different things


def build_brief(
    store: Store, actor: str, *, conflict: str | Conflict, since: int | None = None,
    until: int | None = None, kb: Any = None, conflicts: Conflicts | None = None,
) -> Brief:
    """The brief of ``actor`` (a code or a name) in ``conflict``.

    Raises:
        QueryError: unknown actor or conflict (the message lists the nearest names).
    """
    corpus = load_corpus(store)
    if isinstance(conflict, str):
        conflict = (conflicts or load_conflicts()).find(conflict)
    code = resolve_actor(corpus, actor, kb=kb)
    return brief_from_corpus(corpus, code, conflict, since=since, until=until, kb=kb)


def resolve_actor(corpus: Corpus, actor: str, *, kb: Any = None) -> str:
    """The actor code for a code or a name; QueryError with near names when unknown."""
    known = corpus.known_codes() | {c for e in corpus.events for c in codes_of(e)} | {
        c.holder for c in corpus.claims}
    if actor in known:
        return actor
    code = kbview.resolve(kb, actor)
    if code is not None:
        return code
    by_name = {name.lower(): code for code, name in corpus.names.items()}
    if actor.lower() in by_name:
        return by_name[actor.lower()]
    if actor.upper() in known:
        return actor.upper()
    choices = [*corpus.names.values(), *known]
    near = kbview.near(kb, actor, choices)
    raise QueryError(
        f"unknown actor {actor!r}: no such name or code in the knowledge base or the store. "
        f"Nearest known names: {', '.join(near) or '(none: the store is empty)'}. "
        "Use one of these, or an actor code such as RUS."
    )


def brief_from_corpus(corpus: Corpus, actor: str, conflict: Conflict, *,
                      since: int | None = None, until: int | None = None,
                      kb: Any = None) -> Brief:
    """Assemble the brief from an already-loaded corpus (pure)."""
    from polemos.analysis.stance import find_stances

    scope = build_scope(corpus, conflict, since=since, until=until)
    roles = tuple(find_roles(corpus, scope, actor, kb=kb))
    stances = tuple(find_stances(corpus, scope, actor))
    timeline = tuple(build_timeline(corpus, scope, actor, kb=kb))
    assessments = tuple(find_assessments(corpus, scope, actor))
    disagreements = tuple(find_disagreements(corpus, scope, actor, kb=kb))
    groups = {code for r in roles for rule in r.rules if rule.startswith("kb:")
              for code in rule.rsplit(":", 1)[-1].split("+")}
    codes = {actor, *conflict.party_codes, *(c for r in roles for c in r.toward), *groups}
    names = tuple((c, kbview.name_of(kb, c, corpus.names)) for c in sorted(codes))
    parts = Brief(
        actor_code=actor, actor_name=dict(names)[actor], conflict=conflict.name,
        parties=conflict.party_codes, summary="", roles=roles, stance=stances,
        timeline=timeline, assessments=assessments, disagreements=disagreements,
        sources=_sources(corpus, roles, stances, timeline, assessments, disagreements),
        names=names, since=since, until=until, is_scope_inferred=conflict.is_inferred,
    )
    return _with_summary(parts)


def _with_summary(brief: Brief) -> Brief:
    from dataclasses import replace

    return replace(brief, summary=summarise(brief))


# -- timeline ----------------------------------------------------------------------------


def build_timeline(corpus: Corpus, scope: Scope, actor: str, *, kb: Any = None) -> list[TimelineItem]:
    """Dated events of the actor (merged reports once), then dated role statements."""
    groups: dict[str, list[Event]] = {}
    for event in corpus.events:
        if (is_usable(event) and event.date.value is not None and scope.has_event(event)
                and actor in codes_of(event)):
            groups.setdefault(corpus.merged.get(event.event_id, event.event_id), []).append(event)
    items = [_event_item(corpus, merged_id, events, kb) for merged_id, events in groups.items()]
    cited = {(e.doc_id, e.sentence_id) for item in items for e in item.evidence}
    is_grouping = bool(kbview.co_chairs(kb, actor))
    for claim in corpus.claims:
        about = claim.holder == actor or (is_grouping and actor in claim.toward)
        if (about and claim.topic in ROLE_TOPICS and claim.date.value is not None
                and claim.date.basis == "text" and scope.has_claim(claim)
                and (claim.doc_id, claim.sentence) not in cited):
            cited.add((claim.doc_id, claim.sentence))
            items.append(_claim_item(corpus, claim, kbview.name_of(kb, actor, corpus.names)))
    items.sort(key=lambda i: (i.date, i.event_id or ""))
    return items[:MAX_TIMELINE]


def _best_date(events: Iterable[Event]) -> EventDate:
    order = {"day": 0, "month": 1, "year": 2, "decade": 3}
    return min((e.date for e in events), key=lambda d: order.get(d.precision or "", 9))


def _event_item(corpus: Corpus, merged_id: str, events: list[Event], kb: Any) -> TimelineItem:
    first = events[0]
    date = _best_date(events)

    def names(parts: Iterable[Any]) -> str:
        return ", ".join(dict.fromkeys(kbview.name_of(kb, p.code, corpus.names) for p in parts))

    text = f"{names(first.actors)} {first.type.lower()} ({first.cameo})".strip()
    if first.recipients:
        text += f" → {names(first.recipients)}"
    if first.trigger:
        text += f": “{first.trigger}”"
    evidence = tuple(dict.fromkeys(corpus.evidence(e.doc_id, e.sentence) for e in events))
    return TimelineItem(date.iso or "", date.precision, text, merged_id, evidence)


def _claim_item(corpus: Corpus, claim: Claim, name: str) -> TimelineItem:
    label = claim.topic.replace("_", " ")
    return TimelineItem(claim.date.iso or "", claim.date.precision, f"{name}: {label} (statement)",
                        None,
                        (corpus.evidence(claim.doc_id, claim.sentence),))


# -- assessments -----------------------------------------------------------------------


def find_assessments(corpus: Corpus, scope: Scope, actor: str) -> list[Assessment]:
    """Authors' conclusions about the actor, one per sentence, with the sentences that say why."""
    by_sentence: dict[tuple[str, int], list[Claim]] = {}
    for claim in corpus.claims:
        if claim.kind == "assessment" and claim.holder == actor and scope.has_claim(claim):
            by_sentence.setdefault((claim.doc_id, claim.sentence), []).append(claim)
    out = []
    for (doc_id, idx), claims in sorted(by_sentence.items()):
        topics = tuple(dict.fromkeys(c.topic for c in claims))
        evidence = [corpus.evidence(doc_id, idx)]
        for nxt in (idx + 1, idx + 2):
            follow = corpus.evidence(doc_id, nxt)
            if not follow.text or not WHY.match(follow.text):
                break
            evidence.append(follow)
        label = ", ".join(t.replace("_", " ") for t in topics)
        out.append(Assessment(f"{label}: {evidence[0].text}", topics, tuple(evidence)))
    return sorted(out, key=lambda a: min(ASSESSMENT_ORDER.index(t) if t in ASSESSMENT_ORDER
                                         else len(ASSESSMENT_ORDER) for t in a.topics))


# -- disagreements ---------------------------------------------------------------------


def find_disagreements(corpus: Corpus, scope: Scope, actor: str, *,
                       kb: Any = None) -> list[Disagreement]:
    """Texts that give different dates for the same thing, side by side.

    The same thing: one merged event, or (across documents) the same event type and
    actors, or the same kind of statement by the actor; dates a few years apart at most.
    """
    keyed: dict[tuple[str, ...], list[tuple[EventDate, Evidence, str]]] = {}
    for event in corpus.events:
        if is_usable(event) and event.date.value and scope.has_event(event) and actor in codes_of(
                event):
            ev = corpus.evidence(event.doc_id, event.sentence)
            merged = corpus.merged.get(event.event_id, event.event_id)
            keyed.setdefault(("merged", merged), []).append((event.date, ev, event.doc_id))
            key = ("event", event.cameo, *sorted(p.code for p in event.actors),
                   "→", *sorted(p.code for p in event.recipients))
            keyed.setdefault(key, []).append((event.date, ev, event.doc_id))
    once = {f"{CODER}:{cue.id}" for cue in load_lexicon().cues if cue.is_once}
    for claim in corpus.claims:
        if (claim.holder == actor and claim.rule in once and claim.date.value
                and claim.date.basis == "text" and scope.has_claim(claim)):
            key = ("claim", claim.rule)
            keyed.setdefault(key, []).append(
                (claim.date, corpus.evidence(claim.doc_id, claim.sentence), claim.doc_id))
    out: dict[frozenset[tuple[str, int]], Disagreement] = {}
    for key, accounts in keyed.items():
        found = _conflicting(accounts, is_merged=key[0] == "merged")
        if found:
            about = _about(key, actor, corpus, kb)
            ids = frozenset((a.evidence.doc_id, a.evidence.sentence_id) for a in found)
            out.setdefault(ids, Disagreement(about, found))
    return list(out.values())


def _conflicting(accounts: list[tuple[EventDate, Evidence, str]], *,
                 is_merged: bool) -> tuple[Account, ...]:
    """Two accounts from different documents whose dates cannot both hold."""
    for i, (date_a, ev_a, doc_a) in enumerate(accounts):
        for date_b, ev_b, doc_b in accounts[i + 1:]:
            if doc_a == doc_b or date_a.value is None or date_b.value is None:
                continue
            gap = abs(date_a.value.year - date_b.value.year)
            if date_a.iso == date_b.iso or _overlaps(date_a, date_b):
                continue
            if is_merged or 0 < gap <= DISAGREE_YEARS:
                return (Account(date_a.iso or "", ev_a), Account(date_b.iso or "", ev_b))
    return ()


def _overlaps(a: EventDate, b: EventDate) -> bool:
    """One date contains the other (1994 and 1994-05-12 are compatible)."""
    ia, ib = a.iso or "", b.iso or ""
    return ia.startswith(ib) or ib.startswith(ia)


def _about(key: tuple[str, ...], actor: str, corpus: Corpus, kb: Any) -> str:
    name = kbview.name_of(kb, actor, corpus.names)
    if key[0] == "claim":
        return f"when {name}'s {key[1].rsplit(':', 1)[-1].replace('-', ' ')} role began"
    if key[0] == "event":
        return f"the date of a {key[1]} event involving {name}"
    return f"the date of one event involving {name}"


# -- sources ---------------------------------------------------------------------------


def _sources(corpus: Corpus, roles: tuple[Role, ...], stances: tuple[Stance, ...],
             timeline: tuple[TimelineItem, ...], assessments: tuple[Assessment, ...],
             disagreements: tuple[Disagreement, ...]) -> tuple[Source, ...]:
    parts: list[Role | Stance | TimelineItem | Assessment] = [*roles, *stances, *timeline,
                                                              *assessments]
    evidence: list[Evidence] = [e for part in parts for e in part.evidence]
    evidence += [a.evidence for d in disagreements for a in d.accounts]
    doc_ids = dict.fromkeys(e.doc_id for e in evidence)
    return tuple(corpus.sources[d] for d in doc_ids if d in corpus.sources)

"""Roles of an actor in a conflict, from events, statements and the knowledge base.

Every rule is general: it reads event codes (CAMEO), the mediators field, claim topics
(from the cue lexicon) and KB facts (groupings, patrons); nothing names a conflict.
Flagged events (negated, hypothetical, attempted) never count.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from polemos.analysis import kbview
from polemos.analysis.corpus import Corpus
from polemos.analysis.kbview import ActorKB, key_of, split_key
from polemos.analysis.model import ROLES, Evidence, Role
from polemos.analysis.scope import Scope, is_hedged, is_question, is_usable
from polemos.claims.lexicon import load_lexicon
from polemos.records import Claim, Event, EventDate

HOSTING = re.compile(r"\b(?:host\w*|organi[sz]\w*|arrang\w*|summit|convened?|venue)\b", re.IGNORECASE)
ALLIANCE_TOPICS = ("alliance", "military_presence")
MEDIATION_TOPICS = ("mediation", "ceasefire")
THIRD_PARTY_ROLES = ("mediator", "host", "guarantor", "peacekeeper", "observer")


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of evidence for one role."""

    role: str
    toward: tuple[str, ...]
    doc_id: str
    sentence: int
    date: EventDate
    rule: str


def find_roles(corpus: Corpus, scope: Scope, actor: str, *, kb: ActorKB | None = None) -> list[Role]:
    """All roles of ``actor`` in the scoped conflict, strongest evidence first."""
    findings = [
        *_event_findings(corpus, scope, actor),
        *_claim_findings(corpus, scope, actor, kb),
        *_kb_findings(corpus, scope, actor, kb),
    ]
    if actor in scope.conflict.party_keys:
        findings += [Finding("party", _others(scope, actor), f.doc_id, f.sentence, f.date,
                             "conflict:party") for f in _mentions_of(corpus, scope, actor)]
    if actor in scope.conflict.party_keys:
        findings = [f for f in findings if f.role not in THIRD_PARTY_ROLES]
    roles = [_with_co_chairs(r, actor, kb) for r in _group(corpus, findings)]
    if not any(r.role != "observer" for r in roles):
        roles += _observer(corpus, scope, actor)
    return roles


def _with_co_chairs(role: Role, actor: str, kb: ActorKB | None) -> Role:
    """A mediating grouping's role names its co-chairs at the last date of the evidence."""
    if role.role != "mediator" or not role.last:
        return role
    year, month = int(role.last[:4]), int(role.last[5:7] or 1) if len(role.last) >= 7 else 12
    chairs = kbview.co_chairs(kb, actor, when=dt.date(year, month, 1))
    if not chairs:
        return role
    return replace(role, rules=(*role.rules, f"kb:co-chaired-by:{'+'.join(chairs)}"))


def _others(scope: Scope, actor: str) -> tuple[str, ...]:
    return tuple(c for c in scope.conflict.party_keys if c != actor)


def _sides(scope: Scope, actor: str) -> tuple[str, ...]:
    """What "both sides" means: the first two parties listed (the main sides); nothing when
    the scope has no two sides (a question over the whole corpus)."""
    if len(scope.conflict.party_keys) < 2:
        return ()
    return tuple(c for c in scope.conflict.party_keys[:2] if c != actor)


def _camp(scope: Scope, key: str) -> str:
    """The side a party stands on: a de facto party stands with its patron."""
    return dict(scope.conflict.patrons).get(key, key)


def _spans_camps(scope: Scope, keys: Iterable[str]) -> bool:
    """Whether ``keys`` hold parties of both main sides: an agreement signed with, or a truce
    or aid given to, both sides at once takes no side (it is no alliance or support)."""
    sides = {_camp(scope, k) for k in scope.conflict.party_keys[:2]}
    return len(sides) == 2 and sides <= {_camp(scope, k) for k in keys}


def _parties_in(scope: Scope, keys: Iterable[str], actor: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k for k in keys if k in scope.conflict.party_keys and k != actor))


def _keys(parts: Iterable[Any]) -> list[str]:
    return [key_of(p.code, p.sector) for p in parts if p.code is not None]


def _holds(claim: Claim, actor: str) -> bool:
    """Claims name their holder by code only: they count for a state (not for one of its
    non-state sectors)."""
    code, sector = split_key(actor)
    return claim.holder == code and sector is None


# -- events ----------------------------------------------------------------------------


def _event_findings(corpus: Corpus, scope: Scope, actor: str) -> list[Finding]:
    out = []
    for event in corpus.events:
        # an event gives the actor a role only when it acts or mediates in it: checked first,
        # as it is the cheapest test and rules out most events
        if actor not in _keys((*event.actors, *event.mediators)):
            continue
        if not is_usable(event) or is_hedged(event) or not scope.has_event(event):
            continue
        for role, toward, rule in _event_roles(event, scope, actor):
            out.append(Finding(role, toward, event.doc_id, event.sentence, event.date, rule))
    return out


def _event_roles(event: Event, scope: Scope, actor: str) -> list[tuple[str, tuple[str, ...], str]]:
    """(role, toward, rule) for the event, seen from ``actor``."""
    sources = set(_keys(event.actors))
    targets = _parties_in(scope, _keys(event.recipients), actor)
    mediators = set(_keys(event.mediators))
    all_parties = _parties_in(scope, _keys((*event.actors, *event.recipients)), actor)
    found: list[tuple[str, tuple[str, ...], str]] = []
    cameo, kind = event.cameo, event.type.upper()
    if actor in mediators:
        found.append(("mediator", all_parties or _sides(scope, actor), "event:mediators"))
    if actor not in sources:
        return found
    if cameo.startswith("045") or kind == "MEDIATE":
        found.append(("mediator", targets or _sides(scope, actor), f"cameo:{cameo}"))
    is_military = kind == "AID" and (event.mode or "").lower().startswith("mil")
    if targets and (cameo.startswith("072") or is_military):
        found.append(("arms_supplier", targets, f"cameo:{cameo}"))
    # "A and B held joint drills"; in the order the text names them, not a set's
    partners = targets or _parties_in(scope, _keys(event.actors), actor)
    partisan = not _spans_camps(scope, partners)
    if partners and partisan and cameo.startswith(("062", "0312", "057")):
        found.append(("ally", partners, f"cameo:{cameo}"))
    if cameo.startswith("074"):
        found.append(("peacekeeper", targets or _sides(scope, actor), f"cameo:{cameo}"))
    if cameo.startswith("043") and len(targets) >= 1:
        found.append(("host", targets, f"cameo:{cameo}"))
    if targets and event.quad == 4 and cameo.startswith(("18", "19", "20")):
        found.append(("party", targets, f"cameo:{cameo}"))  # it fights a party
    elif targets and (event.quad == 3 or cameo.startswith(("16", "17"))):
        found.append(("critic", targets, f"quad:{event.quad}"))
    if (targets and partisan and cameo.startswith(("06", "07"))
            and not cameo.startswith(("072", "074")) and event.goldstein >= 5):
        found.append(("supporter", targets, f"quad:{event.quad}"))
    return found


# -- statements ------------------------------------------------------------------------

_CLAIM_ROLES = {
    "mediation": "mediator", "ceasefire": "mediator", "arms_supply": "arms_supplier",
    "peacekeeping": "peacekeeper", "support": "supporter", "condemnation": "critic",
    "sanction": "critic",
}


def _claim_findings(corpus: Corpus, scope: Scope, actor: str, kb: ActorKB | None = None) -> list[Finding]:
    both = load_lexicon().both_sides
    is_grouping = bool(kbview.co_chairs(kb, actor))
    out = []
    for claim in corpus.claims:
        if not scope.has_claim(claim) or is_question(claim.text):
            continue
        if claim.topic in ALLIANCE_TOPICS:
            out += _alliance(corpus, scope, actor, claim)
            continue
        if is_grouping and claim.topic in MEDIATION_TOPICS and actor in claim.toward:
            out.append(Finding("mediator", _sides(scope, actor), claim.doc_id, claim.sentence,
                               claim.date, f"{claim.rule}:within-grouping"))
            continue
        if not _holds(claim, actor):
            continue
        toward = _parties_in(scope, claim.toward, actor)
        if not toward and both.search(claim.text):
            toward = _sides(scope, actor)
        out += _claim_roles(claim, scope, actor, toward)
    return out


def _claim_roles(claim: Claim, scope: Scope, actor: str, toward: tuple[str, ...]) -> list[Finding]:
    role = _CLAIM_ROLES.get(claim.topic)
    if role is None:
        return []
    rule = claim.rule or f"topic:{claim.topic}"
    if role in ("arms_supplier", "supporter", "critic") and not toward:
        return []
    if role == "supporter" and claim.polarity <= 0:
        return []
    toward = toward or _sides(scope, actor)
    found = [Finding(role, toward, claim.doc_id, claim.sentence, claim.date, rule)]
    if role == "mediator" and HOSTING.search(claim.text):
        found.append(Finding("host", toward, claim.doc_id, claim.sentence, claim.date, rule))
    if claim.rule.endswith(":guarantor"):
        found.append(Finding("guarantor", toward, claim.doc_id, claim.sentence, claim.date,
                             rule))
    return found


def _alliance(corpus: Corpus, scope: Scope, actor: str, claim: Claim) -> list[Finding]:
    """Alliance statements are symmetric: the actor and a party as holder and target of the
    cue. (Membership of a common grouping is the KB rule in :func:`_grouping_findings`.)"""
    pair = {claim.holder, *claim.toward}
    allies = _parties_in(scope, pair, actor) if split_key(actor)[0] in pair else ()
    if not allies:
        return []
    return [Finding("ally", allies, claim.doc_id, claim.sentence, claim.date,
                    claim.rule or f"topic:{claim.topic}")]


# -- knowledge base --------------------------------------------------------------------


def _kb_findings(corpus: Corpus, scope: Scope, actor: str, kb: ActorKB | None) -> list[Finding]:
    """Patron of a de facto party; member of a grouping that mediates or allies a party."""
    out: list[Finding] = []
    patrons = dict(scope.conflict.patrons)
    for party in scope.conflict.party_keys:
        patron = kbview.patron_of(kb, party) or patrons.get(party)
        if patron == actor:
            out += [Finding("patron", (party,), f.doc_id, f.sentence, f.date, "kb:patron")
                    for f in _mentions_of(corpus, scope, party, also=actor)]
    out += _grouping_findings(corpus, scope, actor, kb)
    return out


def _grouping_findings(corpus: Corpus, scope: Scope, actor: str, kb: ActorKB | None) -> list[Finding]:
    """Groupings lend roles: a co-chair shares the grouping's mediation; fellow members of a
    grouping named in an alliance statement are allies (membership at the statement's date)."""
    out: list[Finding] = []
    mentioned = {code for refs in corpus.mentions.values() for ref in refs
                 for code in ([ref.code] if ref.code else [])}
    for grouping in sorted(mentioned - {actor}):  # sorted: findings in a stable order
        if actor in kbview.co_chairs(kb, grouping):
            for f in _event_findings(corpus, scope, grouping) + _claim_findings(
                    corpus, scope, grouping, kb):
                if f.role == "mediator" and actor in kbview.co_chairs(kb, grouping,
                                                                      when=f.date.value):
                    out.append(Finding("mediator", f.toward, f.doc_id, f.sentence, f.date,
                                       f"kb:co-chair-of:{grouping}"))
    latest: dict[str, dt.date] | None = None
    for claim in corpus.claims:
        if claim.topic != "alliance" or not scope.has_claim(claim):
            continue
        for grouping in sorted(corpus.codes_in(claim.doc_id, claim.sentence) - {actor}):
            if claim.date.value is None and latest is None:
                latest = _latest_dates(corpus)  # once: a scan of every sentence
            when = claim.date.value or (latest or {}).get(claim.doc_id)
            group = kbview.members(kb, grouping, when=when)
            if actor in group:
                allies = _parties_in(scope, group, actor)
                allies = tuple(a for a in allies if a in corpus.codes_in(claim.doc_id,
                                                                         claim.sentence))
                if allies:
                    out.append(Finding("ally", allies, claim.doc_id, claim.sentence, claim.date,
                                       f"kb:member-of:{grouping}"))
    return out


def _latest_dates(corpus: Corpus) -> dict[str, dt.date]:
    """The latest date any sentence of each document speaks of."""
    latest: dict[str, dt.date] = {}
    for (doc, _), (_, _, d) in corpus.sentences.items():
        if d.value is not None and (doc not in latest or d.value > latest[doc]):
            latest[doc] = d.value
    return latest


def _mentions_of(corpus: Corpus, scope: Scope, code: str, *, also: str | None = None,
                 limit: int = 3) -> list[Finding]:
    out = []
    for (doc_id, idx) in sorted(corpus.mentions):
        codes = corpus.keys_in(doc_id, idx)
        if code in codes and (also is None or also in codes) and scope.has_sentence(doc_id, idx):
            out.append(Finding("", (), doc_id, idx, corpus.date_of(doc_id, idx), "mention"))
            if len(out) >= limit:
                break
    return out


def _observer(corpus: Corpus, scope: Scope, actor: str) -> list[Role]:
    found = [Finding("observer", _others(scope, actor), f.doc_id, f.sentence, f.date, "mention")
             for f in _mentions_of(corpus, scope, actor)]
    return _group(corpus, found) if found else []


# -- grouping findings into roles --------------------------------------------------------


def _group(corpus: Corpus, findings: list[Finding]) -> list[Role]:
    by_role: dict[str, list[Finding]] = {}
    for f in findings:
        by_role.setdefault(f.role, []).append(f)
    roles = [_role(corpus, name, items) for name, items in by_role.items()]
    return sorted(roles, key=lambda r: (-r.strength, ROLES.index(r.role)))


def _role(corpus: Corpus, name: str, items: list[Finding]) -> Role:
    toward = tuple(dict.fromkeys(c for f in items for c in f.toward))
    seen: dict[tuple[str, int], Evidence] = {}
    for f in _diverse(items):
        seen.setdefault((f.doc_id, f.sentence), corpus.evidence(f.doc_id, f.sentence))
    dates = sorted((f.date for f in items if f.date.value is not None),
                   key=lambda d: d.value)  # type: ignore[arg-type, return-value]
    n = len(seen)
    return Role(
        role=name, toward=toward, first=dates[0].iso if dates else None,
        last=(dates[-1].iso if dates else None), strength=round(1 - 0.6 ** n, 2),
        evidence=tuple(seen.values()), rules=tuple(dict.fromkeys(f.rule for f in items)),
        grounds=_grounds(corpus, items),
    )


def _grounds(corpus: Corpus, items: list[Finding]) -> tuple[tuple[str, str, tuple[int, ...]], ...]:
    """For every cue rule behind a role: the (first two different) words the cue matched
    ("strategic partnership"), and the years of its dated findings."""
    cues = {cue.id: cue for cue in load_lexicon().cues}
    out: list[tuple[str, str, tuple[int, ...]]] = []
    for rule in dict.fromkeys(f.rule for f in items):
        cue = cues.get(rule.split(":")[1]) if rule.startswith("cues.") else None
        if cue is None:
            continue
        mine = [f for f in items if f.rule == rule]
        years = sorted({f.date.value.year for f in mine if f.date.value is not None})
        phrases = dict.fromkeys(filter(None, (_matched(cue.patterns, corpus.evidence(
            f.doc_id, f.sentence).text).lower() for f in mine)))
        distinct: list[str] = []
        for phrase in phrases:
            if not any(phrase.startswith(p) or p.startswith(phrase) for p in distinct):
                distinct.append(phrase)
        out.append((rule, ", ".join(distinct[:2]), tuple(years)))
    return tuple(out)


TRAILING = re.compile(r"(?:\s+(?:between|of|to|with|for|by|the|a|an|and|its|their))+$",
                      re.IGNORECASE)


def _matched(patterns: Iterable[re.Pattern[str]], text: str) -> str:
    """The words the first matching pattern covers (at most 6, no dangling "between")."""
    for pattern in patterns:
        found = pattern.search(text)
        if found:
            words = found.group().split()
            return TRAILING.sub("", " ".join(words)) if len(words) <= 6 else ""
    return ""


def _diverse(items: list[Finding]) -> list[Finding]:
    """Date order, but the first finding of every rule comes before any second one, so the
    first citations of a role show the different grounds it rests on; among those firsts,
    the ones dated by their own text and naming whom the role is toward come first."""
    ordered = sorted(items, key=lambda f: (f.date.value is None, f.date.value or dt.date.min,
                                           f.doc_id, f.sentence))
    firsts: dict[str, Finding] = {}
    for f in ordered:
        firsts.setdefault(f.rule, f)
    head = sorted(firsts.values(), key=lambda f: -((f.date.basis == "text") + bool(f.toward)))
    return head + [f for f in ordered if f not in head]

"""Stance of an actor toward each party: an alignment in [-1, 1], per year and overall.

Events count in both directions (actor → party and party → actor), each weighted by its
Goldstein score / 10; stance statements (recognises the territorial integrity of X,
calls on X to withdraw, backs Y) count with their polarity and twice the weight of one
event, because they state a position outright. Flagged events never count. A value is
shown only when it rests on at least ``MIN_STANCE_SENTENCES`` cited sentences (see
``model.Stance.is_shown``); below that the stance is withheld and its basis is shown.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from polemos.analysis.corpus import Corpus
from polemos.analysis.kbview import key_of
from polemos.analysis.model import Evidence, Stance
from polemos.analysis.scope import Scope, is_hedged, is_question, is_usable
from polemos.claims.lexicon import STANCE_TOPICS
from polemos.records import EventDate

STATEMENT_WEIGHT = 2.0


@dataclass(frozen=True, slots=True)
class Signal:
    value: float  # -1 … +1
    weight: float
    date: EventDate
    doc_id: str
    sentence: int
    statement: str | None = None


def find_stances(corpus: Corpus, scope: Scope, actor: str) -> list[Stance]:
    """One stance per party of the conflict (the actor itself excluded)."""
    out = []
    for party in scope.conflict.party_keys:
        if party == actor:
            continue
        signals = _event_signals(corpus, scope, actor, party) + _claim_signals(
            corpus, scope, actor, party)
        out.append(_stance(corpus, party, signals))
    return out


def _event_signals(corpus: Corpus, scope: Scope, actor: str, party: str) -> list[Signal]:
    out = []
    for event in corpus.events:
        sources = {key_of(p.code, p.sector) for p in event.actors if p.code is not None}
        targets = {key_of(p.code, p.sector) for p in event.recipients if p.code is not None}
        if not ((actor in sources and party in targets) or (party in sources and actor in targets)):
            continue  # the cheap test first: most events are between other actors
        if is_usable(event) and not is_hedged(event) and scope.has_event(event):
            out.append(Signal(max(-1.0, min(1.0, event.goldstein / 10)), 1.0, event.date,
                              event.doc_id, event.sentence))
    return out


def _claim_signals(corpus: Corpus, scope: Scope, actor: str, party: str) -> list[Signal]:
    out = []
    for claim in corpus.claims:
        if claim.topic not in STANCE_TOPICS or not scope.has_claim(claim) or is_question(claim.text):
            continue
        if (claim.holder == actor and party in claim.toward) or (
                claim.holder == party and actor in claim.toward):
            label = claim.topic.replace("_", " ") + (f" by {party}" if claim.holder == party else "")
            out.append(Signal(claim.polarity, STATEMENT_WEIGHT, claim.date, claim.doc_id,
                              claim.sentence, f"{label}: {claim.text}"))
    return out


def _mean(signals: list[Signal]) -> float:
    total = sum(s.weight for s in signals)
    return round(sum(s.value * s.weight for s in signals) / total, 2) if total else 0.0


def _stance(corpus: Corpus, party: str, signals: list[Signal]) -> Stance:
    years: dict[int, list[Signal]] = defaultdict(list)
    for s in signals:
        if s.date.value is not None:
            years[s.date.value.year].append(s)
    evidence: dict[tuple[str, int], Evidence] = {}
    for s in signals:
        evidence.setdefault((s.doc_id, s.sentence), corpus.evidence(s.doc_id, s.sentence))
    statements = tuple(dict.fromkeys(s.statement for s in signals if s.statement))
    return Stance(
        toward=party, alignment=_mean(signals), statements=statements,
        evidence=tuple(evidence.values()),
        by_year=tuple((year, _mean(items)) for year, items in sorted(years.items())),
        n_events=sum(1 for s in signals if s.statement is None), n_statements=len(statements),
    )

"""Claims of responsibility: "X claimed responsibility for the attack" names who carried out the
attack the story told before ("Gunmen stormed a hotel on Tuesday … Al-Shabab claimed
responsibility for the attack").

A claim is an event whose trigger is a definite event noun ("the attack", "this bombing")
governed by "responsibility for" or "credit for". The attacks it refers back to are the events
of the same type in the few sentences before it that name no actor: they take the claimant as
actor, and the claim takes their recipients and date when it has none of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from polemos.records import Event

SHARES = frozenset({"responsibility", "credit"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
REACH = 10  # sentences back a claim may refer to (a story tells the attack, then its toll, then the claim)


def _is_claim(trigger: Token) -> bool:
    """'claimed responsibility for the attack', 'took credit for Tuesday's bombing'."""
    prep = trigger.head
    return trigger.dep_ == "pobj" and prep.lower_ == "for" and prep.head.lemma_.lower() in SHARES \
        and any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE
                for c in trigger.children)


def credit_claimed(events: Sequence[Event], doc: Doc) -> list[Event]:
    """Events with the claimed attacks given their claimant (and the claims their attack's
    recipients and date)."""
    out = list(events)
    for i, claim in enumerate(events):
        if not claim.actors:
            continue
        span = doc.char_span(claim.trigger_start, claim.trigger_end, alignment_mode="expand")
        if span is None or not len(span) or not _is_claim(span[0]):
            continue
        earlier = [j for j, e in enumerate(out) if e.type == claim.type and not e.actors
                   and claim.sentence - REACH <= e.sentence < claim.sentence]
        for j in earlier:
            out[j] = replace(out[j], actors=claim.actors)
        if not earlier:
            continue
        told = out[earlier[0]]
        dated = next((out[j].date for j in earlier if out[j].date.value is not None), None)
        out[i] = replace(claim, recipients=claim.recipients or told.recipients,
                         date=dated if claim.date.value is None and dated is not None
                         else claim.date)
    return out

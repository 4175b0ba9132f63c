"""Negated, hypothetical and attempted events: cues around the trigger in the parse.

The walk goes from the trigger up through the words that govern it (to → try → …)
for a few arcs, and stops at a new finite clause, so a negated reporting verb does
not negate what is reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
MODALS = frozenset({"would", "could", "might", "may", "will", "shall", "should", "'d", "'ll", "wo"})
HYPOTHETICAL_GOVERNORS = frozenset({
    "ready", "willing", "want", "wish", "aim", "plan", "intend", "hope", "prepare", "prepared",
    "expect", "likely", "possible", "potential", "propose", "proposal", "prospect", "consider",
    "able", "seem", "desire", "eager", "keen", "determined", "set", "poised", "going",
})
ATTEMPT_GOVERNORS = frozenset({
    "try", "attempt", "fail", "failure", "strive", "endeavour", "endeavor", "bid", "effort",
    "seek", "struggle", "unsuccessful", "unsuccessfully", "vain", "abortive", "collapse",
})
NEGATING_GOVERNORS = frozenset({"refrain", "avoid", "abstain", "deny", "stop", "cease"})
UNREALISED_HEADS = frozenset({"materialize", "materialise", "happen", "occur", "succeed"})
HYPOTHETICAL_MODIFIERS = frozenset({"planned", "proposed", "possible", "potential", "future",
                                    "prospective", "envisaged", "hypothetical"})
CLIMB = frozenset({"xcomp", "pcomp", "prep", "pobj", "acl", "dobj", "advcl", "nsubj",
                   "nsubjpass", "compound", "amod", "nmod", "advmod"})
CONDITIONALS = frozenset({"if", "unless", "provided", "should"})
FUTURE = frozenset({"would", "will", "'d", "'ll", "wo"})
DECIDING = frozenset({"announce", "decide", "declare", "confirm"})


@dataclass(frozen=True, slots=True)
class Flags:
    is_negated: bool = False
    is_hypothetical: bool = False
    is_attempted: bool = False


def _own_cues(node: Token, *, node_is_event: bool = True) -> set[str]:
    cues: set[str] = set()
    for child in node.children:
        lower = child.lower_
        if child.dep_ == "neg" or (lower == "never" and child.dep_ == "advmod") or child.dep_ == "preconj" and lower == "neither" or child.dep_ == "det" and lower == "no":
            cues.add("neg")
        elif child.dep_ in {"aux", "auxpass"} and lower in MODALS or child.dep_ == "mark" and lower in CONDITIONALS:
            cues.add("hyp")
        elif lower in {"unsuccessfully", "vainly"} or (lower == "short" and node.lemma_ == "fall"):
            cues.add("try")
        elif child.dep_ == "amod" and lower in HYPOTHETICAL_MODIFIERS and node_is_event:
            cues.add("hyp")
        elif child.dep_ == "amod" and lower in {"unsuccessful", "failed", "abortive"}:
            cues.add("try")
    return cues


def _argument_negation(node: Token) -> bool:
    """'Neither A nor B signed', 'signed no agreement'."""
    return any(
        child.dep_ in {"nsubj", "nsubjpass", "dobj"}
        and any(g.lower_ in {"neither", "no"} and g.dep_ in {"preconj", "det"}
                for g in child.children)
        for child in node.children
    )


def flags_for(trigger: Token, *, max_hops: int = 5) -> Flags:
    """Flags of the event triggered at ``trigger``."""
    negated = _argument_negation(trigger)
    hypothetical = attempted = False
    node = trigger
    via_conj = False
    future_only = True  # every hypothetical cue so far is a future auxiliary
    for hop in range(max_hops):
        # "a possible role in rioting during a summit": a modifier of another noun is not a cue
        cues = _own_cues(node, node_is_event=hop == 0 or node.pos_ not in {"NOUN", "PROPN"})
        if via_conj:  # "would tighten sanctions and impose a blockade": modals are shared
            cues.discard("neg")
        if "neg" in cues:
            if hop > 0 and node.lemma_ in UNREALISED_HEADS | {"succeed"}:
                attempted = True
            elif hop == 0 or node.pos_ in {"VERB", "AUX"}:
                negated = True
        hypothetical |= "hyp" in cues
        future_only &= "hyp" not in cues or _future_cue_only(node)
        attempted |= "try" in cues
        if hop > 0:
            lemma = node.lemma_.lower()
            hypothetical |= lemma in HYPOTHETICAL_GOVERNORS
            future_only &= lemma not in HYPOTHETICAL_GOVERNORS
            attempted |= lemma in ATTEMPT_GOVERNORS
            negated |= lemma in NEGATING_GOVERNORS and not via_conj
        if node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"} and node.head is not node:
            via_conj = True
        elif node.dep_ not in CLIMB or node.head is node:
            break
        else:
            via_conj = False
        node = node.head
    if hypothetical and future_only and _announced(node):
        hypothetical = False  # "announced it would ban X": a decision made, coded as the act
    return Flags(is_negated=negated, is_hypothetical=hypothetical, is_attempted=attempted)


def _future_cue_only(node: Token) -> bool:
    """The hypothetical cues of ``node`` are only future auxiliaries (would, will)."""
    return not any(
        child.dep_ in {"aux", "auxpass"} and child.lower_ in MODALS - FUTURE
        or child.dep_ == "mark" and child.lower_ in CONDITIONALS
        or child.dep_ == "amod" and child.lower_ in HYPOTHETICAL_MODIFIERS
        for child in node.children
    )


def _announced(clause: Token) -> bool:
    """The clause is what a past announcement or decision said: "X announced it would …"."""
    head = clause.head
    return (clause.dep_ == "ccomp" and head is not clause and head.lemma_.lower() in DECIDING
            and not any(c.dep_ == "neg" or c.lower_ in MODALS for c in head.children))

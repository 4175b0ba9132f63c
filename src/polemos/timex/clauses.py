"""Dependency helpers: the tense of a sentence and the finite clause a token belongs to."""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc, Span, Token

Tense = Literal["past", "present", "future", "unknown"]

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_FUTURE = frozenset({"will", "shall", "'ll", "wo", "’ll"})
_PRESENT_MODALS = frozenset({"can", "may", "must", "should", "ought", "ca", "need"})


def tense_of(sent: Span) -> Tense:
    """Tense of the sentence's root verb, from its tag and its auxiliaries."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        verbs = [
            c for c in root.children if c.pos_ in ("VERB", "AUX") and c.dep_ in ("relcl", "acl")
        ]
        return "unknown" if not verbs else tense_of_verb(verbs[0])
    return tense_of_verb(root)


def tense_of_verb(verb: Token) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]
    for aux in auxes:
        if aux.tag_ == "MD":
            word = aux.lower_
            if word in _FUTURE:
                return "future"
            return "present" if word in _PRESENT_MODALS else "unknown"
    for aux in auxes:
        if aux.tag_ == "VBD":
            return "past"
        if aux.tag_ in ("VBZ", "VBP"):
            return "present"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and verb.dep_ == "ROOT"):
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return "unknown"


def is_clause_head(token: Token) -> bool:
    """A finite verb (or the root): where one clause's time stops applying."""
    if token.dep_ == "ROOT" or token.head.i == token.i:
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.tag_ in _FINITE_TAGS:
        return True
    return any(
        c.dep_ in _SUBJECTS or (c.dep_ in ("aux", "auxpass") and c.tag_ != "TO")
        for c in token.children
    )


def clause_of(token: Token) -> Token:
    """The first clause head at or above ``token``."""
    while not is_clause_head(token):
        token = token.head
    return token


def path_to_clause(token: Token) -> list[Token]:
    """Tokens from ``token`` up to and including its clause head."""
    path = [token]
    while not is_clause_head(path[-1]):
        path.append(path[-1].head)
    return path


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters [start, end), or None when nothing aligns."""
    return doc.char_span(start, end, alignment_mode="expand")


def clause_ancestors(clause: Token) -> list[Token]:
    """The clause heads above ``clause``, nearest first.

    The walk stops at a relative or reported clause, except the relative clause of a
    cleft ("it was Russia that brokered ..."), which shares the time of its frame.
    """
    out: list[Token] = []
    while clause.head.i != clause.i and not _is_barrier(clause):
        clause = clause_of(clause.head)
        out.append(clause)
    return out


def _is_barrier(clause: Token) -> bool:
    if clause.dep_ == "relcl":
        return clause.head.dep_ != "attr"
    return clause.dep_ in ("ccomp", "parataxis")


def is_adverbial_of(clause: Token, governor: Token) -> bool:
    """``clause`` is an adverbial clause ("after X dissolved in 1991") of ``governor``."""
    while clause.head.i != clause.i and clause.dep_ in ("advcl", "conj", "pcomp", "pobj", "prep"):
        if clause.dep_ == "advcl" and clause_of(clause.head) == governor:
            return True
        clause = clause.head
    return False

"""Sectors from syntax: the head noun of a modifier, and places versus speakers."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from polemos.actors.draft import Found
from polemos.actors.lexicon import LOCATIVE_PREPS, MODIFIER_DEPS, SECTOR_NOUNS

LOCATION_CONFIDENCE = 0.6
ARMED = frozenset({"MIL", "COP"})  # armed bodies of a state


def assign_sector(doc: Doc, found: Found, metonym_sector: str | None = "GOV") -> None:
    """Set ``found.sector`` in place.

    - a metonym as the object of a place preposition ("talks in Moscow") is a location:
      the code stays, the sector is None and the confidence drops;
    - an adjective, possessive or name qualifying a sector noun takes that noun's sector
      ("Russian troops" → MIL, "Russia's mediation" → GOV);
    - otherwise a metonym stands for its government (or the sector the KB gives it).
    """
    if found.person:
        return
    token = doc[found.end - 1]
    if found.role == "metonym" and is_locative(token) and not _is_official(token):
        found.sector = None
        found.confidence = min(found.confidence, LOCATION_CONFIDENCE)
        return
    head_sector = head_noun_sector(token)
    if found.role == "metonym" and head_sector is None and token.dep_ in ("compound", "nmod"):
        # "the Budapest summit", "the Moscow talks": a place naming an occasion, not a speaker
        found.sector = None
        found.confidence = min(found.confidence, LOCATION_CONFIDENCE)
        return
    if head_sector and found.kind in ("state", "defacto"):
        found.sector = head_sector
    elif found.role == "metonym" and found.kind != "igo":
        found.sector = found.sector or metonym_sector


def head_noun_sector(token: Token) -> str | None:
    """The sector named by the noun a modifier qualifies ("Armenian and Azerbaijani counterparts").

    The nearest sector word wins: a modifier between the adjective and its noun ("Azerbaijani
    military advantage", "Russian peacekeeping mission") before the noun itself.
    """
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ not in MODIFIER_DEPS or token.head.i == token.i:
        return None
    head = token.head
    for _ in range(2):  # "Russian peacekeeping forces": climb one compound
        between = [t for t in head.children if token.i < t.i < head.i
                   and t.dep_ in ("amod", "compound")]
        sectors = [SECTOR_NOUNS.get(w.lower_) or SECTOR_NOUNS.get(w.lemma_.lower())
                   for w in [*between, head]]
        if sectors[0] == "GOV" and sectors[-1] in ARMED:
            return sectors[-1]  # "Somali government soldiers": the government's armed force
        sector = next((s for s in sectors if s), None)
        if sector:
            return sector
        if head.dep_ not in ("compound", "amod") or head.head.i == head.i:
            break
        head = head.head
    return None


def is_locative(token: Token) -> bool:
    """Object of a place preposition with no agentive role ("in Moscow", not "according to")."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in LOCATIVE_PREPS and prep.head.lower_ != "according"


def _is_official(token: Token) -> bool:
    """ "official Moscow", "official Baku": the government even after a preposition."""
    return any(child.lower_ == "official" for child in token.lefts)

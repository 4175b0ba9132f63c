"""Participants a sentence names but the knowledge base does not code.

"Syrian forces killed 500 civilians" is SYR → "500 civilians" (sector CVL), not SYR → nobody.
An argument slot (actor side, target side) with no coded participant takes the phrases its
frame read it from (``Candidate.subjects`` / ``Candidate.objects``), when their head is a noun
for people or a group (the word sets agents, crowds, irregulars, forces, private and the
sector nouns) or a name the knowledge base does not know. Things ("the scheme") and
pronouns never become participants. The participant has ``code=None``: it is shown by its
text and counted nowhere a code is counted (the store writes only codes into its code arrays).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Token

from polemos.actors.lexicon import SECTOR_NOUNS
from polemos.events.args import PRONOUNS, MentionIndex
from polemos.events.patterns import Patterns
from polemos.records import Event, Participant

PEOPLE_SETS = ("agents", "crowds", "irregulars", "forces", "private")
# sector nouns that name people or bodies of people (not "policy", "drills", "statement")
PEOPLE_SECTORS = frozenset({"CVL", "COP", "LEG", "REB", "JUD", "OPP", "BUS", "JRN", "SPY"})
# a word set's sector when no sector noun says it: "gunmen" are irregular, "protesters" civil
SET_SECTORS = (("irregulars", "REB"), ("crowds", "CVL"), ("forces", "MIL"))
# CAMEO families whose trigger words name the actor's own agents: force posture (15x: "mobilized
# troops", "deployed police") and withdrawn envoys (161: "recalled its ambassador")
OWN_AGENT_CODES = ("15", "161")
# entity types of a name that can take part: people, organisations, peoples, places that
# are polities or buildings; a sea, a range or a region (LOC: "the Indian Ocean", "the Sahel")
# only as what force is aimed at ("shelled the Golan Heights"), never as a party to words
PARTY_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
TARGET_ENTS = PARTY_ENTS | {"LOC"}
# nouns too general to carry a sector of their own ("the radical groups")
GENERIC_NOUNS = frozenset({"group", "groups", "member", "members", "party", "parties", "side",
                           "sides", "body", "bodies"})


def _words(token: Token) -> tuple[str, str]:
    return token.lower_, token.lemma_.lower()


def noun_sector(token: Token, lexicon: Patterns) -> str | None:
    """The sector a head noun for people names ("civilians" → CVL, "gunmen" → REB), or None."""
    words = _words(token)
    for word in words:
        if word in SECTOR_NOUNS:
            return SECTOR_NOUNS[word]
    if any(word in GENERIC_NOUNS for word in words):
        return None
    for name, sector in SET_SECTORS:
        if any(word in lexicon.words(name) for word in words):
            return sector
    return None


def is_people_noun(token: Token, lexicon: Patterns) -> bool:
    """A common noun for people or a group of people ("civilians", "the government", "gunmen")."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    words = _words(token)
    if any(word in lexicon.words(name) for name in PEOPLE_SETS for word in words):
        return True
    return any(SECTOR_NOUNS.get(word) in PEOPLE_SECTORS for word in words)


def named_participants(tokens: Iterable[Token], index: MentionIndex, lexicon: Patterns, *,
                       targets: bool = False) -> tuple[Participant, ...]:
    """Uncoded participants for the phrases headed by ``tokens``, one per span, in text order.

    The span runs from the phrase's left edge to its head ("more than 500 civilians"; a
    relative clause after the head is left out); an unknown name keeps the span of its mention.
    ``targets``: the phrases are what force is aimed at, where a named place may stand.
    """
    kinds = TARGET_ENTS if targets else PARTY_ENTS
    out: dict[tuple[int, int], Participant] = {}
    for token in tokens:
        mention = index.at(token)
        if mention is not None and (mention.code or mention.members):
            continue  # coded: participants_of speaks for it
        if token.lower_ in PRONOUNS or token.pos_ == "PRON" or _names_a_thing(token, lexicon):
            continue
        if _holds_a_code(token, index):
            continue  # "the Bree Protocol": the frame has judged the coded name inside already
        if token.ent_type_ and token.ent_type_ not in kinds:
            continue  # "on Tuesday", "in March", "500 dollars"
        if mention is not None:
            start, end = mention.start, mention.end
        elif (token.pos_ == "PROPN" and token.ent_type_) or is_people_noun(token, lexicon):
            start, end = token.left_edge.idx, token.idx + len(token)
        else:
            continue
        sector = noun_sector(token, lexicon) if token.pos_ == "NOUN" else None
        text = token.doc.text[start:end]
        out.setdefault((start, end), Participant(None, sector, text, start, end))
    return tuple(sorted(out.values(), key=lambda p: p.start))


def moves_own_agents(code: str, token: Token, consumed: frozenset[int]) -> bool:
    """Whether ``token``, a word of the trigger, is what the actor moves or declares rather
    than whom it acts on: "mobilized troops", "recalled envoys", "declared a state of
    emergency" (a phrase of trigger words). "Released 280 child soldiers" acts on them."""
    if token.i not in consumed:
        return False
    return code.startswith(OWN_AGENT_CODES) or any(
        t.i in consumed for t in token.subtree if t.i != token.i)


def _names_a_thing(token: Token, lexicon: Patterns) -> bool:
    """A text or a thing, named or not ("the Bree Protocol", "the scheme", "power")."""
    things = lexicon.words("document") | lexicon.words("things") | lexicon.words("abstract")
    return any(word in things for word in _words(token))


def _holds_a_code(token: Token, index: MentionIndex) -> bool:
    doc = token.doc
    for i in range(token.left_edge.i, token.i + 1):
        mention = index.at(doc[i])
        if mention is not None and (mention.code or mention.members):
            return True
    return False


def with_named(event: Event, actors: Sequence[Participant],
               recipients: Sequence[Participant]) -> Event:
    """``event`` with the uncoded participants in the slots that have no participant."""
    if actors and not event.actors:
        event = replace(event, actors=tuple(actors))
    if recipients and not event.recipients:
        event = replace(event, recipients=tuple(recipients))
    return event

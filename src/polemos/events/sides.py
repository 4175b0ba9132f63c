"""The sides a mediation (or a war) is between, when its sentence does not name them.

Mediation is always between sides. "Russia brokered a ceasefire", "the Minsk Group became the
main mediator in the conflict", "a meeting arranged through Russian mediation" name the
mediator only: a reader takes the sides from the context, as for "the sides" or "the parties"
(actors/groups.py). A mediation event (one with mediators) that has no other party gets, in
this order:

1. the members of a group phrase in its sentence ("committing the sides to a ceasefire");
2. a pair of parties joined by "and" in its sentence ("as the Azerbaijani and Armenian forces
   started fighting, it was Russia that brokered a ceasefire");
3. the sides of the document: the pair its group phrases stand for most often, else its most
   frequent pair of parties joined by "and" when named so at least twice.

The mediation act itself (the mediator is its actor) takes the sides as recipients; what it
produced (a ceasefire, talks with no actor of their own) takes them as actors. A mediator is
never one of the sides. A war, fighting or hostilities named with no party ("the outbreak of
hostilities in Nagorno-Karabakh") takes the sides of its sentence or document as its actors,
by steps 2 and 3, and the place it is in stops being its recipient. Nothing is added when no
pair is found.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from polemos.records import Event, Mention, Participant, codes_of

PARTY_KINDS = frozenset({"state", "defacto", "armed_group"})
MIN_PAIR_COUNT = 2  # a pair named together once may be a list, twice is the story's dyad
# what may stand between two coordinated names: "A and B", "A-B", "the A and the B"
_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|&|-|–)\s*(?:the\s+)?", re.IGNORECASE)

Pair = tuple[Mention, Mention]


def give_sides(events: Sequence[Event], mentions: Sequence[Mention], text: str) -> list[Event]:
    """``events`` with the sides given to mediations that name none (see the module doc)."""
    if not any(_lacks_sides(e) or _war_without_sides(e) for e in events):
        return list(events)
    document = _document_pair(mentions, text)
    out = []
    for event in events:
        if _war_without_sides(event):
            pair = _sentence_pair(event.sentence, mentions, text, set()) or document
            if pair is not None:
                sides = tuple(_participant(m, code) for m, code in _codes(pair))
                event = replace(event, actors=sides, recipients=())  # the place is where
        elif _lacks_sides(event):
            mediators = set(codes_of(event.mediators))
            pair = _sentence_pair(event.sentence, mentions, text, mediators)
            if pair is None and document is not None:
                pair = document if not mediators & {m.code for m in document} else None
            if pair is not None:
                event = _with_sides(event, pair)
        out.append(event)
    return out


# classes of a war named without its sides: "the outbreak of hostilities in Nagorno-Karabakh"
WAR_CLASSES = frozenset({"war", "war-outbreak", "violence"})


def _war_without_sides(event: Event) -> bool:
    """A war, fighting or hostilities whose sentence names no party to it: between the sides of
    its sentence or document, as a mediation is (the place it is in is where, not who)."""
    return event.type == "ASSAULT" and not event.actors \
        and event.pattern.rsplit(".", 1)[-1] in WAR_CLASSES


def _lacks_sides(event: Event) -> bool:
    if not event.mediators:
        return False
    mediators = set(codes_of(event.mediators))
    others = set(codes_of(event.actors + event.recipients)) - mediators
    return not others


def _with_sides(event: Event, pair: Pair) -> Event:
    sides = tuple(_participant(m, code) for m, code in _codes(pair))
    if event.actors:  # the mediator's own act: between the sides
        return replace(event, recipients=sides)
    return replace(event, actors=sides)  # what the mediation produced: the sides'


def _codes(pair: Pair) -> list[tuple[Mention, str]]:
    first, second = pair
    if first is second:  # a group phrase: each of its members
        return [(first, code) for code in first.members]
    return [(first, first.code or ""), (second, second.code or "")]


def _participant(mention: Mention, code: str) -> Participant:
    sector = mention.sector if mention.code == code else None
    return Participant(code, sector, mention.text, mention.start, mention.end)


def _sentence_pair(sentence: int, mentions: Sequence[Mention], text: str,
                   mediators: set[str]) -> Pair | None:
    mine = [m for m in mentions if m.sentence == sentence]
    for m in mine:
        if _is_sides(m) and not mediators & set(m.members):
            return (m, m)
    for first, second in _coordinated(mine, text):
        if not mediators & {first.code, second.code}:
            return (first, second)
    return None


def _document_pair(mentions: Sequence[Mention], text: str) -> Pair | None:
    groups = Counter(tuple(sorted(m.members)) for m in mentions if _is_sides(m))
    if groups:
        members = groups.most_common(1)[0][0]
        return next((m, m) for m in mentions if _is_sides(m) and tuple(sorted(m.members)) == members)
    pairs: Counter[tuple[str, str]] = Counter()
    first_seen: dict[tuple[str, str], Pair] = {}
    for first, second in _coordinated(list(mentions), text):
        key = (min(first.code or "", second.code or ""), max(first.code or "", second.code or ""))
        pairs[key] += 1
        first_seen.setdefault(key, (first, second))
    if not pairs:
        return None
    key, count = pairs.most_common(1)[0]
    return first_seen[key] if count >= MIN_PAIR_COUNT else None


def _is_sides(mention: Mention) -> bool:
    """ "the sides", "the parties to the conflict": a group of two that is no organisation."""
    return mention.kind == "group" and mention.code is None and len(set(mention.members)) == 2


def _coordinated(mentions: list[Mention], text: str) -> list[Pair]:
    """Adjacent parties joined by "and", "&" or a dash, each pair once, in text order."""
    parties = sorted((m for m in mentions if m.code and m.kind in PARTY_KINDS),
                     key=lambda m: m.start)
    return [(a, b) for a, b in pairwise(parties)
            if a.code != b.code and a.sentence == b.sentence
            and _JOINED.fullmatch(text[a.end:b.start]) is not None]

"""Context: ambiguous names (Brussels, Minsk) and group expressions ("both sides", "the co-chairs").

- An ambiguous name takes the candidate best supported by the other resolved mentions: named
  in the same sentence counts 3, within two sentences 2, anywhere in the document 1 (presence,
  not frequency); a related code (one part of the other: OSCE for OSCE_MG, Congo for the
  ADF) counts too; ties go to the first candidate of ambiguous.yaml.
- "both sides", "the two countries" … → the two actors of a "between A and B" phrase in the
  sentence, else the two most recent distinct state/de facto codes mentioned before it (this
  and up to ``LOOKBACK`` previous sentences); otherwise the group stays unresolved.
- "the co-chairs", "the mediators" → the co-chairs, at that date, of the grouping with
  co-chairs mentioned most recently (e.g. OSCE_MG).
"""

from __future__ import annotations

import bisect
from itertools import pairwise

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from polemos.actors.draft import Found, Timeline
from polemos.actors.kb import KnowledgeBase
from polemos.actors.matching import CO_CHAIR_WORDS, OFFICE_PLURALS, Matchers, match_index
from polemos.actors.sectors import assign_sector

LOOKBACK = 3
PARTY_KINDS = ("state", "defacto", "armed_group", "person")
ACTED_ON_PREPS = frozenset({"between", "with", "to", "among", "against", "on", "from", "toward",
                            "towards"})


def resolve_ambiguous(found: list[Found], kb: KnowledgeBase, timeline: Timeline) -> None:
    """Pick a candidate for every ambiguous mention from the mentions around it (in place); a
    name right before it that is one of its candidates decides ("Syrian Kurdish" is Syria's)."""
    doc = timeline.parsed.doc
    # the sentences of each resolved code, once: per mention only a bisection per code (a
    # scan of every mention for every ambiguous one was quadratic in the document's length)
    sentences_of: dict[str, list[int]] = {}
    for o in found:
        if not o.candidates and o.code is not None:
            sentences_of.setdefault(o.code, []).append(timeline.sentence_of(doc, o.start))
    for values in sentences_of.values():
        values.sort()
    ending_at = {o.end: o for o in found if not o.candidates and o.code is not None}
    for f in found:
        if not f.candidates:
            continue
        sentence = timeline.sentence_of(doc, f.start)
        when = timeline.at_token(doc, f.start)
        alive = [c for c in f.candidates if (a := kb.actor(c)) is not None and a.period.covers(when)]
        candidates = tuple(alive or f.candidates)
        scores = dict.fromkeys(candidates, 0.0)
        distance = {code: _nearest(sorted_sentences, sentence)
                    for code, sorted_sentences in sentences_of.items()}
        for code in candidates:
            # presence, not frequency: a document about Russia must not drown "Soviet" nearby
            gaps = [g for c, g in distance.items() if c and _related(kb, code, c)]
            if gaps:
                scores[code] += 3.0 if min(gaps) == 0 else 2.0 if min(gaps) <= 2 else 1.0
        qualifier = ending_at.get(f.start)  # "Syrian Kurdish": the state named right before
        named_before = qualifier.code if qualifier is not None else None
        qualified = named_before is not None and named_before in candidates
        best = named_before if named_before is not None and qualified \
            else max(candidates, key=lambda c: (scores[c], -candidates.index(c)))
        standing = kb.stands_for(best, when)
        f.code, f.kind = standing.code, kb.kind(standing.code) or "state"
        f.confidence = 0.85 if len(candidates) == 1 else 0.75 if qualified or scores[best] > 0 \
            else 0.55
        f.sector = standing.sector
        if standing.rule:
            f.rule = standing.rule
        assign_sector(doc, f)


def _nearest(sorted_values: list[int], value: int) -> int:
    """The smallest distance from ``value`` to an element of ``sorted_values`` (not empty)."""
    i = bisect.bisect_left(sorted_values, value)
    near = sorted_values[max(0, i - 1) : i + 1]
    return min(abs(v - value) for v in near)


def _related(kb: KnowledgeBase, code: str, other: str) -> bool:
    """The same actor, or one part of the other (OSCE_MG in OSCE, an armed group in its country)."""
    return code == other or other in kb.wholes(code) or code in kb.wholes(other)


def find_groups(doc: Doc, kb: KnowledgeBase, found: list[Found], timeline: Timeline,
                matchers: Matchers) -> list[Found]:
    """Group expressions not already part of a mention, resolved from context when clear."""
    covered = {i for f in found for i in range(f.start, f.end)}
    spans = filter_spans([Span(doc, s, e, label=mid) for mid, s, e in matchers.groups(doc)])
    out: list[Found] = []
    for span in spans:
        if any(i in covered for i in range(span.start, span.end)):
            continue
        text = matchers.group_texts[match_index(doc.vocab, span.label)]
        if any(word in text for word in CO_CHAIR_WORDS):
            out.append(_co_chairs(doc, kb, span, found, timeline))
        else:
            out.append(_two_parties(doc, span, found, timeline))
    return out


def _co_chairs(doc: Doc, kb: KnowledgeBase, span: Span, found: list[Found],
               timeline: Timeline) -> Found:
    when = timeline.at_token(doc, span.start)
    groupings = [f for f in found if f.code and kb.co_chairs(f.code, None)]
    before = [f for f in groupings if f.start < span.start]
    chosen = (before or groupings)[-1:] if groupings else []
    if not chosen:
        return Found(span.start, span.end, None, "group", "group", confidence=0.3)
    code = chosen[0].code or ""
    return Found(span.start, span.end, code, "group", "group", confidence=0.75,
                 members=kb.co_chairs(code, when))


def _two_parties(doc: Doc, span: Span, found: list[Found], timeline: Timeline) -> Found:
    members = (_between(doc, span, found, timeline) or _own_pair(doc, span, found, timeline)
               or _recent(doc, span, found, timeline))
    if len(members) < 2:
        return Found(span.start, span.end, None, "group", "group", confidence=0.3)
    return Found(span.start, span.end, None, "group", "group", confidence=0.7,
                 members=tuple(sorted(members)))


def _is_acted_on(doc: Doc, span: Span) -> bool:
    """ "mediating between the parties", "talks with both sides", "committing the sides": the
    actors of the sentence act on the group rather than being it."""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return before in ACTED_ON_PREPS or span.root.dep_ in ("dobj", "pobj") and before != "of"


def _own_pair(doc: Doc, span: Span, found: list[Found], timeline: Timeline) -> list[str]:
    """A coordinated pair earlier in the group's own sentence ("the Russian and Turkish
    ministers … the two countries"), unless those actors act on the group."""
    if _is_acted_on(doc, span):
        return []
    sentence = timeline.sentence_of(doc, span.start)
    mine = [f for f in _parties(found)
            if f.start < span.start and timeline.sentence_of(doc, f.start) == sentence]
    pairs = _coordinated(doc, mine)
    return list(max(pairs.items(), key=lambda item: item[1])[0]) if pairs else []


def _parties(found: list[Found]) -> list[Found]:
    return [f for f in found if f.code and f.kind in PARTY_KINDS and f.confidence >= 0.7]


def _between(doc: Doc, span: Span, found: list[Found], timeline: Timeline) -> list[str]:
    """The parties of a "between A and B" phrase in the same sentence."""
    sentence = timeline.sentence_of(doc, span.start)
    mine = [f for f in _parties(found) if timeline.sentence_of(doc, f.start) == sentence]
    pairs = _between_pairs(doc, mine)
    return list(pairs[0]) if pairs else []


def _between_pairs(doc: Doc, found: list[Found]) -> list[tuple[str, str]]:
    pairs = []
    for first, second in pairwise(found):
        if (_after_between(doc, first.start)
                and any(t.lower_ in ("and", "&") for t in doc[first.end:second.start])
                and first.code != second.code):
            pairs.append((first.code or "", second.code or ""))
    return pairs


def _after_between(doc: Doc, start: int) -> bool:
    """ "between A", "between the presidents of A": "between" shortly before, no verb in between."""
    for token in reversed(doc[max(0, start - 5):start]):
        if token.lower_ == "between":
            return True
        if token.pos_ in ("VERB", "AUX", "PUNCT"):
            return False
    return False


def _coordinated(doc: Doc, parties: list[Found]) -> dict[tuple[str, str], int]:
    """Pairs of adjacent parties joined by "and", "&" or a hyphen, counted ("between" counts 2)."""
    counts: dict[tuple[str, str], int] = {}
    for first, second in pairwise(parties):
        gap = doc[first.end:second.start]
        if (first.code != second.code and len(gap) <= 3
                and any(t.lower_ in ("and", "&", "-") for t in gap)):
            a, b = sorted((first.code or "", second.code or ""))
            counts[(a, b)] = counts.get((a, b), 0) + (2 if _after_between(doc, first.start) else 1)
    return counts


def _top_pair(doc: Doc, found: list[Found]) -> set[str]:
    """The document's most frequent pair of coordinated parties ("A and B", "between A and B")."""
    counts = _coordinated(doc, _parties(found))
    if not counts:
        return set()
    best = max(counts.items(), key=lambda item: item[1])[0]
    return set(best)


# nouns of people who hold office, as the group phrases name them ("both leaders")
PEOPLE_WORDS = frozenset(noun.split(" of ")[0].split()[-1] for noun in OFFICE_PLURALS)


def _is_people(span: Span) -> bool:
    """'both leaders', 'the two leaders': persons, not the sides of a conflict."""
    return any(t.lower_ in PEOPLE_WORDS for t in span)


def _recent(doc: Doc, span: Span, found: list[Found], timeline: Timeline) -> list[str]:
    """The two best-supported party codes before the group.

    Support (presence, not frequency): 1 for a party named in the window (this sentence up
    to the group and ``LOOKBACK`` before), 1 more when in the group's own sentence, 3 for the
    document's most frequent coordinated pair ("Armenia and Azerbaijan", "between A and B").
    The sides or parties of a conflict are that pair even when others are named nearby; but
    leaders are people who were just told of, and the pair is brought in from further away for
    them only when the window names fewer than two parties: "Arnor's king visited Gondor …
    After their talks both leaders …" are Arnor and Gondor, even in a story whose dyad is
    Gondor and Mordor.
    When the group is the object of a preposition ("mediating between the parties", "talks
    with both sides") the actors of its own sentence act on it and are left out. Ties go to
    the most recent.
    """
    sentence = timeline.sentence_of(doc, span.start)
    earlier = [f for f in _parties(found) if f.start < span.start]
    own = {f.code for f in earlier if timeline.sentence_of(doc, f.start) == sentence}
    top = _top_pair(doc, found)
    excluded = own - top if _is_acted_on(doc, span) else set()
    support: dict[str, float] = {}
    last_seen: dict[str, int] = {}
    for f in earlier:
        code = f.code or ""
        if code in excluded or timeline.sentence_of(doc, f.start) < sentence - LOOKBACK:
            continue
        support[code] = 1.0 + (code in own) + 3.0 * (code in top)
        last_seen[code] = f.start
    if len(support) < 2 or not _is_people(span):  # leaders are those who just met
        for code in top - excluded - set(support):
            support[code], last_seen[code] = 3.0, -1
    ranked = sorted(support, key=lambda c: (-support[c], -last_seen[c]))
    return ranked[:2]

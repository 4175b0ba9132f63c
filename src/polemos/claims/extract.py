"""Claims: stance statements and authors' assessments, found by the cue lexicon.

For every cue match in a sentence, the holder is the actor the claim is about (found
inside, before or around the match, per the cue) and ``toward`` the actors it is directed
at. A sentence that names no actor but refers back ("its", "the country") takes the
first actor of the previous sentence as holder.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from polemos.claims.lexicon import Cue, Lexicon, load_lexicon
from polemos.records import Claim, Mention, Sentence, TimeAnalysis

if TYPE_CHECKING:  # only a type here: reading claims (analysis/) must not load spaCy
    from polemos.nlp.annotate import Parsed

CODER = "cues.v1"
ANAPHOR = re.compile(r"\b(?:it|its|it's|the country|the country's|they|their|this state)\b",
                     re.IGNORECASE)
NEGATION_WINDOW = 120  # characters before a cue in which a negation cancels a stance


def extract_claims(
    parsed: Parsed, mentions: Sequence[Mention], *, time: TimeAnalysis,
    lexicon: Lexicon | None = None,
) -> list[Claim]:
    """Stance statements and assessments of one parsed article."""
    return claims_in(parsed.sentences, mentions, time=time, lexicon=lexicon or load_lexicon())


def claims_in(
    sentences: Sequence[Sentence], mentions: Sequence[Mention], *, time: TimeAnalysis,
    lexicon: Lexicon,
) -> list[Claim]:
    """The pure core of :func:`extract_claims`, over sentence records."""
    by_sentence: dict[int, list[Mention]] = {}
    every: dict[int, list[Mention]] = {}
    texts = {s.index: s for s in sentences}
    for mention in sorted(mentions, key=lambda m: m.start):
        every.setdefault(mention.sentence, []).append(mention)
        if (mention.code or mention.members) and not _place_only(mention, texts.get(
                mention.sentence)):
            by_sentence.setdefault(mention.sentence, []).append(mention)
    claims: list[Claim] = []
    for sentence in sentences:
        here = by_sentence.get(sentence.index, [])
        previous = every.get(sentence.index - 1, [])
        for cue in lexicon.cues:
            claims.extend(_cue_claims(cue, sentence, here, previous, time, lexicon))
    return _dedupe(claims)


# a town in a state; not "territory"/"border", which do point at the state in a claim
PLACE_NOUN = re.compile(r"^\s+(?:capital|city|town|village|district|province)\b", re.IGNORECASE)


def _place_only(mention: Mention, sentence: Sentence | None) -> bool:
    """A capital or seat named as a place or a label ("talks in Tharbad", "the Tharbad
    Principles"): the resolver gives it a code but no sector; an adjective naming a place
    ("the Gondorian capital"). Neither holds nor receives a claim."""
    if mention.rule == "metonym" and mention.sector is None:
        return True
    if mention.rule != "adjective" or sentence is None:
        return False
    return PLACE_NOUN.match(sentence.text[mention.end - sentence.start:]) is not None


def _cue_claims(
    cue: Cue, sentence: Sentence, here: list[Mention], previous: list[Mention],
    time: TimeAnalysis, lexicon: Lexicon,
) -> list[Claim]:
    text = sentence.text
    if not cue.may_match(text) or any(p.search(text) for p in cue.unless):
        return []
    out = []
    for pattern in cue.patterns:
        for match in pattern.finditer(text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if cue.is_negatable and _is_negated(text, match.start(), lexicon):
                continue
            pair = _between(cue, here, text, match.span(), sentence.start)
            holder = pair[0] if pair else (_holder(cue, here, start, end, text, sentence.start)
                                           or _antecedent(text, previous))
            if holder is None:
                continue
            toward = pair[1:] if pair else _toward(cue, here, holder, start, end, text,
                                                   sentence.start)
            out.append(_claim(cue, sentence, holder, toward, match.start(), time))
    return out


def _is_negated(text: str, at: int, lexicon: Lexicon) -> bool:
    clause = re.split(r"[,;:]|\b(?:but|although|while|however|whereas)\b",
                      text[max(0, at - NEGATION_WINDOW):at])[-1]
    return bool(lexicon.negation.search(clause))


def _holder(cue: Cue, here: list[Mention], start: int, end: int, text: str,
            offset: int) -> str | None:
    """Stance cues: the subject before the match (else an actor inside it); assessments and
    role cues ("around"): an actor inside the match, else the subject before, else after."""
    inside = [m.code for m in here if m.start >= start and m.end <= end and m.code]
    if cue.holder == "inside":
        return inside[0] if inside else None
    if cue.holder == "after":  # "backed by Arnor": the first actor after the match
        after_first = [m.code for m in here if m.start >= end and m.code]
        return after_first[0] if after_first else None
    # "Russian mediation", "Moscow's support": an actor right before the cue modifies it
    inside += [m.code for m in here if m.code and 0 <= start - m.end <= 3
               and re.fullmatch(r"(?:['’]s?)?\s*", text[m.end - offset:start - offset])]
    before = _subject_before([m for m in here if m.end <= start and m.code], text, offset, start)
    after = [m.code for m in here if m.start >= end and m.code]
    if cue.holder == "before":
        ordered = before + inside[:1]
    else:
        ordered = inside[:1] + before + after[:1]
    return ordered[0] if ordered else None


OBJECT_MARK = re.compile(r"\b(?:of|to|with|between|toward|towards|against|in|on|for|from|by|"
                         r"at|over|into|than|via|like|unlike|as)\s+(?:the\s+|its\s+|their\s+)?$",
                         re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]")


def _subject_before(before: list[Mention], text: str, offset: int, cue_start: int) -> list[str]:
    """The likely subject of the cue: walking back clause by clause from the cue, the first
    actor of the nearest clause that is not the object of a preposition; else the first actor
    of the sentence (its topic)."""
    if not before:
        return []
    cut = cue_start - offset
    bounds = [0] + [m.end() for m in CLAUSE_BREAK.finditer(text[:cut])]
    for lo in reversed(bounds):
        clause = [m for m in before if m.start - offset >= lo and m.end - offset <= cut]
        subjects = [m for m in clause if not OBJECT_MARK.search(text[lo:m.start - offset])]
        if subjects:
            return [subjects[0].code]  # type: ignore[list-item]
        cut = lo
    return [before[0].code]  # type: ignore[list-item]


BETWEEN_AFTER = re.compile(r"^\s+(?:\w+\s+){0,2}?between\s", re.IGNORECASE)
BETWEEN_BEFORE = re.compile(r"\bbetween\s[^,;:]*$", re.IGNORECASE)


def _between(cue: Cue, here: list[Mention], text: str, span: tuple[int, int],
             offset: int) -> tuple[str, ...]:
    """For a symmetric cue with "between A and B" just after it, or earlier in its clause
    ("relations between A and B are a strategic partnership"): (A, B); else ()."""
    if not cue.is_symmetric:
        return ()
    if BETWEEN_AFTER.match(text[span[1]:]):
        lo, hi = span[1], len(text)
    else:
        found = BETWEEN_BEFORE.search(text[:span[0]])
        if found is None:
            return ()
        lo, hi = found.start(), span[0]
    codes = [m.code for m in here if offset + lo <= m.start and m.end <= offset + hi and m.code]
    unique = tuple(dict.fromkeys(codes))[:2]
    return unique if len(unique) == 2 else ()


def _antecedent(text: str, previous: list[Mention]) -> str | None:
    """The first actor named in the previous sentence (its likely subject), when this sentence
    refers back; an unresolved first name means we do not know, so no guess."""
    if not ANAPHOR.search(text) or not previous:
        return None
    first = previous[0]
    actor_kinds = ("state", "igo", "defacto", "armed_group", "person")
    return first.code if first.kind in actor_kinds else None


def _toward(cue: Cue, here: list[Mention], holder: str, start: int, end: int, text: str,
            offset: int) -> tuple[str, ...]:
    if cue.toward == "none":
        return ()
    if cue.toward == "before":  # the nearest actor before: "Azerbaijan, backed by Turkey"
        before = [m for m in here if m.end <= start and m.code and m.code != holder]
        return (before[-1].code,) if before and before[-1].code else ()
    after = [m for m in here if m.start >= start and not (m.start >= start and m.end <= end
                                                          and m.code == holder)]
    if cue.toward == "first_after":
        after = [m for m in after if m.start - end <= cue.max_gap][:1]
    codes: list[str] = []
    for mention in after:
        for code in mention.members or ((mention.code,) if mention.code else ()):
            if code != holder and code not in codes:
                codes.append(code)
    return tuple(codes)


def _claim(cue: Cue, sentence: Sentence, holder: str, toward: tuple[str, ...], at: int,
           time: TimeAnalysis) -> Claim:
    key = f"{sentence.doc_id}:{sentence.index}:{cue.id}:{holder}:{at}"
    return Claim(
        claim_id=hashlib.sha1(key.encode()).hexdigest()[:16], doc_id=sentence.doc_id,
        sentence=sentence.index, kind=cue.kind, holder=holder, text=sentence.text,
        start=sentence.start, end=sentence.end, toward=toward, polarity=cue.polarity,
        topic=cue.topic, rule=f"{CODER}:{cue.id}", date=time.date_of(sentence.index),
    )


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per sentence, holder, topic and direction (several patterns may fire)."""
    seen: dict[tuple[str, int, str, str, tuple[str, ...]], Claim] = {}
    for claim in claims:
        key = (claim.doc_id, claim.sentence, claim.holder, claim.topic, claim.toward)
        seen.setdefault(key, claim)
    return list(seen.values())

"""Which documents, sentences, events and claims concern a conflict (and a period)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from polemos.analysis.conflicts import Conflict
from polemos.analysis.corpus import Corpus, MentionRef
from polemos.records import Claim, Event, EventDate


@dataclass(frozen=True, slots=True)
class Link:
    """The sentences of one document that concern a conflict."""

    doc_id: str
    sentences: frozenset[int]  # sentences naming the conflict, a territory or a party
    n_places: int  # sentences (and title) naming the conflict or a territory
    parties: frozenset[str]  # party codes mentioned in the document


def link_conflict(corpus: Corpus, conflict: Conflict) -> dict[str, Link]:
    """Documents that concern ``conflict``: its name or a territory is mentioned, or two parties.

    A document with one party and no place name is a passing reference, not linked.
    """
    place: dict[str, set[int]] = {}
    party_sents: dict[str, set[int]] = {}
    parties: dict[str, set[str]] = {}
    for (doc_id, idx), (start, end, _) in corpus.sentences.items():
        spans = conflict.spans_in(corpus.texts.get(doc_id, "")[start:end])
        refs = corpus.mentions.get((doc_id, idx), [])
        if any(not _inside_other_name(conflict, start + a, start + b, refs) for a, b in spans):
            place.setdefault(doc_id, set()).add(idx)
    for (doc_id, idx), refs in corpus.mentions.items():
        for ref in refs:
            for code in ref.members or ((ref.code,) if ref.code else ()):
                if conflict.is_party(code, ref.sector) or code in conflict.party_codes:
                    party_sents.setdefault(doc_id, set()).add(idx)
                    parties.setdefault(doc_id, set()).add(code)
    titled = {doc_id for doc_id, source in corpus.sources.items()
              if source.title and conflict.mentions_in(source.title)}
    for doc_id in titled:
        place.setdefault(doc_id, set())
    links = {}
    for doc_id in set(place) | set(parties):
        if doc_id not in place and len(parties.get(doc_id, ())) < 2:
            continue
        sentences = frozenset(place.get(doc_id, set()) | party_sents.get(doc_id, set()))
        links[doc_id] = Link(doc_id, sentences, len(place.get(doc_id, ())) + (doc_id in titled),
                             frozenset(parties.get(doc_id, set())))
    return links


def _inside_other_name(conflict: Conflict, start: int, end: int, refs: list[MentionRef]) -> bool:
    """A place name inside a longer name of another actor ("Minsk" in "OSCE Minsk Group")."""
    return any(ref.start <= start and end <= ref.end and (ref.end - ref.start) > (end - start)
               and ref.code is not None and not conflict.is_party(ref.code, ref.sector)
               and ref.code not in conflict.party_codes for ref in refs)


@dataclass(frozen=True)
class Scope:
    """A conflict, the documents linked to it and an optional period (years, inclusive)."""

    conflict: Conflict
    links: dict[str, Link]
    since: int | None = None
    until: int | None = None

    def in_period(self, date: EventDate) -> bool:
        """Undated items pass; dated ones must overlap the period."""
        if date.value is None:
            return True
        last = date.end or date.value
        if self.since is not None and last.year < self.since:
            return False
        return self.until is None or date.value.year <= self.until

    def has_event(self, event: Event) -> bool:
        link = self.links.get(event.doc_id)
        if link is None or not self.in_period(event.date):
            return False
        codes = [(p.code, p.sector) for p in (*event.actors, *event.recipients, *event.mediators)]
        return event.sentence in link.sentences or any(
            self.conflict.is_party(code, sector) for code, sector in codes)

    def has_sentence(self, doc_id: str, sentence: int) -> bool:
        """Any sentence of a linked document: statements rarely repeat the conflict's name."""
        return doc_id in self.links

    def has_claim(self, claim: Claim) -> bool:
        return self.has_sentence(claim.doc_id, claim.sentence) and self.in_period(claim.date)


def build_scope(corpus: Corpus, conflict: Conflict, *, since: int | None = None,
                until: int | None = None) -> Scope:
    return Scope(conflict, link_conflict(corpus, conflict), since, until)


def corpus_scope(corpus: Corpus, conflict: Conflict, *, since: int | None = None,
                 until: int | None = None) -> Scope:
    """Every document counts: for questions that name actors but no conflict."""
    sentences: dict[str, set[int]] = {}
    for doc_id, idx in corpus.sentences:
        sentences.setdefault(doc_id, set()).add(idx)
    links = {d: Link(d, frozenset(s), len(s), frozenset()) for d, s in sentences.items()}
    return Scope(conflict, links, since, until)


def codes_of(event: Event) -> set[str]:
    return {p.code for p in (*event.actors, *event.recipients, *event.mediators)}


# a verb right after a nominal trigger saying the thing came to nothing ("the mission has
# faded", "the talks collapsed"); read up to the end of the clause only
CAME_TO_NOTHING = re.compile(
    r"^[^,;:()]{0,40}?\b(?:faded|failed|fell (?:short|through|apart)|collapsed|stalled|"
    r"broke down|came to nothing|(?:was|were|been) (?:rejected|abandoned|blocked|vetoed|"
    r"shelved|cancell?ed|called off))\b", re.IGNORECASE)


def is_usable(event: Event) -> bool:
    """Flagged reports (negated, hypothetical, attempted) never count as things that happened,
    nor does a thing the sentence says came to nothing right after naming it."""
    return not event.is_flagged and not came_to_nothing(event)


def came_to_nothing(event: Event) -> bool:
    offset = event.trigger_end - event.sentence_start
    if not event.sentence_text or not 0 <= offset <= len(event.sentence_text):
        return False
    return CAME_TO_NOTHING.search(event.sentence_text[offset:]) is not None

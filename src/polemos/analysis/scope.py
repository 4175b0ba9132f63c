"""Which documents and sentences concern a conflict: relevance, not a definition file.

A conflict (defined, discovered or read from a question) has **sides** (the actor keys of its
parties, each with its parts; its wholes and members count less), **places** (its name, aliases
and territories, for a defined one) and **topic** words (the words of a question that name no
actor: "S-400 missiles", "South China Sea"). Each document gets a relevance in [0, 1]:

- every side and the places get a *centrality* in the document: 0.3 when the title names it,
  0.2 when one of the first three sentences does, and 0.5 × the share of sentences naming it
  (full from a quarter of the sentences on);
- the sides and places combine as 0.6 × the most central + 0.4 × the next one, the first term
  fading to nothing when the next one is barely named (centrality under 0.1), so a document
  about one side only is not about a war between two; the sides a question names together
  ("the dispute between Turkey and the United States") combine as their mean times the squared
  share of them the document names;
- when the question gives topic words, the result is multiplied by 0.3 + 0.7 × their centrality.

A document is in scope when its relevance is at least ``MIN_RELEVANCE`` (0.3) and at least two
of its sentences (or its title) name the conflict: one passing mention never brings it in.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from polemos.analysis import corpus as reads
from polemos.analysis import kbview
from polemos.analysis.attribution import HEDGE
from polemos.analysis.conflicts import Conflict
from polemos.analysis.corpus import Corpus, MentionRef
from polemos.analysis.kbview import ActorKB
from polemos.records import Claim, Event, EventDate
from polemos.records import codes_of as participant_codes
from polemos.store.store import Store

LEAD_SENTENCES = 3
SHARE_FULL = 0.25
W_TITLE, W_LEAD, W_SHARE = 0.3, 0.2, 0.5
LOOSE_WEIGHT = 0.4  # a side's wholes and its grouping's members count this much
TOPIC_FLOOR = 0.3  # a document without the question's topic words keeps this share
MIN_RELEVANCE = 0.3
MIN_SENTENCES = 2
PRESENT = 0.1  # a side this central is named in the document


@dataclass(frozen=True, slots=True)
class Side:
    """One party as the scope sees it: the actor keys that stand for it."""

    label: str
    keys: frozenset[str]  # the party and its parts
    loose: frozenset[str] = frozenset()  # its wholes, a grouping's members
    names: tuple[str, ...] = ()  # its names, for titles


@dataclass(frozen=True, slots=True)
class Signals:
    """What the ranking knows of one document."""

    doc_id: str
    title: str
    n_sentences: int
    keys: Mapping[str, tuple[int, ...]]  # actor key → sentences naming it
    places: tuple[int, ...] = ()  # sentences naming the conflict or a territory
    topic: tuple[int, ...] = ()  # sentences with the topic words


@dataclass(frozen=True, slots=True)
class Relevance:
    doc_id: str
    score: float
    title: str
    n_sentences: int  # sentences naming a side, a place or the topic
    is_in: bool


@dataclass(frozen=True, slots=True)
class Link:
    """The sentences of one in-scope document that concern the conflict."""

    doc_id: str
    sentences: frozenset[int]  # sentences naming a side, a place or the topic
    n_places: int  # sentences (and title) naming the conflict or a territory
    parties: frozenset[str]  # party codes mentioned in the document
    relevance: float = 1.0


# -- sides, places and topic --------------------------------------------------------------


def sides_of(conflict: Conflict, kb: ActorKB | None, surfaces: Mapping[str, Sequence[str]] | None = None
             ) -> tuple[Side, ...]:
    """One side per party, with its parts (full weight) and wholes and members (loose); its
    names are the KB's and the words the texts use for it (``surfaces``: code → words)."""
    out = []
    for party in conflict.parties:
        code, sector = kbview.split_key(party)
        key = kbview.key_of(code, sector)
        keys = {key, *kbview.parts(kb, code)} if key == code else {key}
        loose = {*kbview.wholes(kb, code), *kbview.members_of(kb, code)} - keys
        names = (*kbview.names(kb, code), *(surfaces or {}).get(code, ())) if key == code else ()
        out.append(Side(party, frozenset(keys), frozenset(loose), _title_names(names)))
    return tuple(dict.fromkeys(out))


def _title_names(names: Iterable[str]) -> tuple[str, ...]:
    """Names fit to find a side in a title: capitalised, no possessive, two letters or more."""
    out = [re.sub(r"['’]s?$", "", n.removeprefix("the ").removeprefix("The ")) for n in names]
    return tuple(sorted({n for n in out if len(n) > 1 and n[:1].isupper()}))


@functools.lru_cache(maxsize=64)
def place_pattern(conflict: Conflict) -> str | None:
    """An RE2 pattern (also valid for ``re``) for the conflict's names and territories."""
    words = sorted({*conflict.territories, *(() if conflict.is_inferred else conflict.names)},
                   key=len, reverse=True)
    return _alternation(words) if words else None


@functools.lru_cache(maxsize=64)
def topic_pattern(conflict: Conflict) -> str | None:
    """The topic words (case-blind, any ending) and literal phrases of a question."""
    stems = [re.escape(w[:max(5, len(w) - 2)]) + r"\w*" for w in conflict.topic if " " not in w]
    phrases = [re.escape(w) for w in conflict.topic if " " in w]
    parts = [*phrases, *stems]
    return rf"(?i)\b(?:{'|'.join(parts)})\b" if parts else None


def names_pattern(names: Iterable[str]) -> str | None:
    words = sorted({n for n in names if len(n) > 1}, key=len, reverse=True)
    return _alternation(words) if words else None


@functools.lru_cache(maxsize=256)
def _names_pattern_of(names: tuple[str, ...]) -> str | None:
    """``names_pattern`` of one side, built once, not once per ranked document."""
    return names_pattern(names)


def _alternation(words: Sequence[str]) -> str:
    return rf"\b(?:{'|'.join(re.escape(w) for w in words)})\b"


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# -- ranking ------------------------------------------------------------------------------


def centrality(sentences: Iterable[int], *, in_title: bool, n_sentences: int) -> float:
    found = set(sentences)
    share = len(found) / max(1, n_sentences)
    lead = any(i < LEAD_SENTENCES for i in found)
    return round(W_TITLE * in_title + W_LEAD * lead + W_SHARE * min(1.0, share / SHARE_FULL), 3)


def _matches(key: str, keys: frozenset[str]) -> bool:
    return key in keys or kbview.split_key(key)[0] in keys


def side_sentences(side: Side, signals: Signals, *, loose: bool = False) -> set[int]:
    wanted = side.loose if loose else side.keys
    return {i for key, sents in signals.keys.items() if _matches(key, wanted) for i in sents}


def _in_title(pattern: str | None, title: str) -> bool:
    return bool(pattern and title and _compiled(pattern).search(title))


def side_centrality(side: Side, signals: Signals) -> float:
    n = signals.n_sentences
    own = centrality(side_sentences(side, signals), n_sentences=n,
                     in_title=_in_title(_names_pattern_of(side.names), signals.title))
    loose = centrality(side_sentences(side, signals, loose=True), in_title=False, n_sentences=n)
    return max(own, LOOSE_WEIGHT * loose)


def combine(scores: Sequence[float], *, every: bool = False) -> float:
    """The sides' centralities as one: 0.6 × the most central + 0.4 × the next, the first
    term fading to nothing as the next falls below ``PRESENT`` (one side alone is not the
    conflict); with
    ``every`` (sides a question names together) their mean times the squared share of sides
    that are named at all, so a document about one of them only is not about their dispute."""
    if not scores:
        return 1.0
    if every:
        present = sum(1 for c in scores if c >= PRESENT) / len(scores)
        return sum(scores) / len(scores) * present * present
    ranked = sorted(scores, reverse=True)
    if len(ranked) == 1:
        return ranked[0]
    return 0.6 * ranked[0] * min(1.0, ranked[1] / PRESENT) + 0.4 * ranked[1]


def relevance(signals: Signals, sides: Sequence[Side], conflict: Conflict) -> Relevance:
    """How central the conflict is to one document (see the module docstring)."""
    n = signals.n_sentences
    scores = [side_centrality(side, signals) for side in sides]
    places = place_pattern(conflict)
    if places:
        scores.append(centrality(signals.places, n_sentences=n,
                                 in_title=_in_title(places, signals.title)))
    score = combine(scores, every=conflict.is_inferred and len(sides) >= 2)
    topic = topic_pattern(conflict)
    topic_title = _in_title(topic, signals.title)
    if topic:
        fit = centrality(signals.topic, in_title=topic_title, n_sentences=n)
        score *= TOPIC_FLOOR + (1 - TOPIC_FLOOR) * fit
    about = set(signals.places) | set(signals.topic)
    for side in sides:
        about |= side_sentences(side, signals)
    named = len(about) >= MIN_SENTENCES or _in_title(places, signals.title) or topic_title
    score = round(score, 3)
    return Relevance(signals.doc_id, score, signals.title, len(about),
                     named and score >= MIN_RELEVANCE)


def rank(signals: Iterable[Signals], sides: Sequence[Side], conflict: Conflict
         ) -> list[Relevance]:
    """Every document's relevance, most relevant first."""
    found = [relevance(s, sides, conflict) for s in signals]
    return sorted(found, key=lambda r: (-r.score, r.doc_id))


# -- signals from a loaded corpus (exact) -------------------------------------------------


def signals_from_corpus(corpus: Corpus, conflict: Conflict, sides: Sequence[Side],
                        doc_ids: Iterable[str] | None = None) -> list[Signals]:
    """Signals of every loaded document (or of ``doc_ids``), place names checked against the
    mentions: "Minsk" inside "OSCE Minsk Group" is not Belarus's capital."""
    wanted = set(doc_ids) if doc_ids is not None else set(corpus.texts)
    keys: dict[str, dict[str, set[int]]] = {d: {} for d in wanted}
    for (doc_id, idx), refs in corpus.mentions.items():
        if doc_id in wanted:
            for key in _ref_keys(refs):
                keys[doc_id].setdefault(key, set()).add(idx)
    places, topic = _text_hits(corpus, conflict, wanted)
    out = []
    for doc_id in sorted(wanted):
        info = corpus.infos.get(doc_id)
        source = corpus.sources.get(doc_id)
        title = (info.title if info else None) or (source.title if source else None) or ""
        n = (info.n_sentences if info else 0) or len(corpus.sentence_ids(doc_id))
        out.append(Signals(doc_id, title, n, {k: tuple(sorted(v)) for k, v in keys[doc_id].items()},
                           tuple(sorted(places.get(doc_id, ()))),
                           tuple(sorted(topic.get(doc_id, ())))))
    return out


def _ref_keys(refs: list[MentionRef]) -> set[str]:
    out: set[str] = set()
    for ref in refs:
        out.update(ref.members)
        if ref.key:
            out.add(ref.key)
    return out


def _text_hits(corpus: Corpus, conflict: Conflict, wanted: set[str]
               ) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    place, topic = place_pattern(conflict), topic_pattern(conflict)
    places: dict[str, set[int]] = {}
    topics: dict[str, set[int]] = {}
    for (doc_id, idx), (start, end, _) in corpus.sentences.items():
        if doc_id not in wanted:
            continue
        text = corpus.texts.get(doc_id, "")[start:end]
        refs = corpus.mentions.get((doc_id, idx), [])
        if place and any(not _inside_other_name(conflict, start + m.start(), start + m.end(), refs)
                         and not _starts_longer_name(text, m.end())
                         for m in _compiled(place).finditer(text)):
            places.setdefault(doc_id, set()).add(idx)
        if topic and _compiled(topic).search(text):
            topics.setdefault(doc_id, set()).add(idx)
    return places, topics


def _starts_longer_name(text: str, end: int) -> bool:
    """ "Minsk Group": a place name followed by another capitalised word is a longer name."""
    return re.match(r"\s+[A-Z][a-z]", text[end:]) is not None


def _inside_other_name(conflict: Conflict, start: int, end: int, refs: list[MentionRef]) -> bool:
    """A place name inside a longer name of another actor ("Minsk" in "OSCE Minsk Group")."""
    return any(ref.start <= start and end <= ref.end and (ref.end - ref.start) > (end - start)
               and ref.code is not None and not conflict.is_party(ref.code, ref.sector)
               and ref.code not in conflict.party_codes for ref in refs)


# -- the scope ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """A conflict, the documents about it (with their relevance) and an optional period."""

    conflict: Conflict
    links: dict[str, Link]
    since: int | None = None
    until: int | None = None
    ranking: tuple[Relevance, ...] = ()  # every document looked at, most relevant first
    n_documents: int = 0  # documents in the store
    sides: tuple[Side, ...] = field(default=())
    n_mentioning: int = 0  # documents naming a side, a place or the topic at all
    is_mentioning_capped: bool = False  # n_mentioning stopped at reads.MAX_CANDIDATES
    n_copies: int = 0  # further documents that are copies of in-scope ones (one story each)
    note: str = ""  # how the scope was decided, in a sentence (shown by the report)
    is_whole_corpus: bool = False  # every document, whatever ``links`` holds

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
        codes = [(p.code, p.sector) for p in (*event.actors, *event.recipients, *event.mediators)
                 if p.code is not None]
        return event.sentence in link.sentences or any(
            self.conflict.is_party(code, sector) for code, sector in codes)

    def has_sentence(self, doc_id: str, sentence: int) -> bool:
        """Any sentence of an in-scope document: statements rarely repeat the conflict's name."""
        return doc_id in self.links

    def has_claim(self, claim: Claim) -> bool:
        return self.has_sentence(claim.doc_id, claim.sentence) and self.in_period(claim.date)

    @property
    def doc_ids(self) -> tuple[str, ...]:
        """In-scope documents, most relevant first."""
        return tuple(sorted(self.links, key=lambda d: (-self.links[d].relevance, d)))

    @property
    def document_filter(self) -> tuple[str, ...] | None:
        """The in-scope documents in id order, as store filters take them; None for the
        whole corpus."""
        return None if self.is_whole_corpus else tuple(sorted(self.links))

    @property
    def name(self) -> str | None:
        """The conflict's name; None for the whole corpus."""
        return None if self.is_whole_corpus else self.conflict.name

    @property
    def parties(self) -> tuple[str, ...]:
        """The parties' codes (sectors dropped)."""
        return self.conflict.party_codes

    def summary(self) -> dict[str, object]:
        """What the scope is, as JSON: name, parties, documents (None: all) and note."""
        documents = self.document_filter
        return {"name": self.name, "parties": list(self.parties),
                "doc_ids": None if documents is None else list(documents), "note": self.note}


def whole_corpus() -> Scope:
    """The scope of every stored document."""
    return Scope(Conflict(name="whole corpus", parties=()), {}, note="Whole corpus.",
                 is_whole_corpus=True)


def documents_scope(name: str, doc_ids: Iterable[str], *, note: str = "") -> Scope:
    """A scope made of given documents (no ranking): a name found in their texts."""
    links = {d: Link(d, frozenset(), 0, frozenset()) for d in doc_ids}
    return Scope(Conflict(name=name, parties=()), links, note=note)


def build_scope(corpus: Corpus, conflict: Conflict, *, since: int | None = None,
                until: int | None = None, kb: ActorKB | None = None, n_documents: int | None = None,
                n_mentioning: int | None = None) -> Scope:
    """The scope of ``conflict`` over the loaded documents (exact signals)."""
    surfaces: dict[str, list[str]] = {}
    for refs in corpus.mentions.values():
        for ref in refs:
            if ref.code and ref.text not in surfaces.setdefault(ref.code, []):
                surfaces[ref.code].append(ref.text)
    sides = sides_of(conflict, kb, surfaces)
    signals = signals_from_corpus(corpus, conflict, sides)
    ranking = rank(signals, sides, conflict)
    by_doc = {s.doc_id: s for s in signals}
    links = {r.doc_id: _link(by_doc[r.doc_id], sides, conflict, r.score)
             for r in ranking if r.is_in or r.doc_id in conflict.documents}
    mentioning = sum(1 for r in ranking if r.n_sentences)
    return Scope(conflict, links, since, until, tuple(ranking),
                 n_documents if n_documents is not None else len(corpus.texts), sides,
                 n_mentioning if n_mentioning is not None else mentioning)


def find_scope(store: Store, conflict: Conflict, *, kb: ActorKB | None = None, since: int | None = None,
               until: int | None = None) -> tuple[Scope, Corpus]:
    """The scope of ``conflict`` in a store, and the loaded rows of its documents.

    1. aggregates (no document loaded): the sentences of each document that mention the sides,
       the places and the topic, and the titles; an approximate relevance for each; copies of
       one story (see ``polemos.store.signals``) count once;
    2. the most relevant candidates (at most ``reads.MAX_LOADED``) are loaded and ranked
       exactly (place names checked against the mentions), which decides the scope.
    """
    signals, is_capped = candidate_signals(store, conflict, kb)
    sides = sides_of(conflict, kb, reads.surface_texts(store, _codes(sides_of(conflict, kb))))
    approx = [r.doc_id for r in rank(signals, sides, conflict) if r.score >= MIN_RELEVANCE / 2]
    wanted = list(dict.fromkeys([*conflict.documents, *approx]))[:reads.MAX_LOADED]
    corpus = reads.load_corpus(store, wanted)
    scope = build_scope(corpus, conflict, since=since, until=until, kb=kb,
                        n_documents=reads.count_documents(store),
                        n_mentioning=sum(1 for s in signals if s.keys or s.places or s.topic))
    copies = reads.copies(store, scope.links)
    return replace(scope, is_mentioning_capped=is_capped,
                   n_copies=sum(copies.values()) - len(copies)), corpus


def _codes(sides: Iterable[Side]) -> set[str]:
    return {kbview.split_key(k)[0] for side in sides for k in (*side.keys, *side.loose)}


def candidate_signals(store: Store, conflict: Conflict, kb: ActorKB | None) -> tuple[list[Signals], bool]:
    """Approximate signals from aggregate queries: the documents that name a side (most
    mentions first), a place or the topic, in their text or title; and whether the documents
    naming a side were more than ``reads.MAX_CANDIDATES`` (only that many are looked at)."""
    by_doc = reads.mention_sentences(store, _codes(sides_of(conflict, kb)))
    place, topic = place_pattern(conflict), topic_pattern(conflict)
    wanted: set[str] | None = set(by_doc)
    if not by_doc:  # nothing to narrow the text search with: scan (bounded)
        wanted = None
    titled = {d for p in (place, topic) if p for d in reads.matching_titles(store, p)}
    where = None if wanted is None else wanted | titled
    places = reads.matching_sentences(store, place, where) if place else {}
    topics = reads.matching_sentences(store, topic, where) if topic else {}
    ids = set(by_doc) | titled | set(places) | set(topics)
    infos = reads.doc_infos(store, ids)
    signals = [Signals(d, infos[d].title, infos[d].n_sentences,
                       {k: tuple(v) for k, v in by_doc.get(d, {}).items()},
                       tuple(places.get(d, ())), tuple(topics.get(d, ())))
               for d in sorted(ids) if d in infos]
    return signals, len(by_doc) >= reads.MAX_CANDIDATES


def _link(signals: Signals, sides: Sequence[Side], conflict: Conflict, score: float) -> Link:
    about: set[int] = set(signals.places) | set(signals.topic)
    parties: set[str] = set()
    for side in sides:
        found = side_sentences(side, signals)
        about |= found
        if found:
            parties.add(kbview.split_key(side.label)[0])
    title = 1 if _in_title(place_pattern(conflict), signals.title) else 0
    return Link(signals.doc_id, frozenset(about), len(signals.places) + title,
                frozenset(parties), score)


def with_parties(scope: Scope, parties: Sequence[str]) -> Scope:
    """The scope with more parties (adversaries found in it), documents unchanged."""
    fresh = tuple(p for p in parties if p not in scope.conflict.parties)
    if not fresh:
        return scope
    return replace(scope, conflict=replace(scope.conflict,
                                           parties=(*scope.conflict.parties, *fresh)))


def codes_of(event: Event) -> set[str]:
    return set(participant_codes((*event.actors, *event.recipients, *event.mediators)))


def keys_of(event: Event) -> set[str]:
    """Actor keys of the event's participants (CODE or CODE:SECTOR for non-state sectors)."""
    return {kbview.key_of(p.code, p.sector)
            for p in (*event.actors, *event.recipients, *event.mediators) if p.code is not None}


# a verb right after a nominal trigger saying the thing came to nothing ("the mission has
# faded", "the talks collapsed"); read up to the end of the clause only
CAME_TO_NOTHING = re.compile(
    r"^[^,;:()]{0,40}?\b(?:faded|failed|fell (?:short|through|apart)|collapsed|stalled|"
    r"broke down|came to nothing|(?:was|were|been) (?:rejected|abandoned|blocked|vetoed|"
    r"shelved|cancell?ed|called off))\b", re.IGNORECASE)


def is_usable(event: Event) -> bool:
    """Flagged reports (negated, hypothetical, attempted) never count as things that happened,
    nor does a thing the sentence says came to nothing right after naming it, nor a question
    ("why are Russian peacekeepers welcomed?" asserts nothing)."""
    return (not event.is_flagged and not came_to_nothing(event)
            and not is_question(event.sentence_text))


def is_question(text: str) -> bool:
    return text.rstrip(" \"'”’)]").endswith("?")


def is_hedged(event: Event) -> bool:
    """The clause reports the event as a perception, an allegation or a possibility
    ("perceptions that Russia directly supported …"): it does not show a stance."""
    offset = event.trigger_start - event.sentence_start
    if not event.sentence_text or not 0 <= offset <= len(event.sentence_text):
        return False
    clause = re.split(r"[;:]", event.sentence_text[:offset])[-1]
    return HEDGE.search(clause) is not None


def came_to_nothing(event: Event) -> bool:
    offset = event.trigger_end - event.sentence_start
    if not event.sentence_text or not 0 <= offset <= len(event.sentence_text):
        return False
    return CAME_TO_NOTHING.search(event.sentence_text[offset:]) is not None

"""Every read of the store the positions layer makes: the I/O edge of ``analysis/``.

Two kinds of reads. Aggregates find which documents a question concerns without loading them:
the sentences of each document that mention some actors, titles, sentences that match a pattern,
conflictual dyads. Then :func:`load_corpus` loads the rows of a bounded set of documents. Both
go through the store's typed read API (``polemos.store``); no module of ``analysis/`` writes
SQL.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from polemos.analysis.kbview import key_of
from polemos.analysis.model import Evidence, Source
from polemos.records import Claim, Event, EventDate, Mention
from polemos.store.signals import MentionSentences
from polemos.store.store import Store

MAX_CANDIDATES = 2000  # documents a relevance ranking looks at (the most mentions first)
MAX_LOADED = 400  # documents loaded into memory for one answer
NAME_KINDS = ("state", "igo", "defacto", "armed_group")


@dataclass(frozen=True, slots=True)
class MentionRef:
    code: str | None
    sector: str | None
    members: tuple[str, ...]
    text: str
    start: int = 0
    end: int = 0
    kind: str = ""
    person: str | None = None

    @property
    def key(self) -> str | None:
        return key_of(self.code, self.sector) if self.code else None


@dataclass(frozen=True, slots=True)
class DocInfo:
    doc_id: str
    title: str
    n_sentences: int
    published: dt.date | None = None
    author: str | None = None
    text_date: dt.date | None = None  # the latest date the text states


@dataclass(frozen=True)
class Corpus:
    """Documents, sentences, mentions, events and claims of a set of documents, indexed."""

    texts: dict[str, str]
    sources: dict[str, Source]
    sentences: dict[tuple[str, int], tuple[int, int, EventDate]]
    mentions: dict[tuple[str, int], list[MentionRef]]
    events: list[Event]
    merged: dict[str, str]  # event_id → merged id
    claims: list[Claim]
    names: dict[str, str] = field(default_factory=dict)  # actor key → commonest mention text
    infos: dict[str, DocInfo] = field(default_factory=dict)
    name_counts: dict[str, Counter[str]] = field(default_factory=dict)  # key → text → count

    def evidence(self, doc_id: str, sentence: int) -> Evidence:
        """The cited sentence, its text sliced from the document so it always checks out."""
        start, end, _ = self.sentences.get((doc_id, sentence), (0, 0, EventDate()))
        return Evidence(doc_id, sentence, self.texts.get(doc_id, "")[start:end], start, end)

    def date_of(self, doc_id: str, sentence: int) -> EventDate:
        return self.sentences.get((doc_id, sentence), (0, 0, EventDate()))[2]

    def codes_in(self, doc_id: str, sentence: int) -> set[str]:
        out: set[str] = set()
        for ref in self.mentions.get((doc_id, sentence), ()):
            out.update(ref.members or ((ref.code,) if ref.code else ()))
        return out

    def keys_in(self, doc_id: str, sentence: int) -> set[str]:
        """Actor keys (CODE or CODE:SECTOR) mentioned in the sentence, group members included."""
        out: set[str] = set(self.codes_in(doc_id, sentence))
        out.update(ref.key for ref in self.mentions.get((doc_id, sentence), ()) if ref.key)
        return out

    def known_codes(self) -> set[str]:
        return set(self.names)

    def sentence_ids(self, doc_id: str) -> list[int]:
        return list(self._sentence_ids.get(doc_id, ()))

    @functools.cached_property
    def _sentence_ids(self) -> dict[str, list[int]]:
        """Sentence indexes by document, built once (a scan of every sentence per call made
        a pass over the scope's documents quadratic)."""
        out: dict[str, list[int]] = {}
        for doc_id, idx in sorted(self.sentences):
            out.setdefault(doc_id, []).append(idx)
        return out


# -- aggregates ------------------------------------------------------------------------


def count_documents(store: Store) -> int:
    return store.count_documents()


def doc_infos(store: Store, doc_ids: Collection[str] | None = None) -> dict[str, DocInfo]:
    """Title, length, date and author of the given documents (of all when None)."""
    return {d.doc_id: DocInfo(d.doc_id, d.title or "", d.n_sentences, d.published, d.author,
                              d.text_date)
            for d in store.documents(doc_ids=doc_ids)}


def mention_sentences(store: Store, codes: Collection[str], *, limit: int = MAX_CANDIDATES
                      ) -> dict[str, dict[str, list[int]]]:
    """doc_id → actor key → the sentences mentioning it, for mentions of ``codes`` (any
    sector); the ``limit`` documents with most such sentences."""
    return _by_key(store.mention_sentences(codes, limit=limit))


def _by_key(found: Iterable[MentionSentences]) -> dict[str, dict[str, list[int]]]:
    out: dict[str, dict[str, list[int]]] = {}
    for hit in found:
        keys = out.setdefault(hit.doc_id, {})
        key = key_of(hit.code, hit.sector)
        keys[key] = sorted(set(keys.get(key, [])) | set(hit.sentences))
    return out


def matching_sentences(store: Store, pattern: str, doc_ids: Collection[str] | None = None,
                       *, limit: int = MAX_CANDIDATES) -> dict[str, list[int]]:
    """doc_id → sentences whose text matches ``pattern`` (an RE2 regular expression), in the
    given documents, else in the ``limit`` documents with most matches."""
    return store.matching_sentences(pattern, doc_ids, limit=limit)


def matching_titles(store: Store, pattern: str, *, limit: int = MAX_CANDIDATES) -> list[str]:
    return store.matching_titles(pattern, limit=limit)


def surface_texts(store: Store, codes: Collection[str], *, per_code: int = 40
                  ) -> dict[str, list[str]]:
    """The words the texts use for each code (commonest first), for matching titles."""
    if not codes:
        return {}
    out: dict[str, list[str]] = {}
    for found in store.mention_texts(codes, per_code=per_code, by_sector=False):
        out.setdefault(found.code, []).append(found.text)
    return out


def keys_named(store: Store, phrases: Iterable[str]) -> dict[str, str]:
    """lower-case phrase → the actor key the stored mentions most often give it."""
    phrases = list(phrases)
    out: dict[str, str] = {}
    for found in store.codes_named(phrases):
        out.setdefault(found.text, key_of(found.code, found.sector))
    codes = {p for p in phrases if p and p.isupper() and p.isalpha() and len(p) <= 8}
    for code in sorted(store.mentioned_codes(codes)):  # an actor code typed as such ("RUS")
        out.setdefault(code.lower(), code)
    return out


def common_names(store: Store, codes: Collection[str] | None = None) -> dict[str, str]:
    """actor key → the commonest capitalised mention text (for codes the KB does not name)."""
    return {key: _best_name(c) for key, c in name_counts(store, codes).items()}


def name_counts(store: Store, codes: Collection[str] | None = None) -> dict[str, Counter[str]]:
    """actor key → how often each mention text names it (states, organisations, de facto
    states and the non-state sectors of states)."""
    counts: dict[str, Counter[str]] = {}
    for found in store.mention_texts(codes, kinds=NAME_KINDS):
        counts.setdefault(key_of(found.code, found.sector), Counter())[found.text] += found.n
    return counts


def copies(store: Store, doc_ids: Collection[str]) -> dict[str, int]:
    """doc_id → how many stored documents tell its story (itself included)."""
    return store.copies(doc_ids)


# -- aggregates for discovering conflicts --------------------------------------------


@dataclass(frozen=True, slots=True)
class Dyad:
    """Conflictual events between two actor keys in one document."""

    doc_id: str
    source: str
    target: str
    n: int
    n_material: int  # of them quad 4 (material conflict)


def top_keys(store: Store, doc_ids: Collection[str] | None = None, *, per_doc: int = 10
             ) -> dict[str, dict[str, list[int]]]:
    """doc_id → its most mentioned actor keys → their sentences (every document, or those
    given)."""
    out = _by_key(store.top_mentioned(doc_ids, per_doc=per_doc * 2))
    return {d: dict(sorted(k.items(), key=lambda kv: -len(kv[1]))[:per_doc])
            for d, k in out.items()}


def conflict_dyads(store: Store, doc_ids: Collection[str] | None = None) -> list[Dyad]:
    """Unflagged conflictual events (quad 3 and 4) with a source and a target, counted by
    document and (source, target) actor keys."""
    return [Dyad(d.doc_id, key_of(d.source_code, d.source_sector),
                 key_of(d.target_code, d.target_sector), d.n, d.n_material)
            for d in store.conflict_dyads(doc_ids)]


def pattern_counts(store: Store, patterns: dict[str, str],
                   doc_ids: Collection[str] | None = None) -> dict[str, dict[str, int]]:
    """doc_id → pattern name → sentences matching that RE2 pattern (every document, or
    those given)."""
    return store.pattern_counts(patterns, doc_ids)


def mention_contexts(store: Store, codes: Collection[str], doc_ids: Collection[str],
                     *, width: int = 30) -> list[tuple[str, str, str]]:
    """(document, mention text, the text right after it) for mentions of ``codes`` in the given
    documents: how a place is named ("Balochistan" + " province")."""
    return [(c.doc_id, c.text, c.after)
            for c in store.mention_contexts(codes, doc_ids, width=width)]


# -- loading documents --------------------------------------------------------------------


def load_corpus(store: Store, doc_ids: Collection[str] | None = None) -> Corpus:
    """The rows of the given documents (all when None) in a handful of queries.

    Raises nothing; unknown ids are ignored. Callers bound ``doc_ids`` (see MAX_LOADED).
    """
    documents = store.documents(doc_ids=doc_ids, with_text=True)
    ids = [d.doc_id for d in documents]
    texts = {d.doc_id: d.text or "" for d in documents}
    sources = {d.doc_id: Source(d.doc_id, d.title, d.url or d.source,
                                d.published.isoformat() if d.published else None)
               for d in documents}
    sentences = {(s.doc_id, s.index): (s.start, s.end, s.date)
                 for s in store.sentences(ids, with_text=False)}
    mentions, counts = _mentions(store.mentions(doc_ids=ids))
    events = [e.coded() for e in store.event_reports(ids)]  # analyses count codes only
    infos = {d.doc_id: DocInfo(d.doc_id, d.title or "", d.n_sentences, d.published, d.author,
                               d.text_date) for d in documents}
    return Corpus(texts, sources, sentences, mentions, events, store.merged_ids(ids),
                  store.claims(doc_ids=ids), {key: _best_name(c) for key, c in counts.items()},
                  infos, counts)


def _mentions(found: Iterable[Mention]
              ) -> tuple[dict[tuple[str, int], list[MentionRef]], dict[str, Counter[str]]]:
    mentions: dict[tuple[str, int], list[MentionRef]] = {}
    counts: dict[str, Counter[str]] = {}
    for m in found:
        ref = MentionRef(m.code, m.sector, m.members, m.text, m.start, m.end, m.kind, m.person)
        mentions.setdefault((m.doc_id, m.sentence), []).append(ref)
        if m.code and m.kind in NAME_KINDS:
            counts.setdefault(key_of(m.code, m.sector), Counter())[m.text] += 1
    return mentions, counts


def _best_name(counter: Counter[str]) -> str:
    """The commonest capitalised mention text that is not a possessive."""
    for text, _ in counter.most_common():
        if text[:1].isupper() and not text.endswith(("'s", "’s")):
            return text.removeprefix("the ").removeprefix("The ")
    return counter.most_common(1)[0][0]

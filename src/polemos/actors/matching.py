"""Phrase matchers compiled once per (knowledge base, vocab) and cached in the KB.

Three matchers:
- names: every KB surface form (names, adjectives, demonyms, metonyms, people), case-sensitive
  (ORTH) so that "US" is not "us" and "Turkey" is not "turkey";
- titles: the titles of titles.yaml, case-insensitive ("Foreign Minister", "foreign minister");
- groups: expressions that point back at several actors ("both sides", "the co-chairs").
"""

from __future__ import annotations

from dataclasses import dataclass

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from polemos.actors.kb import KnowledgeBase

# Linguistic (not world) knowledge: expressions that stand for several actors named nearby.
GROUP_PHRASES: tuple[str, ...] = (
    "both sides", "the two sides", "the sides", "two sides", "both parties", "the two parties",
    "the parties", "the warring parties", "the warring sides", "the conflicting parties",
    "the parties to the conflict", "the conflicting sides", "both conflicting parties",
    "the opposing sides", "both countries", "the two countries", "both states",
    "the two states", "both nations", "the two nations", "the two neighbours",
    "the two neighbors", "both governments", "the two governments", "the two republics",
    "the co-chairs", "co-chairs", "the co-chair countries", "the co-chairing countries",
    "the mediators",
)
# people in office named as a pair: "both leaders", "the two presidents", "both foreign ministers"
OFFICE_PLURALS = ("leaders", "presidents", "ministers", "foreign ministers", "defence ministers",
                  "defense ministers", "prime ministers", "premiers", "chancellors",
                  "heads of state", "envoys", "counterparts")
GROUP_PHRASES += tuple(f"{det} {noun}" for noun in OFFICE_PLURALS for det in ("both", "the two"))
CO_CHAIR_WORDS = ("co-chair", "mediator")


@dataclass(frozen=True)
class Matchers:
    names: PhraseMatcher
    names_lower: PhraseMatcher  # multi-word names also in any case ("OSCE Minsk group")
    titles: PhraseMatcher
    groups: PhraseMatcher
    surfaces: tuple[str, ...]  # match_id → KB surface form
    title_texts: tuple[str, ...]
    group_texts: tuple[str, ...]


def matchers_for(kb: KnowledgeBase, vocab: Vocab) -> Matchers:
    """The compiled matchers of ``kb`` for ``vocab`` (built on first use, then cached)."""
    key = ("matchers", id(vocab))
    cached = kb.cache.get(key)
    if cached is None or cached[0] is not vocab:
        cached = (vocab, _build(kb, vocab))
        kb.cache[key] = cached
    return cached[1]


def _build(kb: KnowledgeBase, vocab: Vocab) -> Matchers:
    tokenizer = spacy.blank("en", vocab=vocab).tokenizer
    surfaces = tuple(kb.names)
    names = _phrase_matcher(vocab, tokenizer, "names", surfaces, attr="ORTH")
    # A multi-word name is distinctive enough to match in any case; one word is not ("US"/"us").
    multi = tuple(s if " " in s.strip() else "" for s in surfaces)
    names_lower = _phrase_matcher(vocab, tokenizer, "names", multi, attr="LOWER")
    title_texts = tuple(kb.title_office)
    titles = _phrase_matcher(vocab, tokenizer, "titles", title_texts, attr="LOWER")
    groups = _phrase_matcher(vocab, tokenizer, "groups", GROUP_PHRASES, attr="LOWER")
    return Matchers(names, names_lower, titles, groups, surfaces, title_texts, GROUP_PHRASES)


def _phrase_matcher(vocab: Vocab, tokenizer: object, label: str, texts: tuple[str, ...],
                    *, attr: str) -> PhraseMatcher:
    """One PhraseMatcher whose match ids are ``label:<index into texts>``."""
    matcher = PhraseMatcher(vocab, attr=attr)
    docs: list[Doc] = list(tokenizer.pipe(texts))  # type: ignore[attr-defined]
    for i, doc in enumerate(docs):
        if not len(doc):
            continue
        # Permanent strings: the matcher may be built inside an nlp.memory_zone(), whose
        # transient strings are dropped when it closes.
        key = f"{label}:{i}"
        vocab.strings.add(key, allow_transient=False)  # type: ignore[call-arg]
        matcher.add(key, [doc])
    return matcher


def match_index(vocab: Vocab, match_id: int) -> int:
    """The index into the matcher's texts encoded in a match id."""
    return int(vocab.strings[match_id].rpartition(":")[2])

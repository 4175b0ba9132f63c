"""Helpers for the actor tests: the fictional KB and hand-built parses (no model needed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

from polemos.nlp.annotate import Parsed, sentences_of
from polemos.records import Article, EventDate, TimeAnalysis

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MIDDLE_EARTH = FIXTURES / "middle_earth" / "kb.yaml"

# One token: (word, head index or None for the root, dep, extra) where extra may hold
# "ent" ("GPE", "PERSON" …, as B/I handled automatically) and "tag" (default NNP/NN).
TokenSpec = tuple[str, int | None, str] | tuple[str, int | None, str, dict[str, str]]



def make_doc(vocab: Vocab, tokens: Sequence[TokenSpec]) -> Doc:
    """A parsed Doc from (word, head, dep[, extra]) rows; heads are absolute indices."""
    words = [t[0] for t in tokens]
    heads = [i if t[1] is None else t[1] for i, t in enumerate(tokens)]
    deps = [t[2] for t in tokens]
    extras = [t[3] if len(t) > 3 else {} for t in tokens]  # type: ignore[misc]
    spaces = [i + 1 < len(words) and words[i + 1] not in {".", ",", "'s", "-"} and w != "-"
              for i, w in enumerate(words)]
    tags = [e.get("tag") or ("NNP" if w[0].isupper() else "NN") for w, e in zip(words, extras)]
    pos = [e.get("pos") or ("PROPN" if tag.startswith("NNP") else "NOUN") for tag, e in
           zip(tags, extras)]
    ents, previous = [], None
    for e in extras:
        label = e.get("ent")
        ents.append("O" if not label else ("I-" if previous == label else "B-") + label)
        previous = label
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos,
               ents=ents, lemmas=[w.lower() for w in words])


def parse(doc: Doc, *, year: int | None = None, published: dt.date | None = None) -> Parsed:
    article = Article("t1", doc.text, published=published or dt.date(2010, 1, 1))
    return Parsed(article, doc, tuple(sentences_of(doc, "t1")))


def dated(parsed: Parsed, year: int | None) -> TimeAnalysis:
    if year is None:
        return TimeAnalysis()
    date = EventDate(dt.date(year, 6, 1), "year", "text")
    return TimeAnalysis((), tuple(date for _ in parsed.sentences))

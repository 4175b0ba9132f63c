"""Hand-built parses of fictional sentences (no model): the events stage's logic tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
import spacy
from spacy.tokens import Doc

from polemos.events import Patterns, load_patterns
from polemos.nlp.annotate import Parsed, sentences_of
from polemos.records import Article, EventDate, Mention, TimeAnalysis

# fictional actors: the coder is tested, not a real dictionary
CODES = {"Arnor": "ARN", "Gondor": "GON", "Rohan": "ROH", "Mordor": "MOR", "Harad": "HAR",
         "Arnorian": "ARN", "Gondorian": "GON", "Rohirric": "ROH", "Elrond": "ARN",
         "Council": "CNL", "Haradrim": "HAR"}

VOCAB = spacy.blank("en").vocab  # lexical attributes (lower_) need a language's vocab

# (word, head index, dep, pos, lemma)
Token = tuple[str, int, str, str, str]


def make_parsed(tokens: Sequence[Token], doc_id: str = "d1") -> Parsed:
    words = [t[0] for t in tokens]
    spaces = [i + 1 < len(words) and words[i + 1] not in {".", ","} for i in range(len(words))]
    doc = Doc(VOCAB, words=words, spaces=spaces, heads=[t[1] for t in tokens],
              deps=[t[2] for t in tokens], pos=[t[3] for t in tokens],
              lemmas=[t[4] for t in tokens], sent_starts=[i == 0 for i in range(len(words))])
    article = Article(doc_id, doc.text, published=dt.date(2030, 1, 1))
    return Parsed(article, doc, tuple(sentences_of(doc, doc_id)))


def mentions_of(parsed: Parsed) -> list[Mention]:
    return [Mention(parsed.article.doc_id, 0, t.idx, t.idx + len(t), t.text, CODES[t.text],
                    kind="state") for t in parsed.doc if t.text in CODES]


def one_date(parsed: Parsed, date: EventDate | None = None) -> TimeAnalysis:
    return TimeAnalysis((), tuple(date or EventDate() for _ in parsed.sentences))


@pytest.fixture(scope="session")
def patterns() -> Patterns:
    return load_patterns()

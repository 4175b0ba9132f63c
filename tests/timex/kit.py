"""Hand-built parses of fictional news for the dating rules (no model).

A sentence is written as tokens ``word|TAG|dep|head[|lemma]`` (head: index of the head
token within the sentence); ``PARAGRAPH`` between sentences is a paragraph break.
"""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.tokens import Doc

from polemos.nlp.annotate import Parsed, sentences_of
from polemos.records import Article, EventDate
from polemos.timex import analyse_time, date_for_span

VOCAB = spacy.blank("en").vocab
PUBLISHED = dt.date(2030, 3, 13)  # a Wednesday
PARAGRAPH = "PARAGRAPH"

_POS = {"NNP": "PROPN", "NN": "NOUN", "NNS": "NOUN", "IN": "ADP", "DT": "DET", "CD": "NUM",
        "PRP": "PRON", "JJ": "ADJ", "RB": "ADV", "MD": "AUX", "TO": "PART", ".": "PUNCT",
        ",": "PUNCT", "CC": "CCONJ", "WRB": "ADV", "POS": "PART"}


def _pos(tag: str, dep: str) -> str:
    if dep in ("aux", "auxpass"):
        return "AUX"
    return "VERB" if tag.startswith("VB") else _POS.get(tag, "X")


def parse(*sentences: str, published: dt.date | None = PUBLISHED) -> Parsed:
    words: list[str] = []
    tags: list[str] = []
    deps: list[str] = []
    heads: list[int] = []
    lemmas: list[str] = []
    starts: list[bool] = []
    for sentence in sentences:
        if sentence == PARAGRAPH:
            words.append("\n\n")
            tags.append("_SP")
            deps.append("dep")
            heads.append(len(heads))
            lemmas.append("\n\n")
            starts.append(True)
            continue
        base = len(words)
        for n, spec in enumerate(sentence.split()):
            word, tag, dep, head, *lemma = spec.split("|")
            words.append(word)
            tags.append(tag)
            deps.append(dep)
            heads.append(base + int(head))
            lemmas.append(lemma[0] if lemma else word.lower())
            starts.append(n == 0)
    spaces = [i + 1 < len(words) and words[i + 1] not in {".", ",", "'s", "\n\n"}
              and words[i] != "\n\n" for i in range(len(words))]
    doc = Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags,
              pos=[_pos(t, d) for t, d in zip(tags, deps)], lemmas=lemmas, sent_starts=starts)
    article = Article("kit", doc.text, published=published)
    return Parsed(article, doc, tuple(sentences_of(doc, "kit")))


def sentence_dates(parsed: Parsed) -> list[EventDate]:
    return list(analyse_time(parsed).sentence_dates)


def date_at(parsed: Parsed, word: str, occurrence: int = 0) -> EventDate:
    """The date of an event whose trigger is the ``occurrence``-th token ``word``."""
    tokens = [t for t in parsed.doc if t.text == word]
    token = tokens[occurrence]
    return date_for_span(parsed, analyse_time(parsed), token.idx, token.idx + len(token))

"""Run spaCy over a stream of articles, in batches, keeping their order."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from polemos.batching import batched
from polemos.records import Article, Sentence


@dataclass(frozen=True, slots=True)
class Parsed:
    """An article with its spaCy Doc and sentence records.

    Not a record: it holds a Doc, so it lives only inside the pipeline and never
    crosses into the store. Stages treat the Doc as read-only.
    """

    article: Article
    doc: Doc
    sentences: tuple[Sentence, ...]
    starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(s.start for s in self.sentences))

    def sentence_at(self, char: int) -> int:
        """Index of the sentence that contains character offset ``char``."""
        return max(0, bisect.bisect_right(self.starts, char) - 1)


def annotate(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 32
) -> Iterator[Parsed]:
    """Yield each article parsed, in input order.

    Batches run inside ``nlp.memory_zone()`` so the vocabulary does not grow with the
    corpus: memory stays flat over millions of documents. A Parsed is only valid until
    the next one is requested; stages turn it into records before that.
    """
    for chunk in batched(articles, batch_size * 4):
        with nlp.memory_zone():
            pairs = [(article.text, article) for article in chunk]
            for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
                yield Parsed(article, doc, tuple(sentences_of(doc, article.doc_id)))


def sentences_of(doc: Doc, doc_id: str) -> list[Sentence]:
    """Sentences as records, trimmed of surrounding whitespace.

    Blank sentences are left out; a "sentence" of punctuation alone (the closing quote the
    parser cut off) is given back to the sentence before it.
    """
    out: list[Sentence] = []
    full = doc.text  # once: Doc.text re-joins every token on each access
    for sent in doc.sents:
        raw = sent.text
        text = raw.strip()
        if not text:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = start + len(text)
        if out and not any(ch.isalnum() for ch in text):
            last = out[-1]
            out[-1] = Sentence(doc_id, last.index, last.start, end, full[last.start : end])
            continue
        out.append(Sentence(doc_id, len(out), start, end, text))
    return out

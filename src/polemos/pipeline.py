"""The only place that knows the order of the stages."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from polemos.actors import KnowledgeBase, find_mentions, load_kb
from polemos.batching import batched
from polemos.claims import extract_claims
from polemos.events import Patterns, extract_events, load_patterns
from polemos.events.classify import EventClassifier, load_classifier
from polemos.events.combine import Policy, combine
from polemos.ingest import read_sources
from polemos.nlp import Parsed, annotate, load_nlp, sentences_of
from polemos.records import Article, Event, Failure, Mention, Result, Skip, TimeAnalysis
from polemos.settings import Settings
from polemos.store.store import Store
from polemos.timex import analyse_time
from polemos.workers import code_stream

logger = logging.getLogger(__name__)

STORE_BATCH = 16  # documents per transaction: each document is written whole or not at all


@dataclass(frozen=True)
class Coder:
    """Everything the stages need, built once at the edge and passed down."""

    nlp: Language
    kb: KnowledgeBase
    patterns: Patterns
    fuzzy_threshold: float = Settings().fuzzy_threshold
    classifier: EventClassifier | None = None
    policy: Policy = field(default_factory=Policy)

    @classmethod
    def load(cls, settings: Settings) -> Coder:
        coder = cls(
            nlp=load_nlp(settings.model),
            kb=load_kb(settings.actors),
            patterns=load_patterns(settings.patterns),
            fuzzy_threshold=settings.fuzzy_threshold,
            classifier=load_classifier() if settings.classifier else None,
        )
        coder.warm_up()
        return coder

    def events(self, parsed: Parsed, mentions: Sequence[Mention], time: TimeAnalysis) -> list[Event]:
        """The rules' events, combined with the classifier's when there is one."""
        events = extract_events(parsed, mentions, self.patterns, time=time)
        if self.classifier is None:
            return events
        return combine(events, parsed, mentions, self.classifier,
                       patterns=self.patterns, time=time, policy=self.policy)

    def warm_up(self) -> None:
        """Run every stage once outside a memory zone, so the caches stages build on
        first use (phrase matchers, pattern tables) keep their strings for good."""
        doc = self.nlp("On 2 May 2000, the President met the Foreign Minister in the capital.")
        parsed = Parsed(Article("warm-up", doc.text), doc, tuple(sentences_of(doc, "warm-up")))
        time = analyse_time(parsed)
        mentions = find_mentions(parsed, self.kb, time=time, fuzzy_threshold=self.fuzzy_threshold)
        self.events(parsed, mentions, time)
        extract_claims(parsed, mentions, time=time)


def run(articles: Iterable[Article], coder: Coder, *, batch_size: int = 32) -> Iterator[Result]:
    """Code a stream of articles.

    1. annotate with spaCy, in batches (sentences with character offsets)
    2. find temporal expressions and date every sentence
    3. find and resolve actor mentions (time-aware)
    4. extract events, sentence by sentence
    5. extract stance statements and assessments
    """
    for parsed in annotate(coder.nlp, articles, batch_size=batch_size):
        time = analyse_time(parsed)
        mentions = find_mentions(
            parsed, coder.kb, time=time, fuzzy_threshold=coder.fuzzy_threshold
        )
        events = coder.events(parsed, mentions, time)
        claims = extract_claims(parsed, mentions, time=time)
        yield Result(
            parsed.article, parsed.sentences, tuple(mentions), tuple(events), tuple(claims),
            time.sentence_dates,
        )


@dataclass
class IngestReport:
    """What an ingest did, for the closing summary."""

    stored: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def ingest(
    sources: Sequence[str],
    *,
    db: str | Path = "polemos.duckdb",
    settings: Settings | None = None,
    coder: Coder | None = None,
    on_item: Callable[[Article | Skip | Failure], None] | None = None,
    workers: int = 1,
    on_done: Callable[[int, int], None] | None = None,
) -> IngestReport:
    """Read SOURCES, code every new article and store it; report what happened.

    Items that fail are reported and never stop the others; documents already
    stored are counted, not re-coded. With ``workers`` > 1 the articles are coded in that
    many processes (see ``polemos.workers``) and this one stores them, in order.
    ``on_done(documents, words)`` hears of each batch stored and each document already there. Reports of the same event are merged
    across the whole store at the end.
    """
    settings = settings or Settings()
    report = IngestReport()
    with Store.open(db) as store:
        known = store.document_ids()

        def new_articles() -> Iterator[Article]:
            for item in read_sources(sources, settings=settings):
                if on_item is not None:
                    on_item(item)
                if isinstance(item, Failure):
                    report.failed.append(item)
                elif isinstance(item, Skip):
                    report.skipped.append(item)
                    store.add_skip(item)
                elif item.doc_id in known:
                    report.already.append(item.doc_id)
                    if on_done is not None:
                        on_done(1, 0)
                else:
                    known.add(item.doc_id)
                    yield item

        articles = new_articles()
        first = next(articles, None)
        if first is None:
            store.merge_new_events()
            return report

        def chained() -> Iterator[Article]:
            yield first
            yield from articles

        coded = code_stream(chained(), sources, settings=settings, coder=coder, workers=workers)
        for batch in batched(coded, STORE_BATCH):
            report.failed.extend(r for r in batch if isinstance(r, Failure))
            results = [r for r in batch if isinstance(r, Result)]
            report.stored.extend(store.add(results))
            if on_done is not None:
                on_done(len(results), sum(len(r.article.text.split()) for r in results))
        store.merge_new_events()  # also finishes the merge of a run stopped before it
    return report

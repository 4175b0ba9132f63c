"""The only place that knows the order of the stages."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from polemos.actors import KnowledgeBase, find_mentions, load_kb
from polemos.batching import batched
from polemos.claims import extract_claims
from polemos.errors import InputError
from polemos.events import Patterns, extract_events, load_patterns
from polemos.events.classify import EventClassifier, load_classifier
from polemos.events.combine import Policy, combine
from polemos.guard import at_stage, attempt, failure_of
from polemos.ingest.clean import finish_article
from polemos.nlp import Parsed, load_nlp, sentences_of
from polemos.nlp.parts import needs_parts, parse_in_parts
from polemos.records import Article, Event, Failure, Mention, Result, Skip, TimeAnalysis
from polemos.settings import Settings
from polemos.timex import analyse_time
from polemos.workers import code_stream

if TYPE_CHECKING:  # the store and the readers are the parent's: workers never load them
    from polemos.store.store import Store

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


def run(
    articles: Iterable[Article], coder: Coder, *, batch_size: int = 32
) -> Iterator[Result | Failure]:
    """Code a stream of articles; a document that fails a stage becomes its Failure.

    1. annotate with spaCy, in batches (sentences with character offsets); a long text
       in parts (``polemos.nlp.parts``), one over the limit refused
    2. find temporal expressions and date every sentence
    3. find and resolve actor mentions (time-aware)
    4. extract events, sentence by sentence (rules, and the classifier when there is one)
    5. extract stance statements and assessments

    Each document goes through steps 2-5 under a guard (``polemos.guard``): an exception
    names the document and the step, and the next document is coded.
    """
    for parsed in parse_articles(coder.nlp, articles, batch_size=batch_size):
        if isinstance(parsed, Failure):
            yield parsed
        else:
            yield attempt(item_name(parsed.article), "coding", code_document, parsed, coder)


def finish_and_run(
    drafts: Iterable[Article], coder: Coder, *, today: dt.date, batch_size: int = 32
) -> Iterator[Result | Skip | Failure]:
    """Finish draft articles (``read_sources(drafts=True)``: language, date in the text) and
    code the English ones with ``run``; each draft gives its Result, Skip or Failure, in
    order. Where documents are coded in worker processes, this is their work.

    Texts are finished one ``run`` chunk (and memory zone) ahead of their coding, so dating
    finds the timex scan of each still remembered (``polemos.timex.scan``)."""
    for chunk in batched(drafts, batch_size * 4):
        finished = [attempt(item_name(a), "reading", finish_article, a, today=today)
                    for a in chunk]
        coded = run([f for f in finished if isinstance(f, Article)], coder, batch_size=batch_size)
        for item in finished:
            yield next(coded) if isinstance(item, Article) else item


def code_document(parsed: Parsed, coder: Coder) -> Result:
    """Steps 2-5 of ``run`` for one parsed document.

    Raises:
        StageError: a step raised; it names the step.
    """
    time = at_stage("dating", analyse_time, parsed)
    mentions = at_stage("actors", find_mentions, parsed, coder.kb, time=time,
                        fuzzy_threshold=coder.fuzzy_threshold)
    events = at_stage("events", coder.events, parsed, mentions, time)
    claims = at_stage("claims", extract_claims, parsed, mentions, time=time)
    return Result(
        parsed.article, parsed.sentences, tuple(mentions), tuple(events), tuple(claims),
        time.sentence_dates,
    )


def parse_articles(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 32
) -> Iterator[Parsed | Failure]:
    """Each article parsed, in input order, or its Failure (step 1 of ``run``).

    Ordinary texts go through ``nlp.pipe`` in batches; when a batch raises, its articles
    are parsed one by one so that only the bad one fails. Long texts are parsed in parts.
    A Parsed is only valid until the next one is requested (see ``annotate``).
    """
    for chunk in batched(articles, batch_size * 4):
        with nlp.memory_zone():
            for group in batched(chunk, batch_size):
                yield from _parse_group(nlp, group, batch_size)


def _parse_group(nlp: Language, articles: list[Article], batch_size: int) -> Iterator[Parsed | Failure]:
    short = [i for i, a in enumerate(articles) if not needs_parts(a.text)]
    try:
        docs = dict(zip(short, nlp.pipe((articles[i].text for i in short), batch_size=batch_size),
                        strict=True))
    except Exception:  # noqa: BLE001 - one bad text spoils a batch: parse each alone to find it
        logger.debug("a parse batch failed; parsing its %d texts one by one", len(short))
        docs = {}
    for i, article in enumerate(articles):
        yield attempt(item_name(article), "parsing", _parsed, nlp, article, docs.get(i))


def _parsed(nlp: Language, article: Article, doc: Doc | None) -> Parsed:
    """The article with its Doc (parsed now when the batch did not) and sentences."""
    doc = doc if doc is not None else _parse_one(nlp, article)
    return Parsed(article, doc, tuple(sentences_of(doc, article.doc_id)))


def _parse_one(nlp: Language, article: Article) -> Doc:
    """One text: refused over the limit, in parts when long (``polemos.nlp.parts``).

    Raises:
        InputError: the text is longer than spaCy's ``nlp.max_length``.
    """
    if len(article.text) > nlp.max_length:
        raise InputError(
            item_name(article), f"the text has {len(article.text):,} characters, over the "
            f"limit of {nlp.max_length:,} for one document. Split it into several documents "
            "(one article each).",
        )
    if needs_parts(article.text):
        return parse_in_parts(nlp, article.text)
    return nlp(article.text)


def item_name(article: Article) -> str:
    """How messages name a document: where it came from (path:line, URL), else its id."""
    return article.source or article.doc_id


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


def store_results(store: Store, results: list[Result]) -> tuple[list[str], list[Failure]]:
    """Store RESULTS in one transaction; when that fails, each document alone, so that
    only a document the store refuses fails (and is named).

    Raises:
        StoreError, OSError, duckdb.Error (I/O, fatal): the store itself is at fault (disk
        full, read-only, corrupt); that stops the run, since no document could be stored.
    """
    from polemos.store.faults import is_store_fault

    try:
        return store.add(results), []
    except Exception as err:
        if is_store_fault(err):
            raise
    stored: list[str] = []
    failures: list[Failure] = []
    for result in results:
        try:
            stored.extend(store.add([result]))
        except Exception as err:
            if is_store_fault(err):
                raise
            failures.append(failure_of(item_name(result.article), "storing", err))
    return stored, failures


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
    ``on_item`` hears of every item read and of every document that fails a later step;
    ``on_done(documents, words)`` of each batch stored and each document already there.
    Reports of the same event are merged across the whole store at the end.
    """
    from polemos.ingest import read_sources
    from polemos.store.store import Store

    settings = settings or Settings()
    report = IngestReport()
    today = dt.date.today()
    with Store.open(db) as store:
        known = store.document_ids()

        def skipped(item: Skip) -> None:
            report.skipped.append(item)
            failed = attempt(item.item, "storing", store.add_skip, item)
            if isinstance(failed, Failure):
                report.failed.append(failed)

        def new_articles() -> Iterator[Article]:
            # drafts: the workers check their language and date them (finish_article)
            for item in read_sources(sources, settings=settings, drafts=True):
                if on_item is not None:
                    on_item(item)
                if isinstance(item, Failure):
                    report.failed.append(item)
                elif isinstance(item, Skip):
                    skipped(item)
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

        coded = code_stream(chained(), sources, settings=settings, coder=coder, workers=workers,
                            today=today)
        for batch in batched(coded, STORE_BATCH):
            failures = [r for r in batch if isinstance(r, Failure)]
            results = [r for r in batch if isinstance(r, Result)]
            for skip in (r for r in batch if isinstance(r, Skip)):
                skipped(skip)
                if on_item is not None:
                    on_item(skip)
            stored, store_failures = store_results(store, results)
            for failure in (*failures, *store_failures):
                report.failed.append(failure)
                if on_item is not None:
                    on_item(failure)
            report.stored.extend(stored)
            if on_done is not None:
                on_done(len(results) - len(store_failures),
                        sum(len(r.article.text.split()) for r in results))
        store.merge_new_events()  # also finishes the merge of a run stopped before it
    return report

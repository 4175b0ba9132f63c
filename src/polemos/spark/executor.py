"""What runs on the Spark executors: batches of articles in, coded documents out.

``code_batches`` is handed to ``DataFrame.mapInArrow``. The pipeline (spaCy model,
knowledge base, patterns) is loaded once per Python worker by ``Coder.load`` and kept for
the worker's next tasks; it is never broadcast or pickled. Only pyarrow and polemos are
imported here: no pyspark, so the executor side is testable without Spark.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from polemos.ingest.clean import finish_article, make_article
from polemos.records import Article, Failure, Result, Skip
from polemos.sanitize import inert_line
from polemos.settings import Settings
from polemos.store.bulk import TABLES, result_tables, table_schemas

if TYPE_CHECKING:
    from polemos.pipeline import Coder

# Article fields a batch may carry. ``doc_id`` is set when the driver read the articles (as
# drafts: no language, no date from the text yet; both are done here, in parallel); rows read
# by Spark itself (Parquet) have text and metadata only and are built here.
ARTICLE_FIELDS = ("doc_id", "text", "title", "source", "url", "published", "author",
                  "text_date", "language")
CHILD_TABLES = TABLES[1:]
# Columns of a row that reports a document which failed on the executor, or was left out
# there (``skipped`` holds the Skip's stage, e.g. "language"; null for a failure); null on a
# coded document. The driver counts and prints these rows, and writes only the others.
FAILURE_FIELDS = ("failed_item", "failure", "skipped")

# Pipelines of this Python worker by settings: loaded on first use, kept for later tasks.
_CODERS: dict[Settings, Coder] = {}


def coded_schema() -> pa.Schema:
    """One row per document: its columns, its publication year, and a list of rows for
    each other table (sentences, mentions, events, claims); or one row per document that
    failed, with only ``failed_item`` and ``failure`` (its one-line message) set; or one per
    document left out, with ``failed_item``, ``failure`` (the reason) and ``skipped`` set."""
    schemas = table_schemas()
    fields = [*schemas["documents"], pa.field("year", pa.int32())]
    fields += [pa.field(name, pa.list_(pa.struct(list(schemas[name])))) for name in CHILD_TABLES]
    fields += [pa.field(name, pa.string()) for name in FAILURE_FIELDS]
    return pa.schema(fields)


logger = logging.getLogger(__name__)


def code_batches(batches: Iterator[pa.RecordBatch], settings: Settings,
                 today: dt.date) -> Iterator[pa.RecordBatch]:
    """Code every article of every batch; one output batch per input batch, which also
    holds a row for each document that failed (logged here too, in one line) or was left out
    (not English)."""
    from polemos.pipeline import Coder, run

    coder = _CODERS.get(settings)
    if coder is None:
        coder = _CODERS[settings] = Coder.load(settings)
    for batch in batches:
        articles, skips = articles_of(batch, today=today)
        results: list[Result] = []
        failures: list[Failure] = []
        for outcome in run(articles, coder, batch_size=settings.batch_size):
            if isinstance(outcome, Result):
                results.append(outcome)
            else:  # one line in the executor's log names the document and the step
                logger.warning("error %s", inert_line(outcome.message))
                failures.append(outcome)
        yield coded_batch(results, failures, skips)


def articles_of(batch: pa.RecordBatch, *, today: dt.date) -> tuple[list[Article], list[Skip]]:
    """The articles of a batch, and the Skips of those left out. Drafts the driver read are
    finished (language, date in the text); raw records go through ``make_article`` like every
    reader's (same id, cleaning and language check)."""
    articles: list[Article] = []
    skips: list[Skip] = []
    for row in batch.to_pylist():
        made: Article | Skip
        if not row.get("doc_id"):
            made = make_article(row.get("text") or "", source=row.get("source") or "parquet",
                                today=today, title=row.get("title"), url=row.get("url"),
                                published=row.get("published"), author=row.get("author"))
        else:
            made = Article(**{k: _value(k, row.get(k)) for k in ARTICLE_FIELDS})
            if made.language is None:
                made = finish_article(made, today=today)
        if isinstance(made, Article):
            articles.append(made)
        else:
            skips.append(made)
    return articles, skips


def _value(name: str, value: Any) -> Any:
    """Dates travel as ISO text (one string schema for every source)."""
    if name in ("published", "text_date") and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def coded_batch(results: list[Result], failures: Sequence[Failure] = (),
                skips: Sequence[Skip] = ()) -> pa.RecordBatch:
    """The documents of ``results`` as one row each, their rows nested, then a row for each
    of ``failures`` and of ``skips`` (see coded_schema)."""
    schema = coded_schema()
    tables = result_tables(results)
    doc_ids = [r.article.doc_id for r in results]
    years = [r.article.published.year if r.article.published else None for r in results]
    columns: list[pa.Array] = [*tables["documents"].combine_chunks().columns,
                               pa.array(years, pa.int32())]
    for name in CHILD_TABLES:
        columns.append(_nested(tables[name], doc_ids, schema.field(name).type))
    arrays = [c.combine_chunks() if isinstance(c, pa.ChunkedArray) else c for c in columns]
    arrays += [pa.nulls(len(results), pa.string()) for _ in FAILURE_FIELDS]
    coded = pa.RecordBatch.from_arrays(arrays, schema=schema)
    if not failures and not skips:
        return coded
    failed = pa.RecordBatch.from_pylist(
        [{"failed_item": f.item, "failure": f.message} for f in failures]
        + [{"failed_item": s.item, "failure": s.reason, "skipped": s.stage} for s in skips],
        schema=schema)
    return pa.Table.from_batches([coded, failed]).combine_chunks().to_batches()[0]


def _nested(table: pa.Table, doc_ids: list[str], kind: pa.DataType) -> pa.Array:
    """Rows of one table grouped into a list per document, in ``doc_ids`` order (the rows
    of one document are contiguous and in that order, as ``result_tables`` writes them)."""
    counts = Counter(table.column("doc_id").to_pylist()) if table.num_rows else Counter()
    offsets = [0]
    for doc_id in doc_ids:
        offsets.append(offsets[-1] + counts[doc_id])
    rows = table.combine_chunks().to_struct_array() if table.num_rows else None
    if rows is None or len(rows) == 0:
        rows = pa.array([], type=kind.value_type)
    else:
        rows = rows.combine_chunks() if isinstance(rows, pa.ChunkedArray) else rows
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), rows, type=kind)

"""``polemos spark-ingest``: the per-document stages on a Spark cluster, Parquet out.

1. read the sources: Parquet (files or folders of records with a ``text`` column and
   optional ``title``, ``url``, ``published``, ``author``) is read by Spark itself, in
   parallel; everything else (files, folders, JSONL, URLs, feeds) by the same readers as
   ``polemos ingest``, on the driver
2. code the articles on the executors (``mapInArrow`` over batches; see executor.py)
3. write the coded documents once, then split them into five Parquet datasets
   (documents, sentences, mentions, events, claims) partitioned by publication year, with
   the same ids, columns and types as the DuckDB store

``polemos load OUT --db x.duckdb`` then adds them to a store and merges the events.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from polemos.errors import ConfigError
from polemos.ingest import read_sources
from polemos.records import Article, Failure, Skip
from polemos.settings import Settings
from polemos.spark.executor import (
    ARTICLE_FIELDS,
    CHILD_TABLES,
    FAILURE_FIELDS,
    code_batches,
    coded_schema,
)

logger = logging.getLogger(__name__)

TASKS_PER_CORE = 4  # input partitions per core, so slow documents do not hold up the end
READ_COLUMNS = ("text", "title", "url", "published", "author")


@dataclass
class SparkReport:
    """What a spark-ingest did: documents written, items left out, items that failed (read on
    the driver, or coded on an executor)."""

    documents: int = 0
    skipped: list[Skip] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def spark_ingest(
    sources: Sequence[str], out: str | Path, *, master: str | None = None,
    settings: Settings | None = None, on_item: Callable[[Article | Skip | Failure], None] | None = None,
) -> SparkReport:
    """Code SOURCES on Spark and write the five datasets under ``out`` (replaced if there).

    ``out`` is a local path or a URI Spark writes to (hdfs://, s3a:// …). ``master`` None
    keeps the master spark-submit was given, or runs locally on every core.

    Raises:
        ConfigError: pyspark or Java is missing.
    """
    settings = settings or Settings()
    report = SparkReport()
    spark = start_session(master, settings)
    try:
        frame = _articles_frame(spark, sources, settings, report, on_item)
        coded = frame.mapInArrow(
            functools.partial(code_batches, settings=settings, today=dt.date.today()),
            _spark_schema(coded_schema()),
        )
        # the driver kept each text it read once already; Parquet rows may repeat one
        dedupe = any(_is_parquet(s) for s in sources)
        report.documents, left_out = _write(spark, coded, str(out).rstrip("/"), dedupe=dedupe)
    finally:
        spark.stop()
    for item in left_out:  # documents that failed, or were not English, on the executors
        if isinstance(item, Failure):
            report.failed.append(item)
        else:
            report.skipped.append(item)
        if on_item is not None:
            on_item(item)
    return report


def start_session(master: str | None, settings: Settings) -> Any:
    """A Spark session whose Python workers run this interpreter (so they see polemos).

    Raises:
        ConfigError: pyspark is not installed, or Java cannot be started.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as err:
        raise ConfigError("pyspark is not installed. Install it with: pip install "
                          "'polemos[spark]'   (Spark also needs Java 17 or later)") from err
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if master is None or master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder if master is None else SparkSession.builder.master(master)
    builder = (builder.appName("polemos-spark-ingest")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(settings.batch_size))
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC"))
    try:
        spark = builder.getOrCreate()
    except Exception as err:  # pyspark raises plain exceptions for a missing JVM
        raise ConfigError(f"cannot start Spark ({' '.join(str(err).split())[:300]}). Spark "
                          "needs Java 17 or later on the PATH (or JAVA_HOME).") from err
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _articles_frame(spark: Any, sources: Sequence[str], settings: Settings,
                    report: SparkReport, on_item: Callable[[Article | Skip | Failure], None] | None
                    ) -> Any:
    """One DataFrame of articles: Parquet read by Spark, the rest by Polemos's readers."""
    parquet = [s for s in sources if _is_parquet(s)]
    others = [s for s in sources if s not in parquet]
    parts = [_read_parquet(spark, parquet)] if parquet else []
    if others:
        articles = list(_read_here(others, settings, report, on_item))
        parts.append(spark.createDataFrame(_article_table(articles)))
    if not parts:
        return spark.createDataFrame(_article_table([]))
    frame = functools.reduce(lambda a, b: a.unionByName(b), parts)
    n_tasks = max(1, spark.sparkContext.defaultParallelism * TASKS_PER_CORE)
    return frame.repartition(n_tasks)


def _is_parquet(source: str) -> bool:
    """Parquet files and folders, and every URI Spark reads itself (hdfs://, s3a:// …)."""
    if "://" in source and not source.startswith(("http://", "https://")):
        return True
    path = Path(source)
    if path.is_dir():
        return any(path.rglob("*.parquet"))
    return path.suffix.lower() == ".parquet"


def _read_parquet(spark: Any, paths: list[str]) -> Any:
    """Parquet records as article rows with no id yet: the executors build the articles."""
    from pyspark.sql import functions as F

    frame = spark.read.parquet(*paths)
    if "text" not in frame.columns:
        raise ConfigError(f"{', '.join(paths)}: no \"text\" column. Parquet input needs "
                          "\"text\"; \"title\", \"url\", \"published\", \"author\" are optional.")
    columns = [(F.col(c) if c in frame.columns else F.lit(None)).cast("string").alias(c)
               for c in READ_COLUMNS]
    frame = frame.select(*columns, F.input_file_name().alias("source"))
    for name in ARTICLE_FIELDS:
        if name not in frame.columns:
            frame = frame.withColumn(name, F.lit(None).cast("string"))
    return frame.select(*ARTICLE_FIELDS)


def _read_here(sources: Sequence[str], settings: Settings, report: SparkReport,
               on_item: Callable[[Article | Skip | Failure], None] | None) -> Iterator[Article]:
    """Articles from files, folders and URLs, each text once (as ``polemos ingest``); drafts,
    which the executors check for language and date by their text."""
    seen: set[str] = set()
    for item in read_sources(sources, settings=settings, drafts=True):
        if on_item is not None:
            on_item(item)
        if isinstance(item, Failure):
            report.failed.append(item)
        elif isinstance(item, Skip):
            report.skipped.append(item)
        elif item.doc_id not in seen:
            seen.add(item.doc_id)
            yield item


def _article_table(articles: list[Article]) -> pa.Table:
    """Articles as an Arrow table of strings (dates as ISO text) for Spark."""
    def text(value: object) -> str | None:
        return None if value is None else str(value)

    return pa.table({name: pa.array([text(getattr(a, name)) for a in articles], pa.string())
                     for name in ARTICLE_FIELDS})


def _spark_schema(schema: pa.Schema) -> Any:
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)


def _write(spark: Any, coded: Any, out: str, *, dedupe: bool
           ) -> tuple[int, list[Failure | Skip]]:
    """Write the coded documents once (NLP runs once), then the five datasets from them;
    returns the number of documents and the documents that failed or were left out on the
    executors."""
    from pyspark.sql import functions as F

    staging = f"{out}/_coded"
    coded.write.mode("overwrite").parquet(staging)
    staged = spark.read.parquet(staging)
    left_out: list[Failure | Skip] = [
        Failure(row["failed_item"], row["failure"]) if row["skipped"] is None
        else Skip(row["failed_item"], row["skipped"], row["failure"])
        for row in staged.where(F.col("failed_item").isNotNull())
                         .select(*FAILURE_FIELDS).collect()]
    frame = staged.where(F.col("failed_item").isNull()).drop(*FAILURE_FIELDS)
    if dedupe:
        frame = frame.dropDuplicates(["doc_id"])
    documents = frame.drop(*CHILD_TABLES)
    documents.write.mode("overwrite").partitionBy("year").parquet(f"{out}/documents")
    for name in CHILD_TABLES:
        rows = frame.select("year", F.explode(name).alias("row")).select("row.*", "year")
        rows.write.mode("overwrite").partitionBy("year").parquet(f"{out}/{name}")
    n_documents = int(documents.count())
    _delete(spark, staging)
    return n_documents, left_out


def _delete(spark: Any, uri: str) -> None:
    """Delete a folder on whatever file system Spark writes to (local, HDFS, S3 …)."""
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(path, True)

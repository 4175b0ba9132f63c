"""Scale-out commands: `spark-ingest` (Spark cluster → Parquet) and `load` (Parquet → store)."""

from __future__ import annotations

import sys
from typing import Any

import click

from polemos.cli.base import cli, db_option
from polemos.records import Article, Failure, Skip
from polemos.sanitize import inert_line
from polemos.settings import load_settings


@cli.command("spark-ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option("--out", required=True,
              help="folder or URI (hdfs://, s3a:// …) for the Parquet datasets (replaced)")
@click.option("--master", default=None,
              help="Spark master: local[N], local[*], spark://host:7077, yarn … "
                   "[default: spark-submit's, else local[*]]")
@click.option("--actors", "actors", multiple=True, help="extra knowledge-base YAML file(s)")
@click.option("--config", type=click.Path(dir_okay=False), default=None,
              help="polemos.toml settings file")
@click.option("-q", "--quiet", is_flag=True, help="no per-item lines but errors")
def spark_ingest_cmd(sources: tuple[str, ...], out: str, master: str | None,
                     actors: tuple[str, ...],
                     config: str | None, quiet: bool) -> None:
    """Code SOURCES on Apache Spark and write Parquet datasets to --out.

    SOURCES are Parquet files, folders or URIs (a "text" column; read by Spark on the
    cluster) or anything `polemos ingest` reads (read here, on the driver). Writes documents/,
    sentences/, mentions/, events/ and claims/ partitioned by publication year, with the
    store's ids and columns; add them to a store with `polemos load`. Needs the spark
    extra (pip install 'polemos[spark]') and Java 17+; see docs/scale.md for clusters.

    Example:

    \b
        polemos spark-ingest corpus.parquet --out coded/ --master local[*]
        polemos load coded/ --db corpus.duckdb
    """
    from rich.console import Console
    from rich.text import Text

    from polemos.spark.job import spark_ingest

    err_console = Console(stderr=True)

    overrides: dict[str, Any] = {"actors": actors} if actors else {}
    settings = load_settings(config, **overrides)

    def on_item(item: Article | Skip | Failure) -> None:
        if isinstance(item, Failure):
            err_console.print(Text.assemble(("error", "red"), " ", inert_line(item.message)),
                              highlight=False, soft_wrap=True)
        elif isinstance(item, Skip) and not quiet:
            err_console.print(Text.assemble(("skipped", "yellow"),
                                            f" {inert_line(item.item)}: {inert_line(item.reason)}"),
                              highlight=False, soft_wrap=True)

    report = spark_ingest(sources, out, master=master, settings=settings, on_item=on_item)
    click.echo(f"Spark ingest: {report.documents} documents written to {inert_line(out)}, "
               f"{len(report.skipped)} skipped, {len(report.failed)} failed.", err=True)
    sys.exit(report.exit_code)


@cli.command("load")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@db_option
def load_cmd(folder: str, db: str) -> None:
    """Add the Parquet datasets of `polemos spark-ingest` to a store, then merge events.

    Documents already in the store are left as they are; the rest go in whole, in one
    transaction.

    Example:

    \b
        polemos load coded/ --db corpus.duckdb
    """
    from polemos.store.bulk import load_datasets
    from polemos.store.store import Store

    with Store.open(db) as store:
        new_ids = load_datasets(store, folder)
        n_docs = len(store.document_ids())
    click.echo(f"Load: {len(new_ids)} documents added, {n_docs} in {inert_line(db)}.", err=True)

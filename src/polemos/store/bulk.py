"""Bulk paths: the store's tables as Arrow schemas, results as Arrow tables of those exact
types, and Parquet datasets (written by ``polemos spark-ingest``) loaded into a store.

The schemas are read from ``schema.sql`` itself (an empty in-memory store), so Parquet
written elsewhere has the same column names and types as the DuckDB tables.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

import duckdb
import pyarrow as pa

from polemos.errors import InputError
from polemos.records import Result
from polemos.store.store import Store, _result_tables

logger = logging.getLogger(__name__)

TABLES = ("documents", "sentences", "mentions", "events", "claims")


@functools.cache
def table_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of each document table, as DuckDB exports it."""
    with Store.open(":memory:") as store:
        return {name: store.con.sql(f"SELECT * FROM {name} LIMIT 0").to_arrow_table().schema
                for name in TABLES}


def result_tables(results: Sequence[Result]) -> dict[str, pa.Table]:
    """The rows of ``results`` for each table, cast to the store's exact column types."""
    raw = _result_tables(results)
    out = {}
    for name, schema in table_schemas().items():
        table = raw[name]
        out[name] = (table.select(schema.names).cast(schema) if table.num_rows
                     else schema.empty_table())
    return out


def load_datasets(store: Store, folder: str | Path) -> list[str]:
    """Add the documents of the Parquet datasets in ``folder`` that the store lacks, with
    all their rows, in one transaction; then merge the new events. Returns the new ids.

    Raises:
        InputError: ``folder`` lacks one of the five datasets.
    """
    root = Path(folder)
    missing = [name for name in TABLES if not (root / name).is_dir()]
    if missing:
        raise InputError(str(root), f"no {', '.join(missing)} dataset(s) here. Give the --out "
                         "folder of `polemos spark-ingest`, which holds documents/, "
                         "sentences/, mentions/, events/ and claims/.")
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        new_ids = _insert_new(store, root)
        con.execute("COMMIT")
    except BaseException:
        with suppress(duckdb.Error):  # a failed rollback must not hide the first error
            con.execute("ROLLBACK")
        raise
    store.merge_new_events()
    return new_ids


def _insert_new(store: Store, root: Path) -> list[str]:
    """Insert, table by table, the rows of the documents not stored yet (each dataset holds a
    document once: spark-ingest drops repeated texts). A failure rolls back with the caller's
    transaction, the staging table included."""
    con = store.con
    tables = {name: schema for name, schema in table_schemas().items() if _has_rows(root / name)}
    if "documents" not in tables:
        return []
    _check_columns(store, root, tables)
    con.execute(f"CREATE TEMP TABLE _new_docs AS SELECT doc_id FROM ({_scan(root, 'documents')}) "
                "EXCEPT SELECT doc_id FROM documents")
    new_ids = [r[0] for r in con.execute("SELECT doc_id FROM _new_docs ORDER BY doc_id").fetchall()]
    for name, schema in tables.items():
        cols = ", ".join(f'"{c}"' for c in schema.names)
        con.execute(
            f"INSERT INTO {name} ({cols}) SELECT {cols} FROM ({_scan(root, name)}) "
            "WHERE doc_id IN (SELECT doc_id FROM _new_docs)"
        )
    con.execute("DROP TABLE _new_docs")
    return new_ids


def _has_rows(folder: Path) -> bool:
    """Spark writes no file for a dataset without rows (a corpus with no claims)."""
    return any(folder.rglob("*.parquet"))


def _check_columns(store: Store, root: Path, tables: dict[str, pa.Schema]) -> None:
    """Raises InputError when a dataset lacks a column of its table."""
    for name, schema in tables.items():
        found = {row[0] for row in store.con.execute(f"DESCRIBE {_scan(root, name)}").fetchall()}
        missing = [column for column in schema.names if column not in found]
        if missing:
            raise InputError(str(root / name), f"the dataset has no {', '.join(missing)} "
                             "column(s): it was written by another version of Polemos. Run "
                             "`polemos spark-ingest` again with this version.")


def _scan(root: Path, name: str) -> str:
    pattern = str(root / name / "**" / "*.parquet").replace("'", "''")
    return f"SELECT * FROM read_parquet('{pattern}', hive_partitioning = false)"

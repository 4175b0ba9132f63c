"""Query times of the read API on large stores built by replicating a small one.

    python benchmarks/read_bench.py --source demo.duckdb --events 10000 100000 1000000

Each large store is the source store copied k times with new document and event ids (every
table: documents, sentences, mentions, events, claims), so the shape of the data stays real.
It reports the median of 5 runs (wall clock, after one warm-up) for the queries behind
`polemos events`, the web pages and the notebook API.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from polemos.store.model import EventFilter
from polemos.store.store import Store

TABLES = {
    "documents": "doc_id",
    "sentences": "doc_id",
    "mentions": "doc_id",
    "claims": "doc_id, claim_id",
    "events": "doc_id, event_id, merged_id",
}


def build(source: Path, target: Path, n_events: int) -> None:
    """A store of about ``n_events`` event reports: the source copied as often as needed."""
    with Store.open(source, read_only=True) as src:
        per_copy = src.stats().n_reports
    copies = max(1, round(n_events / max(per_copy, 1)))
    with Store.open(target):
        pass  # creates the schema
    con = duckdb.connect(str(target))
    con.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
    for table, ids in TABLES.items():
        renamed = ", ".join(f"{c} || '-' || k AS {c}" for c in ids.split(", "))
        con.execute(f"INSERT INTO {table} SELECT s.* REPLACE ({renamed}) "
                    f"FROM src.{table} s, range({copies}) t(k)")
    con.close()


def timed(fn: Callable[[], Any], rounds: int = 5) -> float:
    fn()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def queries(store: Store) -> dict[str, Callable[[], Any]]:
    rus = EventFilter(actor="RUS", since=2020, limit=50)
    return {
        "events actor=RUS since=2020 (page of 50)": lambda: store.events(rus),
        "  + its total": lambda: store.count_events(rus),
        "events, first page, no filter": lambda: store.events(EventFilter(limit=50)),
        "events, page 100, every report": lambda: store.events(
            EventFilter(limit=50, offset=5000, merged=False, flags="include")),
        "events text='ceasefire' (page)": lambda: store.events(
            EventFilter(text="ceasefire", limit=50)),
        "export table actor=RUS": lambda: store.events_table(EventFilter(actor="RUS")),
        "corpus stats": store.stats,
        "events by type": lambda: store.event_counts("type"),
        "events by month": lambda: store.event_counts("month"),
        "dyads (top 50)": lambda: store.dyad_counts(),
        "documents, first page": lambda: store.documents(limit=50, count_events=True),
        "document by id prefix": lambda: store.find_document("1bb31bc4fc48f667-7"),
        "document by id": lambda: store.document("1bb31bc4fc48f667-7"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, required=True, help="a store to replicate")
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.events:
            path = Path(tmp) / f"s{n}.duckdb"
            build(args.source, path, n)
            with Store.open(path, read_only=True) as store:
                stats = store.stats()
                print(f"\n{stats.n_reports} event reports, {stats.n_documents} documents")
                for name, fn in queries(store).items():
                    print(f"  {name:<44} {timed(fn) * 1000:8.1f} ms")
            path.unlink()


if __name__ == "__main__":
    main()

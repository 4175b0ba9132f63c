"""Build large Polemos stores (10k, 100k, 1M events …) by replicating a small real one.

Usage:
    python benchmarks/build_store.py --out /tmp/stores                 # 10k, 100k, 1M events
    python benchmarks/build_store.py --out /tmp/stores --events 50000  # one size
    python benchmarks/build_store.py --out /tmp/stores --base my.duckdb

The base store is the built-in demo corpus plus ../shared/corpus/seeds, ingested once
into OUT/base.duckdb (or the stores given with --base). Each large store holds as many
copies of every base document as it takes to reach the number of events; copy 0 keeps
the original ids, copy k gets fresh ids (the first 16 hex digits of md5(id#k)) for
documents, events and claims, so every row is a distinct document as far as the store
knows. Texts, sentences, mentions, dates and codes are copied as they are, so the copies
of one report fall in the same merge bucket and period: merging then sees buckets as
dense as a real store's busiest ones. Merged ids are computed by the real merge
(``Store.merge_new_events``, here its whole-store sweep), whose time is printed.

Prints, per store: documents, sentences, events, the file size and the build and merge
times. Query timings on these stores: ``python benchmarks/bench.py --queries OUT``.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from importlib import resources
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
SIZES = (10_000, 100_000, 1_000_000)


def fresh(column: str) -> str:
    """SQL for the id of ``column`` in copy ``k``: unchanged in copy 0."""
    return f"CASE WHEN k = 0 THEN {column} ELSE substr(md5({column} || '#' || k), 1, 16) END"


# The columns that carry ids, per table; everything else is copied as it is.
REPLACE = {
    "documents": f"{fresh('doc_id')} AS doc_id",
    "sentences": f"{fresh('doc_id')} AS doc_id",
    "mentions": f"{fresh('doc_id')} AS doc_id",
    "events": f"{fresh('event_id')} AS event_id, {fresh('doc_id')} AS doc_id, "
              "NULL::VARCHAR AS merged_id",
    "claims": f"{fresh('claim_id')} AS claim_id, {fresh('doc_id')} AS doc_id",
}


def build_base(out: Path) -> Path:
    """The demo corpus and the seed texts, ingested once."""
    import polemos

    path = out / "base.duckdb"
    if not path.exists():
        sources = [str(resources.files("polemos").joinpath("data/demo/wire.jsonl"))]
        if SEEDS.is_dir():
            sources.append(str(SEEDS))
        else:
            print(f"note: {SEEDS} not found; the base is the demo corpus alone", file=sys.stderr)
        polemos.ingest(sources, db=path)
    return path


def replicate(bases: list[Path], target: Path, n_events: int) -> None:
    """Write ``target`` with copies of the bases until it holds at least ``n_events``."""
    import duckdb

    from polemos.store.store import Store

    target.unlink(missing_ok=True)
    with Store.open(target) as store:
        con = store.con
        for n, base in enumerate(bases):
            con.execute(f"ATTACH '{base}' AS b{n} (READ_ONLY)")
        base_events = sum(_count(con, f"b{n}.events") for n in range(len(bases)))
        copies = math.ceil(n_events / base_events)
        started = time.perf_counter()
        con.execute("BEGIN TRANSACTION")
        for n in range(len(bases)):
            for table, replace in REPLACE.items():
                con.execute(f"INSERT INTO {table} SELECT * EXCLUDE (k) REPLACE ({replace}) "
                            f"FROM b{n}.{table}, range({copies}) AS r(k)")
        con.execute("COMMIT")
        built = time.perf_counter() - started
        started = time.perf_counter()
        store.merge_new_events()
        merged = time.perf_counter() - started
        counts = {t: _count(con, t) for t in ("documents", "sentences", "events")}
        for n in range(len(bases)):
            con.execute(f"DETACH b{n}")
    del duckdb
    size = target.stat().st_size / 2**20
    print(f"{target.name}: {counts['documents']} documents, {counts['sentences']} sentences, "
          f"{counts['events']} events ({copies} copies), {size:.0f} MB; built in {built:.1f} s, "
          f"merged in {merged:.1f} s")


def _count(con: object, table: str) -> int:
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()  # type: ignore[attr-defined]
    return int(row[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="folder for the stores")
    parser.add_argument("--events", type=int, nargs="+", default=list(SIZES),
                        help="sizes to build, in events (default: 10k 100k 1M)")
    parser.add_argument("--base", type=Path, nargs="+", default=None,
                        help="stores to replicate (default: demo + seeds, ingested into OUT)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    bases = args.base or [build_base(args.out)]
    for n_events in args.events:
        replicate(bases, args.out / f"events-{n_events}.duckdb", n_events)


if __name__ == "__main__":
    main()

"""Draw random events from a store, with their sentence, for judging by hand.

Each sampled event prints its sentence, type and CAMEO code, actors and recipients (code, sector,
the words that name them), date with precision and reason, flags and the pattern that coded it,
so a reader can mark it fully right, partly right or wrong. The draw is seeded: the same store
and seed give the same events.

Example:
    polemos ingest ../shared/corpus/voa/voa_stories.jsonl --db voa.duckdb
    python scripts/sample_events.py voa.duckdb -n 20 --seed 8
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence

import polemos
from polemos.records import Participant
from polemos.store.model import EventRecord


def _people(parts: Sequence[Participant]) -> str:
    return "; ".join(f"{p.code or 'uncoded'}{'/' + p.sector if p.sector else ''} ({p.text})" for p in parts) \
        or "-"


def describe(n: int, record: EventRecord) -> str:
    event = record.event
    flags = ", ".join(record.flags) or "none"
    date = event.date.iso or "no date"
    return "\n".join([
        f"[{n}] {record.title or event.doc_id} (published {record.published or 'unknown'})",
        f"    sentence: {event.sentence_text}",
        f"    event: {event.type} {event.cameo} '{event.trigger}'  mode {event.mode or '-'}",
        f"    actors: {_people(event.actors)}",
        f"    recipients: {_people(event.recipients)}"
        + (f"   mediators: {_people(event.mediators)}" if event.mediators else ""),
        (f"    date: {date} ({event.date.precision or '-'}, {event.date.basis}) "
         f"{event.date.reason or ''}"),
        f"    flags: {flags}   pattern: {event.pattern}   coder: {event.coder}",
    ])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="a Polemos DuckDB store")
    parser.add_argument("-n", type=int, default=20, help="how many events")
    parser.add_argument("--seed", type=int, default=1, help="random seed")
    args = parser.parse_args(argv)
    db = polemos.open(args.db)
    events = list(db.events(order="date"))
    sample = random.Random(args.seed).sample(events, min(args.n, len(events)))
    print(f"{len(sample)} of {len(events)} events (merged, unflagged), seed {args.seed}\n")
    for n, record in enumerate(sample, 1):
        print(describe(n, record) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

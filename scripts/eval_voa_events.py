"""Judge events on VOA stories with a half kept apart: a tune half and a held-out half.

The 49 stories of ../shared/corpus/voa go to halves by a hash of their id (``fold_of(id, 2)``:
0 is the tune half, 1 the held-out half, the same on every machine). Read failures of the tune
half only; sample the held-out half once, with a fresh seed, to report a figure nobody tuned on.

The store is the real one: ``--ingest`` codes the whole corpus into DB first (a fresh file),
then a seeded sample of the half's events (merged, unflagged, as ``polemos events`` lists them)
is printed in the format of scripts/sample_events.py for judging by hand.

Examples:
    python scripts/eval_voa_events.py /tmp/voa.duckdb --ingest --half tune -n 20 --seed 1
    python scripts/eval_voa_events.py /tmp/voa.duckdb --half held -n 20 --seed 101
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path

import polemos
from polemos.events.evaluate import fold_of

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_events import describe

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "voa" \
    / "voa_stories.jsonl"
HALVES = {"tune": 0, "held": 1}


def half_urls(corpus: Path, half: str) -> set[str]:
    """URLs of the stories of one half (the store keeps a story's URL, not its id)."""
    urls: set[str] = set()
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                story = json.loads(line)
                if fold_of(str(story["id"]), 2) == HALVES[half]:
                    urls.add(str(story["url"]))
    return urls


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="a Polemos DuckDB store (written with --ingest)")
    parser.add_argument("--corpus", default=str(CORPUS), help="the VOA stories (.jsonl)")
    parser.add_argument("--ingest", action="store_true", help="code the corpus into DB first")
    parser.add_argument("--half", choices=sorted(HALVES), default="tune")
    parser.add_argument("-n", type=int, default=20, help="how many events")
    parser.add_argument("--seed", type=int, default=1, help="random seed")
    args = parser.parse_args(argv)
    if args.ingest:
        Path(args.db).unlink(missing_ok=True)
        polemos.ingest([args.corpus], db=args.db)
    urls = half_urls(Path(args.corpus), args.half)
    db = polemos.open(args.db)
    events = [r for r in db.events(order="date") if r.url in urls]
    sample = random.Random(args.seed).sample(events, min(args.n, len(events)))
    print(f"{len(sample)} of {len(events)} events of the {args.half} half "
          f"({len(urls)} stories), seed {args.seed}\n")
    for n, record in enumerate(sample, 1):
        print(describe(n, record) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

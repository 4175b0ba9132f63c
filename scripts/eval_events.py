"""Score event extraction on PLOVER gold-standard records.

Each record's text runs through the real stages (annotate → analyse_time → find_mentions →
extract_events); triples (type, actor, recipient) are compared as defined in
polemos.events.evaluate and docs/patterns.md.

Example:
    python scripts/eval_events.py ../shared/eval/plover-gsr-dev/records.json --misses
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from polemos.actors import KnowledgeBase, find_mentions, load_kb
from polemos.events import extract_events, load_patterns
from polemos.events.evaluate import Score, score
from polemos.nlp import annotate, load_nlp
from polemos.records import Article, Event
from polemos.timex import analyse_time

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/eval/plover-gsr-dev/records.json"


def plover_country(kb: KnowledgeBase) -> Callable[[str], str]:
    """Our actor code → the country code PLOVER gold uses (every IGO is "IGO")."""

    def country(code: str) -> str:
        actor = kb.actors.get(code)
        if actor is not None and actor.kind == "igo":
            return "IGO"
        return kb.plover_code(code)[0]

    return country


def events_for(records: Sequence[dict[str, Any]], *, nlp: Any, kb: KnowledgeBase) -> list[list[Event]]:
    patterns = load_patterns()
    articles = [Article(f"gsr{i}", str(r["text"]).strip()) for i, r in enumerate(records)]
    out: list[list[Event]] = []
    for parsed in annotate(nlp, articles):
        when = analyse_time(parsed)
        mentions = find_mentions(parsed, kb, time=when)
        out.append(extract_events(parsed, mentions, patterns, time=when))
    return out


def evaluate_file(path: Path, *, nlp: Any = None, kb: KnowledgeBase | None = None) -> Score:
    records = json.loads(path.read_text(encoding="utf-8"))
    nlp = nlp or load_nlp()
    kb = kb or load_kb()
    return score(records, events_for(records, nlp=nlp, kb=kb), plover_country(kb))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", nargs="?", default=str(DEFAULT), help="gold records.json")
    parser.add_argument("--misses", action="store_true", help="list records not fully matched")
    args = parser.parse_args(argv)
    path = Path(args.records)
    if not path.is_file():
        print(f"{path}: not found; give the path of a PLOVER gold records.json", file=sys.stderr)
        return 1
    started = time.perf_counter()
    result = evaluate_file(path)
    if args.misses:
        records = {r["id"]: r for r in json.loads(path.read_text(encoding="utf-8"))}
        for row in result.rows:
            if row["matched"] < len(row["gold"]) or row["matched"] < len(row["predicted"]):
                print(records[row["id"]]["text"].strip()[:160])
                print(f"   gold {row['gold']}\n   ours {row['predicted']}")
    summary = result.summary()
    summary["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Compare a Polemos brief with plain BM25 retrieval at the same word budget.

For the seed question, the brief's text (summary, then the sentences it cites, in the
brief's order) and the top-k BM25 sentences (bm25s) of the same corpus are each cut to the
same number of words; the script reports which facts of tests/gold/seed_question_facts.yaml
each one covers. Text is read from ../shared (never copied into the repository).

    python scripts/compare_bm25.py --db seeds.duckdb            # an ingested store
    python scripts/compare_bm25.py                              # ingests ../shared seeds first
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

import bm25s
import yaml

from polemos.actors import load_kb
from polemos.analysis.ask import build_brief
from polemos.analysis.model import Brief
from polemos.pipeline import ingest
from polemos.store.store import Store

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
FACTS = REPO / "tests" / "gold" / "seed_question_facts.yaml"
QUESTION = "What is the position of Russia in the Nagorno-Karabakh conflict?"


def brief_units(brief: Brief) -> list[str]:
    """The brief as text units, in the order it presents them: the summary, then the shown
    citations (3 per role, 2 per stance, 1 per statement, assessment, passage and timeline
    item), then the rest."""
    units = [brief.summary]
    seen: set[tuple[str, int]] = set()
    sections = [(brief.roles, 3), (brief.stance, 2), (brief.statements, 1),
                (brief.assessments, 1), (brief.passages, 1), (brief.timeline, 1)]
    shown = [e for parts, n in sections for part in parts for e in part.evidence[:n]]
    rest = [e for parts, _ in sections for part in parts for e in part.evidence]
    for e in shown + rest:
        if (e.doc_id, e.sentence_id) not in seen:
            seen.add((e.doc_id, e.sentence_id))
            units.append(e.text)
    return units


def bm25_units(store: Store, question: str) -> list[str]:
    sentences = [s.text for s in store.sentences(store.document_ids())]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(sentences, stopwords="en", show_progress=False),
                    show_progress=False)
    docs, _ = retriever.retrieve(bm25s.tokenize([question], stopwords="en", show_progress=False),
                                 k=len(sentences), show_progress=False)
    return [sentences[i] for i in docs[0]]


def cut(units: list[str], budget: int) -> list[str]:
    """Whole units while they fit, then the first words of the next one."""
    out, used = [], 0
    for unit in units:
        words = unit.split()
        if used + len(words) > budget:
            if budget - used > 0:
                out.append(" ".join(words[: budget - used]))
            break
        out.append(unit)
        used += len(words)
    return out


def covered(units: list[str], facts: list[dict[str, object]]) -> set[str]:
    hits = set()
    for fact in facts:
        patterns = [re.compile(p, re.IGNORECASE) for p in fact["all"]]  # type: ignore[union-attr]
        if any(all(p.search(u) for p in patterns) for u in units):
            hits.add(str(fact["id"]))
    return hits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an ingested store (default: ingest the seeds into a temp file)")
    parser.add_argument("--actor", default="RUS")
    parser.add_argument("--conflict", default="Nagorno-Karabakh")
    parser.add_argument("--question", default=QUESTION)
    parser.add_argument("--budget", type=int, action="append",
                        help="word budget(s); default: the brief's own length, and 300")
    args = parser.parse_args()
    facts = yaml.safe_load(FACTS.read_text(encoding="utf-8"))
    db = args.db
    if db is None:
        if not SEEDS.is_dir():
            print(f"{SEEDS} not found: pass --db with an ingested store.", file=sys.stderr)
            return 1
        db = str(Path(tempfile.mkdtemp()) / "seeds.duckdb")
        ingest([str(SEEDS)], db=db)
    with Store.open(db, read_only=True) as store:
        brief = build_brief(store, args.actor, conflict=args.conflict, kb=load_kb())
        ours, bm25 = brief_units(brief), bm25_units(store, args.question)
    full = sum(len(u.split()) for u in ours)
    print(f"{len(facts)} facts; brief = {full} words (summary + cited sentences)")
    print(f"{'budget':>7} {'brief':>6} {'bm25':>6}   facts only in brief | only in bm25")
    for budget in args.budget or [full, 300]:
        a, b = covered(cut(ours, budget), facts), covered(cut(bm25, budget), facts)
        print(f"{budget:>7} {len(a):>6} {len(b):>6}   {sorted(a - b)} | {sorted(b - a)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

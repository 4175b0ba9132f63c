"""Score `ask` answers on crises no shipped definition covers: fact coverage, exact citations,
citations from out-of-scope stories.

Questions and facts: tests/gold/unseen_questions.yaml (a tune and a held-out split). The stories
are read from ../shared (VOA) and the package (demo) at run time, never copied.

    python scripts/eval_answers.py                       # ingests both corpora into a temp dir
    python scripts/eval_answers.py --voa-db voa.duckdb --demo-db demo.duckdb
    python scripts/eval_answers.py --split tune --show   # print the tune answers
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from polemos.actors import load_kb
from polemos.analysis.ask import answer, answer_to_dict, render_answer
from polemos.analysis.conflicts import Conflicts, load_conflicts
from polemos.pipeline import ingest
from polemos.store.store import Store

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold" / "unseen_questions.yaml"
VOA = REPO.parent / "shared" / "corpus" / "voa" / "voa_stories.jsonl"
DEMO = REPO / "src" / "polemos" / "data" / "demo" / "wire.jsonl"
CITE = re.compile(r"^\s*\[[^\]]*\]\s*")


@dataclass(frozen=True)
class Score:
    qid: str
    split: str
    covered: tuple[str, ...]
    missed: tuple[str, ...]
    bad_citations: int
    out_of_scope: int
    status: str

    @property
    def coverage(self) -> float:
        n = len(self.covered) + len(self.missed)
        return len(self.covered) / n if n else 0.0


def units(text: str) -> list[str]:
    """The rendered answer as units: every line, without its citation prefix."""
    return [CITE.sub("", line).strip("- ").strip() for line in text.splitlines() if line.strip()]


def covered(found: list[str], facts: list[dict[str, Any]]) -> set[str]:
    hits = set()
    for fact in facts:
        patterns = [re.compile(p, re.IGNORECASE) for p in fact["all"]]
        if any(all(p.search(u) for p in patterns) for u in found):
            hits.add(str(fact["id"]))
    return hits


def titles_by_story(path: Path) -> dict[str, str]:
    """Story id → title, read from the corpus file at run time."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[str(row["id"])] = row.get("title") or ""
    return out


def score(store: Store, item: dict[str, Any], titles: dict[str, str], kb: Any) -> tuple[Score, str]:
    conflicts = load_conflicts() if item.get("definitions", True) else Conflicts(())
    result = answer(store, item["question"], kb=kb, conflicts=conflicts)
    text = render_answer(result, "text")
    data = answer_to_dict(result)
    docs = {d.doc_id: (d.text or "", d.title or "") for d in store.documents(with_text=True)}
    allowed = {titles.get(str(d), "") for d in item["documents"]} - {""}
    about = re.compile(item["about"]) if item.get("about") else None
    bad = out = 0
    for c in data.get("citations", []):
        body, title = docs.get(c["doc_id"], ("", ""))
        bad += body[c["start"]:c["end"]] != c["text"]
        out += title not in allowed and not (about and about.search(title))
    hits = covered(units(text), item["facts"])
    ids = [str(f["id"]) for f in item["facts"]]
    status = str(data.get("status", "answered"))
    return Score(item["id"], item["split"], tuple(i for i in ids if i in hits),
                 tuple(i for i in ids if i not in hits), bad, out, status), text


def stores(args: argparse.Namespace) -> dict[str, str]:
    tmp = Path(tempfile.mkdtemp())
    out = {"voa": args.voa_db, "demo": args.demo_db}
    for name, source in (("voa", VOA), ("demo", DEMO)):
        if out[name] is None:
            out[name] = str(tmp / f"{name}.duckdb")
            ingest([str(source)], db=out[name])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voa-db", help="a store with ../shared/corpus/voa ingested")
    parser.add_argument("--demo-db", help="a store with the demo corpus ingested")
    parser.add_argument("--split", choices=["tune", "held_out", "all"], default="all")
    parser.add_argument("--show", action="store_true", help="print the answers of the tune split")
    args = parser.parse_args()
    if not VOA.is_file():
        print(f"{VOA} not found: the VOA stories are needed.", file=sys.stderr)
        return 1
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    paths, kb = stores(args), load_kb()
    titles = {"voa": titles_by_story(VOA), "demo": titles_by_story(DEMO)}
    scores = []
    for item in gold:
        if args.split != "all" and item["split"] != args.split:
            continue
        with Store.open(paths[item["corpus"]], read_only=True) as store:
            result, text = score(store, item, titles[item["corpus"]], kb)
        scores.append(result)
        if args.show and item["split"] == "tune":
            print(f"=== {item['question']}\n{text}")
    report(scores)
    return 0


def report(scores: list[Score]) -> None:
    for s in scores:
        print(f"{s.split:9} {s.qid:28} {s.coverage:4.2f}  bad citations {s.bad_citations}  "
              f"out of scope {s.out_of_scope}  {s.status}  missed {list(s.missed)}")
    for split in ("tune", "held_out"):
        mine = [s for s in scores if s.split == split]
        if mine:
            mean = sum(s.coverage for s in mine) / len(mine)
            print(f"{split}: mean coverage {mean:.2f} over {len(mine)} questions; bad citations "
                  f"{sum(s.bad_citations for s in mine)}; out of scope "
                  f"{sum(s.out_of_scope for s in mine)}")


if __name__ == "__main__":
    sys.exit(main())

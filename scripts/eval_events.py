"""Score event extraction on PLOVER gold records or on five-class news sentences.

PLOVER gold (records.json): each record's text runs through the real stages (annotate →
analyse_time → find_mentions → extract_events); triples (type, actor, recipient) are compared
as defined in polemos.events.evaluate and docs/patterns.md.

Five-class sentences (a .jsonl with "quad", e.g. ../shared/eval/conflibert-dev/records.jsonl):
the sentences are ingested as one-sentence documents by the real ``polemos.ingest`` (language
check and all); a sentence's class is its strongest unflagged event (largest |Goldstein|) mapped
by CAMEO root (polemos.events.evaluate.PENTA), 0 when it has none; macro-F1 and accuracy over
the five classes; actor spans by word overlap (content words) of the gold spans with that event's actors
(sources) and recipients (targets).

K-fold: ``--folds K`` scores each fold apart (records go to folds by a hash of their id, the same
on every machine); tune by reading failures of one fold only (``--fold 0 --misses``) and report
the others as untuned (``--tuned 0`` labels it in the output).

Examples:
    python scripts/eval_events.py ../shared/eval/plover-gsr-dev/records.json --misses
    python scripts/eval_events.py --folds 2 --tuned 0
    python scripts/eval_events.py ../shared/eval/conflibert-dev/records.jsonl --folds 2 --tuned 0
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from polemos.actors import KnowledgeBase, find_mentions, load_kb
from polemos.events import load_patterns
from polemos.events.classify import EventClassifier, load_classifier
from polemos.events.evaluate import (
    ClassScore,
    Score,
    SpanScore,
    Words,
    content_words,
    fold_of,
    score,
    sentence_class,
    strongest,
)
from polemos.nlp import annotate, load_nlp
from polemos.pipeline import Coder, ingest
from polemos.records import Article, Event, Participant
from polemos.settings import Settings
from polemos.store.store import Store
from polemos.timex import analyse_time

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
DEFAULT = SHARED / "plover-gsr-dev" / "records.json"


def plover_country(kb: KnowledgeBase) -> Callable[[str], str]:
    """Our actor code → the country code PLOVER gold uses (every IGO is "IGO")."""

    def country(code: str) -> str:
        actor = kb.actors.get(code)
        if actor is not None and actor.kind == "igo":
            return "IGO"
        return kb.plover_code(code)[0]

    return country


def events_for(records: Sequence[dict[str, Any]], coder: Coder) -> list[list[Event]]:
    articles = [Article(f"gsr{i}", str(r["text"]).strip()) for i, r in enumerate(records)]
    out: list[list[Event]] = []
    for parsed in annotate(coder.nlp, articles):
        when = analyse_time(parsed)
        mentions = find_mentions(parsed, coder.kb, time=when)
        out.append(coder.events(parsed, mentions, when))
    return out


def make_coder(*, nlp: Any = None, kb: KnowledgeBase | None = None,
               classifier: EventClassifier | None | bool = True) -> Coder:
    """The stages as the pipeline runs them; ``classifier=False`` for the rules alone."""
    if classifier is True:
        classifier = load_classifier()
    return Coder(nlp=nlp or load_nlp(), kb=kb or load_kb(), patterns=load_patterns(),
                 classifier=classifier or None)


def evaluate_file(path: Path, *, coder: Coder | None = None) -> Score:
    records = json.loads(path.read_text(encoding="utf-8"))
    coder = coder or make_coder()
    return score(records, events_for(records, coder), plover_country(coder.kb))


# -- five-class sentences ----------------------------------------------------------------


def ingest_sentences(records: Sequence[dict[str, Any]], coder: Coder) -> list[tuple[str, list[Event]]]:
    """Each record's stored text and events, after a real ingest of one document per record
    (a record the ingest skipped gets its own text and no events)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "sentences.jsonl"
        source.write_text("".join(json.dumps({"text": r["text"]}) + "\n" for r in records),
                          encoding="utf-8")
        db = Path(tmp) / "eval.duckdb"
        ingest([str(source)], db=db, settings=Settings(), coder=coder)
        with Store.open(db, read_only=True) as store:
            docs = [{"doc_id": d.doc_id, "source": d.source or "", "text": d.text or ""}
                    for d in store.documents(with_text=True)]
            events: dict[str, list[Event]] = {}
            for event in store.event_reports():
                events.setdefault(event.doc_id, []).append(event)
    by_line = {int(d["source"].rsplit(":", 1)[1]): d for d in docs}
    by_text = {" ".join(d["text"].split()): d for d in docs}
    out = []
    for n, record in enumerate(records, 1):
        doc = by_line.get(n) or by_text.get(" ".join(str(record["text"]).split()))
        out.append((doc["text"], events.get(doc["doc_id"], [])) if doc else (record["text"], []))
    return out


def locate(text: str, phrase: str) -> int:
    """Where a gold phrase is in the text: its first occurrence as whole words ("Sudan" is not
    the start of "South Sudanese"), else its first occurrence at all; -1 when absent."""
    whole = re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text)
    return whole.start() if whole else text.find(phrase)


def _find(text: str, phrases: Sequence[str]) -> list[Words]:
    out = []
    for phrase in phrases:
        at = locate(text, phrase)
        if at >= 0:
            out.append(content_words(text, at, at + len(phrase)))
    return out


def score_spans(record: dict[str, Any], text: str, event: Event | None,
                sources: SpanScore, targets: SpanScore) -> None:
    """Add one record's actor spans to the source and target scores: gold sources against the
    event's actors, gold targets against its recipients, reciprocal spans against either."""
    def words(parts: Sequence[Participant]) -> list[Words]:
        return [content_words(text, p.start, p.end) for p in parts]

    actors = words(event.actors) if event else []
    recipients = words(event.recipients) if event else []
    reciprocal = _find(text, record.get("reciprocal") or ())
    n_reciprocal = len(record.get("reciprocal") or ())
    for phrases, predicted, side, other in (
            (record.get("sources") or [], actors, sources, recipients),
            (record.get("targets") or [], recipients, targets, actors)):
        own = _find(text, phrases)
        side.add(gold=own + reciprocal,
                 covers=[predicted] * len(own) + [predicted + other] * len(reciprocal),
                 predicted=predicted,
                 n_unlocated=len(phrases) + n_reciprocal - len(own) - len(reciprocal))


def evaluate_sentences(records: Sequence[dict[str, Any]], coder: Coder) -> dict[str, Any]:
    classes, sources, targets = ClassScore(), SpanScore(), SpanScore()
    misses = []
    for record, (text, events) in zip(records, ingest_sentences(records, coder), strict=True):
        predicted = sentence_class(events)
        classes.add(int(record["quad"]), predicted)
        if "sources" in record:
            score_spans(record, text, strongest(events), sources, targets)
        if predicted != int(record["quad"]):
            top = strongest(events)
            misses.append({"id": record.get("id"), "gold": record["quad"], "ours": predicted,
                           "event": f"{top.type} {top.cameo} '{top.trigger}'" if top else None})
    return {**classes.summary(), "sources": sources.summary(), "targets": targets.summary(),
            "misses": misses}


# -- command line -------------------------------------------------------------------------


def _load(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    data = json.loads(text)
    return data if isinstance(data, list) else [data]


def _plover_summary(records: list[dict[str, Any]], coder: Coder, misses: bool) -> dict[str, Any]:
    result = score(records, events_for(records, coder), plover_country(coder.kb))
    if misses:
        texts = {r["id"]: r["text"] for r in records}
        for row in result.rows:
            if row["matched"] < len(row["gold"]) or row["matched"] < len(row["predicted"]):
                print(texts[row["id"]].strip()[:160])
                print(f"   gold {row['gold']}\n   ours {row['predicted']}")
    return result.summary()


def _sentence_summary(records: list[dict[str, Any]], coder: Coder, misses: bool) -> dict[str, Any]:
    summary = evaluate_sentences(records, coder)
    found = summary.pop("misses")
    if misses:
        texts = {r.get("id"): r["text"] for r in records}
        for miss in found:
            print(f"{miss['id']} gold {miss['gold']} ours {miss['ours']} ({miss['event']}): "
                  f"{str(texts[miss['id']])[:160]}")
    summary.pop("confusion")
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", nargs="?", default=str(DEFAULT),
                        help="PLOVER gold records.json, or a five-class sentences .jsonl")
    parser.add_argument("--folds", type=int, default=1, help="score K folds apart")
    parser.add_argument("--fold", type=int, help="score only this fold (0-based)")
    parser.add_argument("--tuned", type=int, help="the fold you tuned on (labelled in output)")
    parser.add_argument("--misses", action="store_true", help="list records not fully matched")
    parser.add_argument("--rules-only", action="store_true", help="without the classifier")
    parser.add_argument("--classifier", type=Path,
                        help="a folder with classifier weights (default: the shipped ones)")
    args = parser.parse_args(argv)
    path = Path(args.records)
    if not path.is_file():
        print(f"{path}: not found; give a PLOVER records.json or a sentences .jsonl",
              file=sys.stderr)
        return 1
    if args.folds < 1 or (args.fold is not None and not 0 <= args.fold < args.folds):
        print(f"--fold must be in 0..{args.folds - 1} (--folds {args.folds})", file=sys.stderr)
        return 2
    records = _load(path)
    is_sentences = "quad" in records[0]
    summarise = _sentence_summary if is_sentences else _plover_summary
    classifier: EventClassifier | bool = not args.rules_only
    if args.classifier is not None and not args.rules_only:
        classifier = EventClassifier.load(args.classifier)
    coder = make_coder(classifier=classifier)
    folds = [args.fold] if args.fold is not None else list(range(args.folds))
    for k in folds:
        started = time.perf_counter()
        part = [r for i, r in enumerate(records)
                if args.folds == 1 or fold_of(str(r.get("id", i)), args.folds) == k]
        summary = summarise(part, coder, args.misses)
        label = {} if args.folds == 1 else {
            "fold": f"{k}/{args.folds}", "tuned": args.tuned == k if args.tuned is not None
            else None}
        print(json.dumps({**label, **summary, "seconds": round(time.perf_counter() - started, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

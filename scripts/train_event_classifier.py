"""Train the event-type classifier (polemos.events.classify) on the project's own sentences.

Reads every ``*.jsonl`` of ``training/events/`` (format and provenance: training/events/README.md),
parses the sentences with the same spaCy model the pipeline uses, labels each candidate word
(the words of the annotated trigger get the CAMEO root of the sentence's event, every other
verb or noun "none", with a lower weight in sentences that do report an event, since they may
hold a secondary event), fits a multinomial logistic regression (scikit-learn, training only)
and writes the weights as numpy arrays into ``src/polemos/data/models/``.

It first scores a model trained on K-1 folds on the fold left out (records go to folds by a hash
of their id), for every fold, and prints those figures; the shipped model is then trained on all
the data. Needs the ``train`` extra: pip install -e '.[train]'.

Example:
    python scripts/train_event_classifier.py --folds 5
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from polemos.events.classify import NAME, NONE, label_of, sentence_candidates, token_features
from polemos.events.evaluate import fold_of
from polemos.events.ontology import load_ontology
from polemos.nlp import load_nlp

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "training" / "events"
OUT = REPO / "src" / "polemos" / "data" / "models"
MIN_COUNT = 2  # a feature seen once teaches nothing general
SECONDARY_WEIGHT = 0.1  # other words of an event sentence: maybe a secondary event
THRESHOLD = 0.5  # P(event) a sentence's best word needs to count as an event
PRUNE = 0.02  # features whose every weight is smaller than this are left out of the shipped file


@dataclass(frozen=True)
class Example:
    """One candidate word: its features, label and weight."""

    record: str
    features: list[str]
    label: str
    weight: float


def read_records(folder: Path) -> list[dict[str, Any]]:
    """Every record of the folder's .jsonl files, checked against the CAMEO table."""
    ontology = load_ontology()
    records, problems = [], []
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            code, trigger = record.get("cameo"), record.get("trigger")
            if code is not None and not ontology.is_valid_code(code):
                problems.append(f"{path.name}:{n}: unknown CAMEO code {code!r}")
            elif code is not None and (not trigger or trigger not in record["text"]):
                problems.append(f"{path.name}:{n}: trigger {trigger!r} is not in the text")
            else:
                records.append(record)
    for problem in problems:
        print(f"skipped {problem}", file=sys.stderr)
    return records


def examples_of(records: Sequence[dict[str, Any]], nlp: Any) -> list[Example]:
    ontology = load_ontology()
    out = []
    for record, doc in zip(records, nlp.pipe([r["text"] for r in records], batch_size=64),
                           strict=True):
        code = record.get("cameo")
        label = label_of(code, ontology.code(code).type) if code else NONE
        start = record["text"].find(record["trigger"]) if code else -1
        end = start + len(record["trigger"] or "")
        for sent in doc.sents:
            for token in sentence_candidates(sent):
                inside = start <= token.idx < end
                weight = 1.0 if inside or code is None else SECONDARY_WEIGHT
                out.append(Example(record["id"], token_features(token),
                                   label if inside else NONE, weight))
    return out


def matrix(examples: Sequence[Example], vocab: dict[str, int]) -> sparse.csr_matrix:
    rows, cols = [], []
    for row, example in enumerate(examples):
        ids = {vocab[f] for f in example.features if f in vocab}
        rows += [row] * len(ids)
        cols += sorted(ids)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)),
                             shape=(len(examples), len(vocab)))


def build_vocab(examples: Sequence[Example]) -> dict[str, int]:
    counts = Counter(f for e in examples for f in set(e.features))
    return {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}


def fit(examples: Sequence[Example], c: float) -> tuple[LogisticRegression, dict[str, int]]:
    vocab = build_vocab(examples)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(matrix(examples, vocab), [e.label for e in examples],
              sample_weight=[e.weight for e in examples])
    return model, vocab


def sentence_labels(model: LogisticRegression, vocab: dict[str, int],
                    examples: Sequence[Example]) -> dict[str, str]:
    """Each record's predicted label: its likeliest event word's root, or none."""
    probs = model.predict_proba(matrix(examples, vocab))
    none = list(model.classes_).index(NONE)
    best: dict[str, tuple[float, str]] = {}
    for example, row in zip(examples, probs, strict=True):
        p_event = 1.0 - row[none]
        masked = row.copy()
        masked[none] = -1
        label = str(model.classes_[int(masked.argmax())]) if p_event >= THRESHOLD else NONE
        if example.record not in best or p_event > best[example.record][0]:
            best[example.record] = (p_event, label)
    return {record: label for record, (_, label) in best.items()}


def cross_validate(records: Sequence[dict[str, Any]], examples: Sequence[Example], *,
                   folds: int, c: float) -> dict[str, float]:
    ontology = load_ontology()
    gold = {r["id"]: label_of(r["cameo"], ontology.code(r["cameo"]).type) if r.get("cameo")
            else NONE for r in records}
    right = total = 0
    for k in range(folds):
        train = [e for e in examples if fold_of(e.record, folds) != k]
        test = [e for e in examples if fold_of(e.record, folds) == k]
        model, vocab = fit(train, c)
        predicted = sentence_labels(model, vocab, test)
        fold_right = sum(predicted[r] == gold[r] for r in predicted)
        print(f"fold {k}: {fold_right}/{len(predicted)} sentences right "
              f"({fold_right / max(1, len(predicted)):.3f})", file=sys.stderr)
        right, total = right + fold_right, total + len(predicted)
    return {"folds": folds, "sentence_accuracy": round(right / max(1, total), 3)}


def typical_codes(records: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Each label's commonest code in the data: the code a recovered event gets."""
    ontology = load_ontology()
    counts: dict[str, Counter[str]] = {}
    for record in records:
        if code := record.get("cameo"):
            counts.setdefault(label_of(code, ontology.code(code).type), Counter())[code] += 1
    return {label: counter.most_common(1)[0][0] for label, counter in sorted(counts.items())}


def save(model: LogisticRegression, vocab: dict[str, int], meta: dict[str, Any], out: Path) -> None:
    weights = model.coef_.T  # (n_features, n_labels)
    keep = np.abs(weights).max(axis=1) >= PRUNE
    names = sorted(vocab, key=vocab.__getitem__)
    vocab = {name: i for i, name in enumerate(n for n, k in zip(names, keep, strict=True) if k)}
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / f"{NAME}.npz", weights=weights[keep].astype(np.float16),
                        bias=model.intercept_.astype(np.float32))
    meta = {**meta, "labels": [str(c) for c in model.classes_], "vocab": vocab}
    (out / f"{NAME}.json").write_text(json.dumps(meta, sort_keys=True), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder of training .jsonl")
    parser.add_argument("--out", type=Path, default=OUT, help="where the weights go")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (0: none)")
    parser.add_argument("-C", type=float, default=1.0, help="inverse regularisation strength")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    records = read_records(args.data)
    examples = examples_of(records, load_nlp())
    figures = cross_validate(records, examples, folds=args.folds, c=args.C) if args.folds > 1 \
        else {}
    model, vocab = fit(examples, args.C)
    digest = hashlib.sha256()
    for path in sorted(args.data.glob("*.jsonl")):
        digest.update(path.read_bytes())
    meta = {"records": len(records), "examples": len(examples), "C": args.C,
            "codes": typical_codes(records),
            "data_sha256": digest.hexdigest(), "cross_validation": figures,
            "threshold": THRESHOLD}
    save(model, vocab, meta, args.out)
    print(json.dumps({**meta, "features": len(vocab),
                      "seconds": round(time.perf_counter() - started, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Throughput and memory of the whole ingest against bare spaCy, in the same run.

Usage:
    python benchmarks/bench.py                      # demo corpus + ../shared VOA, repeated to ≥300k words
    python benchmarks/bench.py --words 50000 --memory-docs 2000   # a quick run

Prints, for the same texts in the same process:
  * bare `nlp.pipe` (same model, same components): words/s, documents/s
  * the whole `polemos.ingest` (reading, language check, spaCy, dates, actors, events, claims,
    DuckDB writes, merging): words/s, documents/s, and the ratio ingest / bare (target ≥ 0.7)
  * peak memory (VmHWM) after 1k and after N (default 10k) short documents through ingest,
    and their ratio (target ≤ 1.1: memory stays flat)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import polemos
from polemos.pipeline import Coder

REPO = Path(__file__).resolve().parents[1]
VOA = REPO.parent / "shared" / "corpus" / "voa" / "voa_stories.jsonl"


def base_texts() -> list[str]:
    """The demo corpus plus the VOA stories when ../shared is present."""
    texts = []
    demo = resources.files("polemos").joinpath("data/demo/wire.jsonl")
    for line in demo.read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    if VOA.is_file():
        for line in VOA.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    else:
        print(f"note: {VOA} not found; benchmarking on the demo corpus alone", file=sys.stderr)
    return texts


def repeated(texts: list[str], min_words: int) -> Iterator[str]:
    """Yield the texts again and again until ``min_words``; copies differ by a marker line
    so that each is a new document (ingest would otherwise count them as already stored)."""
    words, copy = 0, 0
    while words < min_words:
        copy += 1
        for text in texts:
            yield f"{text}\n\n(Copy {copy}.)"
            words += len(text.split())
            if words >= min_words:
                return


def short_docs(texts: list[str], n_docs: int, words_per_doc: int) -> Iterator[str]:
    """``n_docs`` distinct short documents cut from the corpus paragraphs."""
    pieces = []
    for text in texts:
        tokens = text.split()
        for i in range(0, len(tokens) - words_per_doc, words_per_doc):
            pieces.append(" ".join(tokens[i : i + words_per_doc]))
    for n in range(n_docs):
        yield f"{pieces[n % len(pieces)]} (Item {n}.)"


def write_jsonl(texts: Iterator[str], path: Path) -> tuple[int, int]:
    n_docs = n_words = 0
    with path.open("w", encoding="utf-8") as fh:
        for text in texts:
            fh.write(json.dumps({"text": text, "published": "2024-01-01"}) + "\n")
            n_docs += 1
            n_words += len(text.split())
    return n_docs, n_words


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def bench_throughput(coder: Coder, path: Path, n_docs: int, n_words: int, tmp: Path) -> None:
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    nlp = coder.nlp
    t0 = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=polemos.Settings().batch_size):
        pass
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    report = polemos.ingest([str(path)], db=tmp / "bench.duckdb", coder=coder)
    whole = time.perf_counter() - t0
    print(f"corpus: {n_docs} documents, {n_words} words")
    print(f"bare nlp.pipe : {n_words / bare:8.0f} words/s  {n_docs / bare:6.1f} docs/s  ({bare:.1f} s)")
    print(f"polemos ingest: {n_words / whole:8.0f} words/s  {n_docs / whole:6.1f} docs/s  "
          f"({whole:.1f} s, {len(report.stored)} stored, {len(report.failed)} failed)")
    print(f"ratio ingest/bare: {bare / whole:.2f}  (target >= 0.7)")


def bench_memory(coder: Coder, n_docs: int, words_per_doc: int, texts: list[str], tmp: Path) -> None:
    path = tmp / "memory.jsonl"
    write_jsonl(short_docs(texts, n_docs, words_per_doc), path)
    marks: dict[int, float] = {}
    seen = 0

    def on_item(_item: object) -> None:
        nonlocal seen
        seen += 1
        if seen in (1000, n_docs):
            marks[seen] = peak_rss_mb()

    polemos.ingest([str(path)], db=tmp / "memory.duckdb", coder=coder, on_item=on_item)
    marks[n_docs] = peak_rss_mb()
    first, last = marks.get(1000, float("nan")), marks[n_docs]
    print(f"peak memory: {first:.0f} MB after 1000 documents, {last:.0f} MB after {n_docs} "
          f"({words_per_doc} words each); ratio {last / first:.2f}  (target <= 1.1)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=300_000, help="minimum words in the throughput corpus")
    parser.add_argument("--memory-docs", type=int, default=10_000, help="documents in the memory run")
    parser.add_argument("--memory-doc-words", type=int, default=40, help="words per document in the memory run")
    parser.add_argument("--memory-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    coder = Coder.load(polemos.Settings())
    texts = base_texts()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if args.memory_only:
            bench_memory(coder, args.memory_docs, args.memory_doc_words, texts, tmp)
            return
        path = tmp / "corpus.jsonl"
        n_docs, n_words = write_jsonl(repeated(texts, args.words), path)
        bench_throughput(coder, path, n_docs, n_words, tmp)
    # A fresh process, so the throughput run's high-water mark does not hide growth.
    subprocess.run(
        [sys.executable, __file__, "--memory-only", "--memory-docs", str(args.memory_docs),
         "--memory-doc-words", str(args.memory_doc_words)],
        check=True,
    )


if __name__ == "__main__":
    main()

"""Throughput, scaling and query benchmarks of Polemos, in CPU time and wall time.

Usage:
    python benchmarks/bench.py                       # everything but the query stores
    python benchmarks/bench.py --words 60000 --rounds 2 --skip spark memory   # a quick run
    python benchmarks/build_store.py --out /tmp/stores   # then, for query and growth times:
    python benchmarks/bench.py --only queries grow --stores /tmp/stores

Sections (``--only`` / ``--skip`` pick them):
  throughput  on the same texts (demo corpus + ../shared VOA, repeated to --words), in
              interleaved rounds (bare nlp.pipe n_process=1, ingest --workers 1, bare
              n_process=N, ingest --workers N, then again): words/s by wall clock and words
              per CPU-second (this process and every child it waited for), min and median
              over the rounds, and the ratios the issue names (ingest N / bare N, ingest N /
              ingest 1). Each run is a fresh process; the model load of the single-process
              runs is left out, the start of worker processes (model loads) is counted.
  spark       spark-ingest on the same texts with local[1] and local[2], interleaved:
              wall time from the session start to the Parquet written, and the speed-up.
  grow        10 new documents ingested into an empty store and into the largest store of
              --stores (a copy), interleaved: the cost of merging into a large store.
  queries     on each store of --stores (build them with build_store.py): `polemos events`
              filtered, `polemos brief RUS --conflict Nagorno-Karabakh`, `polemos ask ...`,
              `polemos report` (whole corpus, and --conflict Nagorno-Karabakh; the size is
              the HTML file's), each as a command (wall and CPU, startup included) with
              --query-timeout.
  memory      peak RSS after 1k and after --memory-docs short documents through ingest.

The figures of a shared machine move by ±15 % in wall time; compare CPU time there.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
VOA = REPO.parent / "shared" / "corpus" / "voa" / "voa_stories.jsonl"
SECTIONS = ("throughput", "spark", "grow", "queries", "memory")
QUERIES = {
    "events": ["events", "--actor", "RUS", "--since", "2020", "--until", "2020", "--format", "csv"],
    "brief": ["brief", "RUS", "--conflict", "Nagorno-Karabakh"],
    "ask": ["ask", "Who mediated between Armenia and Azerbaijan?"],
    "report": ["report", "-o", "{out}"],  # the whole corpus: every section's aggregates
    "report-c": ["report", "--conflict", "Nagorno-Karabakh", "-o", "{out}"],
}


# -- corpus ------------------------------------------------------------------------------


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
    """The texts again and again until ``min_words``; copies differ by a marker line so that
    each is a new document (ingest would otherwise count them as already stored)."""
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


# -- one measured run, in a fresh process --------------------------------------------------


def cpu_seconds() -> float:
    """CPU time of this process, of every child process it (or they) waited for, and of
    the children still running with what they waited for (the ingest's fork server, which
    reaps the workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
            + sum(_live_child_seconds(os.getpid())))


def _live_child_seconds(pid: int) -> Iterator[float]:
    """utime + stime + cutime + cstime of each running child of ``pid`` (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            yield sum(int(v) for v in fields[11:15]) / tick


def measured(work: Callable[[], Any]) -> dict[str, float]:
    cpu, wall = cpu_seconds(), time.perf_counter()
    work()
    return {"wall": time.perf_counter() - wall, "cpu": cpu_seconds() - cpu}


def run_one(mode: str, corpus: Path, workers: int, tmp: Path) -> dict[str, float]:
    """Time one mode on the corpus in this process (called through --run)."""
    import polemos
    import polemos.ingest.readers  # imported before timing, as the pipeline is
    from polemos.pipeline import Coder

    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    settings = polemos.Settings()
    if mode == "bare":
        nlp = Coder.load(settings).nlp
        return measured(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=settings.batch_size,
                                                        n_process=workers)))
    if mode == "ingest":
        coder = Coder.load(settings) if workers == 1 else None  # workers load their own
        db = tmp / f"ingest-{os.getpid()}.duckdb"
        return measured(lambda: polemos.ingest([str(corpus)], db=db, coder=coder,
                                               workers=workers))
    if mode.startswith("spark"):
        from polemos.spark.job import spark_ingest

        master = f"local[{workers}]"
        return measured(lambda: spark_ingest([str(corpus)], tmp / f"spark-{workers}",
                                             master=master, settings=settings))
    raise SystemExit(f"unknown mode {mode!r}")


def in_subprocess(mode: str, corpus: Path, workers: int, tmp: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--run", mode, "--corpus", str(corpus), "--workers",
         str(workers), "--tmp", str(tmp)],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


# -- sections ----------------------------------------------------------------------------


def summary(label: str, runs: list[dict[str, float]], n_words: int, *,
            has_cpu: bool = True) -> dict[str, float]:
    """Print min and median words/s (wall) and words per CPU-second; return the medians."""
    walls = [n_words / r["wall"] for r in runs]
    cpus = [n_words / r["cpu"] for r in runs]
    each = ", ".join(f"{r['wall']:.0f}s" + (f"/{r['cpu']:.0f}cpu" if has_cpu else "")
                     for r in runs)
    cpu_part = (f" | CPU {min(cpus):7.0f} min {statistics.median(cpus):7.0f} median "
                "words/CPU-s" if has_cpu else "")
    print(f"{label:<22} wall {min(walls):7.0f} min {statistics.median(walls):7.0f} median "
          f"words/s{cpu_part}  ({each})")
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus)}


def bench_throughput(corpus: Path, n_words: int, args: argparse.Namespace, tmp: Path) -> None:
    n = args.workers
    modes = [("bare nlp.pipe n=1", "bare", 1), ("ingest --workers 1", "ingest", 1),
             (f"bare nlp.pipe n={n}", "bare", n), (f"ingest --workers {n}", "ingest", n)]
    runs: dict[str, list[dict[str, float]]] = {label: [] for label, _, _ in modes}
    for _ in range(args.rounds):
        for label, mode, workers in modes:
            runs[label].append(in_subprocess(mode, corpus, workers, tmp))
    med = {label: summary(label, runs[label], n_words) for label in runs}
    bare_n, ingest_1, ingest_n = med[modes[2][0]], med[modes[1][0]], med[modes[3][0]]
    bare_1 = med[modes[0][0]]
    print(f"ratio ingest/bare, 1 process : wall {ingest_1['wall'] / bare_1['wall']:.2f}")
    print(f"ratio ingest/bare, {n} workers : wall {ingest_n['wall'] / bare_n['wall']:.2f}  "
          f"(target >= 0.7)")
    print(f"speed-up ingest {n} workers / 1: wall {ingest_n['wall'] / ingest_1['wall']:.2f}  "
          f"(target >= 1.6); CPU per word {ingest_1['cpu'] / ingest_n['cpu']:.2f}x of one "
          "process (the cost of parallel work)")


def bench_spark(corpus: Path, n_words: int, args: argparse.Namespace, tmp: Path) -> None:
    runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
    for _ in range(args.spark_rounds):
        for cores, done in runs.items():
            done.append(in_subprocess("spark", corpus, cores, tmp))
    # The executors' CPU time is not this process tree's to count (the JVM owns them).
    med = {cores: summary(f"spark local[{cores}]", r, n_words, has_cpu=False)
           for cores, r in runs.items()}
    print(f"speed-up spark local[2] / local[1]: wall {med[2]['wall'] / med[1]['wall']:.2f}  "
          "(target >= 1.5; session start and model loads included)")


def bench_grow(args: argparse.Namespace, texts: list[str], tmp: Path) -> None:
    """10 new documents into an empty store and into a copy of the largest store."""
    largest = max(args.stores.glob("events-*.duckdb"), key=lambda p: int(p.stem.split("-")[1]))
    corpus = tmp / "ten.jsonl"
    write_jsonl((f"{t}\n\n(New {n}.)" for n, t in enumerate(texts[-10:])), corpus)
    runs: dict[str, list[dict[str, float]]] = {"empty": [], largest.stem: []}
    for _ in range(args.rounds):
        for name, done in runs.items():
            db = tmp / "grow.duckdb"
            db.unlink(missing_ok=True)
            if name != "empty":
                shutil.copy(largest, db)
            done.append(_timed_ingest(corpus, db))
    for name, r in runs.items():
        print(f"10 documents into {name:<22} wall min {min(x['wall'] for x in r):5.2f} s, "
              f"CPU min {min(x['cpu'] for x in r):5.2f} s")
    ratio = min(x["cpu"] for x in runs[largest.stem]) / min(x["cpu"] for x in runs["empty"])
    print(f"ratio large / empty: CPU {ratio:.2f}  (target <= 2)")


def _timed_ingest(corpus: Path, db: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--run", "grow", "--corpus", str(corpus), "--tmp", str(db)],
        check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def bench_queries(args: argparse.Namespace) -> None:
    stores = sorted(args.stores.glob("events-*.duckdb"), key=lambda p: int(p.stem.split("-")[1]))
    out = Path(tempfile.mkdtemp(prefix="polemos-bench-")) / "report.html"
    try:
        _query_rows(stores, out, args.query_timeout)
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)


def _query_rows(stores: list[Path], out: Path, timeout: float) -> None:
    for store in stores:
        for name, argv in QUERIES.items():
            out.unlink(missing_ok=True)
            cpu, wall = cpu_seconds(), time.perf_counter()
            try:
                done = subprocess.run([sys.executable, "-m", "polemos",
                                       *(a.replace("{out}", str(out)) for a in argv),
                                       "--db", str(store)],
                                      capture_output=True, timeout=timeout, check=False)
                size = out.stat().st_size if out.exists() else len(done.stdout)
                result = f"{size / 1024:8.0f} KB out, exit {done.returncode}"
            except subprocess.TimeoutExpired:
                result = f"stopped after {timeout:.0f} s"
            print(f"{store.stem:<22} {name:<8} wall {time.perf_counter() - wall:7.2f} s  "
                  f"CPU {cpu_seconds() - cpu:7.2f} s  {result}")


def bench_memory(args: argparse.Namespace, texts: list[str], tmp: Path) -> None:
    subprocess.run([sys.executable, __file__, "--run", "memory", "--memory-docs",
                    str(args.memory_docs), "--tmp", str(tmp)], check=True)


def run_memory(n_docs: int, tmp: Path) -> None:
    import polemos
    from polemos.pipeline import Coder

    path = tmp / "memory.jsonl"
    write_jsonl(short_docs(base_texts(), n_docs, 40), path)
    marks: dict[int, float] = {}
    seen = 0

    def on_item(_item: object) -> None:
        nonlocal seen
        seen += 1
        if seen in (1000, n_docs):
            marks[seen] = peak_rss_mb()

    polemos.ingest([str(path)], db=tmp / "memory.duckdb", coder=Coder.load(polemos.Settings()),
                   on_item=on_item)
    marks[n_docs] = peak_rss_mb()
    first, last = marks.get(1000, float("nan")), marks[n_docs]
    print(f"peak memory: {first:.0f} MB after 1000 documents, {last:.0f} MB after {n_docs} "
          f"(40 words each); ratio {last / first:.2f}  (target <= 1.1)")


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    load = os.getloadavg()[0]
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, load {load:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=300_000, help="words in the corpus")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--spark-rounds", type=int, default=2, help="rounds of the Spark runs")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="N")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=None)
    parser.add_argument("--skip", nargs="+", choices=SECTIONS, default=[])
    parser.add_argument("--stores", type=Path, default=None, help="folder of build_store.py")
    parser.add_argument("--query-timeout", type=float, default=600.0)
    parser.add_argument("--memory-docs", type=int, default=10_000)
    parser.add_argument("--run", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--tmp", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        _child(args)
        return
    sections = [s for s in (args.only or SECTIONS) if s not in args.skip]
    if args.stores is None:
        sections = [s for s in sections if s not in ("grow", "queries")]
    print(f"machine: {machine()}")
    texts = base_texts()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        corpus = tmp / "corpus.jsonl"
        n_docs, n_words = write_jsonl(repeated(texts, args.words), corpus)
        print(f"corpus: {n_docs} documents, {n_words} words")
        if "throughput" in sections:
            bench_throughput(corpus, n_words, args, tmp)
        if "spark" in sections:
            bench_spark(corpus, n_words, args, tmp)
        if "grow" in sections:
            bench_grow(args, texts, tmp)
        if "queries" in sections:
            bench_queries(args)
        if "memory" in sections:
            bench_memory(args, texts, tmp)


def _child(args: argparse.Namespace) -> None:
    """One measured run in this fresh process; prints its figures as JSON."""
    if args.run == "memory":
        run_memory(args.memory_docs, args.tmp)
        return
    if args.run == "grow":
        import polemos
        from polemos.pipeline import Coder

        coder = Coder.load(polemos.Settings())
        print(json.dumps(measured(lambda: polemos.ingest([str(args.corpus)], db=args.tmp,
                                                         coder=coder))))
        return
    print(json.dumps(run_one(args.run, args.corpus, args.workers, args.tmp)))


if __name__ == "__main__":
    main()

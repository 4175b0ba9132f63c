"""Code documents in several processes while the caller stores them, in order, as one writer.

Each worker process loads the pipeline (``Coder.load``) once and codes batches of
articles with ``pipeline.finish_and_run`` (language check, date in the text, then
``pipeline.run``), the same stages and the same per-document guard as a single-process
ingest; results come back in input order. The caller only reads, dedupes and writes.
Batches shrink towards the end of the input so the workers finish together, and idle
workers are stopped as soon as everything is coded. Only the calling process touches
the database, so a document is still written whole in one transaction, and Ctrl-C or
``kill -9`` of the ingest never leaves half of one: a re-run resumes.

A worker whose parent dies (``kill -9`` of the ingest) exits by itself within a second;
Ctrl-C cancels the batches not started and waits for the running ones.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import math
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

from polemos.errors import PolemosError
from polemos.guard import failure_of
from polemos.records import Article, Failure, Result, Skip
from polemos.settings import Settings

if TYPE_CHECKING:
    from polemos.pipeline import Coder

logger = logging.getLogger(__name__)

DOCS_PER_WORKER = 8  # fewer new documents than this per worker: code them in this process
BATCHES_PER_WORKER = 4  # batches per worker over the whole input, for an even finish
IN_FLIGHT_PER_WORKER = 2  # tasks queued or running per worker: one runs, one waits
BUFFERED_PER_WORKER = 4  # tasks per worker held until their turn: bounds memory
TAIL_SHARES = 2  # a task is at most 1/(workers * this) of the articles left: even finish
MIN_TASK = 4  # but never fewer articles than this (a task has its cost)

# The pipeline of this worker process, loaded once by ``_start_worker``: a process-pool
# initializer can hand its result to the tasks only through the worker's module state.
_WORKER: dict[str, Coder] = {}

Coded = Result | Skip | Failure  # what coding a draft article gives (pipeline.finish_and_run)


def default_workers() -> int:
    """The machine's cores (the ones this process may run on)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def plan(n_documents: int, *, workers: int, batch_size: int) -> tuple[int, int]:
    """Worker processes and articles per task for about ``n_documents`` new documents.

    Small inputs are coded in this process (a worker costs a model load); otherwise each
    worker gets several batches, no bigger than ``batch_size``, so they finish together.
    """
    n_workers = max(1, min(workers, n_documents // DOCS_PER_WORKER))
    per_task = math.ceil(n_documents / (n_workers * BATCHES_PER_WORKER)) if n_documents else 1
    return n_workers, max(1, min(batch_size, per_task))


def task_size(remaining: int, *, workers: int, largest: int) -> int:
    """Articles for the next task when about ``remaining`` are left to hand out: a share of
    them (guided scheduling), so tasks shrink towards the end and the workers finish
    together instead of one coding a last big batch while the others wait."""
    share = math.ceil(max(remaining, 0) / (workers * TAIL_SHARES))
    return max(min(largest, MIN_TASK), min(largest, share))


def code_in_workers(
    articles: Iterable[Article], settings: Settings, *, workers: int, per_task: int,
    today: dt.date, expected: int = 0,
) -> Iterator[Coded]:
    """Yield every article coded, in input order, by ``workers`` processes.

    Tasks hold at most ``per_task`` articles, fewer towards the ``expected`` end
    (``task_size``). Each worker has ``IN_FLIGHT_PER_WORKER`` tasks queued or running, and
    at most ``BUFFERED_PER_WORKER`` tasks per worker are held for the in-order yield, so
    reading never runs far ahead of coding and a worker never waits for a slower one.

    Raises:
        PolemosError: a worker died (out of memory, killed); what was stored is kept.
    """
    context = multiprocessing.get_context("spawn")  # no fork of a process holding DuckDB
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                               initargs=(settings, os.getpid()))
    pending: deque[tuple[list[Article], Future[list[Coded]]]] = deque()
    source = iter(articles)
    handed_out, exhausted = 0, False
    try:
        while True:
            while (not exhausted and len(pending) < workers * BUFFERED_PER_WORKER
                   and sum(not f.done() for _, f in pending) < workers * IN_FLIGHT_PER_WORKER):
                size = task_size(expected - handed_out, workers=workers, largest=per_task)
                batch = list(itertools.islice(source, size))
                exhausted = not batch
                if batch:
                    handed_out += len(batch)
                    pending.append((batch, pool.submit(_code_batch, batch, settings.batch_size,
                                                       today)))
            if not pending:  # all coded: stop the idle workers now, as a clean exit of a
                _terminate(pool)  # process holding a model takes seconds of teardown
                return
            if pending[0][1].done():
                yield from _outcome(*pending.popleft())
            else:  # the next in order is not ready: wake when any task ends, to feed its worker
                wait([f for _, f in pending if not f.done()], return_when=FIRST_COMPLETED)
    except BaseException:  # Ctrl-C, a store error, the consumer stopping: stop coding now
        _terminate(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _outcome(
    batch: list[Article], future: Future[list[Coded]]
) -> list[Coded]:
    """The coded batch; when the task itself failed (not one document: ``run`` guards
    those), a Failure for each of its articles."""
    from polemos.pipeline import item_name

    try:
        return future.result()
    except BrokenProcessPool as err:
        raise PolemosError(
            "a worker process died while coding (out of memory, or killed). The documents "
            "stored so far are kept; run the ingest again (with --workers 1 to find the "
            "document that does it)."
        ) from err
    except Exception as err:  # noqa: BLE001 - the guard of a whole task: its articles fail
        return [failure_of(item_name(article), "coding", err) for article in batch]


def code_stream(
    articles: Iterator[Article], sources: Sequence[str], *, settings: Settings,
    coder: Coder | None, workers: int, today: dt.date,
) -> Iterator[Coded]:
    """Every draft article finished and coded (``pipeline.finish_and_run``), in input order:
    in ``workers`` processes when there are enough new documents for them, else here (also
    when a ``coder`` is given: it cannot be sent to another process)."""
    from polemos.pipeline import Coder, finish_and_run

    if coder is None and workers > 1:
        head = list(itertools.islice(articles, workers * DOCS_PER_WORKER))
        if len(head) == workers * DOCS_PER_WORKER:
            expected = max(len(head), estimate_documents(sources))
            n_workers, per_task = plan(expected, workers=workers, batch_size=settings.batch_size)
            yield from code_in_workers(itertools.chain(head, articles), settings,
                                       workers=n_workers, per_task=per_task, today=today,
                                       expected=expected)
            return
        articles = itertools.chain(head, articles)
    yield from finish_and_run(articles, coder or Coder.load(settings), today=today,
                              batch_size=settings.batch_size)


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop the workers at once; their batches are lost, nothing of them was stored."""
    for process in list((pool._processes or {}).values()):  # no public way before 3.14
        process.terminate()


def _start_worker(settings: Settings, parent: int) -> None:
    """Load the pipeline once for this worker, and leave when the parent is gone."""
    from polemos.pipeline import Coder

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _WORKER["coder"] = Coder.load(settings)


def _exit_with_parent(parent: int) -> None:
    """A worker whose ingest was killed is re-parented: then it stops at once."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _code_batch(articles: Sequence[Article], batch_size: int, today: dt.date) -> list[Coded]:
    from polemos.pipeline import finish_and_run

    return list(finish_and_run(articles, _WORKER["coder"], today=today, batch_size=batch_size))


def estimate_documents(sources: Sequence[str]) -> int:
    """About how many documents SOURCES hold, cheaply, for the progress bar and the plan:
    a line per record in .jsonl/.csv files, one per other file; a URL counts one."""
    from polemos.ingest.readers import SUFFIXES

    total = 0
    for source in sources:
        path = Path(source)
        if path.is_dir():
            files = [p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES]
            total += sum(_records_in(p) for p in files)
        else:
            total += _records_in(path) if path.is_file() else 1
    return total


def _records_in(path: Path) -> int:
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".ndjson", ".csv"):
        return 1
    n_lines = 0
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            n_lines += block.count(b"\n")
    return max(1, n_lines - (suffix == ".csv"))

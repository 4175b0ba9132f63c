"""Run generated inputs through a real ingest and check what the fuzz suite promises.

A batch is a folder of bad inputs with good documents mixed in, ingested in one call of
``polemos.pipeline.ingest``. The checks: the ingest returns (no exception escapes); no item
failed on a bug (a Failure with a traceback); every error is one line naming its item;
every input is accounted for; every good document is stored; no item took longer than
``max_item_seconds`` between two progress events; peak memory grew by at most ``max_rss_growth``.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from polemos.ingest.readers import path_name, read_sources
from polemos.pipeline import Coder, ingest
from polemos.records import Article, Failure, Skip
from polemos.settings import Settings
from polemos.store.store import Store

from .generate import Case

GB = 1 << 30


@dataclass
class Tally:
    """Figures over all batches, for the report."""

    inputs: int = 0
    good: int = 0
    batches: int = 0
    stored: int = 0
    failed: int = 0
    skipped: int = 0
    tracebacks: list[str] = field(default_factory=list)  # failures caused by a bug
    escaped: list[str] = field(default_factory=list)  # exceptions out of ingest()
    multi_line: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)  # errors that do not name their item
    silent: list[str] = field(default_factory=list)  # inputs with no outcome at all
    lost_good: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    max_gap: float = 0.0  # longest time between two progress events (seconds)
    max_rss_growth: int = 0  # bytes of peak RSS a batch added
    peak_rss: int = 0
    peak_worker_rss: int = 0  # the largest worker process (ingest --workers)

    @property
    def problems(self) -> list[str]:
        return (self.tracebacks + self.escaped + self.multi_line + self.unnamed + self.silent
                + self.lost_good + self.hangs)


def write_cases(folder: Path, cases: Sequence[Case]) -> list[tuple[Case, Path]]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for case in cases:
        path = Path(os.fsdecode(os.path.join(os.fsencode(folder), case.fname))) if case.fname \
            else folder / case.name
        path.write_bytes(case.data)
        written.append((case, path))
    return written


def expected_ids(paths: Sequence[Path], settings: Settings) -> dict[str, str]:
    """doc id → file of every good document, read alone (the oracle)."""
    ids: dict[str, str] = {}
    for path in paths:
        articles = [a for a in read_sources([str(path)], settings=settings) if isinstance(a, Article)]
        assert articles, f"good input {path.name} gives no article when read alone"
        ids.update({a.doc_id: path.name for a in articles})
    return ids


def peak_rss(who: int = resource.RUSAGE_SELF) -> int:
    return resource.getrusage(who).ru_maxrss * 1024


def run_batch(
    folder: Path, bad: Sequence[Case], good: Sequence[Case], *, db: Path, tally: Tally,
    settings: Settings, coder: Coder | None, workers: int = 1,
    max_item_seconds: float = 30.0, max_rss_growth: int = GB,
) -> None:
    """Ingest one batch and add what was seen to ``tally``."""
    written = write_cases(folder, [*bad, *good])
    good_paths = [p for c, p in written if c.kind == "good"]
    oracle = expected_ids(good_paths, settings)
    names = {path_name(p): c for c, p in written}
    seen: set[str] = set()
    last = time.perf_counter()
    rss_before = peak_rss()

    def tick() -> None:
        nonlocal last
        now = time.perf_counter()
        tally.max_gap = max(tally.max_gap, now - last)
        if now - last > max_item_seconds:
            tally.hangs.append(f"{now - last:.1f} s before an item after {sorted(seen)[-1:]}")
        last = now

    def on_item(item: Article | Skip | Failure) -> None:
        tick()
        where = item.source if isinstance(item, Article) else item.item
        seen.update(n for n in names if where and n in where)
        if isinstance(item, Failure):
            if item.detail is not None:
                tally.tracebacks.append(f"{item.message}\n{item.detail}")
            if "\n" in item.message:
                tally.multi_line.append(item.message)
            if not any(n in item.message for n in names) and str(folder) not in item.message:
                tally.unnamed.append(item.message)

    try:
        report = ingest([str(folder)], db=db, settings=settings, coder=coder, workers=workers,
                        on_item=on_item, on_done=lambda *_: tick())
    except Exception as err:  # noqa: BLE001 - counted: the suite asserts there is none
        tally.escaped.append(f"{type(err).__name__}: {err} (batch {folder.name})")
        return
    tick()
    with Store.open(db, read_only=True) as store:
        stored = store.document_ids()
    tally.lost_good += [f"{name} ({doc_id})" for doc_id, name in oracle.items() if doc_id not in stored]
    tally.silent += [n for n, c in names.items() if n not in seen and c.kind != "good"
                     and not _is_hidden(n)]
    tally.inputs += len(bad)
    tally.good += len(good)
    tally.batches += 1
    tally.stored += len(report.stored)
    tally.failed += len(report.failed)
    tally.skipped += len(report.skipped)
    tally.max_rss_growth = max(tally.max_rss_growth, peak_rss() - rss_before)
    tally.peak_rss = peak_rss()
    tally.peak_worker_rss = peak_rss(resource.RUSAGE_CHILDREN)
    if workers > 1 and tally.peak_worker_rss > max_rss_growth + tally.peak_rss:
        tally.hangs.append(f"batch {folder.name}: a worker peaked at "
                           f"{tally.peak_worker_rss / GB:.2f} GB")
    if peak_rss() - rss_before > max_rss_growth:
        tally.hangs.append(f"batch {folder.name}: peak memory grew by "
                           f"{(peak_rss() - rss_before) / GB:.2f} GB")


def _is_hidden(name: str) -> bool:
    """Names a folder ingest leaves out on purpose: dot files (a name starting with "-" or
    holding a line break is still read)."""
    return Path(name).name.startswith(".")

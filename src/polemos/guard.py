"""One bad item never costs a good one: every stage runs per item under a guard.

A stage that raises for one item (a file, a record, a document) turns into one
``Failure`` that names the item and the stage; the run goes on with the next item.

- ``InputError`` and the other ``PolemosError``s are expected: their message already says
  what, where and how to fix it, and becomes the Failure's message.
- Any other exception is a bug in Polemos: the Failure says so in one line, and keeps the
  traceback in ``Failure.detail`` (``polemos ingest --debug`` prints it).

``KeyboardInterrupt`` and ``SystemExit`` are not caught: Ctrl-C still stops a run.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

from polemos.errors import InputError, PolemosError
from polemos.records import Failure

T = TypeVar("T")
P = ParamSpec("P")

MAX_REASON_CHARS = 300  # an exception's text quoted in a one-line message
_SURROGATE = re.compile("[\ud800-\udfff]")
REPORT_HINT = (
    "This is a bug in Polemos, not in your data: the other items go on. Run the same "
    "command with --debug for the traceback and report it with the item to the Polemos "
    "issue tracker."
)


class StageError(Exception):
    """An exception raised while one named stage processed one item."""

    def __init__(self, stage: str, error: Exception) -> None:
        super().__init__(f"{stage}: {error}")
        self.stage = stage
        self.error = error


def at_stage(stage: str, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``fn(*args, **kwargs)``, with any exception tagged with the stage it came from."""
    try:
        return fn(*args, **kwargs)
    except StageError:
        raise
    except Exception as err:
        raise StageError(stage, err) from err


def attempt(
    item: str, stage: str, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs
) -> T | Failure:
    """``fn(*args, **kwargs)``, or the Failure of ``item`` when it raises."""
    try:
        return fn(*args, **kwargs)
    except Exception as err:  # noqa: BLE001 - the guard: any error of one item is its Failure
        return failure_of(item, stage, err)


def guard_stream(item: str, stage: str, items: Iterator[T]) -> Iterator[T | Failure]:
    """Every element of ``items``; an exception ends the stream with one Failure of ``item``.

    What the stream yielded before the exception is kept: those items go on.
    """
    try:
        yield from items
    except Exception as err:  # noqa: BLE001 - the guard: any error of one item is its Failure
        yield failure_of(item, stage, err)


def failure_of(item: str, stage: str, error: Exception) -> Failure:
    """The one-line Failure for ``error`` raised by ``stage`` on ``item``."""
    if isinstance(error, StageError):
        stage, error = error.stage, error.error
    item = safe_text(item)
    if isinstance(error, InputError):
        return Failure(item, one_line(str(error)))
    if isinstance(error, PolemosError):
        return Failure(item, one_line(f"{item}: {stage}: {error}"))
    if isinstance(error, MemoryError):
        return Failure(item, f"{item}: the {stage} step ran out of memory on this item. Split it "
                             "into smaller documents, or leave it out.")
    reason = one_line(f"{type(error).__name__}: {error}")
    if len(reason) > MAX_REASON_CHARS:
        reason = reason[:MAX_REASON_CHARS] + "…"
    detail = "".join(traceback.format_exception(error))
    return Failure(item, f"{item}: internal error in the {stage} step ({reason}). {REPORT_HINT}",
                   detail=safe_text(detail))


def one_line(text: str) -> str:
    """``text`` on one line: line breaks become spaces, lone surrogates U+FFFD."""
    return " ".join(safe_text(text).split())


def safe_text(text: str) -> str:
    """``text`` with lone surrogates (undecodable bytes of a name, a JSON "\\ud800") as U+FFFD,
    so that it can be printed, encoded and stored."""
    return _SURROGATE.sub("\ufffd", text)

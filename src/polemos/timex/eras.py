"""Named historical events used as time references, read from a YAML table."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from polemos.errors import DictionaryError
from polemos.records import EventDate, Precision

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class Eras:
    """The compiled phrases and, for each alternative group, its date."""

    pattern: re.Pattern[str] | None
    dates: tuple[EventDate, ...]  # group i+1 of ``pattern`` dates with dates[i]

    def date_of(self, match: re.Match[str], text: str) -> EventDate:
        index = (match.lastindex or 1) - 1
        return EventDate(
            self.dates[index].value, self.dates[index].precision, "text",
            self.dates[index].end, text,
        )  # fmt: skip


def parse_period(raw: object, *, last: bool = False) -> tuple[dt.date, Precision]:
    """A YYYY, YYYY-MM or YYYY-MM-DD value as its first (or ``last``) day and precision."""
    found = _DATE.match(str(raw).strip())
    if found is None:
        raise ValueError(f'"{raw}" is not YYYY, YYYY-MM or YYYY-MM-DD')
    year, month, day = found.groups()
    if day:
        return dt.date(int(year), int(month), int(day)), "day"
    if month:
        first = dt.date(int(year), int(month), 1)
        if not last:
            return first, "month"
        after = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return after - dt.timedelta(days=1), "month"
    return (dt.date(int(year), 12, 31) if last else dt.date(int(year), 1, 1)), "year"


def load_eras(path: str | Path) -> Eras:
    """Read and validate an eras table.

    Raises:
        DictionaryError: the file is not a list of {phrase, start[, end]} entries.
    """
    entries: Any = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    if not isinstance(entries, list):
        raise DictionaryError(str(path), "expected a list of {phrase, start, end} entries.")
    alternatives: list[str] = []
    dates: list[EventDate] = []
    for number, entry in enumerate(entries, 1):
        phrase, date = _entry(str(path), number, entry)
        alternatives.append(f"({phrase})")
        dates.append(date)
    if not alternatives:
        return Eras(None, ())
    joined = "|".join(alternatives)
    return Eras(re.compile(rf"(?i:\b(?:the\s+)?(?:{joined})(?![\w-]))"), tuple(dates))


def _entry(path: str, number: int, entry: object) -> tuple[str, EventDate]:
    where = f"entry {number}"
    if not isinstance(entry, dict) or "phrase" not in entry or "start" not in entry:
        raise DictionaryError(path, f"{where}: each entry needs a phrase and a start date.")
    phrase = str(entry["phrase"])
    try:
        compiled = re.compile(phrase)
        value, precision = parse_period(entry["start"])
        end = parse_period(entry["end"], last=True)[0] if entry.get("end") else None
    except (re.error, ValueError) as err:
        raise DictionaryError(
            path, f"{where} ({phrase!r}): {err}. Write dates as YYYY, YYYY-MM or YYYY-MM-DD "
            "and phrases as regular expressions."
        ) from err  # fmt: skip
    if compiled.groups:
        raise DictionaryError(
            path, f"{where} ({phrase!r}): use non-capturing groups (?:...) in phrases."
        )
    return phrase, EventDate(value, precision, "text", end)


@functools.lru_cache(maxsize=1)
def default_eras() -> Eras:
    """The table shipped with Polemos (polemos/data/eras.yaml)."""
    with resources.as_file(resources.files("polemos") / "data" / "eras.yaml") as path:
        return load_eras(path)

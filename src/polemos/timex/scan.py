"""Find temporal expressions in raw text with compiled rules (no spaCy, no dateparser).

``scan`` returns every expression with what is needed to resolve it later:
absolute ones carry their date; partial ones ("on 27 September") need a year;
anaphoric ones ("two days later", "the following year") need the last dated
anchor; deictic ones ("yesterday", "on Thursday") need the publication date.
Resolution lives in ``resolve.py`` so that the document-level analysis can use
its own anchors (paragraphs, tense) with the same expressions.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from polemos.records import EventDate, Precision
from polemos.timex import lexicon as lx
from polemos.timex.eras import default_eras

Kind = Literal["absolute", "partial", "anaphoric", "deictic", "offset", "vague"]


@dataclass(frozen=True, slots=True)
class Found:
    """One temporal expression before resolution (offsets into the scanned text)."""

    start: int
    end: int
    text: str
    kind: Kind
    date: EventDate | None = None  # absolute expressions only
    precision: Precision | None = None  # partial: day or month; "N years ago today": day
    month: int | None = None
    day: int | None = None
    month_end: int | None = None  # partial ranges
    day_end: int | None = None
    amount: int | None = None  # anaphoric/deictic shift; None = unknown amount
    unit: str | None = None  # day, week, month, year, decade, or a season name
    weekday: int | None = None
    is_future: bool = False
    is_anchor: bool = True  # False for "since 1994": a span up to now, not a point to narrate from


Handler = Callable[[re.Match[str], str], "Found | None"]


def scan(text: str) -> tuple[Found, ...]:
    """All temporal expressions of ``text``, in order, longest first where they overlap.

    The last texts scanned are remembered: reading (the latest date a text states) and
    dating (every sentence's date) scan the same article, up to a chunk of ``pipeline.run``
    (4 x 32 articles) apart."""
    return _scan(text)


@functools.lru_cache(maxsize=256)
def _scan(text: str) -> tuple[Found, ...]:
    found: list[Found] = []
    for pattern, handler in _RULES:
        for match in pattern.finditer(text):
            item = handler(match, text)
            if item is not None:
                found.append(item)
    eras = default_eras()
    if eras.pattern is not None:
        for match in eras.pattern.finditer(text):
            start, stop, span = _span(match, text)
            found.append(Found(start, stop, span, "absolute", date=eras.date_of(match, span)))
    found.sort(key=lambda f: (f.start - f.end, f.start))
    taken: list[Found] = []
    for item in found:
        if all(item.end <= t.start or item.start >= t.end for t in taken):
            taken.append(item)
    return tuple(_mark_since(item, text) for item in sorted(taken, key=lambda f: f.start))


# "since 1994", "ever since the split of the union in 1994": a span up to now
_SINCE = re.compile(r"(?i:\bsince\b)[^.;:!?,\d]{0,45}$")


def _mark_since(item: Found, text: str) -> Found:
    if _SINCE.search(text, max(0, item.start - 52), item.start):
        return replace(item, is_anchor=False)
    return item


def is_offset(text: str) -> bool:
    """The text of an "offset" expression ("two days after"), which dates the clause after it."""
    return lx.OFFSET_WHOLE.fullmatch(text) is not None


def last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_number(name: str) -> int:
    return lx.MONTHS[name.rstrip(".").lower()]


def _valid_day(year: int | None, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year or 2000, month)[1]


def _span(match: re.Match[str], text: str, group: str | int = 0) -> tuple[int, int, str]:
    start, end = match.span(group)
    return start, end, text[start:end]


def _absolute(
    match: re.Match[str],
    text: str,
    value: dt.date,
    precision: Precision,
    end: dt.date | None = None,
    group: str | int = 0,
) -> Found:
    start, stop, span = _span(match, text, group)
    date = EventDate(value, precision, "text", end, span)
    return Found(start, stop, span, "absolute", date=date)


def _is_future(text: str, start: int, end: int) -> bool:
    """A future cue ("will", "is due", "next") in the same sentence near the expression."""
    left = text[max(0, start - 90) : start]
    breaks = list(lx.SENTENCE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end() :]
    right = lx.SENTENCE_BREAK.split(text[end : end + 50], maxsplit=1)[0]
    return bool(lx.FUTURE_CUE.search(left) or lx.FUTURE_CUE.search(right))


def _day_range(match: re.Match[str], text: str) -> Found | None:
    month = month_number(match["m"])
    first_month = month_number(match["m1"]) if match["m1"] else month
    d1 = int(match["d1"])
    d2 = int(match["d2"]) if match["d2"] else None
    year = int(match["y"]) if match["y"] else None
    if match.re is lx.MONTH_DAY and match["m1"]:  # "September 30 - October 2": m first
        first_month, month = month, first_month
    if not _valid_day(year, first_month, d1) or (
        d2 is not None and not _valid_day(year, month, d2)
    ):
        return None
    if d2 is not None and first_month == month and d2 <= d1:
        return None
    if d2 is None and match["m1"] and match.re is lx.DAY_MONTH:
        return None  # "5 May June" is not a date
    start, stop, span = _span(match, text)
    if year is None:
        return Found(
            start,
            stop,
            span,
            "partial",
            precision="day",
            month=first_month,
            day=d1,
            month_end=month if d2 else None,
            day_end=d2,
            is_future=_is_future(text, start, stop),
        )
    end = dt.date(year, month, d2) if d2 is not None else None
    return _absolute(match, text, dt.date(year, first_month, d1), "day", end)


def _month_year(match: re.Match[str], text: str) -> Found | None:
    year = int(match["y"])
    first = month_number(match["m"])
    if match["m2"]:
        last = month_number(match["m2"])
        if last <= first:
            return None
        return _absolute(match, text, dt.date(year, first, 1), "month", last_day(year, last))
    return _absolute(match, text, dt.date(year, first, 1), "month")


def _month_alone(match: re.Match[str], text: str) -> Found | None:
    start, stop, span = _span(match, text, "t")
    return Found(
        start,
        stop,
        span,
        "partial",
        precision="month",
        month=month_number(match["m"]),
        is_future=_is_future(text, start, stop),
    )


def _month_attribute(match: re.Match[str], text: str) -> Found | None:
    group = "t" if match["t"] else "t2"
    start, stop, span = _span(match, text, group)
    return Found(
        start,
        stop,
        span,
        "partial",
        precision="month",
        month=month_number(match["m"] or match["m2"]),
        is_future=_is_future(text, start, stop),
    )


def _iso(match: re.Match[str], text: str) -> Found | None:
    year, month, day = int(match["y"]), int(match["mo"]), int(match["d"])
    if not 1 <= month <= 12 or not _valid_day(year, month, day):
        return None
    return _absolute(match, text, dt.date(year, month, day), "day")


def season_range(season: str, year: int) -> tuple[dt.date, dt.date]:
    first, last = lx.SEASONS[season.lower()]
    if first > last:  # winter of Y: December Y-1 to February Y
        return dt.date(year - 1, first, 1), last_day(year, last)
    return dt.date(year, first, 1), last_day(year, last)


def _season(match: re.Match[str], text: str) -> Found | None:
    value, end = season_range(match["s"], int(match["y"]))
    return _absolute(match, text, value, "month", end)


def _decade(match: re.Match[str], text: str) -> Found | None:
    if match["dec"]:
        year = int(match["dec"])
    else:
        short = int(match["short"])
        year = 2000 + short if short <= 20 else 1900 + short
    return _absolute(match, text, dt.date(year, 1, 1), "decade")


def _second_year(first: int, raw: str | None) -> int | None:
    if raw is None:
        return None
    second = int(raw) if len(raw) == 4 else first // 100 * 100 + int(raw)
    return second if first < second <= first + 100 else None


def _year(match: re.Match[str], text: str) -> Found | None:
    after = (match["after"] or "").strip().lower()
    if after in lx.COUNT_NOUNS:
        return None
    first = int(match["y"])
    sep = (match.groupdict().get("sep") or "-").strip().lower()
    ctx = (match.groupdict().get("ctx") or "").lower()
    second = _second_year(first, match["y2"])
    if match["y2"] and (second is None or sep == "or" or (sep == "and" and ctx != "between")):
        start = match.start("y")
        span = text[start : match.end("y")]
        date = EventDate(dt.date(first, 1, 1), "year", "text", None, span)
        return Found(start, match.end("y"), span, "absolute", date=date)
    end = dt.date(second, 12, 31) if second else None
    return _absolute(match, text, dt.date(first, 1, 1), "year", end, group="t")


def _year_range(match: re.Match[str], text: str) -> Found | None:
    second = _second_year(int(match["y"]), match["y2"])
    if second is None or second - int(match["y"]) > 50:
        return None
    return _absolute(match, text, dt.date(int(match["y"]), 1, 1), "year", dt.date(second, 12, 31))


def parse_number(raw: str) -> int | None:
    words = re.split(r"[-\s]+", raw.lower())
    if words[0].isdigit():
        return int(words[0])
    if any(w not in lx.NUMBER_WORDS for w in words):
        return None
    if words == ["a", "hundred"]:
        return 100
    return sum(lx.NUMBER_WORDS[w] for w in words)


def _shift(match: re.Match[str], text: str) -> Found | None:
    amount = parse_number(match["n"])
    if amount is None:
        return None
    direction = match["dir"].lower()
    sign = -1 if direction in ("earlier", "ago", "before") else 1
    unit = match["unit"].lower()
    if unit == "fortnight":
        unit, amount = "week", amount * 2
    kind: Kind = "deictic" if direction == "ago" else "anaphoric"
    start, stop, span = _span(match, text)
    precision: Precision | None = "day" if match["today"] and direction == "ago" else None
    return Found(start, stop, span, kind, precision=precision, amount=sign * amount, unit=unit)


def _offset(match: re.Match[str], text: str) -> Found | None:
    """"two days after X": X is two days before the time of the sentence around it."""
    amount = parse_number(match["n"])
    if amount is None:
        return None
    unit = match["unit"].lower()
    if unit == "fortnight":
        unit, amount = "week", amount * 2
    sign = -1 if match["dir"].lower() == "after" else 1
    start, stop, span = _span(match, text)
    return Found(start, stop, span, "offset", amount=sign * amount, unit=unit, is_anchor=False)


def _vague(match: re.Match[str], text: str) -> Found | None:
    start, stop, span = _span(match, text)
    return Found(start, stop, span, "vague", is_anchor=False)


_ANAPHORIC_SHIFT = {
    "the following": 1,
    "the next": 1,
    "the subsequent": 1,
    "the previous": -1,
    "the preceding": -1,
}
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})


def _anaphoric(match: re.Match[str], text: str) -> Found | None:
    start, stop, span = _span(match, text)
    if match["unit2"]:
        sign = 1 if match["dir2"].lower() == "after" else -1
        return Found(start, stop, span, "anaphoric", amount=sign, unit=match["unit2"].lower())
    rel = " ".join(match["rel"].lower().split())
    unit = match["unit"].lower()
    amount = _ANAPHORIC_SHIFT.get(rel, 0)
    if unit in _DAY_PARTS:
        unit = "day"
    if unit in lx.SEASONS and amount != 0:
        return None  # "the following summer": season arithmetic is not worth the risk
    return Found(start, stop, span, "anaphoric", amount=amount, unit=unit)


_DEICTIC_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_DEICTIC_SHIFT = {"last": -1, "past": -1, "the past": -1, "next": 1, "the coming": 1}


def _deictic(match: re.Match[str], text: str) -> Found | None:
    start, stop, span = _span(match, text)
    if match["word"]:
        return Found(
            start, stop, span, "deictic", amount=_DEICTIC_WORDS[match["word"].lower()], unit="day"
        )
    rel = " ".join(match["rel"].lower().split())
    unit = match["unit"].lower()
    amount = _DEICTIC_SHIFT.get(rel, 0)
    if unit in _DAY_PARTS:
        unit, amount = "day", (-1 if rel == "last" else 0)
    if unit == "weekend":
        unit = "week"
    return Found(
        start,
        stop,
        span,
        "deictic",
        amount=amount,
        unit=unit,
        is_future=_is_future(text, start, stop),
    )


_HABITUAL = re.compile(r"(?i:\b(?:every|each)\s+$)")


def _weekday(match: re.Match[str], text: str) -> Found | None:
    rel = (match["rel"] or "").lower()
    if _HABITUAL.search(text, max(0, match.start() - 6), match.start()) and not rel:
        return None  # "every Sunday": a habit, not a day
    start = match.start("rel") if rel in ("last", "next", "this") else match.start("wd")
    stop = match.end("wd")
    is_future = rel == "next" or (rel != "last" and _is_future(text, start, stop))
    return Found(
        start,
        stop,
        text[start:stop],
        "deictic",
        weekday=lx.WEEKDAYS[match["wd"].lower()],
        unit="weekday",
        amount=-1 if rel == "last" else 0,
        is_future=is_future,
    )


_RULES: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (lx.DAY_MONTH, _day_range),
    (lx.MONTH_DAY, _day_range),
    (lx.MONTH_YEAR, _month_year),
    (lx.MONTH_ALONE, _month_alone),
    (lx.MONTH_ATTRIBUTE, _month_attribute),
    (lx.ISO_DATE, _iso),
    (lx.SEASON_YEAR, _season),
    (lx.DECADE, _decade),
    (lx.YEAR_IN_CONTEXT, _year),
    (lx.YEAR_ADJECTIVE, _year),
    (lx.YEAR_RANGE, _year_range),
    (lx.SHIFT, _shift),
    (lx.OFFSET, _offset),
    (lx.ANAPHORIC, _anaphoric),
    (lx.DEICTIC, _deictic),
    (lx.WEEKDAY, _weekday),
    (lx.VAGUE, _vague),
)

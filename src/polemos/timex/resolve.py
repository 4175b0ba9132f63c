"""Turn found expressions into dates, given an anchor and a reference (publication) date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from polemos.records import EventDate, Precision
from polemos.timex import lexicon as lx
from polemos.timex import reasons
from polemos.timex.scan import Found, last_day, season_range

_ORDER: dict[Precision, int] = {"day": 0, "month": 1, "year": 2, "decade": 3}
_UNIT_PRECISION: dict[str, Precision] = {
    "day": "day", "week": "day", "month": "month", "year": "year", "decade": "year",
}  # fmt: skip


def coarser(a: Precision | None, b: Precision) -> Precision:
    if a is None:
        return b
    return a if _ORDER[a] >= _ORDER[b] else b


def truncate(value: dt.date, precision: Precision) -> dt.date:
    if precision == "month":
        return value.replace(day=1)
    if precision == "year":
        return dt.date(value.year, 1, 1)
    if precision == "decade":
        return dt.date(value.year // 10 * 10, 1, 1)
    return value


def add_months(value: dt.date, months: int) -> dt.date:
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(value.day, last_day(year, month + 1).day))


def shift(
    base: EventDate, amount: int, unit: str, text: str, *, reason: str | None = None
) -> EventDate:
    """``base`` moved by ``amount`` units; never more precise than the base."""
    origin = base.end if amount > 0 and base.end is not None else base.value
    if origin is None:
        return EventDate(text=text, reason=reasons.NO_REFERENCE)
    if unit in lx.SEASONS:
        value, end = season_range(
            unit, origin.year + (1 if unit == "winter" and origin.month == 12 else 0)
        )
        return EventDate(value, coarser(base.precision, "month"), "text", end, text, reason)
    precision = coarser(base.precision, _UNIT_PRECISION[unit])
    if unit == "day":
        moved = origin + dt.timedelta(days=amount)
    elif unit == "week":
        moved = origin + dt.timedelta(weeks=amount)
    elif unit == "month":
        moved = add_months(origin, amount)
    else:
        years = amount * (10 if unit == "decade" else 1)
        moved = dt.date(origin.year + years, 1, 1)
    return EventDate(truncate(moved, precision), precision, "text", None, text, reason)


def resolve(found: Found, anchor: EventDate | None, reference: dt.date | None) -> EventDate:
    """The date of ``found``.

    Args:
        anchor: the last dated expression before it (for "two days later", "on 27 September").
        reference: the publication date (for "yesterday", "on Thursday", "this year").
    """
    if found.kind == "absolute" and found.date is not None:
        return replace(found.date, reason=reasons.STATED)
    if found.kind == "partial":
        return _partial(found, anchor, reference)
    if found.kind == "offset":  # needs the date of its sentence: see analyse.py
        return EventDate(text=found.text, reason=reasons.NO_REFERENCE)
    if found.kind == "vague":
        return EventDate(text=found.text, reason=reasons.VAGUE)
    if found.kind == "anaphoric":
        if anchor is None or anchor.value is None or found.amount is None or found.unit is None:
            return EventDate(text=found.text, reason=reasons.NO_REFERENCE)
        reason = reasons.counted_from(anchor.iso)
        return shift(anchor, found.amount, found.unit, found.text, reason=reason)
    return _deictic(found, reference)


def _partial(found: Found, anchor: EventDate | None, reference: dt.date | None) -> EventDate:
    if found.month is None:
        return EventDate(text=found.text, reason=reasons.NO_REFERENCE)
    is_month = found.precision == "month" or found.day is None
    if anchor is not None and anchor.value is not None:
        year, reason = anchor.value.year, reasons.ANTECEDENT_YEAR
    elif reference is not None:
        year = nearest_year(found.month, found.day, reference, is_future=found.is_future)
        reason = (
            reasons.bare_month(found.month, is_future=found.is_future)
            if is_month
            else reasons.bare_day(found.month, found.day or 1, is_future=found.is_future)
        )
    else:
        return EventDate(text=found.text, reason=reasons.NO_REFERENCE)
    if is_month:
        return EventDate(dt.date(year, found.month, 1), "month", "text", None, found.text, reason)
    end = None
    if found.day_end is not None:
        end_month = found.month_end or found.month
        end_year = year + 1 if end_month < found.month else year
        end = dt.date(end_year, end_month, min(found.day_end, last_day(end_year, end_month).day))
    day = found.day or 1
    value = dt.date(year, found.month, min(day, last_day(year, found.month).day))
    return EventDate(value, "day", "text", end, found.text, reason)


def nearest_year(month: int, day: int | None, reference: dt.date, *, is_future: bool) -> int:
    """The year of the nearest such month (or day) on or before the reference date, or on
    or after it for a future clause; a bare month of the reference's own month is that month."""
    year = reference.year
    candidate = dt.date(year, month, min(day or 1, last_day(year, month).day))
    if is_future and candidate < truncate(reference, "day" if day else "month"):
        return year + 1
    if not is_future and candidate > reference:
        return year - 1
    return year


def _deictic(found: Found, reference: dt.date | None) -> EventDate:
    if reference is None or found.unit is None or found.amount is None:
        return EventDate(text=found.text, reason=reasons.NO_REFERENCE)
    if found.unit == "weekday" and found.weekday is not None:
        is_future = found.is_future and found.amount >= 0
        value = _weekday(reference, found.weekday, found.amount, is_future)
        reason = reasons.weekday(found.weekday, is_future=is_future, is_last=found.amount < 0)
        return EventDate(value, "day", "text", None, found.text, reason)
    if found.unit == "week":
        monday = (
            reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=found.amount)
        )
        end = monday + dt.timedelta(days=6)
        return EventDate(monday, "day", "text", end, found.text, reasons.FROM_PUBLICATION)
    if found.unit in lx.SEASONS:
        return _season(found, reference)
    if found.precision == "day" and found.unit in ("year", "month"):  # "N years ago today"
        months = found.amount * (12 if found.unit == "year" else 1)
        value = add_months(reference, months)
        return EventDate(value, "day", "text", None, found.text, reasons.FROM_PUBLICATION)
    base = EventDate(reference, "day")
    return shift(base, found.amount, found.unit, found.text, reason=reasons.FROM_PUBLICATION)


def _weekday(reference: dt.date, weekday: int, amount: int, is_future: bool) -> dt.date:
    """The most recent such day on/before the reference (or the next one for future tense)."""
    if is_future:
        return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7)
    back = (reference.weekday() - weekday) % 7
    if amount < 0 and back == 0:
        back = 7
    return reference - dt.timedelta(days=back)


def _season(found: Found, reference: dt.date) -> EventDate:
    season, amount = found.unit or "summer", found.amount or 0
    value, end = season_range(season, reference.year + amount)
    if amount < 0 and season_range(season, reference.year)[1] < reference:
        value, end = season_range(season, reference.year)
    return EventDate(value, "month", "text", end, found.text, reasons.FROM_PUBLICATION)

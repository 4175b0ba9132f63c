"""Charts as inline SVG strings: pure functions of plain records, no I/O, no randomness.

Every text that reaches the SVG (labels, tooltips) goes through ``esc``; tooltips travel in
``data-tip`` attributes that the page script copies with ``textContent``, never as markup.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

QUAD_LABELS = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}
QUAD_COLOURS = {1: "#6baed6", 2: "#2166ac", 3: "#f4a582", 4: "#b2182b"}
COOP_COLOUR = "#2f6fb0"
CONFLICT_COLOUR = "#c0392b"
BAR_COLOUR = "#1f4e79"
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3}


def esc(value: object) -> str:
    """Escape any value for use in SVG/HTML text or a quoted attribute."""
    return escape(str(value), quote=True)


@dataclass(frozen=True, slots=True)
class Mark:
    """One dated event on the timeline; ``end`` is exclusive (a day spans one day)."""

    start: dt.date
    end: dt.date
    lane: int  # quad class 1..4
    precision: str
    tip: str


@dataclass(frozen=True, slots=True)
class Series:
    """Cooperation (sum of positive Goldstein) and conflict (sum of negative) per period."""

    label: str
    coop: tuple[float, ...]
    conflict: tuple[float, ...]  # <= 0
    tips: tuple[str, ...]
    is_party: bool = False
    counts: tuple[int, ...] = ()  # events per period

    @property
    def tips_with_events(self) -> tuple[int, ...]:
        return tuple(n for n in self.counts if n)


def year_fraction(day: dt.date) -> float:
    """A date as a fractional year: 2020-07-01 → about 2020.5."""
    first = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - first).days
    return day.year + (day - first).days / length


MIN_FOR_OUTLIERS = 5  # fewer dated marks than this: every one is kept on the axis


def main_span(years: Sequence[float], *, spread: float = 3.0) -> tuple[float, float]:
    """The span that holds the bulk of the dates: the quartiles widened by ``spread`` times
    their distance (at least one year), so one event dated decades away from the rest does
    not squeeze the others into a sliver. Fewer than ``MIN_FOR_OUTLIERS`` dates: all of them.
    """
    return main_span_of_counts(Counter(years), spread=spread)


def main_span_of_counts(counts: Mapping[float, int], *, spread: float = 3.0
                        ) -> tuple[float, float]:
    """:func:`main_span` of dates given as year → how many (no list of every date needed)."""
    ordered = sorted((y, n) for y, n in counts.items() if n > 0)
    total = sum(n for _, n in ordered)
    if total < MIN_FOR_OUTLIERS:
        return (ordered[0][0], ordered[-1][0]) if ordered else (0.0, 0.0)
    ends = list(itertools.accumulate(n for _, n in ordered))  # last index + 1 of each year

    def nth(index: int) -> float:
        return ordered[bisect.bisect_right(ends, index)][0]

    def quantile(q: float) -> float:
        at = q * (total - 1)
        low = math.floor(at)
        return nth(low) + (nth(min(low + 1, total - 1)) - nth(low)) * (at - low)

    q1, q3 = quantile(0.25), quantile(0.75)
    width = max(q3 - q1, 1.0) * spread
    inside = [y for y, _ in ordered if q1 - width <= y <= q3 + width]
    return inside[0], inside[-1]


def outside_note(n: int, years: Sequence[int], what: str = "event") -> str:
    """ "Left out of the axis: 2 events dated 1950, 1962 (far from the rest)." """
    if not n:
        return ""
    shown = ", ".join(str(y) for y in sorted(set(years))[:6])
    noun = what if n == 1 else what + "s"
    return f"Left out of the axis: {n} {noun} dated {shown} (far from the rest)."


def year_ticks(lo: float, hi: float, *, max_ticks: int = 12) -> list[int]:
    """Whole years between ``lo`` and ``hi`` at a step of 1, 2, 5, 10 … so at most ``max_ticks``."""
    span = max(hi - lo, 1.0)
    step = 1
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100):
        step = candidate
        if span / candidate <= max_ticks:
            break
    first = math.ceil(lo / step) * step
    return list(range(int(first), int(hi) + 1, step))


def svg_open(width: int, height: int, label: str, cls: str) -> str:
    return (
        f'<svg class="chart {cls}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{esc(label)}">'
    )


def wrapped_label(x: float, mid: float, label: str, *, cls: str = "lbl", limit: int = 22) -> str:
    """A right-aligned label on one line, or two when longer than ``limit`` characters."""
    if len(label) <= limit:
        return svg_text(x, mid + 4, label, anchor="end", cls=cls)
    cut = label.rfind(" ", 0, limit + 1)
    cut = cut if cut > 0 else limit
    first, second = label[:cut].strip(), label[cut:].strip()
    if len(second) > limit:
        second = second[: limit - 1] + "…"
    return svg_text(x, mid - 3, first, anchor="end", cls=cls) + svg_text(
        x, mid + 11, second, anchor="end", cls=cls
    )


def svg_text(x: float, y: float, value: object, *, anchor: str = "start", cls: str = "lbl") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" class="{cls}">{esc(value)}</text>'


def empty_svg(message: str, *, width: int = 640, height: int = 60) -> str:
    """A placeholder chart that still renders (a frame and a message)."""
    return (
        svg_open(width, height, message, "empty")
        + f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" class="frame"/>'
        + svg_text(width / 2, height / 2 + 4, message, anchor="middle", cls="muted")
        + "</svg>"
    )


def bar_chart_svg(
    items: Sequence[tuple[str, int]], *, label: str, width: int = 420,
    colours: Sequence[str] = (),
) -> str:
    """Horizontal bars, one per (name, count), in the order given; optional colour per bar."""
    if not items:
        return empty_svg("no events", width=width)
    row, left, right = 20, 130, 40
    height = row * len(items) + 10
    top = max(count for _, count in items) or 1
    scale = (width - left - right) / top
    parts = [svg_open(width, height, label, "bars")]
    for i, (name, count) in enumerate(items):
        y = 5 + i * row
        w = max(count * scale, 1.0)
        parts.append(svg_text(left - 6, y + 13, name, anchor="end"))
        fill = f' fill="{colours[i] if i < len(colours) else BAR_COLOUR}"'
        parts.append(
            f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" class="bar"{fill} '
            f'data-tip="{esc(f"{name}: {count} events")}"/>'
        )
        parts.append(svg_text(left + w + 4, y + 13, count, cls="num"))
    parts.append("</svg>")
    return "".join(parts)


def _pack(spans: Sequence[tuple[float, float]], *, max_rows: int) -> list[int]:
    """Give each (x0, x1) span a row so spans in a row do not overlap (greedy, in input order)."""
    ends: list[float] = []
    rows: list[int] = []
    for x0, x1 in spans:
        for i, end in enumerate(ends):
            if x0 >= end + 1:
                ends[i] = x1
                rows.append(i)
                break
        else:
            if len(ends) < max_rows:
                ends.append(x1)
                rows.append(len(ends) - 1)
            else:
                i = min(range(len(ends)), key=ends.__getitem__)
                ends[i] = max(ends[i], x1)
                rows.append(i)
    return rows


def split_outliers(marks: Sequence[Mark]) -> tuple[list[Mark], list[Mark]]:
    """(marks on the axis, marks left out because they lie far from the bulk of the dates).

    Decade-precision marks never frame the axis ("in the 1990s" would stretch it); they are
    drawn clipped when they overlap it and left out when they do not.
    """
    framing = [m for m in marks if m.precision != "decade"] or list(marks)
    lo, hi = main_span([year_fraction(m.start) for m in framing])
    lo, hi = math.floor(lo), math.floor(hi) + 1  # whole years, the last one included
    kept = [m for m in marks if year_fraction(m.end) > lo and year_fraction(m.start) < hi]
    return kept, [m for m in marks if m not in kept]


def timeline_svg(marks: Sequence[Mark], *, width: int = 960) -> str:
    """Events on a time axis, one lane per quad class; a mark spans its date's precision.

    Marks far from the bulk of the dates are left out and named under the axis.
    """
    if not marks:
        return empty_svg("no dated events", width=width)
    left, right, top, sub = 150, 20, 10, 9
    shown, left_out = split_outliers(marks)
    framing = [m for m in shown if m.precision != "decade"] or shown
    lo = math.floor(min(year_fraction(m.start) for m in framing))
    hi = max(math.ceil(max(year_fraction(m.end) for m in framing)), lo + 1)
    plot_w = width - left - right

    def x_of(day: dt.date) -> float:
        frac = min(max(year_fraction(day), lo), hi)
        return left + (frac - lo) / (hi - lo) * plot_w

    body: list[str] = []
    y = top
    for lane in (1, 2, 3, 4):
        # precise dates are packed first so they take the top rows of the lane
        lane_marks = sorted(
            (m for m in shown if m.lane == lane),
            key=lambda m: (PRECISION_RANK.get(m.precision, 4), m.start, m.end),
        )
        spans = [(x_of(m.start), max(x_of(m.end), x_of(m.start) + 5)) for m in lane_marks]
        rows = _pack(spans, max_rows=8)
        height = (max(rows) + 1 if rows else 1) * sub + 10
        body.append(f'<rect x="{left}" y="{y}" width="{plot_w}" height="{height}" class="lane"/>')
        body.append(svg_text(left - 8, y + height / 2 + 4, QUAD_LABELS[lane], anchor="end"))
        for mark, (x0, x1), r in zip(lane_marks, spans, rows, strict=True):
            body.append(_mark_svg(mark, x0, x1, y + 5 + r * sub, QUAD_COLOURS[lane]))
        y += height + 4
    axis = _time_axis(lo, hi, left, plot_w, top, y)
    note = outside_note(len(left_out), [m.start.year for m in left_out])
    extra = svg_text(left, y + 42, note, cls="muted outliers") if note else ""
    height = y + (52 if note else 30)
    return (svg_open(width, height, "events over time", "timeline") + "".join(body) + axis
            + extra + "</svg>")


def _mark_svg(mark: Mark, x0: float, x1: float, y: float, colour: str) -> str:
    tip = esc(mark.tip)
    if mark.precision == "day":
        return (
            f'<circle cx="{x0 + 2.5:.1f}" cy="{y + 3.5:.1f}" r="3.5" fill="{colour}" '
            f'class="mark p-day" data-tip="{tip}"/>'
        )
    opacity = {"month": 0.85, "year": 0.5}.get(mark.precision, 0.25)
    return (
        f'<rect x="{x0:.1f}" y="{y:.1f}" width="{x1 - x0:.1f}" height="7" rx="2" fill="{colour}" '
        f'fill-opacity="{opacity}" class="mark p-{esc(mark.precision)}" data-tip="{tip}"/>'
    )


def _time_axis(lo: float, hi: float, left: float, plot_w: float, top: float, bottom: float) -> str:
    parts = [f'<line x1="{left}" y1="{bottom}" x2="{left + plot_w}" y2="{bottom}" class="axis"/>']
    if hi - lo <= 4:
        for quarter in range(int(lo) * 4 + 1, int(hi) * 4):
            if quarter % 4:
                x = left + (quarter / 4 - lo) / (hi - lo) * plot_w
                parts.append(
                    f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" class="grid minor"/>'
                )
    for year in year_ticks(lo, hi):
        x = left + (year - lo) / (hi - lo) * plot_w
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom + 4}" class="grid"/>')
        parts.append(svg_text(x, bottom + 17, year, anchor="middle", cls="tick"))
    return "".join(parts)


def series_svg(series: Sequence[Series], periods: Sequence[str], *, width: int = 960) -> str:
    """Small multiples on one shared scale: cooperation up, conflict down, net as a tick."""
    if not series or not periods:
        return empty_svg("no dated events for these actors", width=width)
    left, right, row, gap = 170, 20, 64, 6
    peak = max([max(s.coop + tuple(-c for c in s.conflict), default=0.0) for s in series] + [1.0])
    plot_w = width - left - right
    step = plot_w / len(periods)
    bar = max(min(step * 0.7, 28.0), 1.5)
    parts: list[str] = []
    for i, s in enumerate(series):
        y0 = 6 + i * (row + gap)
        mid = y0 + row / 2
        cls = "lbl party" if s.is_party else "lbl"
        parts.append(f'<rect x="{left}" y="{y0}" width="{plot_w}" height="{row}" class="lane"/>')
        parts.append(wrapped_label(left - 8, mid, s.label, cls=cls))
        parts.append(f'<line x1="{left}" y1="{mid}" x2="{left + plot_w}" y2="{mid}" class="zero"/>')
        if not any(s.coop) and not any(s.conflict) and not any(s.tips_with_events):
            parts.append(svg_text(left + plot_w / 2, mid - 6, "no dated events", anchor="middle",
                                  cls="muted"))
        for j in range(len(periods)):
            parts.append(
                _period_bars(s, j, left + j * step + (step - bar) / 2, bar, mid, row / 2 - 3, peak)
            )
    bottom = 6 + len(series) * (row + gap)
    parts.append(_period_axis(periods, left, step, bottom))
    scale = svg_text(
        left,
        bottom + 34,
        f"bar height: summed Goldstein score; full half-row = {peak:.0f}",
        cls="muted",
    )
    return (
        svg_open(width, bottom + 40, "cooperation and conflict over time", "series")
        + "".join(parts)
        + scale
        + "</svg>"
    )


def _period_bars(
    s: Series, j: int, x: float, bar: float, mid: float, half: float, peak: float
) -> str:
    coop, conflict = s.coop[j], s.conflict[j]
    has_events = s.counts[j] > 0 if s.counts else (coop != 0 or conflict != 0)
    if not has_events:
        return ""
    tip = esc(s.tips[j])
    up = coop / peak * half
    down = -conflict / peak * half
    net = mid - (coop + conflict) / peak * half
    return (
        f'<g class="period" data-tip="{tip}">'
        f'<rect x="{x:.1f}" y="{mid - up:.1f}" width="{bar:.1f}" height="{up:.1f}" '
        f'fill="{COOP_COLOUR}"/>'
        f'<rect x="{x:.1f}" y="{mid:.1f}" width="{bar:.1f}" height="{down:.1f}" '
        f'fill="{CONFLICT_COLOUR}"/>'
        f'<line x1="{x - 2:.1f}" y1="{net:.1f}" x2="{x + bar + 2:.1f}" y2="{net:.1f}" class="net"/>'
        "</g>"
    )


def _period_axis(periods: Sequence[str], left: float, step: float, y: float) -> str:
    every = max(1, math.ceil(len(periods) / 16))
    parts = []
    for j, period in enumerate(periods):
        if j % every == 0:
            parts.append(
                svg_text(left + (j + 0.5) * step, y + 14, period, anchor="middle", cls="tick")
            )
    return "".join(parts)


def goldstein_colour(value: float) -> str:
    """Red (−10) through grey (0) to blue (+10), as a hex colour."""
    t = max(-1.0, min(1.0, value / 10))
    grey, red, blue = (150, 150, 150), (192, 57, 43), (33, 102, 172)
    target = blue if t > 0 else red
    mix = [round(g + (c - g) * abs(t) ** 0.7) for g, c in zip(grey, target, strict=True)]
    return "#" + "".join(f"{v:02x}" for v in mix)


def legend_svg(items: Sequence[tuple[str, str]], *, width: int = 960) -> str:
    """A legend of (colour, label) swatches that wraps onto more lines when needed."""
    parts, x, y = [], 4.0, 5.0
    for colour, label in items:
        size = 30 + 6.6 * len(label)
        if x > 4 and x + size > width:
            x, y = 4.0, y + 20
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="12" height="12" rx="2" fill="{colour}"/>'
        )
        parts.append(svg_text(x + 17, y + 10, label))
        x += size
    return svg_open(width, int(y) + 17, "legend", "legend") + "".join(parts) + "</svg>"


def precision_legend_svg(*, width: int = 960) -> str:
    """How a mark shows the precision of its date."""
    grey = "#555555"
    parts = [
        f'<circle cx="10" cy="11" r="4" fill="{grey}"/>',
        svg_text(20, 15, "exact day"),
        f'<rect x="100" y="7" width="26" height="8" rx="2" fill="{grey}" fill-opacity="0.85"/>',
        svg_text(132, 15, "month"),
        f'<rect x="190" y="7" width="40" height="8" rx="2" fill="{grey}" fill-opacity="0.5"/>',
        svg_text(236, 15, "year"),
        f'<rect x="290" y="7" width="60" height="8" rx="2" fill="{grey}" fill-opacity="0.25"/>',
        svg_text(356, 15, "decade: a bar spans the period the text names"),
    ]
    return svg_open(width, 22, "date precision legend", "legend") + "".join(parts) + "</svg>"

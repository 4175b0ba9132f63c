"""Chart inputs and HTML fragments built from counted and loaded events (every text escaped)."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import PurePath

from polemos.report.charts import (
    QUAD_LABELS,
    Mark,
    Series,
    esc,
    main_span_of_counts,
    outside_note,
    year_fraction,
)
from polemos.report.data import (
    DocumentRow,
    ReportEvent,
    choose_freq,
    date_span,
    distinct,
    period_at,
    periods_between,
)
from polemos.report.network import Edge, Node
from polemos.store.scoped import ActorCell, DateCount, Involvement, PairWeight, ScopedEvents

MAX_QUOTE = 220


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def clip(text: str, limit: int = MAX_QUOTE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def who(codes: Sequence[str], names: Mapping[str, str], named: Sequence[str] = ()) -> str:
    """Participants by name; ``named`` are the texts of those the KB does not code."""
    return ", ".join([*(names.get(code, code) for code in codes), *named]) or "—"


def describe(event: ReportEvent, names: Mapping[str, str]) -> str:
    """A one-line plain-text account of an event (escaped later, where it is placed)."""
    date = event.date.iso or "undated"
    if event.date.value is not None:
        date += f" ({event.date.precision or 'day'})"
    target = f" → {who(event.recipients, names, event.named_recipients)}" \
        if event.recipients or event.named_recipients else ""
    return (
        f"{date} · {event.type} {event.cameo} (Goldstein {event.goldstein:+.1f}) · "
        f"{who(event.actors, names, event.named_actors)}{target} · “{clip(event.sentence_text, 160)}”"
    )


def marks_list_html(marks: Sequence[Mark], *, limit: int = 400) -> str:
    """The timeline's marks as a list in date order, shown in print (where nothing hovers)."""
    ordered = sorted(marks, key=lambda m: (m.start, m.lane))
    items = "".join(f"<li>{esc(QUAD_LABELS.get(m.lane, ''))}: {esc(m.tip)}</li>"
                    for m in ordered[:limit])
    more = (f'<p class="note">The list stops at {limit} of {len(ordered)} events.</p>'
            if len(ordered) > limit else "")
    return (f'<div class="print-only"><h3>The events of the timeline</h3>'
            f'<ol class="marks">{items}</ol>{more}</div>')


def timeline_marks(events: Sequence[ReportEvent], names: Mapping[str, str]) -> list[Mark]:
    marks = []
    for event in distinct(events):
        span = date_span(event.date)
        if span is None or event.quad not in QUAD_LABELS:
            continue
        marks.append(
            Mark(
                span[0], span[1], event.quad, event.date.precision or "day", describe(event, names)
            )
        )
    return marks


def far_test(dates: Sequence[DateCount]) -> Callable[[dt.date], bool]:
    """Whether a date lies far outside the span that holds the bulk of ``dates``."""
    counts: Counter[float] = Counter()
    for d in dates:
        if d.value is not None:
            counts[year_fraction(d.value)] += d.n
    lo, hi = main_span_of_counts(counts)
    lo, hi = math.floor(lo), math.ceil(hi) + 1
    return lambda day: not lo <= year_fraction(day) < hi


def goldstein_series(
    digest: ScopedEvents,
    actors: Sequence[str],
    parties: Sequence[str],
    names: Mapping[str, str],
) -> tuple[list[Series], list[str], int, str]:
    """Per actor and period: summed positive and negative Goldstein of the events it takes part in.

    Returns the series, the periods, how many events were left out (undated, or dated less
    precisely than a period) and a note naming the events of these actors left out because
    they are dated far from all the others (so they would stretch the axis).
    """
    every = digest.dates()
    is_far = far_test(every)
    freq = choose_freq(d for d in every if d.value is None or not is_far(d.value))
    theirs = digest.dates(involving=actors) if actors else []
    far = [d for d in theirs if d.value is not None and is_far(d.value)]
    note = outside_note(sum(d.n for d in far), [d.value.year for d in far if d.value])
    n_left_out = sum(d.n for d in theirs
                     if d not in far and period_at(d.value, d.precision, freq) is None)
    cells: dict[tuple[str, str], list[ActorCell]] = defaultdict(list)
    for cell in digest.actor_cells(actors):
        if cell.value is None or is_far(cell.value):
            continue
        period = period_at(cell.value, cell.precision, freq)
        if period is not None:
            cells[(cell.code, period)].append(cell)
    if not cells:
        return [], [], n_left_out, note
    used = sorted({period for _, period in cells})
    periods = periods_between(used[0], used[-1], freq)
    series = []
    for code in actors:
        rows = [cells.get((code, period), []) for period in periods]
        series.append(
            Series(
                label=names.get(code, code),
                coop=tuple(sum(c.coop for c in row) or 0 for row in rows),  # 0, not -0.0
                conflict=tuple(sum(c.conflict for c in row) or 0 for row in rows),
                tips=tuple(
                    _period_tip(names.get(code, code), p, r)
                    for p, r in zip(periods, rows, strict=True)
                ),
                is_party=code in parties,
                counts=tuple(sum(c.n for c in row) for row in rows),
            )
        )
    return series, periods, n_left_out, note


def _period_tip(label: str, period: str, cells: Sequence[ActorCell]) -> str:
    quads: Counter[int] = Counter()
    for cell in cells:
        quads[cell.quad] += cell.n
    parts = ", ".join(f"{QUAD_LABELS[q].lower()} {n}" for q, n in sorted(quads.items()))
    net = sum(c.coop + c.conflict for c in cells)
    n = sum(c.n for c in cells)
    return f"{label}, {period}: {n} events ({parts}); net Goldstein {net:+.1f}"


def network_parts(
    pairs: Sequence[PairWeight],
    parties: Sequence[str],
    names: Mapping[str, str],
    *,
    max_nodes: int = 24,
) -> tuple[list[Node], list[Edge]]:
    """The busiest actors (parties always in) and the dyads between them."""
    degree: Counter[str] = Counter()
    for pair in pairs:
        degree[pair.a] += pair.n
        degree[pair.b] += pair.n
    ranked = sorted(degree, key=lambda code: (code not in parties, -degree[code], code))
    chosen = set(ranked[:max_nodes])
    nodes = [Node(code, names.get(code, code), degree[code], code in parties)
             for code in ranked[:max_nodes]]
    edges = []
    for pair in sorted(pairs, key=lambda p: (p.a, p.b)):
        a, b = pair.a, pair.b
        if a in chosen and b in chosen:
            mean = pair.weight / pair.n
            tip = (
                f"{names.get(a, a)} – {names.get(b, b)}: {pair.n} events, "
                f"mean Goldstein {mean:+.1f}"
            )
            edges.append(Edge(a, b, pair.n, mean, tip))
    return nodes, edges


def _highlighted(event: ReportEvent) -> str:
    before, trigger, after = event.sentence_parts()
    if not trigger:
        return esc(before)
    return f"{esc(before)}<mark>{esc(trigger)}</mark>{esc(after)}"


def event_table_html(
    events: Sequence[ReportEvent],
    names: Mapping[str, str],
    titles: Mapping[str, str],
    *,
    limit: int = 600,
    total: int | None = None,
) -> str:
    """The event list (flagged reports included and marked), filterable by the page script;
    ``total`` is how many reports there are when ``events`` holds only the first ones."""
    total = len(events) if total is None else total
    rows = []
    for event in events[:limit]:
        date = esc(event.date.iso or "—")
        precision = esc(event.date.precision or "")
        flags = "".join(f'<span class="flag">{esc(flag)}</span>' for flag in event.flags)
        tone = "pos" if event.goldstein > 0 else "neg" if event.goldstein < 0 else "zero"
        rows.append(
            f'<tr class="{"flagged" if event.is_flagged else ""}">'
            f'<td class="nowrap">{date}<div class="sub">{precision}</div></td>'
            f'<td><span class="q q{event.quad}"></span>{esc(event.type)}'
            f'<div class="sub">CAMEO {esc(event.cameo)}</div></td>'
            f"<td>{esc(who(event.actors, names, event.named_actors))}</td>"
            f"<td>{esc(who(event.recipients, names, event.named_recipients))}</td>"
            f'<td class="num {tone}">{event.goldstein:+.1f}</td>'
            f'<td class="quote">{_highlighted(event)}{flags}'
            f'<div class="sub">{esc(titles.get(event.doc_id) or event.doc_id)}</div></td></tr>'
        )
    more = ""
    if total > min(limit, len(events)):
        more = (f'<p class="muted">Showing the first {min(limit, len(events))} of {total} '
                "event reports (in date order).</p>")
    return (
        '<table class="events" id="event-table"><thead><tr><th>Date</th><th>Type</th>'
        "<th>Actor</th><th>Recipient</th><th>Goldstein</th><th>Sentence · source</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>{more}"
    )


def fallback_brief_html(
    involvement: Involvement,
    dated: Sequence[ReportEvent],
    names: Mapping[str, str],
) -> str:
    """An actor's record with the parties, from events alone (used until briefs are
    available): ``dated`` are the first of its dated events with a party."""
    lines = [
        f"<li>with {esc(names.get(party, party))}: {plural(n, 'event')}, "
        f"mean Goldstein {mean:+.1f}</li>"
        for party, n, mean in involvement.by_party
    ]
    types = ", ".join(f"{esc(t)} ({n})" for t, n in involvement.types)
    items = "".join(
        f'<li><span class="date">{esc(e.date.iso)}</span> {esc(e.type)} '
        f"<q>{esc(clip(e.sentence_text))}</q></li>"
        for e in dated
    )
    return (
        f'<div class="brief fallback"><p>Events with a party: {involvement.n}. '
        f"Most frequent types: {types or '—'}.</p>"
        f"<ul>{''.join(lines)}</ul><ol class='record'>{items}</ol></div>"
    )


def short_source(source: str) -> str:
    """A URL as it is; a file path by its name (with any ":line" suffix)."""
    if "://" in source:
        return source
    return PurePath(source).name or source


def documents_table_html(documents: Sequence[DocumentRow], *, limit: int = 50,
                         total: int | None = None) -> str:
    """The documents in scope: date, title, source file or URL, events coded from it;
    ``total`` is how many there are when ``documents`` holds only the first ones."""
    total = len(documents) if total is None else total
    rows = "".join(
        f'<tr><td class="nowrap">{esc(d.date or "—")}</td><td>{esc(d.title)}</td>'
        f'<td class="src" title="{esc(d.source)}">{esc(short_source(d.source))}</td>'
        f'<td class="num">{d.n_events}</td></tr>'
        for d in documents[:limit]
    )
    more = (
        f'<p class="note">Showing {min(limit, len(documents))} of {total} documents.</p>'
        if total > min(limit, len(documents))
        else ""
    )
    return (
        '<div class="scroll short"><table class="docs"><thead><tr><th>Date</th><th>Title</th>'
        f"<th>Source</th><th>Events</th></tr></thead><tbody>{rows}</tbody></table></div>{more}"
    )

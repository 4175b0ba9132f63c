"""Chart inputs and HTML fragments built from loaded events (pure; every text escaped)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import PurePath

from polemos.report.charts import (
    QUAD_LABELS,
    Mark,
    Series,
    esc,
    main_span,
    outside_note,
    year_fraction,
)
from polemos.report.data import (
    DocumentRow,
    ReportEvent,
    choose_freq,
    date_span,
    distinct,
    dyads,
    period_of,
    periods_between,
)
from polemos.report.network import Edge, Node

MAX_QUOTE = 220


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def clip(text: str, limit: int = MAX_QUOTE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def who(codes: Sequence[str], names: Mapping[str, str]) -> str:
    return ", ".join(names.get(code, code) for code in codes) or "—"


def describe(event: ReportEvent, names: Mapping[str, str]) -> str:
    """A one-line plain-text account of an event (escaped later, where it is placed)."""
    date = event.date.iso or "undated"
    if event.date.value is not None:
        date += f" ({event.date.precision or 'day'})"
    target = f" → {who(event.recipients, names)}" if event.recipients else ""
    return (
        f"{date} · {event.type} {event.cameo} (Goldstein {event.goldstein:+.1f}) · "
        f"{who(event.actors, names)}{target} · “{clip(event.sentence_text, 160)}”"
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


def within_main_span(events: Sequence[ReportEvent]) -> tuple[list[ReportEvent], list[ReportEvent]]:
    """(events inside the span that holds the bulk of the dates, dated events far outside
    it); undated events count as inside (the caller handles them)."""
    dated = [e for e in events if e.date.value is not None]
    lo, hi = main_span([year_fraction(e.date.value) for e in dated if e.date.value is not None])
    lo, hi = math.floor(lo), math.ceil(hi) + 1
    far = [e for e in dated if e.date.value is not None
           and not lo <= year_fraction(e.date.value) < hi]
    return [e for e in events if e not in far], far


def goldstein_series(
    events: Sequence[ReportEvent],
    actors: Sequence[str],
    parties: Sequence[str],
    names: Mapping[str, str],
) -> tuple[list[Series], list[str], int, str]:
    """Per actor and period: summed positive and negative Goldstein of the events it takes part in.

    Returns the series, the periods, how many events were left out (undated, or dated less
    precisely than a period) and a note naming the events of these actors left out because
    they are dated far from all the others (so they would stretch the axis).
    """
    kept, far = within_main_span(distinct(events))
    far = [e for e in far if set(e.actors + e.recipients) & set(actors)]
    note = outside_note(len(far), [e.date.value.year for e in far if e.date.value])
    freq = choose_freq(kept)
    cells: dict[tuple[str, str], list[ReportEvent]] = defaultdict(list)
    n_left_out = 0
    for event in kept:
        codes = set(event.actors + event.recipients) & set(actors)
        period = period_of(event.date, freq)
        if period is None:
            n_left_out += bool(codes)
            continue
        for code in codes:
            cells[(code, period)].append(event)
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
                coop=tuple(sum(e.goldstein for e in row if e.goldstein > 0) for row in rows),
                conflict=tuple(sum(e.goldstein for e in row if e.goldstein < 0) for row in rows),
                tips=tuple(
                    _period_tip(names.get(code, code), p, r)
                    for p, r in zip(periods, rows, strict=True)
                ),
                is_party=code in parties,
                counts=tuple(len(row) for row in rows),
            )
        )
    return series, periods, n_left_out, note


def _period_tip(label: str, period: str, events: Sequence[ReportEvent]) -> str:
    quads = Counter(e.quad for e in events)
    parts = ", ".join(f"{QUAD_LABELS[q].lower()} {n}" for q, n in sorted(quads.items()))
    net = sum(e.goldstein for e in events)
    return f"{label}, {period}: {len(events)} events ({parts}); net Goldstein {net:+.1f}"


def network_parts(
    events: Sequence[ReportEvent],
    parties: Sequence[str],
    names: Mapping[str, str],
    *,
    max_nodes: int = 24,
) -> tuple[list[Node], list[Edge]]:
    """The busiest actors (parties always in) and the dyads between them."""
    pairs = dyads(events)
    degree: Counter[str] = Counter()
    for (a, b), evs in pairs.items():
        degree[a] += len(evs)
        degree[b] += len(evs)
    ranked = sorted(degree, key=lambda code: (code not in parties, -degree[code], code))
    chosen = ranked[:max_nodes]
    nodes = [Node(code, names.get(code, code), degree[code], code in parties) for code in chosen]
    edges = []
    for (a, b), evs in sorted(pairs.items()):
        if a in chosen and b in chosen:
            mean = sum(e.goldstein for e in evs) / len(evs)
            tip = (
                f"{names.get(a, a)} – {names.get(b, b)}: {len(evs)} events, "
                f"mean Goldstein {mean:+.1f}"
            )
            edges.append(Edge(a, b, len(evs), mean, tip))
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
) -> str:
    """The event list (flagged reports included and marked), filterable by the page script."""
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
            f"<td>{esc(who(event.actors, names))}</td><td>{esc(who(event.recipients, names))}</td>"
            f'<td class="num {tone}">{event.goldstein:+.1f}</td>'
            f'<td class="quote">{_highlighted(event)}{flags}'
            f'<div class="sub">{esc(titles.get(event.doc_id) or event.doc_id)}</div></td></tr>'
        )
    more = ""
    if len(events) > limit:
        more = f'<p class="muted">Showing the first {limit} of {len(events)} event reports.</p>'
    return (
        '<table class="events" id="event-table"><thead><tr><th>Date</th><th>Type</th>'
        "<th>Actor</th><th>Recipient</th><th>Goldstein</th><th>Sentence · source</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>{more}"
    )


def fallback_brief_html(
    actor: str,
    events: Sequence[ReportEvent],
    parties: Sequence[str],
    names: Mapping[str, str],
    *,
    limit: int = 8,
) -> str:
    """An actor's record with the parties, from events alone (used until briefs are available)."""
    party_set = set(parties)
    involved = [e for e in distinct(events) if actor in e.codes and set(e.codes) & party_set]
    lines = []
    for party in parties:
        toward = [e for e in involved if party in e.codes]
        if toward:
            mean = sum(e.goldstein for e in toward) / len(toward)
            lines.append(
                f"<li>with {esc(names.get(party, party))}: {plural(len(toward), 'event')}, "
                f"mean Goldstein {mean:+.1f}</li>"
            )
    types = ", ".join(
        f"{esc(t)} ({n})" for t, n in Counter(e.type for e in involved).most_common(5)
    )
    dated = [e for e in involved if e.date.value is not None][:limit]
    items = "".join(
        f'<li><span class="date">{esc(e.date.iso)}</span> {esc(e.type)} '
        f"<q>{esc(clip(e.sentence_text))}</q></li>"
        for e in dated
    )
    return (
        f'<div class="brief fallback"><p>Events with a party: {len(involved)}. '
        f"Most frequent types: {types or '—'}.</p>"
        f"<ul>{''.join(lines)}</ul><ol class='record'>{items}</ol></div>"
    )


def short_source(source: str) -> str:
    """A URL as it is; a file path by its name (with any ":line" suffix)."""
    if "://" in source:
        return source
    return PurePath(source).name or source


def documents_table_html(documents: Sequence[DocumentRow], *, limit: int = 50) -> str:
    """The documents in scope: date, title, source file or URL, events coded from it."""
    rows = "".join(
        f'<tr><td class="nowrap">{esc(d.date or "—")}</td><td>{esc(d.title)}</td>'
        f'<td class="src" title="{esc(d.source)}">{esc(short_source(d.source))}</td>'
        f'<td class="num">{d.n_events}</td></tr>'
        for d in documents[:limit]
    )
    more = (
        f'<p class="note">Showing {limit} of {len(documents)} documents.</p>'
        if len(documents) > limit
        else ""
    )
    return (
        '<div class="scroll short"><table class="docs"><thead><tr><th>Date</th><th>Title</th>'
        f"<th>Source</th><th>Events</th></tr></thead><tbody>{rows}</tbody></table></div>{more}"
    )
